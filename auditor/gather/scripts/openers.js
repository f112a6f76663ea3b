// The controls a person presses to unfold what is folded away (a ☰ navbar toggle, a search
// icon, an account drop-down, a closed accordion), shown and still closed, in page order:
// [[index, words, kind, signature]]. Each is tagged data-auditor-opener=index for a locator;
// the signature tells the same control apart across calls. A link that goes somewhere is
// no opener, nor is a form's drop-down (role=combobox): it is a field.
({ search, account, menu }) => {
  const selector = '[aria-expanded="false"], [aria-haspopup]:not([aria-expanded="true"]), '
    + 'details:not([open]) > summary, [data-toggle], [data-bs-toggle], [class*="toggle" i], '
    + '[class*="burger" i], [class*="menu-btn" i], [class*="menu-button" i], '
    + '[class*="search-btn" i], [class*="search-icon" i], [class*="search-open" i]';
  const classOf = (el) => (el && (el.className.baseVal ?? el.className)) || '';
  const isSearch = new RegExp(search, 'i');
  const isAccount = new RegExp(account, 'i');
  document.querySelectorAll('[data-auditor-opener]').forEach((el) => el.removeAttribute('data-auditor-opener'));
  const isMenu = new RegExp(menu, 'i');
  const named = (el) => (el.getAttribute('aria-label') || el.innerText || el.title || '');
  // Besides toggles by their markup, plain buttons (or links to nowhere: href="#") named for
  // what they open ("Search", "Menu", "Account") and a header's buttons with no words at
  // all (an icon), never one that submits a form.
  const buttons = [...document.querySelectorAll(
    'button, [role=button], a[href="#"], a[href^="javascript:"]')].filter((el) =>
    !(el.form && (el.type || 'submit') === 'submit')
    && ([isSearch, isAccount, isMenu].some((words) => words.test(named(el)))
      || (!named(el).trim() && el.closest('header, nav, [role=banner], [class*="header" i]'))));
  const out = [];
  for (const el of new Set([...document.querySelectorAll(selector), ...buttons])) {
    if (el.matches('input, select, textarea, option, [role=combobox], form, ul, ol, nav, li:not([role]), div:not([role]):not([tabindex]):not([data-toggle]):not([data-bs-toggle]), main, body, html')) continue;
    const control = el.parentElement && el.parentElement.closest('button, a, [role=button], summary');
    if (control) continue;  // a part of a control (its icon), not a control of its own
    if (el.disabled || el.getAttribute('aria-expanded') === 'true' || !el.getClientRects().length
        || getComputedStyle(el).visibility === 'hidden') continue;
    const href = el.tagName === 'A' ? (el.getAttribute('href') || '') : '';
    const toggles = el.hasAttribute('aria-expanded') || el.hasAttribute('aria-haspopup')
      || el.hasAttribute('data-toggle') || el.hasAttribute('data-bs-toggle');
    if (href && !href.startsWith('#') && !href.startsWith('javascript') && !toggles) continue;
    const words = named(el).replace(/\s+/g, ' ').trim().slice(0, 60);
    const hint = [classOf(el), ...[...el.querySelectorAll('[class]')].slice(0, 3).map(classOf),
      el.id, el.getAttribute('data-target') || el.getAttribute('data-bs-target') || ''].join(' ');
    const kind = isSearch.test(words) || /search/i.test(hint) ? 'search'
      : isAccount.test(words) || /account|user|login/i.test(hint) ? 'account'
        : isMenu.test(words) || /menu|nav|burger|toggler|bars|categor/i.test(hint) ? 'menu'
          : 'other';
    el.setAttribute('data-auditor-opener', String(out.length));
    out.push([out.length, words, kind, `${el.tagName}|${words}|${hint}`]);
  }
  return out;
}
