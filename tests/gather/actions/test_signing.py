"""A returning customer signs in and buys: the sign-in is a step with its wait, a store that
knows him fills his details in (one that forgets is a finding), a refused sign-in says why,
and with no account given he is not walked unless asked for by name."""

from __future__ import annotations

from dataclasses import replace

import pytest

from auditor.access import ACCOUNT_ENV, account_of, with_accounts
from auditor.demo_store.accounts import DEMO_ACCOUNT
from auditor.demo_store.flaws import parse_flaws
from auditor.demo_store.server import StoreServer
from auditor.errors import ScenarioError
from auditor.gather.walk import RunOptions, walk
from auditor.judge.journey import judge_journey
from auditor.scenario import load_journeys

FAST = RunOptions(typing_scale=0, dwell_ms=0)


def _walk(browser, tmp_path, *flaws, holds=()):
    journey = load_journeys()["returning-customer"]
    if holds:  # what the team knows the account holds besides its e-mail
        journey = replace(journey, inputs={**journey.inputs, "account": {"holds": holds}})
    with StoreServer(parse_flaws(list(flaws))) as store:
        return judge_journey(walk(browser, journey, store.url, tmp_path, FAST))


@pytest.mark.slow
def test_he_signs_in_finds_his_details_filled_in_and_buys(browser, tmp_path, monkeypatch):
    monkeypatch.setenv(ACCOUNT_ENV, ":".join(DEMO_ACCOUNT))
    journey = _walk(browser, tmp_path)
    steps = {s.evidence.action: s for s in journey.steps}
    assert journey.outcome == "completed", journey.reason
    assert steps["sign_in"].evidence.status == "ok" and steps["sign_in"].evidence.wait_ms > 0
    assert steps["fill_checkout"].evidence.asked_again == []
    assert steps["place_order"].evidence.order_placed
    assert steps["sign_out"].evidence.status == "ok"
    saved = b"".join(p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())
    assert DEMO_ACCOUNT[1].encode() not in saved


def test_a_store_that_forgets_him_asks_again_and_says_so(browser, tmp_path, monkeypatch):
    monkeypatch.setenv(ACCOUNT_ENV, ":".join(DEMO_ACCOUNT))
    holds = ["given-name", "family-name", "address-line1", "address-level2", "postal-code"]
    typed = next(s for s in _walk(browser, tmp_path, "account-forgets", holds=holds).steps
                 if s.evidence.action == "fill_checkout")
    assert {"email", "given_name", "address", "postal_code"} <= set(typed.evidence.asked_again)
    assert [(f.id, f.severity) for f in typed.findings] == [("account-asks-again", "major")]
    only_mail = next(s for s in _walk(browser, tmp_path, "account-forgets").steps
                     if s.evidence.action == "fill_checkout")
    assert only_mail.evidence.asked_again == ["email"]  # a new account may hold no address


def test_a_refused_sign_in_fails_the_step_with_the_store_s_words(browser, tmp_path,
                                                                   monkeypatch):
    monkeypatch.setenv(ACCOUNT_ENV, f"{DEMO_ACCOUNT[0]}:not-his-password")
    signed = next(s for s in _walk(browser, tmp_path).steps if s.evidence.action == "sign_in")
    assert signed.evidence.status == "failed" and not signed.evidence.lost
    assert signed.evidence.error == ("the store did not sign in with the account given: "
                                     "Wrong e-mail address or password.")


def test_without_an_account_he_is_left_out_unless_named(monkeypatch):
    monkeypatch.delenv(ACCOUNT_ENV, raising=False)
    journeys = list(load_journeys().values())
    kept, notes = with_accounts(journeys, chosen=False)
    assert "returning-customer" not in {j.persona.id for j in kept}
    assert notes == [f"returning-customer: not walked, no account to sign in with (set "
                     f"{ACCOUNT_ENV}=EMAIL:PASSWORD or inputs.account in --profile)"]
    assert len(with_accounts(journeys, chosen=True)[0]) == len(journeys)


def test_an_account_in_the_inputs_reads_its_password_from_the_environment(monkeypatch):
    monkeypatch.setenv("SHOP_PASSWORD", "from-the-env")
    given = {"account": {"email": "jonas@example.com", "password": "$SHOP_PASSWORD"}}
    assert account_of(given) == ("jonas@example.com", "from-the-env")
    monkeypatch.delenv("SHOP_PASSWORD")
    with pytest.raises(ScenarioError, match="SHOP_PASSWORD is not set"):
        account_of(given)


def test_a_search_that_finds_nothing_is_the_store_s_dead_end_not_the_auditor_s(
        browser, tmp_path, monkeypatch):
    monkeypatch.setenv(ACCOUNT_ENV, ":".join(DEMO_ACCOUNT))
    journey = _walk(browser, tmp_path, "broken-search")
    opened = next(s.evidence for s in journey.steps if s.evidence.action == "open_product")
    assert opened.status == "failed" and not opened.lost
    assert opened.error.startswith("there is no product to open")
    assert journey.outcome == "abandoned"
