"""The checkout form's fields and the server-side validation a careful store does."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from auditor.cards import luhn_ok


@dataclass(frozen=True)
class Field:
    """One checkout input: its form name, visible label, autocomplete token and input type."""

    name: str
    label: str
    autocomplete: str
    type: str = "text"
    inputmode: str | None = None
    secret: bool = False


FIELDS: list[Field] = [
    Field("email", "Email", "email", "email"),
    Field("given_name", "First name", "given-name"),
    Field("family_name", "Last name", "family-name"),
    Field("address", "Street address", "address-line1"),
    Field("city", "City", "address-level2"),
    Field("postal_code", "Postcode", "postal-code"),
    Field("country", "Country", "country", "select"),
    Field("tel", "Phone", "tel", "tel"),
    Field("cc_name", "Name on card", "cc-name"),
    Field("cc_number", "Card number", "cc-number", "text", "numeric", secret=True),
    Field("cc_exp", "Expiry date (MM/YY)", "cc-exp", "text", "numeric"),
    Field("cc_csc", "Security code (CVC)", "cc-csc", "text", "numeric", secret=True),
]

COUNTRIES = ["Germany", "France", "Lithuania", "Poland", "China", "United Kingdom",
             "United States"]


def _card_error(value: str) -> str | None:
    digits = re.sub(r"[\s-]", "", value)
    if not digits.isdigit() or not 12 <= len(digits) <= 19:
        return "Enter the card number as printed on your card (usually 16 digits)."
    if not luhn_ok(digits):
        return "This card number is not valid. Check the digits and try again."
    return None


def _expiry_error(value: str, today: date) -> str | None:
    m = re.fullmatch(r"\s*(\d{1,2})\s*/\s*(\d{2}|\d{4})\s*", value)
    if not m or not 1 <= int(m.group(1)) <= 12:
        return "Enter the expiry date as MM/YY."
    year = int(m.group(2)) % 100 + 2000
    if (year, int(m.group(1))) < (today.year, today.month):
        return "This card has expired."
    return None


_CHECKS = {
    "email": lambda v: None if re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", v)
    else "Enter an email address like name@example.com.",
    "postal_code": lambda v: None if re.fullmatch(r"[A-Za-z0-9 -]{3,10}", v)
    else "Enter a valid postcode.",
    "tel": lambda v: None if len(re.sub(r"\D", "", v)) >= 6 else "Enter a phone number.",
    "cc_number": _card_error,
    "cc_csc": lambda v: None if re.fullmatch(r"\d{3,4}", v.strip())
    else "Enter the 3 or 4 digits on the back of your card.",
    "country": lambda v: None if v in COUNTRIES else "Choose a country.",
}


INFO_NAMES = ("email", "given_name", "family_name", "address", "city", "postal_code",
              "country", "tel")
CARD_NAMES = ("cc_name", "cc_number", "cc_exp", "cc_csc")


def validate(values: dict[str, str], today: date | None = None,
             names: tuple[str, ...] | None = None) -> dict[str, str]:
    """Map each invalid field's name to a message; empty when the order can be placed."""
    today = today or date.today()
    errors: dict[str, str] = {}
    for f in FIELDS:
        if names is not None and f.name not in names:
            continue
        value = values.get(f.name, "").strip()
        if not value:
            errors[f.name] = f"Enter your {f.label.split(' (')[0].lower()}."
        elif f.name == "cc_exp":
            if message := _expiry_error(value, today):
                errors[f.name] = message
        elif (check := _CHECKS.get(f.name)) and (message := check(value)):
            errors[f.name] = message
    return errors
