"""Shared fixture: a journey walker on the test browser (pytest-playwright's `browser`).

The demo_store fixture and the system-Chromium launch arguments come from the project's own
pytest plugin (auditor.pytest_plugin), exactly as users get them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from auditor.gather.walk import RunOptions, walk
from auditor.judge.journey import judge_journey
from auditor.model import JourneyResult
from auditor.scenario import load_journeys

FAST = RunOptions(typing_scale=0.0, dwell_ms=300, axe=False)  # axe's own tests ask for it
# For tests of where a persona gets to, not of what she measures: no look at each page.
NO_LOOK = RunOptions(typing_scale=0.0, dwell_ms=0, axe=False)
# A test that asks for any of these drives a real Chromium (directly or through the CLI).
BROWSER_FIXTURES = {"browser", "page", "walk_persona", "audit_journey", "demo_store",
                    "pytester"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that drives a browser `browser`, so `-m "not browser"` runs the
    judge, report and other unit tests alone, on a machine with no Chromium; and put the
    `slow` ones first, so that with `-n` (pytest-xdist) they start at once instead of
    ending the run alone on one worker."""
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture
def walk_persona(browser, tmp_path: Path) -> Callable[..., JourneyResult]:
    """Walk a built-in persona's journey on a store URL with the test's browser, judged."""
    journeys = load_journeys()

    def go(persona: str, url: str, out: Path | None = None, label: str = "",
           options: RunOptions = FAST) -> JourneyResult:
        walked = walk(browser, journeys[persona], url, out or tmp_path, options, label=label)
        return judge_journey(walked)

    return go
