from datetime import date

from auditor.cards import luhn_ok
from auditor.demo_store.checkout_form import validate

GOOD = {
    "email": "a@b.co", "given_name": "Ada", "family_name": "Lovelace", "address": "1 Street",
    "city": "Berlin", "postal_code": "10115", "country": "Germany", "tel": "+49 30 123456",
    "cc_name": "Ada Lovelace", "cc_number": "4242 4242 4242 4242", "cc_exp": "12/34",
    "cc_csc": "123",
}


def test_luhn_accepts_test_card_and_rejects_dropped_digit():
    assert luhn_ok("4242424242424242")
    assert not luhn_ok("424242424242422")


def test_valid_order_has_no_errors_and_card_accepts_spaces():
    assert validate(GOOD, date(2026, 11, 1)) == {}


def test_only_the_wrong_field_is_reported():
    errors = validate({**GOOD, "cc_number": "4242 4242 4242 442"}, date(2026, 11, 1))
    assert list(errors) == ["cc_number"]


def test_expired_card_and_missing_fields_are_named():
    errors = validate({**GOOD, "cc_exp": "01/20", "city": ""}, date(2026, 11, 1))
    assert set(errors) == {"cc_exp", "city"}

