"""The zoo: real store platforms nobody here wrote, set up from the package registries with
their own storefront pages and our seeded toy and book shop, started on free loopback
ports. `make stores` walks every built-in persona on each with zero configuration and prints
one table; tests start a store with `running(name)`.

    python stores/zoo.py            # set up, walk, print the table (reports/stores/)
    python stores/zoo.py --only oscar
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPORTS = HERE.parent / "reports" / "stores"
PERSONAS = ("delighted-shopper", "stressed-parent", "novice-checkout", "keyboard-shopper",
            "screen-reader-shopper")
# Findings that are false on every zoo store: each is healthy, keeps a refused form's
# fields and sells what the personas search for (the seed's catalogue).
FALSE_ALARMS = ("zero-results", "form-cleared", "http-error")
START_TIMEOUT_S = 60


@dataclass(frozen=True)
class ZooStore:
    name: str  # its folder under stores/
    platform: str  # what it is, with its version
    kind: str  # how its storefront works, for the table's reader
    path: str = "/"  # where its storefront is on its server


ZOO = (
    ZooStore("oscar", "django-oscar 4.2.1 (Django 5.2, PyPI)",
             "server-rendered Bootstrap, multi-page checkout"),
    ZooStore("evershop", "EverShop 2.2.1 (Node, React, PostgreSQL; npm)",
             "React storefront, one-page checkout, search behind an icon"),
    ZooStore("pretix", "pretix 2026.8.0 (Django 5.2, PyPI)",
             "a ticket shop: every product on one page with quantities, multi-step checkout",
             path="/toys/shop/"),
)


def set_up(store: ZooStore) -> None:
    """Install and seed the store once (cached under ~/.cache/journey-auditor/stores)."""
    subprocess.run(["sh", str(HERE / store.name / "setup.sh")], check=True)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as reply:
            return reply.status < 500
    except (urllib.error.URLError, OSError):
        return False


@contextmanager
def running(name: str) -> Iterator[str]:
    """The store set up and started on a free 127.0.0.1 port from its seeded state; yields
    its storefront's address and stops exactly what it started."""
    store = next(s for s in ZOO if s.name == name)
    set_up(store)
    port = _free_port()
    with tempfile.TemporaryDirectory(prefix=f"zoo-{name}-") as state:
        log = open(Path(state) / "server.log", "w")  # noqa: SIM115 (closed below)
        server = subprocess.Popen(["sh", str(HERE / name / "start.sh"), str(port), state],
                                  stdout=log, stderr=subprocess.STDOUT,
                                  start_new_session=True)
        url = f"http://127.0.0.1:{port}{store.path}"
        try:
            deadline = time.monotonic() + START_TIMEOUT_S
            while not _answers(url):
                if server.poll() is not None or time.monotonic() > deadline:
                    log.flush()
                    raise RuntimeError(f"zoo store {name} did not start: "
                                       + (Path(state) / "server.log").read_text()[-2000:])
                time.sleep(0.2)
            yield url
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=20)
            log.close()


def walk(store: ZooStore, url: str, out: Path) -> list[dict]:
    """All built-in personas on the store, as a new user runs them: no profile."""
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "auditor", "run", url, *(f"--persona={p}" for p in PERSONAS),
         "--fast-typing", "--quiet", "--no-history", "--label", store.name, "--out", str(out)],
        capture_output=True, text=True)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"auditor run on {store.name}: {done.stderr.strip()[-500:]}")
    from auditor.report import load_results

    run = load_results(out / "results.json")
    rows = []
    for journey in run.journeys:
        steps = journey.steps
        rows.append({
            "store": store.name, "persona": journey.persona.id, "outcome": journey.outcome,
            "handled": sum(s.evidence.status in ("ok", "not-offered") for s in steps),
            "steps": len(steps),
            "not_offered": sorted({s.evidence.not_offered for s in steps
                                   if s.evidence.not_offered}),
            "failed": [s.evidence.name for s in steps
                       if s.evidence.status == "failed" and not s.evidence.lost],
            "lost": [s.evidence.name for s in steps if s.evidence.lost],
            "ordered": any(s.evidence.order_placed for s in steps),
            "false_alarms": sorted({f.id for s in steps for f in s.findings
                                    if f.id in FALSE_ALARMS}),
            "wall_s": round(journey.duration_ms / 1000, 1),
            "waits_s": round(sum(s.evidence.wait_ms for s in steps) / 1000, 1),
        })
    print(f"  {store.name}: walked in {time.monotonic() - started:.0f} s", file=sys.stderr)
    return rows


def table(rows: list[dict]) -> str:
    """The zoo's table in Markdown, as docs/any-store.md keeps it. The store's waits beside
    the wall: a change of ours that slows the store's pages shows there between two runs."""
    lines = ["| store | persona | outcome | steps handled | not offered | failed steps | "
             "auditor lost | false alarms | wall | the store's waits |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['store']} | {r['persona']} | {r['outcome']} | "
                     f"{r['handled']}/{r['steps']} | {', '.join(r['not_offered']) or '—'} | "
                     f"{'; '.join(r['failed']) or '—'} | {'; '.join(r['lost']) or '—'} | "
                     f"{', '.join(r['false_alarms']) or '—'} | {r['wall_s']} s | "
                     f"{r['waits_s']} s |")
    return "\n".join(lines)


def main() -> int:
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stop the stores on the way out
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", help="a zoo store's name (repeatable)")
    chosen = [s for s in ZOO if not parser.parse_args().only
              or s.name in parser.parse_args().only]
    rows = []
    for store in chosen:
        print(f"{store.name}: {store.platform}; {store.kind}", file=sys.stderr)
        with running(store.name) as url:
            rows += walk(store, url, REPORTS / store.name)
    print(table(rows))
    print(f"\nReports: {REPORTS}/<store>/index.html")
    return 0 if all(r["outcome"] == "completed" and not r["false_alarms"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
