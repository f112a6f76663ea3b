"""Compare a form before a submit and after the answer: what was kept, wiped, marked wrong."""

from __future__ import annotations

from typing import Any

from auditor.model import FormOutcome


def compare(before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]],
            typed: dict[str, str]) -> FormOutcome:
    """Fields are keyed by field_key(); `typed` holds what the persona entered (never stored).

    A field is retained when it still holds what was typed, cleared when it held something
    and is now empty or different, invalid when the page marks it so.
    """
    outcome = FormOutcome()
    for key, old in before.items():
        if not old.get("value") or old.get("readonly"):
            continue
        new = after.get(key)
        label = old.get("label") or old.get("placeholder") or key
        outcome.labels[key] = label
        if new is None:
            continue
        expected = typed.get(key, old["value"])
        if new.get("value") == expected or new.get("value") == old["value"]:
            outcome.retained.append(key)
        else:
            outcome.cleared.append(key)
    for key, new in after.items():
        if key not in before and typed.get(key) and new.get("value") != typed[key]:
            outcome.cleared.append(key)  # typed on an earlier page, now empty again
            outcome.labels[key] = new.get("label") or new.get("placeholder") or key
        if new.get("ariaInvalid") or new.get("browserInvalid") or (
                new.get("error") and new.get("visible")):
            outcome.invalid.append(key)
            outcome.labels.setdefault(key, new.get("label") or new.get("placeholder") or key)
    return outcome


def by_key(fields: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Visible, editable fields keyed by a name that survives a page reload."""
    from auditor.discovery import field_key

    keyed: dict[str, dict[str, Any]] = {}
    for f in fields:
        if f.get("visible") and f.get("type") not in ("checkbox", "radio"):
            keyed.setdefault(field_key(f), f)
    return keyed
