"""make bench's table on our own time: a whole `auditor run` as a user starts it, less what the
store took (its waits) and what the persona spends on purpose (none, with `--fast-typing
--dwell 0`), per step; three personas at once against the longest alone; and where our time
goes, from a profile of one run. Demo stores started here on 127.0.0.1."""

from __future__ import annotations

import importlib
import io
import json
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from contextlib import redirect_stdout, suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from statistics import median
from typing import Any

import calls

from auditor.demo_store.server import StoreServer

PERSONAS = ("delighted-shopper", "stressed-parent", "novice-checkout", "keyboard-shopper",
            "screen-reader-shopper")
THREE = PERSONAS[:3]
QUICK = ("--fast-typing", "--dwell", "0", "--quiet", "--no-history")
DWELL_MS = 300  # the default look: the row with it shows what the look hides
# Where our time goes: the functions whose wall time is each part, by module and name
# (patched in this process with a clock around them; a part called inside itself counts once).
PARTS = {"the look (screenshot, facts, metrics, axe)": ("auditor.gather.session", "", "look"),
         "axe-core, inside the look": ("auditor.gather.look", "", "check"),
         "actions and readiness (with the store's waits)": ("auditor.gather.step", "Step",
                                                            "act"),
         "report writing": ("auditor.finish", "", "write_report")}

def _run(url: str, personas: tuple[str, ...], *extra: str) -> tuple[float, dict]:
    """Wall seconds of a whole `auditor run` in its own process, and its results."""
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "auditor", "run", url,
                        *(f"--persona={p}" for p in personas), *QUICK, *extra, "--out", out],
                       check=False, capture_output=True)
        wall = time.perf_counter() - started
        return wall, json.loads(Path(out, "results.json").read_text())


def _store_time_s(journey: dict) -> float:
    """What the store took: each step's wait, and a walk back to a product page."""
    return sum(s["wait_ms"] + (s.get("returned_to_product_ms") or 0)
               for s in journey["steps"]) / 1000


def own_time(runs: int) -> list[str]:
    rows = ["| persona | steps | wall of `auditor run` | the store's waits | our own time a step |",
            "|---|---|---|---|---|"]
    alone: dict[str, float] = {}
    with StoreServer() as store:
        for pid in PERSONAS:
            alone[pid], row = _own_row(store.url, runs, pid)
            rows.append(row)
        rows.append(_own_row(store.url, runs, PERSONAS[0], "--no-axe")[1])
        rows.append(_own_row(store.url, runs, PERSONAS[0], "--dwell", str(DWELL_MS))[1])
        together = median(_run(store.url, THREE, "--parallel")[0] for _ in range(runs))
        profile = _profile(store.url)
    rows += start_times(runs)
    longest = max(alone[p] for p in THREE)
    rows.append(f"\nThree at once (`--parallel`, {', '.join(THREE)}): {together:.2f} s, "
                f"{together / longest:.2f}× the longest alone ({longest:.2f} s); target "
                "≤ 1.3×.")
    rows.append("\nWhere the delighted shopper's run spends it (one run, a clock around each "
                "part):\n")
    rows += ["| part | seconds |", "|---|---|", *profile]
    return rows


def _own_row(url: str, runs: int, persona: str, *extra: str) -> tuple[float, str]:
    """The median wall of `runs` whole runs of `persona` and its table row: wall less the
    store's waits and, with `--dwell`, the persona's deliberate look at each page."""
    samples = []
    for _ in range(runs):
        wall, results = _run(url, (persona,), *extra)
        journey = results["journeys"][0]
        samples.append((wall, _store_time_s(journey), len(journey["steps"])))
    wall, waits = median(s[0] for s in samples), median(s[1] for s in samples)
    steps = samples[0][2]
    looked = DWELL_MS / 1000 * steps if "--dwell" in extra else 0.0
    named = f"{persona}, `{' '.join(extra)}`" if extra else persona
    return wall, (f"| {named} | {steps} | {wall:.2f} s | {waits:.2f} s"
                  f"{f' + {looked:.2f} s of looks' if looked else ''} | "
                  f"{(wall - waits - looked) / steps * 1000:.0f} ms |")


class _FirstRequest(BaseHTTPRequestHandler):
    """A one-page shop that notes when the persona's browser first asks for anything."""

    came = threading.Event()

    def do_GET(self) -> None:  # noqa: N802  (http.server's name)
        if "Chrome" in self.headers.get("User-Agent", ""):
            self.came.set()
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(b"<!doctype html><title>Shop</title><h1>Shop</h1>")

    def log_message(self, *args: Any) -> None:
        pass


def start_times(runs: int) -> list[str]:
    """How soon a command answers: `auditor --help`, and from `auditor run` to the first
    request the persona's browser makes (a page whose first request is timed, then the run
    stopped)."""
    helps = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "auditor", "--help"], check=True,
                       capture_output=True)
        helps.append(time.perf_counter() - started)
    firsts = []
    for _ in range(runs):
        _FirstRequest.came = threading.Event()
        server = ThreadingHTTPServer(("127.0.0.1", 0), _FirstRequest)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        with tempfile.TemporaryDirectory() as out:
            started = time.perf_counter()
            run = subprocess.Popen([sys.executable, "-m", "auditor", "run",
                                    f"http://127.0.0.1:{server.server_port}/",
                                    "--persona", "delighted-shopper", *QUICK, "--out", out],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _FirstRequest.came.wait(30)
            firsts.append(time.perf_counter() - started)
            run.kill()
            run.wait()
        server.shutdown()
        server.server_close()
    return [f"\n`auditor --help`: {median(helps):.2f} s (target ≤ 0.3 s); from `auditor run` "
            f"to the first step's first request: {median(firsts):.2f} s (target ≤ 1.0 s)."]


def _profile(url: str) -> list[str]:
    """One run of the delighted shopper in this process, with a clock around each part:
    Python's start and imports and the browser's start are timed apart."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import auditor.cli"], check=True)
    imports = time.perf_counter() - started
    from auditor.cli import main
    from auditor.gather.browser import open_browser

    started = time.perf_counter()
    with open_browser():
        launch = time.perf_counter() - started
    undo = [_clock(part, *where) for part, where in PARTS.items()]
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        with suppress(SystemExit), redirect_stdout(io.StringIO()):  # its summary: not ours
            main(["run", url, "--persona", "delighted-shopper", *QUICK, "--out", out],
                 standalone_mode=False)
        wall = time.perf_counter() - started
    for put_back in undo:
        put_back()
    return [f"| Python's start and the auditor's imports (a fresh process) | {imports:.2f} |",
            f"| the run after them, in process | {wall:.2f} |",
            f"| browser start (Playwright and Chromium, timed apart) | {launch:.2f} |",
            *(f"| {part} | {calls.spent[part]:.2f} |" for part in PARTS)]


def _clock(part: str, module: str, owner: str, name: str) -> Callable[[], None]:
    """Put a clock around `name` in `module` (or its class `owner`), adding its wall time to
    calls.spent[part]; returns how to take it off."""
    holder: Any = importlib.import_module(module)
    if owner:
        holder = getattr(holder, owner)
    original = getattr(holder, name)
    setattr(holder, name, calls.timed(part, original, depth=[0]))
    return lambda: setattr(holder, name, original)
