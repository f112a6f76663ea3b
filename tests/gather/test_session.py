"""A persona's session: how she types, and a tab whose renderer dies."""

from __future__ import annotations

import signal
from contextlib import suppress

import pytest
from playwright.sync_api import Error

from auditor.gather import session as session_module
from auditor.gather.failures import StepFailed
from auditor.model import StepSpec


@pytest.mark.serial
def test_paced_typing_keeps_the_personas_cadence(open_session, site):
    s = open_session(typing_ms_per_key=60)
    s.page.goto(site + "/keys")
    s.type_keys(s.page.locator("#f"), "abcdef")
    keys = [k for k in s.page.evaluate("keys") if k[0] != "Delete"]  # clearing the field
    assert [k for k, _ in keys] == list("abcdef")
    gaps = sorted(b[1] - a[1] for a, b in zip(keys, keys[1:], strict=False))
    assert gaps[len(gaps) // 2] >= 45  # one key every 60 ms, not faster
    assert s.page.input_value("#f") == "abcdef"


def test_fast_typing_lands_the_text_and_still_presses_a_key(open_session, site):
    s = open_session()
    s.typing_scale = 0
    s.page.goto(site + "/keys")
    s.page.fill("#f", "old text")
    s.type_keys(s.page.locator("#f"), "4242 4242")
    assert s.page.input_value("#f") == "4242 4242"
    assert [k for k, _ in s.page.evaluate("keys")] == ["2"]  # the last key, really pressed


class _Hung(Exception):
    pass


def _hung(_signum, _frame):
    raise _Hung("a DevTools command to the crashed tab never came back")


def test_a_tab_whose_renderer_just_died_does_not_hold_the_walk_and_is_named(open_session,
                                                                           monkeypatch):
    monkeypatch.setattr(session_module, "DEVTOOLS_TIMEOUT_MS", 500)
    s = open_session(cpu_slowdown=4)
    s.page.goto("data:text/html,<h1>Shop</h1>")
    with suppress(Error):
        s._cdp.send("Page.crash", timeout=300)  # never answered: the renderer is gone
    s.traffic.crashed = False  # as if the crash event were still on its way
    previous = signal.signal(signal.SIGALRM, _hung)
    signal.alarm(20)
    try:
        with s.persona_cpu():  # switches the CPU slowdown on and off: two commands
            pass
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert s.crashed()
    with s.step(1, StepSpec("search", "Search", "consideration")) as step:
        raise StepFailed("could not find the search box")  # gone with the page
    assert step.evidence.error == "the browser tab crashed (could not find the search box)"
