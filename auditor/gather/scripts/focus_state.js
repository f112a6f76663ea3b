// Where the keyboard focus is, against the marked control: on it or not, a number for the
// focused element (to notice the Tab order coming round), whether it is an in-page link to a
// part of the page holding the control (a skip link), whether it sits in a dialog, and
// whether the control's focus looks any different from its look without it.
() => {
  const target = document.querySelector('[data-auditor-key-target]');
  const active = document.activeElement;
  window.__auditorFocusIds = window.__auditorFocusIds || new WeakMap();
  const ids = window.__auditorFocusIds;
  if (active && !ids.has(active)) {
    window.__auditorFocusNext = (window.__auditorFocusNext || 0) + 1;
    ids.set(active, window.__auditorFocusNext);
  }
  const on = !!(target && active && (active === target || target.contains(active)));
  let skip = false;
  if (target && active && active.tagName === 'A') {
    const hash = (active.getAttribute('href') || '').match(/^#(.+)$/);
    const part = hash && document.getElementById(decodeURIComponent(hash[1]));
    skip = !!(part && part.contains(target) && !part.contains(active));
  }
  let visible = null;
  if (on) {
    const s = getComputedStyle(active);
    const now = [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow,
      s.backgroundColor, s.borderColor, s.color, s.textDecorationLine].join('|');
    visible = now !== window.__auditorUnfocused;
  }
  const body = !active || active === document.body || active === document.documentElement;
  return {
    on, visible, skip, body, id: active ? ids.get(active) || 0 : 0,
    dialog: !!(active && active.closest('dialog[open], [role="dialog"], [aria-modal="true"]')),
    called: active ? `<${active.tagName.toLowerCase()}> “${(active.innerText || '')
      .trim().slice(0, 40)}”` : '',
  };
}
