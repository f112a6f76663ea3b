"""A real consent box (vanilla-cookieconsent from npm, its default settings: it hides from
browsers that say they are automated) on the demo store: seen, answered with the persona's
choice, measured, never a failed step; the store's analytics runs only once she accepts."""

from __future__ import annotations

import pytest
from helpers import walk_story

from auditor.demo_store.consent import LIBRARY
from auditor.demo_store.flaws import parse_flaws
from auditor.demo_store.server import StoreServer
from auditor.gather.walk import RunOptions, walk
from auditor.scenario import load_journey_file

pytestmark = pytest.mark.skipif(not (LIBRARY / "cookieconsent.umd.js").is_file(),
                                reason="vanilla-cookieconsent is installed by make lighthouse")

STORY = """
persona: {{id: tess, name: Tess, pronoun: she, device: {device}, consent: {consent},
          typing_ms_per_key: 0}}
journey:
  - {{action: visit, name: Arrive, stage: awareness}}
  - {{action: open_category, name: Open Toys, category: Toys, stage: consideration}}
  - {{action: open_product, name: Open the train, product: Wooden Toy Train,
     stage: consideration}}
"""


def _walk(browser, tmp_path, *flaws, consent="reject", device="desktop"):
    with StoreServer(parse_flaws(list(flaws))) as store:
        journey = walk_story(browser, store.url, tmp_path,
                             STORY.format(consent=consent, device=device))
        return journey, list(store.app.config["ANALYTICS"])


@pytest.mark.parametrize("consent", ["reject", "accept"])
def test_the_box_is_answered_with_her_choice_and_analytics_runs_only_on_accept(
        browser, tmp_path, consent):
    journey, counted = _walk(browser, tmp_path, "consent-box", consent=consent)
    first = journey.steps[0].evidence
    assert [s.evidence.status for s in journey.steps] == ["ok", "ok", "ok"]
    assert first.consent is not None and first.consent.answered == consent
    assert first.consent.blocks_page and 0.05 < first.consent.covered < 0.3
    label = "Reject all" if consent == "reject" else "Accept all"
    assert first.effort == [f"answered the cookie box: “{label}”"]
    assert first.consent.answered_ms > 0 and first.duration_ms >= first.consent.answered_ms
    assert all(s.evidence.consent is None for s in journey.steps[1:])  # it was remembered
    assert [f.id for f in journey.steps[0].findings] == ["consent-blocks"]
    assert bool(counted) is (consent == "accept")  # the analytics script waited for consent


def test_on_a_phone_a_box_over_the_main_content_is_a_major_finding(browser, tmp_path):
    journey, _ = _walk(browser, tmp_path, "consent-box", device="phone")
    found = {f.id: f.severity for f in journey.steps[0].findings}
    assert found.get("consent-blocks") == "major"


def test_without_a_reject_on_its_first_layer_she_rejects_through_its_settings(
        browser, tmp_path):
    journey, counted = _walk(browser, tmp_path, "consent-no-reject")
    box = journey.steps[0].evidence.consent
    assert box.pressed == ["“Manage preferences”", "“Reject all”"] and not box.reject_first
    assert box.answered == "reject" and not counted
    assert "consent-no-reject" in {f.id for f in journey.steps[0].findings}


def test_a_box_that_forgets_her_answer_is_met_again_and_said_so(browser, tmp_path):
    journey, _ = _walk(browser, tmp_path, "consent-forgotten")
    again = [s for s in journey.steps[1:] if s.evidence.consent and s.evidence.consent.again]
    assert again and "consent-returns" in {f.id for f in again[0].findings}
    assert all(s.evidence.status == "ok" for s in journey.steps)


def test_a_browser_that_says_it_is_automated_never_meets_the_box(browser, tmp_path):
    """Why the persona's browser does not announce automation: the library's default
    hides the box from it, and the walk would report a store without one."""
    path = tmp_path / "story.yaml"
    path.write_text(STORY.format(consent="reject", device="desktop"))
    with StoreServer(parse_flaws(["consent-box"])) as store:
        walked = walk(browser, load_journey_file(path), store.url, tmp_path,
                      RunOptions(typing_scale=0, announce_automation=True))
    assert all(s.consent is None and s.status == "ok" for s in walked.steps)
