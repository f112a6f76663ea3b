// Marks the control a keyboard user must reach (or the element inside it that takes the focus,
// a label's own field) and keeps its look before it has the focus, to tell later whether the
// focus shows. Returns whether the keyboard can reach it at all, and if not, why, in words.
(element) => {
  document.querySelectorAll('[data-auditor-key-target]')
    .forEach((e) => e.removeAttribute('data-auditor-key-target'));
  const shown = (e) => e.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true });
  const focusable = (e) => e.tabIndex >= 0 && !e.matches(':disabled') && !e.closest('[inert]') && shown(e);
  let target = element;
  if (!focusable(target)) {
    target = (element.control && focusable(element.control)) ? element.control
      : [...element.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
        .find(focusable) || element;
  }
  target.setAttribute('data-auditor-key-target', '');
  if (!shown(target)) return { reachable: false, hidden: true, name: '', tag: target.tagName };
  const resolved = target !== element;
  // How a control looks, in the styles a focus indicator changes; focus_state.js reads it again.
  const look = window.__auditorLook = (e) => {
    const s = getComputedStyle(e);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor,
      s.borderColor, s.color, s.textDecorationLine].join('|');
  };
  // Already focused (reached for the menu it opens, then pressed): its look without the
  // focus cannot be read now, and was judged when the focus first came to it.
  const already = document.activeElement === target;
  window.__auditorUnfocused = already ? null : look(target);
  const name = (target.getAttribute('aria-label') || target.innerText || target.value
    || target.getAttribute('title') || '').trim().replace(/\s+/g, ' ').slice(0, 60);
  // An option of a drop-down built from other elements is chosen from its box by typing and
  // arrows, never tabbed to; a radio button is tabbed to as its group, then arrowed to.
  const option = target.getAttribute('role') === 'option' && !focusable(target);
  if (focusable(target) || option) {
    const stops = [...document.querySelectorAll('a[href], button, input, select, textarea, '
      + 'iframe, [tabindex], [contenteditable]')].filter(focusable).length;
    const type = (target.getAttribute('type') || '').toLowerCase();
    const typed = target.isContentEditable || target.tagName === 'TEXTAREA'
      || (target.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit', 'reset',
        'image', 'file', 'range', 'color'].includes(type));
    const key = typed ? null : ['checkbox', 'radio'].includes(type)
      || ['checkbox', 'radio', 'switch'].includes(target.getAttribute('role')) ? 'Space' : 'Enter';
    return { reachable: true, name, option, stops, already, key, resolved,
      tag: target.tagName.toLowerCase() };
  }
  const tag = target.tagName.toLowerCase();
  const role = target.getAttribute('role');
  const why = target.matches(':disabled') ? 'it is disabled'
    : `a <${tag}>${role ? ` with role "${role}"` : ' with no role'} and no tabindex: `
      + 'a pointer can press it, a keyboard cannot';
  return { reachable: false, name, tag, why, resolved };
}
