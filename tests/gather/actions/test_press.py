"""Pressing as a person does: the point a press lands on, and the clock starting only then."""

from __future__ import annotations

import pytest
from helpers import PageHandler, serve

from auditor.gather.actions import JourneyContext, _press_point, press
from auditor.gather.session import PersonaSession
from auditor.model import Persona, StepSpec
from auditor.scenario import DEVICES

PAGE = b"""<style>@keyframes slide { from { margin-left: 0 } to { margin-left: 300px } }</style>
<script>window.presses = [];
document.addEventListener('click', (e) => { presses.push(e.target.closest('[id]').id); });
</script>
<a id=card href="#"><img style="display:block;width:200px;height:100px"><h3>A card</h3></a>
<div style="position:relative;display:inline-block"><button id=covered>covered</button>
<div id=veil style="position:absolute;inset:0;background:rgba(0,0,0,.2)"></div></div>
<button id=off disabled>off</button>
<button id=moving style="animation: slide 10s infinite">moving</button>
<iframe srcdoc="<button id=inside>inside</button>"></iframe>
<button id=far style="margin-top:3000px">far</button>
<script>setTimeout(() => veil.remove(), 600)</script>"""


class Page(PageHandler):
    def do_GET(self):  # noqa: N802 (http.server's naming)
        self.send_page(PAGE)


@pytest.fixture
def shopper(browser):
    def start(device: str = "desktop") -> JourneyContext:
        persona = Persona("tester", "Tester", device=DEVICES[device])
        s = PersonaSession(browser, persona, out_dir=None, dwell_ms=0, step_timeout_ms=10_000)
        return JourneyContext(s, "", {})

    with serve(Page) as url:
        yield url, start


def test_a_press_lands_only_where_a_person_could_press_now(shopper):
    url, start = shopper
    ctx = start()
    ctx.page.goto(url)
    point = {name: _press_point(ctx.page.locator(f"#{name}"))
             for name in ("card", "covered", "off", "moving", "far")}
    assert point["card"] is not None  # an inline link around blocks: the centre of a box
    assert point["covered"] is None and point["off"] is None and point["moving"] is None
    assert _press_point(ctx.page.frame_locator("iframe").locator("#inside")) is None
    assert point["far"] is not None and 0 <= point["far"][1] < 800  # scrolled into view
    assert ctx.page.evaluate("scrollY") > 2000
    ctx.session.close()


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_a_press_clicks_the_element_once(shopper, device):
    url, start = shopper
    ctx = start(device)
    ctx.page.goto(url)
    with ctx.session.step(0, StepSpec("open_product", "Press", "consideration")) as step:
        press(ctx, step, ctx.page.locator("#card"))
    assert step.evidence.status == "ok", step.evidence.error
    assert ctx.page.evaluate("presses") == ["card"]
    ctx.session.close()


@pytest.mark.serial
def test_waiting_for_a_covered_button_is_not_counted_as_the_personas_wait(shopper):
    url, start = shopper
    ctx = start()
    ctx.page.goto(url)
    with ctx.session.step(0, StepSpec("open_product", "Press", "consideration")) as step:
        press(ctx, step, ctx.page.locator("#covered"))
    assert step.evidence.status == "ok", step.evidence.error
    assert ctx.page.evaluate("presses") == ["covered"]
    assert step.evidence.wait_ms < 400  # the veil's 600 ms happened before the finger landed
    ctx.session.close()
