// Reads what the observers saw since `since` (ms after timeOrigin; 0 for the whole document).
(since) => {
  const A = window.__auditor || { shifts: [], events: [], fcp: null, lcp: null, changes: null };
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
    changes: A.changes,
    resourceBytes: bytes,
  };
}
