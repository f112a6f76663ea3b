"""A store that lacks a feature is a finding about the store; a feature the auditor could not
use though the page holds it is the auditor's failed step."""

from __future__ import annotations

import pytest
from helpers import PageHandler, serve

from auditor.gather.walk import RunOptions, walk
from auditor.judge.journey import judge_journey
from auditor.model import Journey, Persona, StepSpec

PRODUCTS = b"<ul><li><a href=/p/1>Oak table</a> 80 EUR</li><li><a href=/p/2>Chair</a></li></ul>"
PLAIN = b"<main><h1>Tables</h1>" + PRODUCTS + b"</main>"
# The filters are there, in a panel that stays closed: not finding them is the auditor's fault.
PANEL = (b"<main><h1>Tables</h1><div id=filters style='display:none'>"
         b"<label>Max price <input name=max_price></label><a href=/sale>Sale</a></div>"
         + PRODUCTS + b"</main>")


class Store(PageHandler):
    def do_GET(self):  # noqa: N802 (http.server's naming)
        pages = {"/plain": PLAIN, "/panel": PANEL}
        self.send_page(pages.get(self.path.split("?")[0], PLAIN))


@pytest.fixture
def store():
    with serve(Store) as url:
        yield url


def _walk(browser, url: str, path: str):
    journey = Journey(Persona("shopper", "Sam", pronoun="they"), (
        StepSpec("visit", "Arrive", "awareness", {"path": path}),
        StepSpec("filter_price", "Filter by price", "consideration", {"max": 80}),
        StepSpec("filter_clearance", "Show the sale", "consideration")), {})
    return judge_journey(walk(browser, journey, url, None,
                              RunOptions(step_timeout_ms=5000, dwell_ms=0)))


def test_a_store_without_filters_gets_findings_not_failed_steps(browser, store):
    journey = _walk(browser, store, "/plain")
    price, sale = journey.steps[1], journey.steps[2]
    assert (price.evidence.status, sale.evidence.status) == ("not-offered", "not-offered")
    assert [f.id for f in price.findings] == ["no-price-filter"]
    assert [f.id for f in sale.findings] == ["no-clearance-filter"]
    assert price.emotion == sale.emotion == "neutral"
    assert "this store offers no price filter" in price.reasons[0]
    assert journey.outcome == "completed"


def test_filters_the_page_holds_but_the_auditor_cannot_use_fail_the_step(browser, store):
    journey = _walk(browser, store, "/panel")
    price, sale = journey.steps[1], journey.steps[2]
    assert price.evidence.status == "failed" and "not shown" in price.evidence.error
    assert sale.evidence.status == "failed" and "could not find" in sale.evidence.error
    assert journey.outcome != "completed"  # failed steps: the tool could not go on
