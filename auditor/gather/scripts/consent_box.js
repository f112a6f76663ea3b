// The cookie or consent box on screen, if any, as a person sees it: a dialog, or a layer fixed
// to the screen, whose words speak of cookies or consent (`about`) and which offers buttons
// (in open shadow roots too). Its buttons are tagged data-auditor-consent=N for the press.
// Measured: the share of the screen it covers, and whether the page behind it can be used
// (a modal, or a layer over the rest of the screen). null when there is none.
(about) => {
  const talk = new RegExp(about, 'i');
  const W = innerWidth, H = innerHeight;
  const words = (el) => (el.innerText || el.value || el.getAttribute('aria-label') || '')
    .replace(/\s+/g, ' ').trim();
  const shown = (el) => {
    const r = el.getBoundingClientRect(), s = getComputedStyle(el);
    return r.width > 1 && r.height > 1 && s.visibility !== 'hidden' && s.display !== 'none'
      && parseFloat(s.opacity) > 0.05 && r.bottom > 0 && r.right > 0 && r.top < H && r.left < W;
  };
  const parent = (el) => el.parentElement || (el.getRootNode() && el.getRootNode().host) || null;
  const dialog = '[role=dialog],[role=alertdialog],dialog[open],[aria-modal=true]';
  const isLayer = (e) => {
    const at = getComputedStyle(e).position;
    return e.matches(dialog) || at === 'fixed' || at === 'sticky';
  };
  const top = (e) => !e || e === document.body || e === document.documentElement;
  const layer = (el) => {  // the nearest layer holding `el`
    for (let e = el; !top(e); e = parent(e)) if (isLayer(e)) return e;
    return null;
  };
  const consentLayer = (el) => {  // the nearest layer holding `el` that speaks of consent
    for (let e = el; !top(e); e = parent(e)) {
      if (isLayer(e) && shown(e) && talk.test(words(e))) return e;
    }
    return null;
  };
  const pressable = 'button,[role=button],a[href],input[type=button],input[type=submit]';
  const roots = [document];
  document.querySelectorAll('body *').forEach((el) => { if (el.shadowRoot) roots.push(el.shadowRoot); });
  const found = [];
  for (const root of roots) {
    for (const button of root.querySelectorAll(pressable)) {
      if (!shown(button)) continue;
      const box = consentLayer(button);
      if (box && !found.includes(box)) found.push(box);
    }
  }
  const onTop = (box) => {  // what a person sees of two layers is the one above
    const r = box.getBoundingClientRect();
    let hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    while (hit && hit.shadowRoot) {
      const inner = hit.shadowRoot.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (!inner || inner === hit) break;
      hit = inner;
    }
    for (let e = hit; e; e = parent(e)) if (e === box) return true;
    return false;
  };
  const box = found.find(onTop) || found[found.length - 1];
  if (!box) return null;
  const buttons = [...box.querySelectorAll(pressable)].filter((b) => shown(b) && words(b));
  if (!buttons.length) return null;
  document.querySelectorAll('[data-auditor-consent]').forEach((b) => b.removeAttribute('data-auditor-consent'));
  buttons.forEach((b, i) => b.setAttribute('data-auditor-consent', String(i)));
  const r = box.getBoundingClientRect();
  const cover = Math.max(0, Math.min(r.right, W) - Math.max(r.left, 0))
    * Math.max(0, Math.min(r.bottom, H) - Math.max(r.top, 0)) / (W * H);
  let outside = 0, covered = 0;
  for (const fx of [0.1, 0.5, 0.9]) {
    for (const fy of [0.1, 0.5, 0.9]) {
      const x = fx * W, y = fy * H;
      if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) continue;
      outside += 1;
      const hit = document.elementFromPoint(x, y);
      const over = hit && layer(hit);
      const o = over && over.getBoundingClientRect();
      if (!hit || (o && o.width * o.height >= 0.9 * W * H)
          || getComputedStyle(hit).pointerEvents === 'none') covered += 1;
    }
  }
  const modal = !!box.closest('[aria-modal=true],dialog:modal');
  return {covered: Math.round(cover * 1000) / 1000,
          blocks: modal || (outside > 0 && covered * 2 >= outside),
          buttons: buttons.map((b, i) => [words(b).slice(0, 80), i])};
}
