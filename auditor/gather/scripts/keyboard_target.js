// Marks the control a keyboard user must reach (or the element inside it that takes the focus,
// a label's own field) and keeps its look before it has the focus, to tell later whether the
// focus shows. Returns whether the keyboard can reach it at all, and if not, why, in words.
(element) => {
  document.querySelectorAll('[data-auditor-key-target]')
    .forEach((e) => e.removeAttribute('data-auditor-key-target'));
  const focusable = (e) => e.tabIndex >= 0 && !e.disabled && !e.closest('[inert]')
    && e.getClientRects().length > 0;
  let target = element;
  if (!focusable(target)) {
    target = (element.control && focusable(element.control)) ? element.control
      : [...element.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
        .find(focusable) || element;
  }
  target.setAttribute('data-auditor-key-target', '');
  const look = (e) => {
    const s = getComputedStyle(e);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor,
      s.borderColor, s.color, s.textDecorationLine].join('|');
  };
  window.__auditorUnfocused = look(target);
  const name = (target.getAttribute('aria-label') || target.innerText || target.value
    || target.getAttribute('title') || '').trim().replace(/\s+/g, ' ').slice(0, 60);
  if (focusable(target)) return { reachable: true, name, tag: target.tagName.toLowerCase() };
  const tag = target.tagName.toLowerCase();
  const role = target.getAttribute('role');
  const why = target.disabled ? 'it is disabled'
    : `a <${tag}>${role ? ` with role "${role}"` : ' with no role'} and no tabindex: `
      + 'a pointer can press it, a keyboard cannot';
  return { reachable: false, name, tag, why };
}
