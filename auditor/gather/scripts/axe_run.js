async () => {
  // WCAG 2.0, 2.1 and 2.2 at levels A and AA: what EN 301 549 asks of a web shop.
  // null when axe-core is not in this document (yet): the caller sends it with this script.
  // Frames are not asked (iframes: false): axe-core is put in the top document only, and
  // axe waits ~0.5 s for each frame that has no axe to answer.
  if (typeof window.axe === 'undefined' || typeof window.axe.run !== 'function') return null;
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
  const result = await window.axe.run(document, {
    runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'], iframes: false});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, tags: v.tags, nodes: v.nodes.length,
    target: v.nodes.length ? v.nodes[0].target.join(' ') : ''}));
}
