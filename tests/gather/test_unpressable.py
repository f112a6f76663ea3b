"""A control a person cannot press (greyed out, covered by a banner) fails its step within
seconds, saying why, instead of waiting out the step timeout."""

from __future__ import annotations

import time

import pytest
from helpers import PageHandler, serve

from auditor.gather.walk import RunOptions, walk
from auditor.model import Journey, Persona, StepSpec

PAGES = {
    "/disabled": b"<main><h1>Oak table</h1><button disabled>Add to cart</button></main>",
    "/covered": b"<main><h1>Oak table</h1><button>Add to cart</button></main>"
                b"<div class='promo' style='position:fixed;inset:0;background:#fff'>"
                b"Spring sale today <button>OK</button></div>",
}


class Store(PageHandler):
    def do_GET(self):  # noqa: N802 (http.server's naming)
        self.send_page(PAGES.get(self.path, b"missing"))


@pytest.mark.parametrize("path, why", [
    ("/disabled", "could not press “Add to cart”: it is greyed out (disabled)"),
    ("/covered", "could not press “Add to cart”: something covers it: div.promo "
                 '("Spring sale today OK")'),
])
def test_an_unpressable_control_fails_fast_saying_why(browser, path, why):
    journey = Journey(Persona("shopper", "Sam"), (
        StepSpec("visit", "Arrive", "awareness", {"path": path}),
        StepSpec("add_to_cart", "Add to cart", "purchase")), {})
    with serve(Store) as url:
        started = time.monotonic()
        walked = walk(browser, journey, url, None, RunOptions(dwell_ms=0))
        took = time.monotonic() - started
    step = walked.steps[1]
    assert step.status == "failed" and step.error == why
    assert took < 6  # far below the 30 s step timeout: ~2.5 s of it waiting for the control
