"""Ctrl-C and SIGTERM are raised where the walk waits, never inside Playwright's own work."""

from __future__ import annotations

import signal

import pytest

from auditor.gather.signals import stops_where_the_walk_waits


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_a_stop_signal_inside_playwrights_own_work_leaves_the_browser_whole(browser, site,
                                                                           stop):
    """The signal lands while Playwright hands the driver's request event to a listener:
    Python's own handler would raise there and cut the connection to the driver."""
    before = signal.getsignal(stop)
    page = browser.new_page()
    with stops_where_the_walk_waits(browser):
        page.once("request", lambda _request: signal.raise_signal(stop))
        with pytest.raises(KeyboardInterrupt):
            page.goto(site + "/")
        after = browser.new_page()
        assert after.evaluate("1 + 1") == 2
    assert signal.getsignal(stop) == before  # the handler is the caller's again
    page.context.close()
    after.context.close()
