"""What a keyboard or screen-reader user met, judged from saved evidence with no browser: what
her screen reader never said, and axe-core's failures felt by her alone."""

from dataclasses import replace

from auditor.judge.step import judge_step
from auditor.model import (
    SCREEN_READER,
    AxeViolation,
    Hearing,
    KeyboardUse,
    Persona,
    StepEvidence,
)

AMARA = Persona("screen-reader-shopper", "Amara", pronoun="she", navigation=SCREEN_READER)
NOOR = replace(AMARA, id="keyboard-shopper", name="Noor", navigation="keyboard")
MIA = replace(AMARA, id="delighted-shopper", name="Mia", navigation="pointer")
UNNAMED = AxeViolation("button-name", "critical", "Buttons must have discernible text",
                       ["4.1.2"], 2, "button.icon")
CONTRAST = AxeViolation("color-contrast", "serious", "Elements must meet minimum contrast",
                        ["1.4.3"], 5, "p.note")


def evidence(**kw):
    base = dict(index=0, name="Open the train", stage="consideration", action="open_product",
                navigation="hard", http_status=200)
    return StepEvidence(**{**base, **kw})


def ids(result):
    return [f.id for f in result.findings]


def test_a_price_never_said_makes_her_sad_and_only_her():
    heard = evidence(heard=Hearing(price=False))
    result = judge_step(AMARA, heard, 0)
    assert ids(result) == ["price-not-said"] and result.emotion == "sad"
    assert "she never heard the price" in result.reasons
    assert ids(judge_step(MIA, heard, 0)) == []  # only a screen-reader persona has hearing


def test_no_landmark_and_no_heading_cost_a_little_each():
    result = judge_step(AMARA, evidence(heard=Hearing(main=False, h1=False)), 0)
    assert ids(result) == ["no-main-landmark", "no-top-heading"]
    assert result.score == 90 and result.emotion == "happy"


def test_what_stopped_her_names_its_fix():
    heard = Hearing(unnamed="“Add to cart” said as “text”", unannounced="Card refused")
    result = judge_step(AMARA, evidence(heard=heard, status="failed", error="stopped"), 0)
    assert {"control-unnamed", "error-not-announced"} <= set(ids(result))
    assert result.emotion == "angry" and result.reasons == ["the step failed: stopped"]


def test_axe_failures_in_her_way_weigh_on_her_and_are_only_listed_for_others():
    page = evidence(axe=[UNNAMED, CONTRAST])
    amara = judge_step(AMARA, page, 0)
    barrier = next(f for f in amara.findings if f.id == "wcag-barrier")
    assert barrier.severity == "major" and "button-name" in barrier.message
    assert "color-contrast" not in barrier.message  # contrast is not in a blind user's way
    assert amara.score == 95
    assert ids(judge_step(NOOR, page, 0)) == []  # a name is not in a keyboard user's way
    assert ids(judge_step(MIA, page, 0)) == []


def test_many_presses_for_her_too():
    result = judge_step(AMARA, evidence(keyboard=KeyboardUse(presses=43), heard=Hearing()), 0)
    assert ids(result) == ["many-key-presses"]


def test_a_fault_of_every_page_is_felt_where_she_first_meets_it():
    page = evidence(axe=[UNNAMED], heard=Hearing(main=False))
    first = judge_step(AMARA, page, 0)
    again = judge_step(AMARA, page, 0, met=frozenset({"button-name", *ids(first)}))
    assert ids(first) == ["no-main-landmark", "wcag-barrier"] and ids(again) == []
