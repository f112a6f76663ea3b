"""make bench's tables on accessibility: what axe-core costs a step, and what shopping with
the keys alone costs a keyboard and a screen-reader user against a mouse on the same
journey. Demo stores started here on 127.0.0.1; walks in this process."""

from __future__ import annotations

import tempfile
import time
from dataclasses import replace
from pathlib import Path
from statistics import median

from auditor.demo_store.server import StoreServer
from auditor.gather import look
from auditor.gather.browser import open_browser
from auditor.gather.walk import RunOptions, walk
from auditor.scenario import load_journeys

KEYS = ("keyboard-shopper", "screen-reader-shopper")


def axe_cost(runs: int) -> list[str]:
    """axe-core's own time on each page checked (injecting it and running it, timed around
    the call the look makes) and the whole walk with and without it, per step; on the
    well-made store, and on one whose card fields are a provider's frames."""
    rows = ["| store | pages checked | axe a page, median | slowest | walk without axe | "
            "walk with axe | added a step |", "|---|---|---|---|---|---|---|"]
    for name, provider in (("well-made", False), ("card fields in frames", True)):
        rows.append(f"| {name} | {_axe_row(runs, provider)} |")
    return [*rows, "\nThe novice's steps, `--fast-typing`; a page is checked again only when "
            "it changed. axe runs within the persona's look (300 ms by default) when time is "
            "left, else after it; off her clock, never in a wait. Frames are not checked "
            "inside (axe-core is put in the top document only), so axe does not wait for them "
            "to answer: before 2026-12-04 that cost 0.5 s a page with a frame."]


def _axe_row(runs: int, card_provider: bool) -> str:
    journey = load_journeys()["novice-checkout"]
    checked: list[float] = []
    timed = look.check

    def check(*args):  # the same call, with a clock around it
        started = time.perf_counter()
        try:
            return timed(*args)
        finally:
            checked.append((time.perf_counter() - started) * 1000)

    walls: dict[bool, list[float]] = {False: [], True: []}
    steps = 0
    look.check = check
    try:
        with StoreServer(card_provider=card_provider) as store, open_browser() as browser, \
                tempfile.TemporaryDirectory() as out:
            for _ in range(runs):
                for on in (False, True):
                    started = time.perf_counter()
                    walked = walk(browser, journey, store.url, Path(out),
                                  RunOptions(typing_scale=0.0, axe=on))
                    walls[on].append((time.perf_counter() - started) * 1000)
                    steps = len(walked.steps)
    finally:
        look.check = timed
    extra = (median(walls[True]) - median(walls[False])) / steps
    return (f"{len(checked)} | {median(checked):.0f} ms | {max(checked):.0f} ms | "
            f"{median(walls[False]) / 1000:.2f} s | {median(walls[True]) / 1000:.2f} s | "
            f"{extra:.0f} ms")


def keys_against_mouse(runs: int) -> list[str]:
    """Each keyboard persona's journey walked as written and again with a pointer (the same
    persona otherwise): her presses, her time on the keys, the journey's time as she lived it
    (waits, typing, looks) and the walk's wall clock."""
    rows = ["| persona | moves with | key presses | her time on keys | journey as lived | "
            "wall of the walk |", "|---|---|---|---|---|---|"]
    journeys = load_journeys()
    with StoreServer() as store, open_browser() as browser, tempfile.TemporaryDirectory() as out:
        for pid in KEYS:
            journey = journeys[pid]
            mouse = replace(journey, persona=replace(journey.persona, navigation="pointer"))
            for way, walked_journey in ((journey.persona.navigation, journey), ("pointer", mouse)):
                samples = []
                for _ in range(runs):
                    started = time.perf_counter()
                    walked = walk(browser, walked_journey, store.url, Path(out),
                                  RunOptions(typing_scale=0.0, axe=False))
                    wall = (time.perf_counter() - started) * 1000
                    presses = sum(s.keyboard.presses for s in walked.steps if s.keyboard)
                    per_key = journey.persona.typing_ms_per_key
                    samples.append((presses, presses * per_key,
                                    sum(s.duration_ms for s in walked.steps), wall))
                presses, on_keys, lived, wall = (median(s[i] for s in samples) for i in range(4))
                rows.append(f"| {pid} | {way} | {presses:.0f} | {on_keys / 1000:.1f} s | "
                            f"{lived / 1000:.1f} s | {wall / 1000:.2f} s |")
    rows.append("\nThe well-made demo store, `--fast-typing` (her typing is counted at her speed, "
                "not waited for), axe off. Her time on keys is her presses at her own speed a "
                "key; the journey as lived adds the waits, her typing and a look at each page.")
    return rows
