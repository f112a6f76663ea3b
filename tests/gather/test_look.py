"""The persona's look: what a screenshot hides, and page facts read again when the page
changes while she looks."""

from __future__ import annotations

import pytest
from helpers import masked_pixels

from auditor.model import StepSpec


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
