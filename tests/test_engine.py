"""The three stories, measured for real: personas walk the demo store in Chromium."""

import pytest

from auditor.model import EMOTIONS

pytestmark = pytest.mark.serial  # waits held to the personas' patience: measured alone


def _step(journey, name_part):
    return next(s for s in journey.steps if name_part in s.evidence.name)


def test_stressed_parent_waits_finds_nothing_and_leaves(walk_persona, demo_store):
    store = demo_store("slow-product=4", "broken-search")
    journey = walk_persona("stressed-parent", store.url)
    product = _step(journey, "Open the wooden toy train")
    assert product.evidence.wait_ms >= 4000
    assert product.emotion in ("sad", "angry")
    assert "slow-load" in {f.id for f in product.findings}
    search = _step(journey, "Search for the toy")
    assert search.evidence.search.result_count == 0
    assert "zero-results" in {f.id for f in search.findings}
    assert search.emotion == "angry"
    assert journey.outcome == "abandoned"
    assert journey.abandoned_at == search.evidence.index
    assert "wooden toy train" in journey.reason
    after = [s for s in journey.steps if s.evidence.index > journey.abandoned_at]
    assert after and all(s.after_dropoff for s in after)
    assert all(s.evidence.status in ("ok", "failed") for s in after)  # still measured


def test_well_made_store_pleases_every_persona(walk_persona, demo_store):
    store = demo_store()
    for persona in ("delighted-shopper", "stressed-parent", "novice-checkout"):
        journey = walk_persona(persona, store.url)
        assert journey.outcome == "completed", (persona, journey.reason)
        low = [(s.evidence.name, s.emotion, s.reasons) for s in journey.steps
               if EMOTIONS.index(s.emotion) < EMOTIONS.index("neutral")]
        assert not low, (persona, low)
        if persona == "delighted-shopper":
            assert any(s.emotion == "excited" for s in journey.steps)
            after_the_order = [s.evidence for s in journey.steps[-3:]]
            assert [ev.action for ev in after_the_order] == [
                "create_account", "sign_up_for_news", "recommend"]
            assert all(ev.status == "ok" for ev in after_the_order), after_the_order


def test_novice_abandons_when_every_error_wipes_the_form(walk_persona, demo_store):
    store = demo_store("clear-form-on-error")
    journey = walk_persona("novice-checkout", store.url)
    attempts = [s for s in journey.steps if s.evidence.form is not None]
    assert len(attempts) == 3
    for attempt in attempts:
        form = attempt.evidence.form
        assert attempt.emotion == "angry"
        assert {"email", "given_name", "family_name", "address", "city", "postal_code",
                "tel", "cc_number"} <= set(form.cleared)
        assert form.retype_keystrokes > 100
    assert journey.outcome == "abandoned"
    assert journey.abandoned_at == attempts[-1].evidence.index


def test_novice_completes_when_the_store_keeps_his_fields(walk_persona, demo_store):
    store = demo_store()
    journey = walk_persona("novice-checkout", store.url)
    attempts = [s for s in journey.steps if s.evidence.form is not None]
    assert attempts, "the card slip must produce at least one rejected attempt"
    for attempt in attempts:
        assert attempt.evidence.form.cleared == []
        assert attempt.evidence.form.invalid == ["cc_number"]
    assert journey.outcome == "completed"
    assert journey.steps[-1].evidence.order_number


def test_a_two_second_server_delay_is_a_two_to_three_second_wait(walk_persona, demo_store):
    store = demo_store("slow-product=2")
    journey = walk_persona("delighted-shopper", store.url)
    product = _step(journey, "full description")
    assert 2000 <= product.evidence.wait_ms < 3000
    assert product.evidence.metrics["ttfb_ms"] >= 2000


def test_secrets_never_reach_the_evidence(walk_persona, demo_store, tmp_path):
    import json
    from dataclasses import asdict

    store = demo_store()
    journey = walk_persona("novice-checkout", store.url, out=tmp_path)
    dumped = json.dumps([asdict(s.evidence) for s in journey.steps])
    assert "4242" not in dumped and "correct-horse" not in dumped
    assert any(p.suffix == ".jpg" for p in (tmp_path / "screenshots").iterdir())


def test_a_late_banner_is_caught_as_layout_shift(walk_persona, demo_store):
    store = demo_store("layout-shift")
    journey = walk_persona("delighted-shopper", store.url)
    shifted = [s for s in journey.steps if "layout-shift" in {f.id for f in s.findings}]
    assert shifted, [(s.evidence.name, s.evidence.metrics.get("cls")) for s in journey.steps]
    assert max(s.evidence.metrics["cls"] for s in shifted) > 0.1
