"""One audit run from start to report: journeys on one or two stores, gates, all outputs."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import partial
from pathlib import Path

from playwright.sync_api import Browser

from auditor import __version__, compare, gates
from auditor.errors import ExitCode
from auditor.model import Journey, JourneyResult, RunResult, StepResult
from auditor.recommendations import recommend
from auditor.repeat import median_journey
from auditor.report import write_report
from auditor.runner import RunOptions, conclude, walk
from auditor.session import browser_label, open_browser, side_by_side


@dataclass
class AuditPlan:
    """What to audit: journeys on a site, optionally against a second site or a baseline."""

    journeys: list[Journey]
    site: str
    out: Path
    compare_site: str | None = None
    labels: tuple[str, str] = ("", "")
    budget: gates.Budget | None = None
    baseline: RunResult | None = None
    options: RunOptions = field(default_factory=RunOptions)
    runs: int = 1
    parallel: bool = False
    lighthouse: bool = False
    lighthouse_pages: int = 6


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """SIGTERM ends a run like Ctrl-C: the steps measured so far are still reported."""

    def stop(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not in the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def run_audit(plan: AuditPlan,
              on_step: Callable[[JourneyResult, StepResult], None] | None = None) -> RunResult:
    """Walk every journey, then judge, compare, gate and write every report file."""
    run = RunResult(__version__, now(), "", [])
    sites = [(plan.site, plan.labels[0])]
    if plan.compare_site:
        sites.append((plan.compare_site, plan.labels[1]))
    tasks = [(site, label, journey) for site, label in sites for journey in plan.journeys]
    done: dict[int, JourneyResult] = {}
    walking: dict[int, JourneyResult] = {}

    def tracker(i: int) -> Callable[[JourneyResult, StepResult], None]:
        def track(journey: JourneyResult, step: StepResult) -> None:
            walking[i] = journey
            if on_step:
                on_step(journey, step)
        return track

    def work(i: int, browser: Browser) -> None:
        run.browser = browser_label(browser)
        site, label, journey = tasks[i]
        runs = [walk(browser, journey, site, plan.out, plan.options, tracker(i), label)
                for _ in range(plan.runs)]
        done[i] = median_journey(runs)

    try:
        with _sigterm_as_interrupt():
            if plan.parallel:
                _in_parallel(len(tasks), work)
            else:
                with open_browser() as browser:
                    for i in range(len(tasks)):
                        work(i, browser)
    except KeyboardInterrupt:
        run.incomplete = True
    if plan.parallel and len(tasks) >= (os.cpu_count() or 1):
        run.notes.append(_shared_cpu_note(len(tasks)))
    for i in range(len(tasks)):
        if i in done:
            run.journeys.append(done[i])
        elif i in walking:
            run.journeys.append(_interrupted(walking[i]))
    return finish(run, plan)


def _shared_cpu_note(journeys: int) -> str:
    """Why waits measured with --parallel on a small machine are not for comparing."""
    return (f"{journeys} journeys walked at once on {os.cpu_count()} CPU core(s): the pages "
            "shared the CPU, so their waits read longer than one at a time (1.6–2.5× in total on "
            "the demo store with 2 cores). Compare figures from runs without --parallel.")


def _in_parallel(count: int, work: Callable[[int, Browser], None]) -> None:
    """Every journey at once in one browser, each persona in its own context."""
    with open_browser() as browser:
        errors = side_by_side(browser, [partial(work, i, browser) for i in range(count)])
    if errors:
        raise errors[0]


def _interrupted(journey: JourneyResult) -> JourneyResult:
    """A journey cut short by Ctrl-C or SIGTERM, concluded from the steps it has."""
    conclude(journey)
    journey.outcome = "abandoned" if journey.abandoned_at is not None else "failed"
    journey.reason = journey.reason or f"the run was interrupted after step {len(journey.steps)}"
    return journey


def finish(run: RunResult, plan: AuditPlan) -> RunResult:
    """Recommendations, comparisons and gates, then the report files."""
    run.finished_at = now()
    run.recommendations = recommend(run.journeys)
    pairs: list[dict] = []
    if plan.compare_site:
        mine = [j for j in run.journeys if j.label == plan.labels[0]]
        theirs = [j for j in run.journeys if j.label == plan.labels[1]]
        pairs += compare.compare(mine, theirs, "competitor")
    if plan.baseline:
        pairs += compare.compare(run.journeys, plan.baseline.journeys, "baseline")
    run.comparison = pairs or None
    if plan.budget is not None:
        baseline = plan.baseline.journeys if plan.baseline else None
        run.gates = gates.evaluate(plan.budget, run.journeys, baseline)
    if plan.lighthouse and not run.incomplete:
        _lighthouse(run, plan)
    write_report(run, plan.out)
    return run


def _lighthouse(run: RunResult, plan: AuditPlan) -> None:
    from auditor.lighthouse import audit_pages

    assertions = plan.budget.lighthouse if plan.budget else None
    outcome = audit_pages(run.journeys, plan.out, plan.lighthouse_pages, assertions)
    if outcome.skipped:
        run.notes.append(outcome.skipped)
    run.notes += [f"Lighthouse measured {url}" for url in outcome.pages]
    run.gates += outcome.failures


def exit_code(run: RunResult) -> ExitCode:
    """130 when interrupted, 3 when no journey reached its store, 1 when a gate failed, else 0."""
    if run.incomplete:
        return ExitCode.INTERRUPTED
    if run.journeys and all(_unreachable(j) for j in run.journeys):
        return ExitCode.UNREACHABLE
    return ExitCode.GATE_FAILED if run.gates else ExitCode.OK


def _unreachable(journey: JourneyResult) -> bool:
    first = journey.steps[0].evidence if journey.steps else None
    return bool(first and first.status == "failed" and first.page.get("unreachable"))


def run_folder(base: Path) -> Path:
    """A fresh folder per run under `base`, with `base/latest` pointing at it."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = base / f"run-{stamp}"
    n = 1
    while folder.exists():
        n += 1
        folder = base / f"run-{stamp}-{n}"
    folder.mkdir(parents=True)
    latest = base / "latest"
    tmp = base / f".latest-{os.getpid()}"
    try:
        tmp.unlink(missing_ok=True)
        tmp.symlink_to(folder.name)
        os.replace(tmp, latest)
    except OSError:
        pass
    return folder
