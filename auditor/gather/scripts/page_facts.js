// What a careful shopper checks by eye, read from the page as it is now. Only facts come back,
// never the page's text: the patterns to look for are given, and matched here.
({ patterns, want, maxChars, secretSelector, aside }) => {
  const size = document.documentElement.outerHTML.length;
  const changes = window.__auditor ? window.__auditor.changes : null;
  const secret = document.querySelector(secretSelector) !== null;  // for the screenshot's masks
  if (size > maxChars) return { size, changes, secret };
  const test = (name, text) => new RegExp(patterns[name], 'i').test(text);
  const hidden = 'script, style, noscript, template';
  const pieces = (root) => {  // the text a reader sees in source order, one piece per node
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const found = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.data.trim();
      if (text && !(node.parentElement && node.parentElement.closest(hidden))) {
        found.push([node, text]);
      }
    }
    return found;
  };
  const textOf = (root) => (root ? pieces(root).map((p) => p[1]).join(' ') : '');
  const main = document.querySelector('main, [role=main]') || document.body
    || document.documentElement;  // as discovery's main_region and main_content.js
  const facts = { size, changes, secret, title: document.title.trim(),
                  h1: textOf(document.querySelector('h1')) };
  if (want.product) {
    const words = new Map();  // words of each paragraph-like block: p, div, section
    const mainPieces = pieces(main);
    for (const [node, text] of mainPieces) {
      const n = text.split(/\s+/).length;
      for (let el = node.parentElement; el; el = el.parentElement) {
        if (el.matches('p, div, section')) words.set(el, (words.get(el) || 0) + n);
        if (el === main) break;
      }
    }
    const text = mainPieces.map((p) => p[1]).join(' ');
    facts.product = { longest: [...words.values()].reduce((a, b) => Math.max(a, b), 0) };
    for (const name of ['price', 'size', 'material', 'care']) facts.product[name] = test(name, text);
  }
  const named = (el) => ['name', 'id', 'aria-label', 'placeholder']
    .map((a) => el.getAttribute(a) || '')
    .concat(el.labels && el.labels.length ? [el.labels[0].textContent] : []).join(' ');
  if (want.priceFilter) {  // a range, or a field named for a price (vocabulary.PRICE_FIELD)
    facts.priceFilter = [...document.querySelectorAll('input, select')].some((el) =>
      el.getAttribute('type') === 'range' || test('priceField', named(el)));
  }
  if (want.clearance) {  // a link, button, label or option named for clearance or sale
    facts.clearance = [...document.querySelectorAll(
      'a, button, label, option, summary, [role=link], [role=button], [role=checkbox]')]
      .some((el) => test('clearance', el.textContent || ''));
  }
  if (want.form) {
    // The order form's own fields a person sees: never the site's search box, nor a
    // newsletter box in the footer, nor the hidden input a drop-down widget mirrors its
    // value into (fields.js leaves out the same).
    const skipped = ['hidden', 'submit', 'button', 'image', 'reset'];
    const ownPart = (el) => { const part = el.closest(aside); return !part || !!(part.parentElement && part.parentElement.closest('form')); };
    const controls = [...document.querySelectorAll('input, select, textarea')]
      .filter((el) => !skipped.includes(el.getAttribute('type')) && el.type !== 'search'
        && ownPart(el) && !test('search', named(el)) && el.getClientRects().length
        && !(el.getAttribute('aria-hidden') === 'true' && el.tabIndex < 0));
    const typed = controls.filter((el) => !['checkbox', 'radio'].includes(el.type));
    const labelled = (el) => (el.labels && el.labels.length) || el.closest('label')
      || el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby');
    facts.guest = test('guest', textOf(document.body || document.documentElement));
    facts.form = {
      fields: controls.length,
      labelled: controls.filter(labelled).length,
      autofillable: typed.length,
      autocomplete: typed.filter((el) => el.getAttribute('autocomplete')).length,
      types: [...new Set(controls.map((el) => el.getAttribute('type')
        || el.tagName.toLowerCase()))].sort(),
    };
  }
  return facts;
}
