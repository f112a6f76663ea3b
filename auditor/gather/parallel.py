"""--parallel: journeys at once over one Playwright connection, a greenlet each.

Alone in its module because it leans on Playwright's internals (its event loop, dispatcher
and wait), hence the pinned Playwright version in pyproject.toml.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from contextlib import suppress

from greenlet import greenlet
from playwright._impl._greenlets import wait_for_future
from playwright.sync_api import Browser


def side_by_side(browser: Browser, tasks: list[Callable[[], None]]) -> list[BaseException]:
    """Run tasks at once over this thread's one Playwright connection; returns their errors.

    Each task runs in a greenlet of its own on the connection's event loop, the way Playwright
    runs the sync API's event callbacks: while one waits for the browser, the others go on.
    One driver serves them all (a thread each would need a driver each, and a browser server
    between them and the browser: ~2 s more CPU for three personas). This uses Playwright's
    loop, dispatcher and wait (`_impl`), hence the pinned Playwright version.

    A Ctrl-C or SIGTERM is passed on to every task still running, so that each closes its tab
    as a run one after another would, then raised here.
    """
    if not tasks:
        return []
    impl = browser._impl_obj
    loop, dispatcher = impl._loop, impl._dispatcher_fiber
    walkers: list[tuple[greenlet, asyncio.Future[None]]] = []
    all_ended: asyncio.Future[None] = loop.create_future()
    stopping = False

    def ended(_future: asyncio.Future[None]) -> None:
        everyone = len(walkers) == len(tasks) and all(f.done() for _, f in walkers)
        if everyone and not all_ended.done():
            all_ended.set_result(None)

    def start(task: Callable[[], None]) -> None:
        if stopping:
            return
        future: asyncio.Future[None] = loop.create_future()

        def body() -> None:
            try:
                future.set_result(task())
            except Exception as exc:  # handed to the caller with the others
                future.set_exception(exc)

        walker = greenlet(body)  # its parent is the dispatcher, whose loop runs this
        walkers.append((walker, future))
        future.add_done_callback(ended)
        walker.switch()

    for task in tasks:
        loop.call_soon(start, task)
    try:
        wait_for_future(loop, dispatcher, all_ended)
    except KeyboardInterrupt:
        stopping = True
        for walker, _ in walkers:
            if walker and not walker.dead:
                walker.parent = greenlet.getcurrent()  # its end comes back here
                with suppress(KeyboardInterrupt):
                    walker.throw(KeyboardInterrupt)
        raise
    return [f.exception() for _, f in walkers if f.exception()]

