// Epoch ms of the last input on this page (typed, pressed, changed), or of the document's
// start when there was none; null when the page's events are not watched (see observers.js).
() => (window.__auditor ? performance.timeOrigin + window.__auditor.input : null)
