"""Card fields in a payment provider's cross-origin iframes, then 3-D Secure: the novice's
dropped digit is caught by the provider's inline error inside its frame, his retries keep
what the store kept, the order is placed through the bank's challenge, and no card digit
reaches any output."""

from __future__ import annotations

from dataclasses import replace

import pytest
from helpers import masked_pixels

from auditor.demo_store.server import StoreServer
from auditor.gather.walk import RunOptions, walk
from auditor.judge import judge_run
from auditor.model import RunResult
from auditor.report import write_report
from auditor.scenario import DEFAULT_INPUTS, load_journeys


@pytest.mark.slow
def test_the_novice_buys_through_hosted_card_fields_and_3d_secure(browser, page, tmp_path):
    with StoreServer(card_provider=True) as store:
        walked = walk(browser, load_journeys([])["novice-checkout"], store.url, tmp_path,
                      RunOptions(typing_scale=0))
    run = judge_run(RunResult("t", "", "", []), [[walked]])
    journey = run.journeys[0]
    refused = [s.evidence for s in journey.steps if s.evidence.form]
    assert refused, "the provider's inline error refused no attempt"
    first = refused[0].form
    assert first.invalid == ["cc_number"] and first.mistake_in == "cc_number"
    assert first.error_message == "Your card number is invalid."  # said by the provider
    assert {"email", "given_name", "address"} <= set(first.retained) and not first.cleared
    last = journey.steps[-1].evidence
    assert last.order_placed and last.order_number
    assert last.metrics["three_ds_ms"] > 0
    assert any(e.startswith("answered 3-D Secure: “Complete authentication”")
               for e in last.effort)
    assert journey.outcome == "completed"

    write_report(run, tmp_path)
    card = DEFAULT_INPUTS["customer"]["cc-number"]
    digits = card.replace(" ", "")
    for path in (p for p in tmp_path.rglob("*") if p.is_file()):
        data = path.read_bytes()
        assert digits[:12].encode() not in data and card[:14].encode() not in data, path
    typed = next(s.evidence for s in journey.steps if s.evidence.action == "fill_checkout")
    assert masked_pixels(page, tmp_path / typed.screenshot) > 2000  # the card frames covered


@pytest.mark.slow
def test_a_challenge_the_bank_fails_leaves_the_order_unplaced_with_the_store_s_words(
        browser, tmp_path):
    journey = load_journeys([])["novice-checkout"]
    journey = replace(journey, inputs={**journey.inputs, "three_d_secure": "fail"},
                      persona=replace(journey.persona, mistakes=()))
    with StoreServer(card_provider=True) as store:
        walked = walk(browser, journey, store.url, tmp_path, RunOptions(typing_scale=0))
    placing = [s for s in walked.steps if s.action == "place_order"]
    assert not any(s.order_placed for s in placing)
    assert placing[0].effort[0].startswith("answered 3-D Secure: “Fail authentication”")
    assert "Your bank did not confirm the payment." in placing[0].form.error_message
