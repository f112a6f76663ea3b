// load_event_end.js, answered once the page has run what was waiting to run (a fetch's reply
// handled, a script's redirect begun): after its next frame and a task, or 100 ms at most (a
// page that draws no frames). A busy renderer runs a reply's handler late; asked at once, it
// would answer before the redirect that handler makes.
() => new Promise((done) => {
  const answer = () => {
    const nav = performance.getEntriesByType('navigation')[0];
    done(nav && nav.loadEventEnd > 0 ? performance.timeOrigin + nav.loadEventEnd : false);
  };
  requestAnimationFrame(() => setTimeout(answer, 0));
  setTimeout(answer, 100);
})
