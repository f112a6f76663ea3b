"""Ctrl-C and SIGTERM stop a walk where it waits for the browser, never inside Playwright."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from greenlet import greenlet
from playwright.sync_api import Browser


@contextmanager
def stops_where_the_walk_waits(browser: Browser) -> Iterator[None]:
    """Ctrl-C and SIGTERM become a KeyboardInterrupt in the walk, raised in the Playwright call
    it is waiting on, from Playwright's event loop, between two messages of the driver.

    Python's own handler raises wherever the signal lands, which can be half-way through
    Playwright's code: a call sent but not yet registered, whose reply then breaks the next
    call, or the loop's reader of the driver's pipe, after which every call waits forever
    (seen: interrupted runs that hung in browser.close() or ended with a traceback). A second
    signal while the walk stops changes nothing.
    """
    loop, walk = browser._impl_obj._loop, greenlet.getcurrent()
    stopping = False

    def interrupt() -> None:
        if not walk.dead:
            walk.throw(KeyboardInterrupt)

    def on_signal(_signum: int, _frame: object) -> None:
        nonlocal stopping
        if not stopping:
            stopping = True
            with suppress(RuntimeError):  # the loop has closed: nothing left to stop
                loop.call_soon_threadsafe(interrupt)

    try:
        previous = {number: signal.signal(number, on_signal)
                    for number in (signal.SIGINT, signal.SIGTERM)}
    except ValueError:  # not the main thread, whose signals are not ours to take
        yield
        return
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler if handler is not None else signal.SIG_DFL)
