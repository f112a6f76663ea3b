// What a page shows in its own content (main, or the body when there is none), read in one
// call: its text, the addresses (path and query) and words of the links a person can see,
// its first headings, how many product cards its markup has. Open shadow roots are searched
// too, as Playwright's are.
({ cards, maxChars }) => {
  const main = document.querySelector('main, [role=main]') || document.body;
  if (!main) return { text: '', shown: [], headings: [], cards: 0, links: 0 };
  const roots = [main];
  for (let i = 0; i < roots.length; i++) {
    for (const el of roots[i].querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
  }
  const all = (selector) => roots.flatMap((root) => [...root.querySelectorAll(selector)]);
  const links = all('a[href]');
  return {
    text: main.innerText.slice(0, maxChars),
    shown: links.filter((a) => typeof a.pathname === 'string'  // not SVG links
      && a.getClientRects().length > 0).slice(0, 500)
      .map((a) => [a.pathname + a.search, (a.innerText || '').trim().slice(0, 200)]),
    headings: all('h2, h3, h4').slice(0, 3).map((h) => h.innerText),
    cards: all(cards).length,
    links: links.length,
  };
}
