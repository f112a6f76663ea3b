// Whether anything in this document matches the selector.
(selector) => document.querySelector(selector) !== null
