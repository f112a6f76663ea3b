"""The journey map rendered from saved results alone, with no browser."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.report import load_results
from auditor.report.html import render_html

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.mark.parametrize("path", sorted(DATA.glob("demo-schema-*.json")), ids=lambda p: p.stem)
def test_the_map_shows_what_each_step_saw(path: Path):
    run = load_results(path)
    html = render_html(run)
    steps = [s.evidence for j in run.journeys for s in j.steps]
    orders = [ev.order_number for ev in steps if ev.order_number]
    assert orders and html.count("confirmed<br>") == len(orders)
    for number in orders:
        assert f"Order {number} confirmed" in html
    titled = [ev for ev in steps if ev.page.h1 or ev.page.title]
    assert titled and html.count('class="page-title"') == len(titled)
