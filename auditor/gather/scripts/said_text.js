// What the page's own content says in sentences and headings: its main region's text
// without lists of short items (a checkout's steps, "… Review order · Order confirmed",
// where the last step is named before it is reached), navigation or progress bars. A list
// with a long number in it (an order's details: "Order number: 10001") stays.
() => {
  const main = document.querySelector('main, [role=main]') || document.body;
  if (!main) return '';
  const steps = [...main.querySelectorAll('ol, ul')].filter((list) => {
    const items = [...list.children].filter((li) => li.tagName === 'LI');
    return items.length >= 3 && items.every((li) => (li.innerText || '').trim().length < 40)
      && !/\d{3}/.test(list.innerText || '');
  });
  const aside = [...main.querySelectorAll('nav, [role=navigation], [role=progressbar]')];
  let text = main.innerText || '';
  for (const el of [...steps, ...aside]) {
    const said = (el.innerText || '').trim();
    if (said) text = text.replace(said, ' ');
  }
  return text;
}
