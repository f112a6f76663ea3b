// Every form control in this frame with what a person sees of it: label, state, validity.
// Each control is tagged with data-auditor-field (prefixed by the frame) so a locator can
// find it again. Controls built from other elements count as what their role says (a
// role=combobox drop-down, role=radio choices in a role=radiogroup, a role=checkbox); the
// hidden native input such a widget mirrors its value into (aria-hidden, out of the tab
// order) is not one more field. Controls of the page's search, header or footer (a
// newsletter box) are no form's the persona fills.
({ prefix, aside }) => {
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'
      && (!el.checkVisibility || el.checkVisibility());  // not inside a closed <details>
  };
  const text = (el) => (el ? (el.innerText || el.textContent || '').trim().replace(/\s+/g, ' ') : '');
  const labelOf = (el) => {
    const by = el.getAttribute('aria-labelledby');
    if (by) return by.split(/\s+/).map((id) => text(document.getElementById(id))).join(' ').trim();
    if (el.getAttribute('aria-label')) return el.getAttribute('aria-label').trim();
    if (el.labels && el.labels.length) return text(el.labels[0]);
    return '';
  };
  const errorNear = (el) => {
    const ids = (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
    const described = ids.map((id) => text(document.getElementById(id))).join(' ').trim();
    if (described) return described;
    const box = el.closest('.field, .form-group, .form-row, .input-group, div');
    const err = box && box.querySelector('[class*="error" i], [class*="invalid" i], [role="alert"]');
    return err && err !== el ? text(err) : '';
  };
  const skip = new Set(['hidden', 'submit', 'button', 'image', 'reset', 'file']);
  const native = (el) => ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName);
  const role = (el) => (native(el) ? '' : el.getAttribute('role'));
  const mirror = (el) => native(el) && el.getAttribute('aria-hidden') === 'true'
    && el.tabIndex < 0;
  const groups = [...document.querySelectorAll('[role="radiogroup"]')];
  // What a widget shows while nothing is chosen: marked as such, or its own label again.
  const placeholder = (el) => el.hasAttribute('data-placeholder')
    || text(el) === '' || text(el) === labelOf(el).replace(/[*\s]+$/, '')
    || text(el) === (el.getAttribute('aria-placeholder') || '');
  const controls = [...document.querySelectorAll('input, select, textarea, '
    + '[role="combobox"]:not(input), [role="radio"]:not(input), [role="checkbox"]:not(input)')]
    .filter((el) => !(native(el) && skip.has((el.type || '').toLowerCase())) && !mirror(el))
    .filter((el) => {  // a footer inside the order form is the form's own
      const part = el.closest(aside);
      return !part || !!(part.parentElement && part.parentElement.closest('form'));
    });
  return controls.map((el, i) => {
    el.setAttribute('data-auditor-field', prefix + i);
    const aria = role(el);
    const type = aria === 'radio' || aria === 'checkbox' ? aria : native(el)
      ? (el.type || '').toLowerCase() : '';
    const checkable = type === 'checkbox' || type === 'radio';
    const checked = aria ? el.getAttribute('aria-checked') === 'true' : el.checked;
    const custom = aria === 'combobox';
    const group = el.closest('[role="radiogroup"]');
    return {
      index: prefix + i,
      tag: custom ? 'combobox' : el.tagName.toLowerCase(),
      type: type,
      name: el.name || '',
      id: el.id || '',
      autocomplete: (el.getAttribute('autocomplete') || '').toLowerCase(),
      inputmode: el.getAttribute('inputmode') || '',
      label: labelOf(el),
      placeholder: el.getAttribute('placeholder') || '',
      required: el.required || el.getAttribute('aria-required') === 'true',
      visible: shown(el),
      readonly: el.readOnly || el.matches(':disabled') || el.getAttribute('aria-disabled') === 'true',
      value: checkable ? (checked ? 'on' : '') : custom ? (el.getAttribute('data-value')
        || (placeholder(el) ? '' : text(el))) : String(el.value || ''),
      ariaInvalid: el.getAttribute('aria-invalid') === 'true',
      browserInvalid: el.willValidate ? !el.validity.valid : false,
      checkable: checkable,
      validationMessage: el.validationMessage || '',
      error: errorNear(el),
      inForm: !!el.form,
      options: el.tagName === 'SELECT' ? [...el.options].map((o) => o.text.trim()) : [],
      group: type !== 'radio' ? '' : el.name || (group ? `${prefix}group-${groups.indexOf(group)}` : ''),
    };
  });
}
