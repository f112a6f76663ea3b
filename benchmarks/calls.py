"""Where a journey's time goes: every Playwright call of one persona's walk, by method.

    .venv/bin/python benchmarks/calls.py stressed-parent --runs 3

Walks the persona on the well-made demo store (started here, on 127.0.0.1) after one warm-up
walk, and prints, per step, the wall time, the measured waits and the time in each kind of
Playwright call (each call is one round trip to the browser). Calls made inside other calls
count once, in the outer one.
"""

from __future__ import annotations

import argparse
import functools
import inspect
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

import playwright.sync_api._generated as api

from auditor.demo_store.server import StoreServer
from auditor.gather.browser import open_browser
from auditor.gather.walk import RunOptions, walk
from auditor.scenario import load_journeys

CLASSES = (api.Page, api.Frame, api.Locator, api.Mouse, api.Touchscreen, api.Keyboard,
           api.BrowserContext, api.CDPSession, api.JSHandle, api.Browser)
spent: Counter[str] = Counter()
calls: Counter[str] = Counter()
depth = [0]


def timed(name: str, method: Callable[..., Any],
          depth: list[int] = depth) -> Callable[..., Any]:
    """`method` with a clock around it, adding to spent[name] and calls[name]; a call made
    while another of the same `depth` runs counts in the outer one only (one depth for all
    Playwright calls here; walks.py gives each part its own)."""

    @functools.wraps(method)
    def call(*args: Any, **kwargs: Any) -> Any:
        depth[0] += 1
        started = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            depth[0] -= 1
            if depth[0] == 0:
                spent[name] += time.perf_counter() - started
                calls[name] += 1
    return call


def instrument() -> None:
    for cls in CLASSES:
        for name, member in list(vars(cls).items()):
            if (callable(member) and not name.startswith("_")
                    and not isinstance(inspect.getattr_static(cls, name), property)):
                setattr(cls, name, timed(f"{cls.__name__}.{name}", member))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("persona", nargs="?", default="delighted-shopper")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    journey = load_journeys()[args.persona]
    options = RunOptions(typing_scale=0.0)
    with StoreServer() as store, open_browser() as browser:
        walk(browser, journey, store.url, None, options)
        instrument()
        wall = waits = steps = 0.0
        for _ in range(args.runs):
            started = time.perf_counter()
            result = walk(browser, journey, store.url, None, options)
            wall += (time.perf_counter() - started) * 1000
            waits += sum(s.wait_ms for s in result.steps)
            steps += len(result.steps)
        counted = dict(spent)  # before closing the browser, which is no step's work
    look = options.dwell_ms
    print(f"{args.persona}, per step ({args.runs} walks, no screenshots): wall {wall / steps:.0f} "
          f"ms, measured waits {waits / steps:.0f} ms, look {look:.0f} ms, the rest "
          f"{(wall - waits) / steps - look:.0f} ms; in Playwright calls "
          f"{sum(counted.values()) * 1000 / steps:.0f} ms\n")
    print("| call | ms per step | calls per walk | ms per call |\n|---|---|---|---|")
    for name, seconds in Counter(counted).most_common(20):
        print(f"| {name} | {seconds * 1000 / steps:.1f} | {calls[name] / args.runs:.0f} | "
              f"{seconds * 1000 / calls[name]:.1f} |")


if __name__ == "__main__":
    main()
