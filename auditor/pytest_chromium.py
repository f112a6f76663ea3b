"""Registered after pytest-playwright, so that its browser launch arguments win.

Playwright cannot download browsers everywhere; where it has none of its own, tests run on
the system Chromium with the flags that keep it off the network.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.errors import AuditorError
from auditor.gather.browser import CHROMIUM_ARGS, find_chromium


def _has_downloaded_chromium() -> bool:
    cache = Path.home() / ".cache" / "ms-playwright"
    return cache.is_dir() and any(cache.glob("chromium*"))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict, pytestconfig: pytest.Config) -> dict:
    """pytest-playwright's launch arguments, pointed at the system Chromium when needed (its
    headless shell, as for audits, unless --headed)."""
    if (pytestconfig.getoption("--browser-channel", None) or _has_downloaded_chromium()
            or "executable_path" in browser_type_launch_args):
        return browser_type_launch_args
    try:
        headless = bool(browser_type_launch_args.get("headless", True))
        executable = find_chromium(headless_shell=headless)
    except AuditorError:
        return browser_type_launch_args
    args = list(browser_type_launch_args.get("args", [])) + CHROMIUM_ARGS
    return {**browser_type_launch_args, "executable_path": executable, "args": args}
