// The texts a store shows to say what went wrong: alerts, error summaries and anything whose
// class mentions an error, when rendered (a hidden template is not a message; a visually
// hidden alert for screen readers is). SVG icons among them have no text.
() => [...document.querySelectorAll('[role=alert], .error-summary, [class*="error" i]')]
  .filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
  .map((e) => (typeof e.innerText === 'string' ? e.innerText : ''))
