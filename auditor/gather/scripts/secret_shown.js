// Whether the page shows a secret field with something typed in it, or a frame that may hold
// card fields (secrets.SECRET_SELECTOR): then no screencast frame of it is kept.
(selector) => [...document.querySelectorAll(selector)].some((el) =>
  el.tagName === 'IFRAME' || String(el.value || '').length > 0)
