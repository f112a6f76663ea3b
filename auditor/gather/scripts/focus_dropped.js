// Whether the keyboard focus is on no control at all (the page itself), as after the control
// that had it was removed or re-drawn by an update: a keyboard user starts again at the top.
() => !document.activeElement || document.activeElement === document.body
  || document.activeElement === document.documentElement
