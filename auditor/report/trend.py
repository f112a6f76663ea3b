"""trend.html: every store and persona's score over the recorded runs, and the scores as a
line a reader takes in at a glance (drawn by the template from the points made here)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from auditor.report.charts import sparkline
from auditor.report.files import atomic_write
from auditor.report.html import environment

WIDTH, HEIGHT = 480, 120


def write_trend(trends: dict[str, list[dict[str, Any]]], out: Path) -> Path:
    """Write out/trend.html; returns its path."""
    journeys = [{"key": key, "runs": runs, "points": sparkline(runs, WIDTH, HEIGHT)}
                for key, runs in trends.items()]
    page = out / "trend.html"
    out.mkdir(parents=True, exist_ok=True)
    atomic_write(page, environment().get_template("trend.html.j2").render(
        journeys=journeys, width=WIDTH, height=HEIGHT))
    return page
