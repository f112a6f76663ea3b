// Why a person could not press this element now, in the words she would use: greyed out,
// hidden, or covered by something else (named by its tag, id or class, and its first words).
// Returns [what she saw it called, why not].
(found) => {
  if (found.length !== 1) return ['it', found.length ? 'more than one element matches' : 'it is gone'];
  const el = found[0];
  const called = (el.innerText || el.value || el.getAttribute('aria-label') || '').trim()
    .replace(/\s+/g, ' ').slice(0, 40) || el.tagName.toLowerCase();
  const why = (reason) => [called, reason];
  if (el.matches(':disabled') || el.closest('[aria-disabled="true"]')) {
    return why('it is greyed out (disabled)');
  }
  const style = getComputedStyle(el);
  if (style.visibility === 'hidden' || !el.getClientRects().length) return why('it is hidden');
  el.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
  const box = el.getBoundingClientRect();
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  if (hit && hit !== el && !el.contains(hit)) {
    let cover = hit;
    while (cover.parentElement && cover.parentElement !== document.body
           && !cover.id && !cover.getAttribute('role')) cover = cover.parentElement;
    const cls = typeof cover.className === 'string' ? cover.className.trim().split(/\s+/)[0] : '';
    const name = cover.tagName.toLowerCase() + (cover.id ? `#${cover.id}` : '')
      + (cls ? `.${cls}` : '');
    const words = (cover.innerText || '').trim().replace(/\s+/g, ' ').slice(0, 60);
    return why(`something covers it: ${name}${words ? ` ("${words}")` : ''}`);
  }
  return why('it never became still and ready to press');
}
