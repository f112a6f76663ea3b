// What a page offers a customer after her order, found in one call: a newsletter sign-up (a
// small form asking for an e-mail, named for news), a review form (hidden in a closed tab or
// not), what opens it, and the ways to share the page. Each is tagged data-auditor-after so a
// locator finds it again. `mentions`: whether the page's words name each at all.
({ words, shareHref }) => {
  const test = (key, text) => new RegExp(words[key], 'i').test(text || '');
  const shown = (el) => el.checkVisibility({ visibilityProperty: true });  // a closed <details> too
  const named = (el) => (el.getAttribute('aria-label') || el.innerText || el.title || el.value || '')
    .replace(/\s+/g, ' ').trim();
  const hint = (el) => [el.id, el.getAttribute('class'), el.getAttribute('action'),
    el.getAttribute('name'), el.getAttribute('placeholder')].filter(Boolean).join(' ');
  const typable = (box) => [...box.querySelectorAll('input, textarea')].filter((el) =>
    !['hidden', 'submit', 'button', 'image', 'reset', 'checkbox', 'radio'].includes(el.type));
  const isEmail = (el) => el.type === 'email' || /e-?mail/i.test(hint(el) + ' ' + (el.getAttribute('aria-label') || ''));
  document.querySelectorAll('[data-auditor-after]').forEach((el) => el.removeAttribute('data-auditor-after'));
  const tag = (el, name) => { el.setAttribute('data-auditor-after', name); return name; };
  const out = { newsletter: null, newsletterLink: null, reviewForm: null, reviewShown: false, reviewOpener: null,
    share: [], mentions: {} };
  // Said where a sign-up would be (a form, a heading, a label, a button), never in a link
  // ("Subscribe on YouTube" leaves the store).
  const said = [...document.querySelectorAll('form, h1, h2, h3, h4, h5, h6, label, button')]
    .filter(shown).map((el) => el.innerText).join(' ');
  out.mentions.newsletter = test('newsletter', said);

  // A sign-up asks for an e-mail and little else, and says it is for news.
  const boxes = new Set([...document.querySelectorAll('form, [class*="newsletter" i], [id*="newsletter" i], [class*="subscribe" i]')]);
  for (const box of boxes) {
    const fields = typable(box);
    const email = fields.find(isEmail);
    if (!email || fields.length > 2 || box.querySelector('input[type=password]') || !shown(email)) continue;
    const asked = [box.innerText, hint(box), ...fields.map(hint),
      ...[...box.querySelectorAll('button, input[type=submit]')].map(named)].join(' ');
    if (!test('newsletter', asked)) continue;
    tag(email, 'newsletter-email');
    const button = [...box.querySelectorAll('button, input[type=submit], [role=button]')].find(shown);
    if (button) tag(button, 'newsletter-button');
    out.newsletter = button ? 'newsletter-button' : 'newsletter-email';
    break;
  }

  if (!out.newsletter) {  // a link to the store's own sign-up page
    const link = [...document.querySelectorAll('a[href]')].find((el) => shown(el)
      && test('newsletter', named(el)) && new URL(el.href, location.href).host === location.host);
    if (link) out.newsletterLink = tag(link, 'newsletter-link');
  }

  // A review form has a box to write in, and says it is for a review or a rating.
  for (const form of document.querySelectorAll('form')) {
    const text = form.querySelector('textarea');
    const rating = [...form.querySelectorAll('input, select')].find((el) => test('rating', el.name));
    const about = [form.innerText, hint(form), text ? hint(text) : ''].join(' ');
    if (!(text || rating) || !(rating || test('review_form', about))) continue;
    tag(form, 'review-form');
    out.reviewForm = 'review-form';
    out.reviewShown = !!text && shown(text);
    break;
  }
  if (!out.reviewShown) {  // a tab, a link or a button that opens it, on this store
    const opener = [...document.querySelectorAll('a, button, [role=button], [role=tab], summary')]
      .find((el) => shown(el) && test('review', named(el))
        && (!el.href || new URL(el.href, location.href).host === location.host));
    if (opener) out.reviewOpener = tag(opener, 'review-opener');
  }

  // Sharing: links to a network's share page, or a button named Share.
  const shares = [...document.querySelectorAll('a[href]')].filter((el) =>
    new RegExp(shareHref, 'i').test(el.getAttribute('href')) && shown(el));
  const shareButtons = [...document.querySelectorAll('button, [role=button]')]
    .filter((el) => shown(el) && test('share', named(el)));
  for (const el of [...shareButtons, ...shares].slice(0, 8)) {
    const href = el.getAttribute('href') || '';
    const network = href ? (href.startsWith('mailto:') ? 'e-mail'
      : new URL(href, location.href).hostname.replace(/^(www|api)\./, '')) : '';
    out.share.push([tag(el, `share-${out.share.length}`), named(el).slice(0, 40) || network, network]);
  }
  return out;
}
