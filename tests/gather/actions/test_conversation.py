"""The checkout's wait for what her last answer asked of the server: counted from her last
input, so a page she left alone long enough is read at once, and one she just left waits."""

from __future__ import annotations

import time

import pytest
from helpers import PageHandler, serve

from auditor.gather.actions import JourneyContext
from auditor.gather.actions.conversation import QUIET_S, _let_it_load, _quiet_for_s
from auditor.gather.session import PersonaSession
from auditor.model import Persona

# Leaving the street field asks the server for delivery methods 200 ms later (a debounced
# save, as one-page checkouts do), and draws them when the answer comes 300 ms after that.
PAGE = b"""<label>Street <input id=street></label><div id=delivery></div><script>
street.addEventListener('focusout', () => setTimeout(() => fetch('/methods').then(
  (r) => r.text()).then((t) => { delivery.innerHTML = t; }), 200));</script>"""


class Checkout(PageHandler):
    def do_GET(self):  # noqa: N802 (http.server's naming)
        if self.path == "/methods":
            time.sleep(0.3)
            return self.send_page(b"<label><input type=radio name=m> Standard</label>")
        self.send_page(PAGE)


@pytest.fixture
def checkout(browser):
    with serve(Checkout) as url:
        s = PersonaSession(browser, Persona("tester", "Tester"), out_dir=None, dwell_ms=0,
                           step_timeout_ms=10_000)
        s.page.goto(url)
        yield JourneyContext(s, url, {})
        s.close()


def test_the_wait_counts_from_her_last_input(checkout):
    ctx = checkout
    time.sleep(QUIET_S + 0.1)  # nothing done since the page loaded
    assert _quiet_for_s(ctx) >= QUIET_S
    waits = []
    wait_for_event = ctx.page.wait_for_event
    ctx.page.wait_for_event = lambda *a, **k: waits.append(a) or wait_for_event(*a, **k)
    _let_it_load(ctx)
    assert waits == []  # read at once: no wait of its own
    ctx.page.fill("#street", "1 Main Street")
    assert _quiet_for_s(ctx) < QUIET_S  # she just typed
    _let_it_load(ctx)
    assert waits  # so the page is given its moment


def test_what_leaving_a_field_asks_for_is_waited_for(checkout):
    ctx = checkout
    time.sleep(QUIET_S + 0.1)
    ctx.page.fill("#street", "1 Main Street")
    ctx.page.locator("#street").blur()
    _let_it_load(ctx)
    assert ctx.page.locator("#delivery input[type=radio]").count() == 1
