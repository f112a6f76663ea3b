// Whether the page holds a site search at all, shown or folded away: a search landmark, box
// or form, an input named as a query, or a control or link named for searching (`pattern`).
(pattern) => {
  const named = new RegExp(pattern, 'i');
  if (document.querySelector('[role=search], [role=searchbox], input[type=search], '
    + 'form[action*="search" i], input[name=q], input[name=s], input[name=search], '
    + 'input[name=query], input[name=keyword], input[name=keywords]')) return true;
  return [...document.querySelectorAll('a, button, input, [role=button], label, [aria-label], '
    + '[placeholder], [title]')].some((el) => named.test([el.textContent, el.value,
    el.getAttribute('aria-label'), el.getAttribute('placeholder'), el.getAttribute('title'),
    el.getAttribute('href')].filter(Boolean).join(' ')));
}
