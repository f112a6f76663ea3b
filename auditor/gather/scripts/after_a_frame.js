// Resolves once the page has run what was waiting to run (a fetch's reply handled, a script's
// redirect begun): after its next frame and a task, or 100 ms at most (a page that draws no
// frames). A busy renderer runs a reply's handler late; asked at once, it would answer
// before the redirect that handler makes.
() => new Promise((done) => {
  requestAnimationFrame(() => setTimeout(done, 0));
  setTimeout(done, 100);
})
