"""The step clock on pages we write here: a step ends when the page is ready, no sooner and
no later."""

from __future__ import annotations

import time

import pytest

from auditor.gather.session import PersonaSession
from auditor.model import StepSpec

pytestmark = pytest.mark.serial  # the step clock's accuracy: measured alone


def measured(s: PersonaSession, act) -> dict:
    with s.step(0, StepSpec("visit", "Probe", "awareness")) as step:
        step.act(act)
    ev = step.evidence
    return {"wait": ev.wait_ms, "status": ev.status, "navigation": ev.navigation,
            "error": ev.error, "screenshot": ev.screenshot}


def test_a_step_ends_at_the_new_documents_load_event(open_session, site):
    s = open_session()
    s.page.goto(site)
    done = measured(s, lambda: s.page.click("text=next"))
    assert done["status"] == "ok" and done["navigation"] == "hard"
    assert done["wait"] >= 600  # the stylesheet holds the load event back


def test_an_in_page_update_ends_with_its_last_response(open_session, site):
    s = open_session()
    s.page.goto(site)
    done = measured(s, lambda: s.page.click("text=load"))
    assert done["status"] == "ok" and done["navigation"] == "none"
    assert 400 <= done["wait"] < 2000


def test_a_press_a_busy_page_takes_late_is_waited_for_until_its_next_page(open_session, site):
    s = open_session()
    s.page.goto(site + "/busy")
    done = measured(s, lambda: s.page.mouse.click(150, 40))
    assert done["status"] == "ok" and done["navigation"] == "hard", done
    assert done["wait"] >= 1300  # 300 ms busy, the 400 ms answer, the 600 ms stylesheet


def test_a_link_that_answers_no_content_does_not_hold_the_step_open(open_session, site):
    s = open_session()
    s.page.goto(site)
    started = time.monotonic()
    done = measured(s, lambda: s.page.click("text=nothing"))
    assert done["status"] == "ok", done["error"]
    assert time.monotonic() - started < 5  # far below the 10 s step timeout


def test_paints_are_reported_even_when_read_right_after_the_load(open_session, site):
    s = open_session()  # no look and no screenshot: metrics are read at once
    for n in range(3):
        with s.step(n, StepSpec("visit", "Probe", "awareness")) as step:
            url = f"{site}/next?visit={n}"
            step.act(lambda url=url: s.page.goto(url, wait_until="commit"))
        assert {"fcp_ms", "lcp_ms"} <= set(step.evidence.metrics), step.evidence.metrics


def test_a_step_on_a_page_that_hides_its_navigation_timing_ends(open_session):
    s = open_session()
    s.page.set_content("<script>performance.getEntriesByType = () => [];</script>")
    started = time.monotonic()
    done = measured(s, lambda: s.page.evaluate("document.title = 'no timing here'"))
    assert done["status"] == "ok", done["error"]
    assert time.monotonic() - started < 5
