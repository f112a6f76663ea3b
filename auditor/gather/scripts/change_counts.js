// Which document this is (its time origin) and its change counts (see observers.js).
() => (window.__auditor
  ? [performance.timeOrigin, window.__auditor.changes, window.__auditor.touched] : null)
