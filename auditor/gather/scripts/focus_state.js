// Where the keyboard focus is, against the marked control: on it or not, a number for the
// focused element (to notice the Tab order coming round), whether it is an in-page link to a
// part of the page holding the control (a skip link), whether it sits in a dialog, and
// whether the control's focus looks any different from its look without it.
(element) => {
  // Read in the control's own document: a card field in a payment frame has its own focus.
  const doc = element.ownerDocument, win = doc.defaultView;
  const target = doc.querySelector('[data-auditor-key-target]');
  const active = doc.activeElement;
  win.__auditorFocusIds = win.__auditorFocusIds || new WeakMap();
  const ids = win.__auditorFocusIds;
  if (active && !ids.has(active)) {
    win.__auditorFocusNext = (win.__auditorFocusNext || 0) + 1;
    ids.set(active, win.__auditorFocusNext);
  }
  const on = !!(target && active && (active === target || target.contains(active)));
  let skip = false;
  if (target && active && active.tagName === 'A') {
    const hash = (active.getAttribute('href') || '').match(/^#(.+)$/);
    const part = hash && doc.getElementById(decodeURIComponent(hash[1]));
    skip = !!(part && part.contains(target) && !part.contains(active));
  }
  let visible = null;
  if (on) {
    visible = win.__auditorUnfocused === null ? null
      : win.__auditorLook(active) !== win.__auditorUnfocused;
  }
  // Focus in no control of this document: on its body, or in a frame of its own.
  const body = !active || active === doc.body || active === doc.documentElement
    || active.tagName === 'IFRAME';
  const group = !on && target && active && target.type === 'radio' && active.type === 'radio'
    && active.name === target.name && active.form === target.form;
  return {
    on, visible, skip, body, group, id: active ? ids.get(active) || 0 : 0,
    dialog: !!(active && active.closest('dialog[open], [role="dialog"], [aria-modal="true"]')),
    called: active ? `<${active.tagName.toLowerCase()}> “${(active.innerText || '')
      .trim().slice(0, 40)}”` : '',
  };
}
