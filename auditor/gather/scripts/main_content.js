// What a page shows in its own content (main, or the body when there is none), read in one
// call: its text, the addresses (path and query) and words of the links a person can see,
// its first headings, how many product cards its markup has, and the products it lists by
// what they are whatever their markup: a price with a link beside it. Open shadow roots are
// searched too, as Playwright's are. Links and prices in the page's chrome (`chrome`: its
// header, navigation, footer and sidebars, inside the body of a page with no main region)
// are no product: the logo beside a basket total is not one.
({ cards, price, maxChars, chrome }) => {
  const main = document.querySelector('main, [role=main]') || document.body;
  if (!main) return { text: '', shown: [], headings: [], cards: 0, links: 0, priced: [] };
  const roots = [main];
  for (let i = 0; i < roots.length; i++) {
    for (const el of roots[i].querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
  }
  const all = (selector) => roots.flatMap((root) => [...root.querySelectorAll(selector)]);
  const inChrome = (el) => {
    const part = el.closest(chrome);
    return !!part && part !== main && main.contains(part);
  };
  const seen = (el) => el.getClientRects().length > 0;
  const address = (a) => a.pathname + a.search;
  const links = all('a[href]');
  const visibleLinks = links.filter((a) => typeof a.pathname === 'string' && seen(a)
    && !inChrome(a));  // not SVG
  // A listed product: the nearest box around a shown price that holds a link to somewhere,
  // named by its longest link words (the product's name, not "Add to cart").
  const isPrice = new RegExp(price, 'i');
  const boxes = new Map();
  const ownText = (el) => [...el.childNodes].filter((n) => n.nodeType === 3)
    .map((n) => n.textContent).join('');
  for (const el of all('*').slice(0, 20000)) {
    const own = ownText(el);
    if (own.length > 60 || !isPrice.test(own) || !seen(el) || inChrome(el)) continue;
    let box = el.parentElement;
    for (let depth = 0; box && box !== main && depth < 6; depth++, box = box.parentElement) {
      const named = [...box.querySelectorAll('a[href]')].filter((a) => typeof a.pathname === 'string'
        && !a.getAttribute('href').startsWith('#') && seen(a));
      if (!named.length) continue;
      const name = named.reduce((a, b) => ((b.innerText || '').trim().length
        > (a.innerText || '').trim().length ? b : a));
      boxes.set(box, [address(name), (name.innerText || '').trim().slice(0, 200)]);
      break;
    }
  }
  const listed = [...boxes.keys()].filter((box) => ![...boxes.keys()].some(
    (other) => other !== box && box.contains(other)));
  return {
    text: main.innerText.slice(0, maxChars),
    shown: visibleLinks.slice(0, 500).map((a) => [address(a), (a.innerText || '').trim().slice(0, 200)]),
    headings: all('h2, h3, h4').slice(0, 3).map((h) => h.innerText),
    cards: all(cards).length,
    links: links.length,
    priced: listed.map((box) => boxes.get(box)),
  };
}
