"""What a checkout field asks for, read from its words as real stores write them (no browser)."""

import pytest

from auditor.gather.forms import classify_field, compare


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


def test_a_number_field_is_never_read_as_a_name():
    quantity = {"label": "Family board game", "type": "number"}
    assert classify_field(quantity)[0] is None
    assert classify_field({"label": "Postcode", "type": "number"})[0] == "postal-code"


@pytest.mark.parametrize("kind", ["radio", "checkbox"])
def test_a_choice_is_never_read_as_a_field_to_type_in(kind):
    assert classify_field({"label": "Same as shipping address", "type": kind})[0] is None


def test_the_autocomplete_token_wins_over_the_words():
    assert classify_field({"label": "Address 2", "autocomplete": "address-line1"})[0] == \
        "address-line1"


def _field(value: str = "", **marks: bool) -> dict:
    return {"value": value, "label": "First name", "visible": True, **marks}


def test_a_new_pages_empty_required_fields_are_the_next_question_not_a_refusal():
    before = {"email": _field("ada@example.com")}
    after = {"first_name": _field(browserInvalid=True), "last_name": _field(browserInvalid=True)}
    outcome = compare(before, after, {"email": "ada@example.com"}, new_page=True)
    assert outcome.invalid == [] and outcome.cleared == []


def test_the_same_page_stopped_by_the_browser_or_a_marked_field_is_a_refusal():
    typed = {"cc-number": "4242 4242 4242 42"}
    stopped = compare({"cc-number": _field(typed["cc-number"])},
                      {"cc-number": _field(typed["cc-number"], browserInvalid=True),
                       "name": _field(browserInvalid=True)}, typed)
    assert stopped.invalid == ["cc-number", "name"]
    marked = compare({}, {"first_name": _field(ariaInvalid=True)}, {}, new_page=True)
    assert marked.invalid == ["first_name"]  # the store marked it: the form came back
