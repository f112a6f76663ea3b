"""The measuring layer on pages we write here: how a step ends, how a persona types, what a
screenshot hides."""

from __future__ import annotations

import signal
import time
from contextlib import suppress
from pathlib import Path

import pytest
from helpers import PageHandler, masked_pixels, serve
from playwright.sync_api import Error

from auditor.gather import session as session_module
from auditor.gather.parallel import side_by_side
from auditor.gather.session import PersonaSession
from auditor.gather.signals import stops_where_the_walk_waits
from auditor.gather.wording import StepFailed
from auditor.model import Persona, StepSpec

KEY_LOG = (b"<input id=f><script>window.keys = [];"
           b"f.addEventListener('keydown', (e) => keys.push([e.key, performance.now()]));"
           b"</script>")
FRAMED_FORM = b"<h1>Pay</h1><iframe id=box src=/inner style='width:600px;height:200px'></iframe>"
INNER_FORM = b"<input name=n style='width:500px;height:80px;font-size:40px'>"
CARD_FORM = b"<input autocomplete=cc-number style='width:500px;height:80px'>"


class Pages(PageHandler):
    def do_GET(self):  # noqa: N802 (http.server's naming)
        if self.path == "/slow.css":
            time.sleep(0.6)
            self.send_response(200)
            self.send_header("Content-Type", "text/css")
            self.end_headers()
            return
        if self.path == "/data":
            time.sleep(0.4)
            return self.send_page(b"[]")
        if self.path == "/nothing":
            self.send_response(204)
            self.end_headers()
            return
        pages = {
            "/": b"<a href=/next>next</a> <a href=/nothing>nothing</a>"
                 b"<button onclick=\"fetch('/data')\">load</button>",
            "/next": b"<link rel=stylesheet href=/slow.css><h1>Next</h1>",
            "/keys": KEY_LOG,
            "/framed": FRAMED_FORM,
            "/inner": INNER_FORM,
            "/framed-card": FRAMED_FORM.replace(b"/inner", b"/card"),
            "/card": CARD_FORM,
            "/plain": b"<h1>Card</h1><input id=secret style='width:500px;height:80px'>",
            "/late": b"<h1>Loading</h1>"
                     b"<script>setTimeout(() => { document.querySelector('h1').textContent"
                     b" = 'Your basket'; }, 100);</script>",
        }
        self.send_page(pages.get(self.path, b"missing"), 200 if self.path in pages else 404)


@pytest.fixture
def site():
    with serve(Pages) as url:
        yield url


def session(browser, tmp_path: Path | None = None, **persona) -> PersonaSession:
    return PersonaSession(browser, Persona("tester", "Tester", **persona), out_dir=tmp_path,
                          dwell_ms=0, step_timeout_ms=10_000)


def measured(s: PersonaSession, act) -> dict:
    with s.step(0, StepSpec("visit", "Probe", "awareness")) as step:
        step.act(act)
    ev = step.evidence
    return {"wait": ev.wait_ms, "status": ev.status, "navigation": ev.navigation,
            "error": ev.error, "screenshot": ev.screenshot}


def test_a_step_ends_at_the_new_documents_load_event(browser, site):
    s = session(browser)
    s.page.goto(site)
    done = measured(s, lambda: s.page.click("text=next"))
    assert done["status"] == "ok" and done["navigation"] == "hard"
    assert done["wait"] >= 600  # the stylesheet holds the load event back
    s.close()


def test_an_in_page_update_ends_with_its_last_response(browser, site):
    s = session(browser)
    s.page.goto(site)
    done = measured(s, lambda: s.page.click("text=load"))
    assert done["status"] == "ok" and done["navigation"] == "none"
    assert 400 <= done["wait"] < 2000


def test_a_link_that_answers_no_content_does_not_hold_the_step_open(browser, site):
    s = session(browser)
    s.page.goto(site)
    started = time.monotonic()
    done = measured(s, lambda: s.page.click("text=nothing"))
    assert done["status"] == "ok", done["error"]
    assert time.monotonic() - started < 5  # far below the 10 s step timeout
    s.close()


def test_paints_are_reported_even_when_read_right_after_the_load(browser, site):
    s = session(browser)  # no look and no screenshot: metrics are read at once
    for n in range(3):
        with s.step(n, StepSpec("visit", "Probe", "awareness")) as step:
            url = f"{site}/next?visit={n}"
            step.act(lambda url=url: s.page.goto(url, wait_until="commit"))
        assert {"fcp_ms", "lcp_ms"} <= set(step.evidence.metrics), step.evidence.metrics
    s.close()


def test_a_step_on_a_page_that_hides_its_navigation_timing_ends(browser):
    s = session(browser)
    s.page.set_content("<script>performance.getEntriesByType = () => [];</script>")
    started = time.monotonic()
    done = measured(s, lambda: s.page.evaluate("document.title = 'no timing here'"))
    assert done["status"] == "ok", done["error"]
    assert time.monotonic() - started < 5
    s.close()


def test_paced_typing_keeps_the_personas_cadence(browser, site):
    s = session(browser, typing_ms_per_key=60)
    s.page.goto(site + "/keys")
    s.type_keys(s.page.locator("#f"), "abcdef")
    keys = [k for k in s.page.evaluate("keys") if k[0] != "Delete"]  # clearing the field
    assert [k for k, _ in keys] == list("abcdef")
    gaps = sorted(b[1] - a[1] for a, b in zip(keys, keys[1:], strict=False))
    assert gaps[len(gaps) // 2] >= 45  # one key every 60 ms, not faster
    assert s.page.input_value("#f") == "abcdef"
    s.close()


def test_fast_typing_lands_the_text_and_still_presses_a_key(browser, site):
    s = session(browser)
    s.typing_scale = 0
    s.page.goto(site + "/keys")
    s.page.fill("#f", "old text")
    s.type_keys(s.page.locator("#f"), "4242 4242")
    assert s.page.input_value("#f") == "4242 4242"
    assert [k for k, _ in s.page.evaluate("keys")] == ["2"]  # the last key, really pressed
    s.close()


@pytest.mark.parametrize("path", ["/plain", "/framed", "/framed-card"])
def test_screenshots_cover_secret_fields(browser, site, tmp_path, path):
    """/plain and /framed: nothing says 'card', the typing itself marks the field as secret.
    /framed-card: a frame holding a card field is covered whatever it is called."""
    s = session(browser, tmp_path)
    s.page.goto(site + path)
    field = (s.page.frame_locator("#box").locator("input") if "framed" in path
             else s.page.locator("#secret"))
    with s.step(0, StepSpec("fill_checkout", "Pay", "purchase")):
        s.type_keys(field, "4242424242424242", secret=path != "/framed-card")
    shot = tmp_path / "screenshots/tester-00.jpg"
    assert shot.exists()
    assert masked_pixels(s.page, shot) > 20_000
    s.close()


def test_what_the_page_says_is_read_again_when_it_changes_while_the_persona_looks(
        browser, site, tmp_path):
    s = PersonaSession(browser, Persona("tester", "Tester"), out_dir=tmp_path, dwell_ms=300,
                       step_timeout_ms=10_000)
    with s.step(0, StepSpec("visit", "Probe", "awareness")) as step:
        step.act(lambda: s.page.goto(site + "/late", wait_until="commit"))
    assert step.evidence.page.h1 == "Your basket"  # changed 100 ms into a 300 ms look
    assert step.evidence.screenshot
    s.close()


def test_tasks_side_by_side_take_turns_while_each_waits_for_the_browser(browser, site):
    order: list[str] = []

    def reader(name: str, wait_ms: int):
        def task() -> None:
            page = browser.new_page()
            try:
                page.goto(site)
                order.append(f"{name} in")
                page.wait_for_timeout(wait_ms)
                order.append(f"{name} done")
            finally:
                page.close()
        return task

    def broken() -> None:
        raise ValueError("a task that fails")

    errors = side_by_side(browser, [reader("slow", 600), broken, reader("quick", 50)])
    # One after another, the slow reader (started first) would be done first.
    assert sorted(order) == ["quick done", "quick in", "slow done", "slow in"]
    assert order.index("quick done") < order.index("slow done")
    assert [str(e) for e in errors] == ["a task that fails"]


class _Hung(Exception):
    pass


def _hung(_signum, _frame):
    raise _Hung("a DevTools command to the crashed tab never came back")


def test_a_tab_whose_renderer_just_died_does_not_hold_the_walk_and_is_named(browser, monkeypatch):
    monkeypatch.setattr(session_module, "DEVTOOLS_TIMEOUT_MS", 500)
    s = session(browser, cpu_slowdown=4)
    s.page.goto("data:text/html,<h1>Shop</h1>")
    with suppress(Error):
        s._cdp.send("Page.crash", timeout=300)  # never answered: the renderer is gone
    s.traffic.crashed = False  # as if the crash event were still on its way
    previous = signal.signal(signal.SIGALRM, _hung)
    signal.alarm(20)
    try:
        with s.persona_cpu():  # switches the CPU slowdown on and off: two commands
            pass
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert s.crashed()
    with s.step(1, StepSpec("search", "Search", "consideration")) as step:
        raise StepFailed("could not find the search box")  # gone with the page
    assert step.evidence.error == "the browser tab crashed (could not find the search box)"
    s.close()


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_a_stop_signal_inside_playwrights_own_work_leaves_the_browser_whole(browser, site,
                                                                           stop):
    """The signal lands while Playwright hands the driver's request event to a listener:
    Python's own handler would raise there and cut the connection to the driver."""
    before = signal.getsignal(stop)
    page = browser.new_page()
    with stops_where_the_walk_waits(browser):
        page.once("request", lambda _request: signal.raise_signal(stop))
        with pytest.raises(KeyboardInterrupt):
            page.goto(site + "/")
        after = browser.new_page()
        assert after.evaluate("1 + 1") == 2
    assert signal.getsignal(stop) == before  # the handler is the caller's again
    page.context.close()
    after.context.close()
