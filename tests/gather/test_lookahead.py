"""Walking a journey: the next step's first reads run while the persona looks at the page,
and are kept only while the page stays as it was."""

from __future__ import annotations

import pytest
from helpers import PageHandler, serve

from auditor.actions import ACTIONS, Action
from auditor.gather import discovery
from auditor.gather.actions import press
from auditor.gather.walk import RunOptions, walk
from auditor.model import Journey, Persona, StepSpec

# Two add-to-cart buttons; on /swap the visible one is hidden and the other shown 500 ms after
# load, inside a 1 s look and well after its first reads: only an attribute changes.
SHOP = b"""<button id=first onclick="location='/added?first'">Add to cart</button>
<button id=second style="display:none" onclick="location='/added?second'">Add to cart</button>"""
SWAP = (b"<script>addEventListener('load', () => setTimeout(() => {"
        b"first.style.display = 'none'; second.style.display = ''; }, 500));</script>")

# A page that goes on to another just like it during the look: same markup, same counts.
HOP = (b"<script>addEventListener('load', () => setTimeout(() => { location = DEST; }, 500))"
       b"</script>")


class Shop(PageHandler):
    def do_GET(self):  # noqa: N802 (http.server's naming)
        pages = {"/still": SHOP, "/swap": SHOP + SWAP, "/added?first": b"<h1>First</h1>",
                 "/added?second": b"<h1>Second</h1>",
                 "/hop": SHOP + HOP.replace(b"DEST", b"'/hopped'"),
                 "/hopped": SHOP + HOP.replace(b"DEST", b"'#there'")}
        self.send_page(pages.get(self.path, b"missing"))


@pytest.fixture
def shop():
    with serve(Shop) as url:
        yield url


@pytest.fixture
def logged_add(monkeypatch):
    """An add-to-cart action whose first read and start are logged, in order."""
    log: list[str] = []

    def first_read(ctx, params):
        log.append("read")
        return discovery.add_to_cart(ctx.page)

    def run(ctx, step, params):
        log.append("step starts")
        found = ctx.first_read(first_read, params)
        ctx.retry = ctx.attempt < params.get("attempts", 1)  # as a refused order is retried
        if not ctx.retry:
            press(ctx, step, found.locator)

    monkeypatch.setitem(ACTIONS, "logged_add", Action("logged_add", "Add", "purchase",
                                                      "the button", run, first_read))
    return log


def _walk(browser, url: str, path: str, dwell_ms: float = 1000, attempts: int = 1):
    journey = Journey(Persona("tester", "Tester", typing_ms_per_key=0), (
        StepSpec("visit", "Arrive", "awareness", {"path": path}),
        StepSpec("logged_add", "Add", "purchase", {"attempts": attempts})), {})
    return walk(browser, journey, url, None, RunOptions(step_timeout_ms=5000, dwell_ms=dwell_ms))


def test_the_next_steps_first_read_runs_during_the_look_and_is_used(browser, shop, logged_add):
    result = _walk(browser, shop, "/still")
    assert logged_add == ["read", "step starts"]  # read once, before the step began
    assert [s.status for s in result.steps] == ["ok", "ok"]
    assert result.steps[1].url.endswith("/added?first")


def test_a_page_that_changes_during_the_look_is_read_again(browser, shop, logged_add):
    result = _walk(browser, shop, "/swap")
    assert logged_add == ["read", "step starts", "read"]
    assert result.steps[1].status == "ok", result.steps[1].error
    assert result.steps[1].url.endswith("/added?second")


def test_without_a_look_nothing_is_read_ahead(browser, shop, logged_add):
    _walk(browser, shop, "/still", dwell_ms=0)
    assert logged_add == ["step starts", "read"]


def test_a_retried_step_has_its_first_read_done_in_the_look_before_it(browser, shop, logged_add):
    result = _walk(browser, shop, "/still", attempts=2)
    assert logged_add == ["read", "step starts", "read", "step starts"]
    assert result.steps[-1].url.endswith("/added?first")


def test_a_page_replaced_by_another_during_the_look_is_read_again(browser, shop, logged_add):
    _walk(browser, shop, "/hop")
    assert logged_add == ["read", "step starts", "read"]
