// Where a person's press on this element lands (the centre of its first box a press would
// reach, in page coordinates), once it is scrolled into view; null whenever that is not
// plain: hidden, disabled, covered by something else, moving, inside a frame or on a zoomed
// page. The caller then lets Playwright wait for the element instead.
// Given the elements a locator matches; null unless exactly one.
(found) => {
  if (found.length !== 1) return null;
  const el = found[0];
  const viewport = window.visualViewport;
  if (window.top !== window || (viewport && viewport.scale !== 1)) return null;
  if (getComputedStyle(el).visibility === 'hidden' || el.matches(':disabled')
      || el.closest('[aria-disabled="true"]')) return null;
  const moving = document.getAnimations().some((a) => a.playState === 'running'
    && a.effect && a.effect.target instanceof Element && a.effect.target.contains(el));
  if (moving) return null;
  const centres = () => [...el.getClientRects()].filter((r) => r.width * r.height >= 1)
    .map((r) => [r.left + r.width / 2, r.top + r.height / 2]);
  const inView = ([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight;
  let points = centres();
  if (points.length && !points.some(inView)) {
    el.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
    points = centres();
  }
  return points.find((point) => {
    const hit = inView(point) && document.elementFromPoint(point[0], point[1]);
    return hit && (hit === el || el.contains(hit));
  }) || null;
}
