"""When the auditor is lost it says so and never blames the store: a control a person can
press that discovery cannot find (a wordless icon) is the tool's failure, said apart, out of
the fixes, the store's score and the gates (unless a budget says `auditor_lost: fail`)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from helpers import PageHandler, serve

from auditor.gather.walk import RunOptions, walk
from auditor.judge import gates, judge_run
from auditor.model import AUDITOR_LOST, Journey, Persona, RunResult, StepSpec
from auditor.report import verdict
from auditor.report.html import render_html
from auditor.report.junit import render_junit

# A product page whose add-to-cart is a picture of a bag a person presses: no words, no role.
PRODUCT = (b"<main><h1>Teddy bear</h1><p>Price: 24.50 EUR</p>"
           b"<div style='width:60px;height:60px;background:#c33' "
           b"onclick=\"location='/cart'\"></div></main>")


class Shop(PageHandler):
    def do_GET(self):  # noqa: N802 (http.server's naming)
        self.send_page(PRODUCT if self.path == "/" else b"<h1>Your cart</h1>")


def _journey() -> Journey:
    return Journey(Persona("tester", "Tess", pronoun="she", typing_ms_per_key=0), (
        StepSpec("visit", "Arrive", "awareness"),
        StepSpec("add_to_cart", "Add the bear to the cart", "purchase"),
        StepSpec("go_to_checkout", "Go to checkout", "purchase")), {})


def test_a_control_discovery_cannot_find_is_the_auditors_failure_not_the_stores(browser):
    journey = _journey()
    with serve(Shop) as url:
        walked = walk(browser, journey, url, None, RunOptions(dwell_ms=0, typing_scale=0))
    lost = walked.steps[1]
    assert lost.status == "failed" and lost.lost
    assert lost.error.startswith("the auditor could not find the add-to-cart button")
    run = judge_run(RunResult("t", "", "", []), [[walked]], budget=gates.Budget())
    judged = run.journeys[0]
    assert judged.outcome == AUDITOR_LOST and "step 2, 'Add the bear to the cart'" in judged.reason
    assert [s.emotion for s in judged.steps[1:]] == ["neutral", "neutral"]  # not felt
    assert not [f for s in judged.steps for f in s.findings if f.id == "step-failed"]
    assert not any(r.finding == "step-failed" for r in run.recommendations)
    assert run.gates == []  # the store's outcome is unknown: no default gate holds it
    assert "the auditor could not finish the journey" in verdict.persona_lines(run)[0]
    page = render_html(run)  # on the map (a column on a wide screen, a card on a phone)
    assert page.count("the auditor was lost here") == sum(s.lost for s in walked.steps) > 0
    assert "Not the store's failure:</strong> the auditor could not find the add-to-cart" in page
    suite = ET.fromstring(render_junit(run)).find("testsuite")
    assert suite.get("failures") == "0" and suite.get("skipped") == "2"
    strict = judge_run(RunResult("t", "", "", []), [[walked]],
                       budget=gates.Budget(auditor_lost="fail"))
    assert [g.rule for g in strict.gates] == ["auditor_lost: fail"]
