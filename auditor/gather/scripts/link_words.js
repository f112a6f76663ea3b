// The words and address of each link, shown or folded away in a closed menu, and whether it
// is the store's own name (its logo link: the words of the site's name, from og:site_name or
// the part of the title that is not the page's heading): [[words, absolute href, brand]].
(links) => {
  const words = (text) => (text || '').replace(/\s+/g, ' ').trim();
  const h1 = words(document.querySelector('h1') && document.querySelector('h1').textContent);
  const site = document.querySelector('meta[property="og:site_name"]');
  const names = new Set(document.title.split(/\s[|–—·:-]\s/).map(words)
    .filter((part) => part && part.toLowerCase() !== h1.toLowerCase()).map((n) => n.toLowerCase()));
  if (site && site.content) names.add(words(site.content).toLowerCase());
  return links.map((a) => {
    const said = words(a.textContent) || words(a.querySelector('img') && a.querySelector('img').alt);
    return [said, a.href || '', names.size > 0 && names.has(said.toLowerCase())];
  });
}
