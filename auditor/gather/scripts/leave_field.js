// Focus leaves the field that has it, as when a person moves on to the next (a form may
// save itself then).
() => document.activeElement && document.activeElement.blur()
