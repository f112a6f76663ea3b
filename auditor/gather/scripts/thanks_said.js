// How often the page's visible text says `pattern` (thanks, done): a store acknowledging.
(pattern) => ((document.body && document.body.innerText) || '')
  .split(new RegExp(pattern, 'i')).length - 1
