"""make bench: how fast and how accurately the auditor measures, beside Lighthouse.

Prints one Markdown table per question, each figure the median of --runs runs (default 5).
Everything runs against demo stores this script starts on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from statistics import median

from assistive import axe_cost, keys_against_mouse
from scale import fleet, shards
from walks import own_time

from auditor.demo_store.flaws import parse_flaws
from auditor.demo_store.server import StoreServer
from auditor.gather.browser import find_chromium, open_browser
from auditor.gather.filmstrip import LAST_PAINT_MS
from auditor.gather.lighthouse import _lighthouserc, find_lhci
from auditor.gather.walk import RunOptions, walk
from auditor.model import Journey, Persona, StepSpec
from auditor.scenario import DEFAULT_INPUTS

PROBE = Persona("probe", "Probe", typing_ms_per_key=0)
PRODUCT = "/product/wooden-toy-train"
PERSONAS = ("delighted-shopper", "stressed-parent", "novice-checkout")
LOOK_MS = RunOptions().dwell_ms  # what `auditor run` uses without --dwell


def probe(path: str) -> Journey:
    """Home page, then one page: the second step's wait is what we compare."""
    return Journey(PROBE, (StepSpec("visit", "Home", "awareness"),
                           StepSpec("visit", "Page", "consideration", {"path": path})),
                   DEFAULT_INPUTS)


@contextmanager
def peak_memory() -> Iterator[list[float]]:
    """Peak memory (MB) of this process and all its children while the block runs.

    Proportional set size (PSS): pages shared between Chromium's processes count once,
    where adding up RSS would count them in every process.
    """
    peak = [0.0]
    stop = threading.Event()

    def tree_rss() -> float:
        pids, kids = {os.getpid()}, {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                except (OSError, IndexError, ValueError):
                    continue
                kids.setdefault(ppid, []).append(int(entry.name))
        frontier = [os.getpid()]
        while frontier:
            for child in kids.get(frontier.pop(), []):
                if child not in pids:
                    pids.add(child)
                    frontier.append(child)
        total = 0
        for pid in pids:
            try:
                for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
            except OSError:
                pass
        return total / 1024

    def sample() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], tree_rss())
            stop.wait(0.05)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield peak
    finally:
        stop.set()
        thread.join()


def accuracy(runs: int) -> list[str]:
    """The truth a wait is held against is the browser's own clock for the same page: its
    Navigation Timing, from the start of the navigation to the end of the load event, which
    holds the server's delay and the page's own time after it. (Netting the same page's time
    measured without the delay undercounts: while the server sleeps, the browser already
    prepares the new document, so part of that time is hidden in the delay.)"""
    rows = ["| injected delay | measured wait (median) | browser's own time (Navigation "
            "Timing) | measured − delay | error: measured − browser's own | error % |",
            "|---|---|---|---|---|---|"]
    met = True
    for delay in (0.5, 1, 2, 4):
        with StoreServer(parse_flaws([f"slow-product={delay}"])) as slow, \
                open_browser() as browser:
            steps = [walk(browser, probe(PRODUCT), slow.url, None).steps[1]
                     for _ in range(runs)]
        measured = median(step.wait_ms for step in steps)
        own = median(step.metrics["load_ms"] for step in steps)
        error = median(step.wait_ms - step.metrics["load_ms"] for step in steps)
        percent = 100 * error / own
        met = met and (abs(error) <= 50 or abs(percent) <= 5)
        rows.append(f"| {delay * 1000:.0f} ms | {measured:.0f} ms | {own:.0f} ms | "
                    f"{measured - delay * 1000:+.0f} ms | {error:+.0f} ms | {percent:+.1f} % |")
    rows.append(f"\nTarget: within 5 % or 50 ms at every delay: {_verdict(met)}.")
    return rows


def filmstrip_cost(runs: int) -> list[str]:
    """What keeping a filmstrip costs: the same 2 s product page walked with and without the
    screencast, its wait against the browser's own clock, the page's own time (does the
    screencast slow the page?), the journey's wall time and the frames kept."""
    rows = ["| filmstrip | measured wait | browser's own time | error | journey wall | "
            "frames kept | on disk |", "|---|---|---|---|---|---|---|"]
    with StoreServer(parse_flaws(["slow-product=2"])) as slow, open_browser() as browser, \
            tempfile.TemporaryDirectory() as out:
        for on in (False, True):
            samples = []
            for _ in range(runs):
                started = time.perf_counter()
                step = walk(browser, probe(PRODUCT), slow.url, Path(out),
                            RunOptions(filmstrip=on)).steps[1]
                wall = (time.perf_counter() - started) * 1000
                size = sum((Path(out) / f["path"]).stat().st_size for f in step.filmstrip)
                samples.append((step.wait_ms, step.metrics["load_ms"],
                                step.wait_ms - step.metrics["load_ms"], wall,
                                len(step.filmstrip), size / 1024))
            wait, own, error, wall, frames, kb = (median(s[i] for s in samples)
                                                  for i in range(6))
            rows.append(f"| {'on' if on else 'off'} | {wait:.0f} ms | {own:.0f} ms | "
                        f"{error:+.0f} ms | {wall:.0f} ms | {frames:.0f} | {kb:.0f} kB |")
    rows.append("\nThe wall includes, with the filmstrip, up to "
                f"{LAST_PAINT_MS} ms off the clock for the first paint after the load event.")
    return rows


def _verdict(met: bool) -> str:
    return "**met**" if met else "**not met**"


def _launch_ms(runs: int) -> float:
    """Median time to start Playwright and the browser: the floor every run pays."""
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        with open_browser():
            samples.append((time.perf_counter() - started) * 1000)
    return median(samples)


def _cli_run(url: str, *extra: str) -> tuple[float, dict]:
    """Wall time (s) and results of a whole `auditor run` in its own process."""
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "auditor", "run", url, "--fast-typing", "--quiet",
                        "--out", out, *extra], check=False, capture_output=True)
        wall = time.perf_counter() - started
        return wall, json.loads(Path(out, "results.json").read_text())


def _cli_memory(url: str, *extra: str) -> float:
    """Peak PSS (MB) of a whole `auditor run`; a run of its own, as sampling costs CPU."""
    with peak_memory() as peak:
        _cli_run(url, *extra)
    return peak[0]


def overhead(runs: int) -> list[str]:
    rows = ["| persona | steps | wall of `auditor run` | floor: browser start + page times | "
            f"persona's look ({LOOK_MS:.0f} ms a page) | overhead per step | "
            "overhead per step, look counted |", "|---|---|---|---|---|---|---|"]
    launch, start = _launch_ms(runs), _python_start_ms(runs)
    missed = []
    with StoreServer() as store:
        for pid in PERSONAS:
            samples = []
            for _ in range(runs):
                wall, results = _cli_run(store.url, "--persona", pid)
                steps = results["journeys"][0]["steps"]
                pages = sum(step["wait_ms"] + (step.get("returned_to_product_ms") or 0)
                            for step in steps)
                samples.append((wall * 1000, launch + pages, LOOK_MS * len(steps), len(steps)))
            wall, floor, look = (median(s[i] for s in samples) for i in range(3))
            n = samples[0][3]
            per_step = (wall - floor - look) / n
            if per_step > 150:
                missed.append(pid)
            rows.append(f"| {pid} | {n} | {wall / 1000:.2f} s | {floor / 1000:.2f} s | "
                        f"{look / 1000:.1f} s | {per_step:.0f} ms | "
                        f"{(wall - floor) / n:.0f} ms |")
    rows.append(f"\nBrowser start (Playwright + Chromium), median: {launch:.0f} ms. The wall "
                f"includes Python's start and imports ({start:.0f} ms, once a run), screenshots "
                "and writing every report file. The page times include a walk back to the "
                "product page that an add-to-cart step makes off its clock when the persona "
                "left it (`returned_to_product_ms`).")
    rows.append(f"\nTarget: overhead ≤ 150 ms a step: {_verdict(not missed)}"
                + (f" (over it: {', '.join(missed)})." if missed else "."))
    return rows


def _python_start_ms(runs: int) -> float:
    """Median time of `auditor --version`: Python's start and the auditor's imports."""
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "auditor", "--version"], capture_output=True,
                       check=False)
        samples.append((time.perf_counter() - started) * 1000)
    return median(samples)


def _waits_s(results: dict) -> float:
    """The pages' own time in a run: every measured wait of every journey, in seconds."""
    return sum(step["wait_ms"] for journey in results["journeys"]
               for step in journey["steps"]) / 1000


def concurrency_and_memory(runs: int) -> list[str]:
    rows = ["| run | wall (median) | measured waits, all journeys (median) | "
            "peak memory (PSS), auditor + browser |", "|---|---|---|---|"]
    walls: dict[str, float] = {}
    waits: dict[str, float] = {}
    with StoreServer() as store:
        cases = {**{f"{pid} alone": ("--persona", pid) for pid in PERSONAS},
                 "three personas, one after another": (),
                 "three personas at once (--parallel, one browser)": ("--parallel",)}
        samples: dict[str, list[tuple[float, dict]]] = {name: [] for name in cases}
        for _ in range(runs):  # every case once a round: a busier minute touches them all
            for name, extra in cases.items():
                samples[name].append(_cli_run(store.url, *extra))
        for name, extra in cases.items():
            walls[name] = median(wall for wall, _ in samples[name])
            waits[name] = median(_waits_s(results) for _, results in samples[name])
            memory = _cli_memory(store.url, *extra)
            rows.append(f"| {name} | {walls[name]:.1f} s | {waits[name]:.2f} s | {memory:.0f} MB |")
    alone = [walls[f"{pid} alone"] for pid in PERSONAS]
    at_once, one_by_one = list(cases)[-1], list(cases)[-2]
    together = walls[at_once]
    rows.append(f"\nAt once vs one after another: {together / walls[one_by_one]:.2f}×; "
                f"three at once vs the longest persona alone: {together / max(alone):.2f}×, "
                f"vs the median persona alone: {together / median(alone):.2f}×. The pages' "
                f"own time measured at once vs one after another: "
                f"{waits[at_once] / waits[one_by_one]:.2f}× "
                f"(on {os.cpu_count()} cores the personas share the CPU).")
    rows.append("\nTarget: three personas at once ≤ 1.5 × the wall time of the longest alone: "
                f"{_verdict(together / max(alone) <= 1.5)}.")
    return rows


def versus_lighthouse(runs: int) -> list[str]:
    lhci = find_lhci()
    if lhci is None:
        return ["Lighthouse skipped: lhci not installed (make lighthouse)."]
    rows = ["| tool | time to measure the home page (median) | LCP |", "|---|---|---|"]
    ours, our_lcp = [], []
    with StoreServer() as store:
        for _ in range(runs):
            started = time.perf_counter()
            with open_browser() as browser:
                result = walk(browser, Journey(PROBE, (StepSpec("visit", "Home", "awareness"),),
                                               DEFAULT_INPUTS), store.url, None,
                              RunOptions(dwell_ms=0))
            ours.append(time.perf_counter() - started)
            our_lcp.append(result.steps[0].metrics.get("lcp_ms", 0))
        theirs, lh_lcp, lh_observed = [], [], []
        rc = _lighthouserc([store.url + "/"], "desktop", {})
        for _ in range(runs):
            with tempfile.TemporaryDirectory() as folder:
                Path(folder, "lighthouserc.json").write_text(json.dumps(rc))
                started = time.perf_counter()
                subprocess.run([lhci, "collect", "--config=lighthouserc.json"], cwd=folder,
                               capture_output=True, check=False,
                               env={**os.environ, "CHROME_PATH": rc["ci"]["collect"]["chromePath"]})
                theirs.append(time.perf_counter() - started)
                for lhr_path in Path(folder, ".lighthouseci").glob("lhr-*.json"):
                    lhr = json.loads(lhr_path.read_text())
                    lh_lcp.append(lhr["audits"]["largest-contentful-paint"]["numericValue"])
                    items = lhr["audits"]["metrics"]["details"]["items"][0]
                    lh_observed.append(items.get("observedLargestContentfulPaint", 0))
    rows.append(f"| journey-auditor (browser launch included) | {median(ours):.2f} s | "
                f"{median(our_lcp):.0f} ms (observed) |")
    rows.append(f"| lhci collect, desktop preset | {median(theirs):.2f} s | "
                f"{median(lh_lcp):.0f} ms simulated, {median(lh_observed):.0f} ms observed |")
    speedup = median(theirs) / median(ours)
    rows.append(f"\nOne page measured {speedup:.1f}× faster than one Lighthouse run. Target: at "
                f"least 10×: {_verdict(speedup >= 10)}.")
    return rows


def _machine_speed() -> float:
    """Seconds for ten million Python additions (median of 3): a gauge of this machine's
    speed, so that figures from two machines can be told apart."""
    samples = []
    for _ in range(3):
        started, total = time.perf_counter(), 0
        for n in range(10_000_000):
            total += n
        samples.append(time.perf_counter() - started)
    return median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (median)")
    parser.add_argument("--only", choices=["accuracy", "filmstrip", "overhead", "concurrency",
                                           "lighthouse", "axe", "keys", "own", "fleet",
                                           "shards"],
                        help="run one table only")
    args = parser.parse_args()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip() or "unknown"
    print(f"# journey-auditor benchmarks (commit {commit}, median of {args.runs} runs, "
          f"{os.cpu_count()} cores, {_machine_speed():.2f} s for the reference loop, "
          f"browser {Path(find_chromium(headless_shell=True)).name})\n")
    tables = {"accuracy": ("Accuracy: measured wait against an injected server delay", accuracy),
              "filmstrip": ("What a filmstrip costs", filmstrip_cost),
              "overhead": ("Overhead of a full journey", overhead),
              "own": ("Our own time in a whole run, as a user starts it", own_time),
              "concurrency": ("Concurrency and memory", concurrency_and_memory),
              "lighthouse": ("Versus Lighthouse", versus_lighthouse),
              "axe": ("What axe-core costs a step", axe_cost),
              "keys": ("Keys alone against a mouse, on the same journey", keys_against_mouse),
              "fleet": ("A fleet on Celery: journeys an hour", fleet),
              "shards": ("CI shards merged against one run", shards)}
    for key, (title, fn) in tables.items():
        if args.only and key != args.only:
            continue
        print(f"## {title}\n")
        print("\n".join(fn(args.runs)), "\n", flush=True)


if __name__ == "__main__":
    main()
