"""The persona's look: what a screenshot hides, and page facts read again when the page
changes while she looks."""

from __future__ import annotations

import pytest
from helpers import masked_pixels, pixel_counts

from auditor.model import StepSpec
from auditor.scenario import DEVICES


@pytest.mark.parametrize("path", ["/plain", "/framed", "/framed-card"])
def test_screenshots_cover_secret_fields(open_session, site, tmp_path, path):
    """/plain and /framed: nothing says 'card', the typing itself marks the field as secret.
    /framed-card: a frame holding a card field is covered whatever it is called."""
    s = open_session(tmp_path)
    s.page.goto(site + path)
    field = (s.page.frame_locator("#box").locator("input") if "framed" in path
             else s.page.locator("#secret"))
    with s.step(0, StepSpec("fill_checkout", "Pay", "purchase")):
        s.type_keys(field, "4242424242424242", secret=path != "/framed-card")
    shot = tmp_path / "screenshots/tester-00.jpg"
    assert shot.exists()
    assert masked_pixels(s.page, shot) > 20_000


def test_what_the_page_says_is_read_again_when_it_changes_while_the_persona_looks(
        open_session, site, tmp_path):
    s = open_session(tmp_path, dwell_ms=300)
    with s.step(0, StepSpec("visit", "Probe", "awareness")) as step:
        step.act(lambda: s.page.goto(site + "/late", wait_until="commit"))
    assert step.evidence.page.h1 == "Your basket"  # changed 100 ms into a 300 ms look
    assert step.evidence.screenshot


@pytest.mark.parametrize(("device", "path"), [("desktop", "/long"), ("phone", "/long"),
                                              ("phone", "/long-zoomed")])
def test_a_screenshot_is_the_screen_she_sees_where_she_scrolled(open_session, site, tmp_path,
                                                                device, path):
    """The screen in CSS pixels (not the phone's three device pixels to one), where she
    scrolled, also on a page a phone zooms out on (no viewport of its own)."""
    s = open_session(tmp_path, device=DEVICES[device])
    with s.step(0, StepSpec("visit", "Scroll", "awareness")) as step:
        step.act(lambda: s.page.goto(site + path))
        s.page.evaluate("scrollTo(0, 3000)")
    assert step.evidence.screenshot == "screenshots/tester-00.jpg"
    seen = pixel_counts(s.page, tmp_path / step.evidence.screenshot)
    width, height = DEVICES[device].width, DEVICES[device].height
    assert (seen["width"], seen["height"]) == (width, height)
    blue = 0.95 if path == "/long" else 0.4  # zoomed out, the screen shows 2,120 px of 3,000
    assert seen["blue"] > blue * width * height
    assert seen["red"] == 0 if path == "/long" else seen["red"] > 0.2 * width * height
