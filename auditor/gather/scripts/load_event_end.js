// When the document's load event ended, in epoch ms (false while it has not yet).
() => {
  const nav = performance.getEntriesByType('navigation')[0];
  return nav && nav.loadEventEnd > 0 ? performance.timeOrigin + nav.loadEventEnd : false;
}
