// A drop-down list's options as a person reads them: [[words, greyed out]].
(options) => options.map((o) => [(o.innerText || '').trim(),
  o.getAttribute('aria-disabled') === 'true'])
