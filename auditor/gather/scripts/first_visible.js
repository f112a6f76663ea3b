// The first of the elements that is visible as Playwright means it (a non-empty box, not
// visibility:hidden), among the first `limit`, and a CSS selector that finds it again, for a
// site profile a person can edit: [index, selector], or [-1, ''] when none is. An id a
// framework made up for this render (React's ":r1:" or "_r_0_", "menu-button-5") is never
// used: it changes with the next build or page.
(elements, limit) => {
  const selectorOf = (el) => {
    const esc = (s) => CSS.escape(s);
    const unique = (sel) => document.querySelectorAll(sel).length === 1;
    const lasting = (id) => id && !/[:«»]|_r_|\d{2,}|-\d+$/i.test(id);
    if (lasting(el.id) && unique('#' + esc(el.id))) return '#' + esc(el.id);
    const tag = el.tagName.toLowerCase();
    for (const attr of ['name', 'data-testid', 'aria-label', 'placeholder', 'href', 'type']) {
      const value = el.getAttribute(attr);
      if (!value) continue;
      const sel = `${tag}[${attr}="${value.replace(/(["\\])/g, '\\$1')}"]`;
      if (unique(sel)) return sel;
    }
    const parts = [];
    let node = el;
    while (node && node.nodeType === 1 && parts.length < 6) {
      if (lasting(node.id)) { parts.unshift('#' + esc(node.id)); break; }
      let part = node.tagName.toLowerCase();
      const same = node.parentElement
        ? [...node.parentElement.children].filter((s) => s.tagName === node.tagName) : [];
      if (same.length > 1) part += `:nth-of-type(${same.indexOf(node) + 1})`;
      parts.unshift(part);
      node = node.parentElement;
    }
    return parts.join(' > ');
  };
  const index = elements.slice(0, limit).findIndex((e) => {
    const box = e.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(e).visibility !== 'hidden';
  });
  return [index, index >= 0 ? selectorOf(elements[index]) : ''];
}
