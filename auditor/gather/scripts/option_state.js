// For an option of a drop-down built from other elements: whether it is the one the keyboard
// is on now (focused, selected, or the box's active descendant), where the focus is, and
// whether the focus is in a box one can type into (a drop-down that filters as one types).
(option) => {
  const doc = option.ownerDocument, active = doc.activeElement;
  const on = active === option || option.getAttribute('aria-selected') === 'true'
    || (!!option.id && !!active && active.getAttribute('aria-activedescendant') === option.id);
  const typable = !!active && (active.isContentEditable || (active.tagName === 'INPUT'
    && !['checkbox', 'radio', 'button', 'submit', 'hidden'].includes(active.type)));
  const where = active ? `${active.tagName}|${active.getAttribute('aria-activedescendant')}|`
    + `${(active.textContent || '').slice(0, 40)}` : '';
  return { on, typable, where };
}
