// Products a one-page shop lists without a page of their own (a ticket shop, a menu of
// dishes): the innermost boxes of the main region that show a heading, a price and a
// quantity box, and no link to another page. Each heading is tagged
// data-auditor-product=index for a locator: [[index, heading words]].
({ price }) => {
  const main = document.querySelector('main, [role=main]') || document.body;
  const isPrice = new RegExp(price, 'i');
  document.querySelectorAll('[data-auditor-product]')
    .forEach((el) => el.removeAttribute('data-auditor-product'));
  const boxes = [...main.querySelectorAll('article, [role=article], li, tr, section, div')]
    .filter((box) => box.getClientRects().length && isPrice.test(box.innerText || '')
      && box.querySelector('h2, h3, h4, h5, h6, [role=heading]')
      && box.querySelector('input[type=number], select')
      && ![...box.querySelectorAll('a[href]')].some((a) => !a.getAttribute('href').startsWith('#')));
  const innermost = boxes.filter((box) => !boxes.some((other) => other !== box && box.contains(other)));
  return innermost.map((box, i) => {
    const heading = box.querySelector('h2, h3, h4, h5, h6, [role=heading]');
    heading.setAttribute('data-auditor-product', String(i));
    return [i, (heading.innerText || '').replace(/\s+/g, ' ').trim().slice(0, 200)];
  });
}
