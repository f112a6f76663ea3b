// The auditor's tags of the given form controls (fields.js tagged every control first).
(elements) => elements.map((e) => e.getAttribute('data-auditor-field'))
