"""Judging a step from its evidence alone, with no browser."""

import math

import pytest

from auditor.judge.step import judge_step, log_normal_score
from auditor.model import (
    FormFacts,
    FormOutcome,
    PageFacts,
    Persona,
    ProductFacts,
    SearchOutcome,
    StepEvidence,
)

PARENT = Persona("stressed-parent", "Aistė", pronoun="she", patience_fine_ms=1500,
                 patience_poor_ms=3500, tolerance=3)


def evidence(**kw):
    base = dict(index=0, name="step", stage="consideration", action="open_product",
                navigation="hard", http_status=200)
    return StepEvidence(**{**base, **kw})


def test_log_normal_curve_passes_its_two_control_points():
    assert math.isclose(log_normal_score(1500, 1500, 3500), 0.9, abs_tol=1e-3)
    assert math.isclose(log_normal_score(3500, 1500, 3500), 0.5, abs_tol=1e-3)
    assert log_normal_score(10000, 1500, 3500) < 0.1


def test_slow_page_makes_her_sad_and_says_why():
    step = judge_step(PARENT, evidence(wait_ms=4300), 0)
    assert step.emotion in ("sad", "angry")
    assert "waited 4.3 s; her patience is 1.5 s" in step.reasons[0]
    assert [f.id for f in step.findings] == ["slow-load"]
    assert step.findings[0].reference.startswith("Nielsen")
    assert step.frustration >= 1


def test_zero_results_is_angry_even_when_fast():
    ev = evidence(action="search", wait_ms=300, search=SearchOutcome("toy train", 0, True))
    step = judge_step(PARENT, ev, 0)
    assert step.emotion == "angry"
    assert {f.id for f in step.findings} == {"zero-results"}


def test_a_wiped_form_is_angry_and_counts_the_retyping():
    form = FormOutcome(retained=[], cleared=["email", "tel", "cc_number"], invalid=[],
                       labels={"email": "Email", "tel": "Phone"}, mistake_in="cc_number",
                       retype_keystrokes=60, retype_ms=13200)
    step = judge_step(PARENT, evidence(action="place_order", wait_ms=200, form=form), 0)
    assert step.emotion == "angry"
    assert "wiped 2 field(s)" in step.reasons[0] and "13.2 s" in step.reasons[0]
    assert step.findings[0].id == "form-cleared"


def test_a_kept_form_with_only_his_slip_marked_is_neutral():
    form = FormOutcome(retained=["email", "cc_number"], invalid=["cc_number"],
                       labels={"cc_number": "Card number"}, mistake_in="cc_number")
    step = judge_step(PARENT, evidence(action="place_order", wait_ms=200, form=form), 0)
    assert step.emotion == "neutral"
    assert "marked only Card number" in step.reasons[0]


def test_excited_needs_a_delight_signal():
    plain = judge_step(PARENT, evidence(action="visit", wait_ms=300), 0)
    full = ProductFacts(price=True, description=True, size=True, material=True, care=True)
    delighted = judge_step(PARENT, evidence(wait_ms=300, page=PageFacts(product=full)), 0)
    assert plain.emotion == "happy"
    assert delighted.emotion == "excited"


def test_failed_step_and_server_error_are_angry():
    failed = judge_step(PARENT, evidence(status="failed", error="no button"), 0)
    server = judge_step(PARENT, evidence(http_status=500, wait_ms=100), 0)
    assert failed.emotion == server.emotion == "angry"
    assert {f.severity for f in server.findings} == {"critical"}


@pytest.mark.parametrize("cls, points", [(0.05, 0), (0.15, 10), (0.3, 30)])
def test_layout_shift_follows_core_web_vitals_bands(cls, points):
    step = judge_step(PARENT, evidence(wait_ms=100, metrics={"cls": cls}), 0)
    assert step.score == 100 - points


@pytest.mark.parametrize("inp, severity, points", [(150, None, 0), (300, "minor", 0),
                                                    (600, "major", 15)])
def test_a_slow_reaction_costs_what_its_row_says_by_severity(inp, severity, points):
    step = judge_step(PARENT, evidence(wait_ms=100, metrics={"inp_ms": inp}), 0)
    assert step.score == 100 - points
    assert [f.severity for f in step.findings if f.id == "slow-interaction"] == (
        [severity] if severity else [])


@pytest.mark.parametrize("resources, points", [(1, 10), (2, 20), (5, 20)])
def test_a_penalty_counts_each_occurrence_up_to_its_most(resources, points):
    broken = [{"status": 404, "url": f"/img{i}.png", "type": "image"} for i in range(resources)]
    step = judge_step(PARENT, evidence(wait_ms=100, http_errors=broken), 0)
    assert step.score == 100 - points


def test_frustration_builds_and_relief_never_goes_below_zero():
    sad = judge_step(PARENT, evidence(wait_ms=4300), 0.0)
    happy = judge_step(PARENT, evidence(wait_ms=100), 0.0)
    assert sad.frustration == 1.0
    assert happy.frustration == 0.0


def test_an_emotion_on_a_bands_edge_is_marked_borderline():
    on_edge = judge_step(PARENT, evidence(wait_ms=3500), 0)  # score 50: sad begins below
    clear = judge_step(PARENT, evidence(wait_ms=300), 0)
    assert any(r.startswith("borderline: 10% more or less wait") for r in on_edge.reasons)
    assert not any(r.startswith("borderline") for r in clear.reasons)


def test_runs_that_straddle_a_band_say_so():
    runs = evidence(wait_ms=3450, metrics={"wait_ms_runs": [3300, 3450, 3700]})
    steady = evidence(wait_ms=300, metrics={"wait_ms_runs": [290, 300, 320]})
    assert "the 3 runs straddle a band's edge" in " ".join(judge_step(PARENT, runs, 0).reasons)
    assert not any("straddle" in r for r in judge_step(PARENT, steady, 0).reasons)


@pytest.mark.parametrize("types, fields, found, missing", [
    (["email", "password"], 2, {}, True),  # sign in to check out: no guest checkout
    (["email", "input", "select", "tel"], 9, {}, False),  # guest by default, no word of it
    (["email", "input", "password", "tel"], 11, {}, False),  # an optional account password
    (["email", "password"], 2, {"guest": {"how": "button"}}, False),  # the persona chose guest
])
def test_no_guest_checkout_only_where_checkout_demands_an_account(types, fields, found, missing):
    page = PageFacts(guest_checkout=False, form=FormFacts(fields, fields, 0, types))
    step = judge_step(PARENT, evidence(action="go_to_checkout", page=page, found=found), 0)
    assert ("no-guest-checkout" in [f.id for f in step.findings]) is missing


def test_a_few_extra_presses_are_the_web_many_are_a_finding():
    few = judge_step(PARENT, evidence(effort=["opened the ☰ menu button", "opened “Toys”"]), 0)
    assert few.score == 100 and not few.findings
    answers = ["pressed “Continue”", "pressed “Choose”", "chose “Standard”",
               "pressed “Continue”", "chose “Cash on delivery”", "ticked “I agree”"]
    many = judge_step(PARENT, evidence(effort=answers), 0)
    assert [f.id for f in many.findings] == ["much-effort"]
    assert many.score == 100 - 2 * 3  # two presses at or past the threshold of five
    assert "Aistė had to press 6 other things first (pressed “Continue”" in many.reasons[0]
    assert many.findings[0].reference.startswith("Baymard")


def _box_met(persona, **box):
    from auditor.model import ConsentBox

    ev = evidence(consent=ConsentBox(**{"choice": "reject", "answered": "reject", **box}),
                  effort=["answered the cookie box: “Reject all”"])
    return judge_step(persona, ev, 0)


def test_a_cookie_box_that_blocks_the_page_costs_a_little_and_more_over_a_phone_screen():
    from dataclasses import replace

    from auditor.scenario import DEVICES

    small = _box_met(PARENT, covered=0.1, blocks_page=True)
    assert [(f.id, f.severity) for f in small.findings] == [("consent-blocks", "minor")]
    phone = _box_met(replace(PARENT, device=DEVICES["phone"]), covered=0.45, blocks_page=True)
    assert [(f.id, f.severity) for f in phone.findings] == [("consent-blocks", "major")]
    assert phone.score < small.score < 100
    assert _box_met(PARENT, covered=0.1).findings == []  # a banner that leaves the page be


def test_a_box_without_a_reject_or_that_asks_again_is_said_with_the_persona_s_name():
    refused = _box_met(PARENT, reject_first=False, answered="accept")
    assert "Aistė gave in and accepted" in refused.findings[0].message
    assert "EDPB" in refused.findings[0].reference
    again = _box_met(PARENT, again=True)
    assert [f.id for f in again.findings] == ["consent-returns"]
    assert "after Aistė had answered it" in again.reasons[0]
