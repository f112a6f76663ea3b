"""What a walk gives the persona before her first step (no browser)."""

from __future__ import annotations

from auditor.gather.walk import own_address
from auditor.scenario import DEFAULT_INPUTS, merge_inputs


def test_each_walk_has_its_own_address_where_the_scenario_kept_the_default():
    first, second = (own_address(DEFAULT_INPUTS, "stressed-parent") for _ in range(2))
    one, two = first["customer"]["email"], second["customer"]["email"]
    assert one != two and one.startswith("ada.lovelace+stressed-parent-")
    assert first["customer"]["postal-code"] == DEFAULT_INPUTS["customer"]["postal-code"]
    assert DEFAULT_INPUTS["customer"]["email"] == "ada.lovelace@example.com"  # untouched


def test_an_address_the_user_gave_is_kept():
    mine = merge_inputs(DEFAULT_INPUTS, {"customer": {"email": "qa@shop.example"}})
    assert own_address(mine, "novice-checkout")["customer"]["email"] == "qa@shop.example"
