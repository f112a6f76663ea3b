// Reads what the observers saw since `since` (ms after timeOrigin; 0 for the whole document).
// Read right after a load, the largest paint may not be reported yet: then it waits for it,
// frame by frame, at most 150 ms (a page that paints nothing has no LCP to wait for).
async (since) => {
  const A = window.__auditor
    || { shifts: [], events: [], fcp: null, lcp: null, changes: null, touched: null };
  const giveUp = performance.now() + 150;
  while (window.__auditor && A.lcp === null && document.visibilityState === 'visible'
         && performance.now() < giveUp) {
    await new Promise((done) => { requestAnimationFrame(done); setTimeout(done, 20); });
  }
  const nav = performance.getEntriesByType('navigation')[0];
  const fresh = performance.getEntriesByType('resource').filter((e) => e.startTime >= since);
  const bytes = fresh.reduce((n, e) => n + (e.transferSize || e.encodedBodySize || 0), 0);
  return {
    nav: nav ? {
      ttfb: nav.responseStart, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
      bytes: nav.transferSize || nav.encodedBodySize || 0,
    } : null,
    fcp: A.fcp,
    lcp: A.lcp,
    cls: A.shifts.filter((s) => s[0] >= since).reduce((n, s) => n + s[1], 0),
    inp: A.events.filter((e) => e[0] >= since).reduce((m, e) => Math.max(m, e[1]), 0),
    document: performance.timeOrigin,
    changes: A.changes,
    touched: A.touched,
    now: performance.now(),
    resourceBytes: bytes,
  };
}
