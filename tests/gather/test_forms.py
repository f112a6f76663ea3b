"""What a checkout field asks for, read from its words as real stores write them (no browser)."""

import pytest

from auditor.gather.forms import classify_field


@pytest.mark.parametrize(("label", "token"), [
    ("Street Address", "address-line1"),
    ("Address line 1", "address-line1"),
    ("Address 2", "address-line2"),
    ("Street Address: Line 2", "address-line2"),
    ("Apartment, suite, unit, etc. (optional)", "address-line2"),
    ("Company name (optional)", "organization"),
    ("House number", "house-number"),
    ("Region / State", "address-level1"),
    ("State/Province", "address-level1"),
    ("Bundesland", "address-level1"),
    ("Town / City", "address-level2"),
    ("Postcode / ZIP", "postal-code"),
    ("Country", "country"),
])
def test_address_parts_are_told_apart(label, token):
    assert classify_field({"label": label})[0] == token


def test_the_autocomplete_token_wins_over_the_words():
    assert classify_field({"label": "Address 2", "autocomplete": "address-line1"})[0] == \
        "address-line1"
