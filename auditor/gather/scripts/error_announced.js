// After a refused order on the same page: the first error shown that a screen reader would
// not say, or null. An error is said when it sits in an alert, status or live region, when a
// field names it by aria-describedby or aria-errormessage, or when the focus moved into it
// or onto a field marked invalid (she hears "invalid entry" and its description there).
() => {
  const shown = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
  const errors = [...document.querySelectorAll('[role=alert], .error-summary, [class*="error" i]')]
    .filter((e) => shown(e) && (e.innerText || '').trim());
  if (!errors.length) return null;
  const live = '[role=alert], [role=status], [role=log], [aria-live=polite], [aria-live=assertive]';
  const named = new Set();
  for (const field of document.querySelectorAll('[aria-describedby], [aria-errormessage]')) {
    for (const attr of ['aria-describedby', 'aria-errormessage']) {
      (field.getAttribute(attr) || '').split(/\s+/).filter(Boolean).forEach((id) => named.add(id));
    }
  }
  const focus = document.activeElement;
  const focusSays = focus && focus !== document.body
    && (focus.getAttribute('aria-invalid') === 'true' || focus.matches(':invalid'));
  if (focusSays) return null;
  const said = (e) => e.closest(live) || (focus && e.contains(focus))
    || [e, ...e.querySelectorAll('[id]')].some((x) => x.id && named.has(x.id));
  if (errors.some(said)) return null;
  return errors[0].innerText.trim().replace(/\s+/g, ' ').slice(0, 120);
}
