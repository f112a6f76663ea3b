"""What the persona saw while she waited: the screen at even moments of a wait too long for
her, kept beside the screenshots and shown one click from the map; never a page that held a
card number she typed."""

from __future__ import annotations

from auditor.gather.filmstrip import LAST_PAINT_MS, moments
from auditor.model import RunResult
from auditor.report.html import render_html


def test_the_screen_at_even_moments_of_the_wait_each_shown_once():
    frames = [(1000.0, "old page"), (1010.0, "blank"), (3900.0, "product"),
              (4000.0 + LAST_PAINT_MS - 1, "product painted after the load event")]
    shown = moments(frames, 1000.0, 4000.0)
    assert shown == [(0.0, "old page"), (600.0, "blank"),
                     (3000.0, "product painted after the load event")]
    assert moments([], 0.0, 3000.0) == []


def test_a_long_wait_keeps_a_filmstrip_and_a_page_with_her_card_none(walk_persona, demo_store,
                                                                     tmp_path):
    """Every page of the store answers in 1.6 s, past the parent's fine 1.5 s: the waits
    for pages are filmed; her place-order wait, on a page holding the card number she
    typed, is not."""
    parent = walk_persona("stressed-parent", demo_store("slow-page=1.6").url, tmp_path)
    product = next(s.evidence for s in parent.steps if s.evidence.action == "open_product")
    assert product.wait_ms > 1600
    film = product.filmstrip
    assert len(film) >= 2 and film[0]["at_ms"] < product.wait_ms / 2
    assert abs(film[-1]["at_ms"] - product.wait_ms) <= 1
    for frame in film:
        assert (tmp_path / frame["path"]).read_bytes()[:3] == b"\xff\xd8\xff"  # a JPEG
    order = next(s.evidence for s in parent.steps if s.evidence.action == "place_order")
    assert order.wait_ms > 1600 and order.filmstrip == []
    html = render_html(RunResult("1.0", "2026-12-02T00:00:00+00:00", "2026-12-02T00:01:00+00:00",
                                 [parent]))
    assert html.count(">The screen while waiting<") == sum(
        1 for s in parent.steps if s.evidence.filmstrip)
    assert html.count("<figcaption>") == sum(len(s.evidence.filmstrip) for s in parent.steps)
