// Every form control in this frame with what a person sees of it: label, state, validity.
// Each control is tagged with data-auditor-field (prefixed by the frame) so a locator can
// find it again. Drop-downs built from divs (role=combobox) count as controls too. Controls
// of the page's search, header or footer (a newsletter box) are no form's the persona fills.
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
  const controls = [...document.querySelectorAll(
    'input, select, textarea, [role="combobox"]:not(input):not(select)')]
    .filter((el) => !skip.has((el.type || '').toLowerCase()))
    .filter((el) => {  // a footer inside the order form is the form's own
      const part = el.closest(aside);
      return !part || !!(part.parentElement && part.parentElement.closest('form'));
    });
  return controls.map((el, i) => {
    el.setAttribute('data-auditor-field', prefix + i);
    const checkable = el.type === 'checkbox' || el.type === 'radio';
    const custom = el.getAttribute('role') === 'combobox' && !('value' in el);
    return {
      index: prefix + i,
      tag: custom ? 'combobox' : el.tagName.toLowerCase(),
      type: (el.type || '').toLowerCase(),
      name: el.name || '',
      id: el.id || '',
      autocomplete: (el.getAttribute('autocomplete') || '').toLowerCase(),
      inputmode: el.getAttribute('inputmode') || '',
      label: labelOf(el),
      placeholder: el.getAttribute('placeholder') || '',
      required: el.required || el.getAttribute('aria-required') === 'true',
      visible: shown(el),
      readonly: el.readOnly || el.disabled,
      value: checkable ? (el.checked ? 'on' : '') : custom
        ? (el.getAttribute('data-value') || '') : String(el.value || ''),
      ariaInvalid: el.getAttribute('aria-invalid') === 'true',
      browserInvalid: el.willValidate ? !el.validity.valid : false,
      checkable: checkable,
      validationMessage: el.validationMessage || '',
      error: errorNear(el),
      inForm: !!el.form,
      options: el.tagName === 'SELECT' ? [...el.options].map((o) => o.text.trim()) : [],
      group: el.type === 'radio' ? el.name : '',
    };
  });
}
