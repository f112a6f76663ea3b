"""An order confirmed without a number, on an address that still says checkout (one-page
checkouts, guests), is a placed order."""

from __future__ import annotations

import pytest
from helpers import PageHandler, serve

from auditor.gather.walk import RunOptions, walk
from auditor.judge.journey import judge_journey
from auditor.model import Journey, Persona, StepSpec
from auditor.scenario import DEFAULT_INPUTS

FORM = (b"<main><h1>Checkout</h1><form method=post action=/checkout/success>"
        b"<label>Email <input name=email type=email autocomplete=email required></label>"
        b"<label>Full name <input name=name autocomplete=name required></label>"
        b"<button>Place order</button></form></main>")
DONE = b"<main><h1>Checkout</h1><p>Your order has been placed!</p></main>"


class Store(PageHandler):
    def do_GET(self):  # noqa: N802 (http.server's naming)
        self.send_page(FORM)

    def do_POST(self):  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_page(DONE)


@pytest.fixture
def store():
    with serve(Store) as url:
        yield url


def test_a_placed_order_without_a_number_on_a_checkout_address_is_confirmed(browser, store):
    journey = Journey(Persona("guest", "Gus", typing_ms_per_key=0), (
        StepSpec("visit", "Open the checkout", "purchase", {"path": "/checkout"}),
        StepSpec("fill_checkout", "Fill in", "purchase"),
        StepSpec("place_order", "Place the order", "purchase")), DEFAULT_INPUTS)
    judged = judge_journey(walk(browser, journey, store, None,
                                RunOptions(typing_scale=0, dwell_ms=0)))
    placed = judged.steps[-1]
    assert placed.evidence.status == "ok", placed.evidence.error
    assert "/checkout/success" in placed.evidence.url
    assert placed.evidence.order_placed and placed.evidence.order_number is None
    assert judged.outcome == "completed"
