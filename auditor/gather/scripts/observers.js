// Registered before any page script: records paints, LCP, layout shifts and interactions
// so that each step can read what happened on the page since the step began.
(() => {
  if (window.__auditor) return;
  const A = (window.__auditor = {
    fcp: null, lcp: null, shifts: [], events: [], changes: 0, touched: 0, input: 0 });
  // input: when a control here was last typed into, pressed, changed or left (ms after
  // timeOrigin).
  ['input', 'change', 'keydown', 'pointerdown', 'click', 'focusout'].forEach((type) => {
    addEventListener(type, () => { A.input = performance.now(); }, { capture: true, passive: true });
  });
  // changes: content (nodes, text); touched: anything, attributes too, but the auditor's
  // own marks (data-auditor-*), so a look-ahead can tell the page is as it was.
  new MutationObserver((records) => {
    const content = records.some((r) => r.type !== 'attributes');
    if (content) A.changes += 1;
    if (content || records.some((r) => !r.attributeName.startsWith('data-auditor'))) {
      A.touched += 1;
    }
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  const watch = (type, onEntry, extra) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(onEntry))
        .observe(Object.assign({ type, buffered: true }, extra || {}));
    } catch (e) { /* entry type not supported by this browser */ }
  };
  watch('paint', (e) => { if (e.name === 'first-contentful-paint') A.fcp = e.startTime; });
  watch('largest-contentful-paint', (e) => { A.lcp = e.renderTime || e.loadTime || e.startTime; });
  watch('layout-shift', (e) => { if (!e.hadRecentInput) A.shifts.push([e.startTime, e.value]); });
  watch('event', (e) => { if (e.interactionId) A.events.push([e.startTime, e.duration]); },
        { durationThreshold: 16 });
})();
