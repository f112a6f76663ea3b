"""Shared fixture: a journey walker on the test browser (pytest-playwright's `browser`).

The demo_store fixture and the system-Chromium launch arguments come from the project's own
pytest plugin (auditor.pytest_plugin), exactly as users get them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from auditor.model import JourneyResult
from auditor.runner import RunOptions, walk
from auditor.scenario import load_journeys

FAST = RunOptions(typing_scale=0.0, dwell_ms=300)


@pytest.fixture
def walk_persona(browser, tmp_path: Path) -> Callable[..., JourneyResult]:
    """Walk a built-in persona's journey on a store URL with the test's browser."""
    journeys = load_journeys()

    def go(persona: str, url: str, out: Path | None = None, label: str = "") -> JourneyResult:
        return walk(browser, journeys[persona], url, out or tmp_path, FAST, label=label)

    return go
