"""Form fields as a person reads them: what each one asks for, and after a submit, which
were kept, wiped or marked wrong."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import Locator, Page

from auditor.gather.vocabulary import FIELD_WORDS
from auditor.model import FormOutcome

_FIELD_PATTERNS = [(token, re.compile(rx, re.I)) for token, rx in FIELD_WORDS]
_TOKENS = {token for token, _ in FIELD_WORDS} | {
    "new-password", "current-password", "address-level1", "address-line2", "organization"}
# What a number field can hold: a product's quantity labelled "Family board game" is no
# family name.
_NUMBERS = {"postal-code", "tel", "house-number", "cc-number", "cc-csc", "cc-exp"}


def classify_field(field: dict[str, Any]) -> tuple[str | None, str]:
    """The field's meaning as an autocomplete token, and the evidence used. A box to tick or
    a radio holds no typed answer, whatever its label ("Same as shipping address")."""
    if field.get("type") in ("checkbox", "radio"):
        return None, ""
    for part in field.get("autocomplete", "").split():
        if part in _TOKENS:
            return part, f"autocomplete={part}"
    if field.get("type") == "password":
        return "new-password", "type=password"
    if field.get("type") == "email":
        return "email", "type=email"
    number = field.get("type") in ("number", "range")
    for source in ("label", "name", "id", "placeholder"):
        text = field.get(source) or ""
        for token, pattern in _FIELD_PATTERNS:
            if text and pattern.search(text) and (token in _NUMBERS or not number):
                return token, f"{source} '{text[:40]}'"
    if field.get("type") == "tel":
        return "tel", "type=tel"
    return None, ""


def field_locator(page: Page, field: dict[str, Any]) -> Locator:
    """A locator for a control that fields.js tagged, in whichever frame it lives."""
    frames = page.frames
    frame = frames[field.get("frame", 0)] if field.get("frame", 0) < len(frames) else page
    return frame.locator(f'[data-auditor-field="{field["index"]}"]')


def tick(page: Page, field: dict[str, Any]) -> None:
    """Tick a box or choose a radio. A native one is checked and confirmed by the browser; a
    widget with role=radio or role=checkbox is clicked, since the page may wait for its
    server before it shows the tick (a delivery method saved with the cart)."""
    locator = field_locator(page, field)
    if field["tag"] == "input":
        locator.check()
    else:
        locator.click()


def field_key(field: dict[str, Any]) -> str:
    """A stable name for a field across reloads: its name, id, or meaning."""
    return field.get("name") or field.get("id") or f"field-{field['index']}"



def compare(before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]],
            typed: dict[str, str], new_page: bool = False) -> FormOutcome:
    """Fields are keyed by field_key(); `typed` holds what the persona entered (never stored).

    A field is retained when it still holds what was typed, cleared when it held something
    and is now empty or different, invalid when the page marks it so: an error or
    aria-invalid on it, or the browser's own check failing on a field she had filled or on
    the page she sent (it stopped the form). On a `new_page` (a checkout's next page), an
    empty required field she never touched is the next question, not a refusal.
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
        hers = bool(typed.get(key) or (before.get(key) or {}).get("value"))
        if new.get("ariaInvalid") or (new.get("browserInvalid") and (hers or not new_page)) or (
                new.get("error") and new.get("visible")):
            outcome.invalid.append(key)
            outcome.labels.setdefault(key, new.get("label") or new.get("placeholder") or key)
    return outcome


def by_key(fields: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Visible, editable fields keyed by a name that survives a page reload."""
    keyed: dict[str, dict[str, Any]] = {}
    for f in fields:
        if f.get("visible") and f.get("type") not in ("checkbox", "radio"):
            keyed.setdefault(field_key(f), f)
    return keyed
