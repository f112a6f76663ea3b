"""The conductor of a run: gather (walk every journey, then Lighthouse) → judge → report."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from auditor import __version__, shard
from auditor.finish import finish_run, now
from auditor.gather.browser import Browser, browser_label, open_browser, remote_note
from auditor.gather.parallel import side_by_side
from auditor.gather.walk import RunOptions, walk
from auditor.judge import gates, judge_run
from auditor.judge.journey import judge_journey
from auditor.model import (
    Journey,
    JourneyEvidence,
    JourneyResult,
    RunResult,
    StepEvidence,
    StepResult,
)
from auditor.report import write_report
from auditor.shard import Shard, Unit


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
    history: str | None = None  # the history database's URL; None: not recorded
    shard: Shard | None = None  # walk only this share of the work (see shard.py)
    browser_endpoint: str | None = None  # a Playwright browser server elsewhere (ws://...)


def run_audit(plan: AuditPlan,
              on_step: Callable[[JourneyResult, StepResult], None] | None = None,
              on_activity: Callable[[JourneyEvidence | None, str], None] | None = None
              ) -> RunResult:
    """Walk every journey, then judge, compare, gate and write every report file.

    `on_step` hears of each step as it is walked, judged with the steps before it (a
    preview for progress lines; the run is judged once, at the end, over every walk).
    `on_activity` hears what is being done now, in words (a step begun, a form being
    filled, Lighthouse), with the journey it is done in (None: the run's own work)."""
    run = RunResult(__version__, now(), "", [])
    if plan.history:  # opened first: a wrong URL is said before any walk
        from auditor import history
    database = history.open_history(plan.history) if plan.history else None
    sites = [(plan.site, plan.labels[0], False)]
    if plan.compare_site:
        sites.append((plan.compare_site, plan.labels[1], True))
    tasks = [(site, label, competitor, journey) for site, label, competitor in sites
             for journey in plan.journeys]
    runs = {i: list(range(plan.runs)) for i in range(len(tasks))}
    if plan.shard:
        runs = _my_share(plan, tasks, database, run)
    walks: dict[int, list[JourneyEvidence]] = {i: [] for i in range(len(tasks))}
    walking: dict[int, JourneyEvidence] = {}

    def tracker(i: int) -> Callable[[JourneyEvidence, StepEvidence], None]:
        def heard(journey: JourneyEvidence, _step: StepEvidence) -> None:
            walking[i] = journey  # so that an interrupted run still reports its steps
            if on_step:
                judged = judge_journey(journey)
                on_step(judged, judged.steps[-1])
        return heard

    def work(i: int, browser: Browser) -> None:
        run.browser = browser_label(browser)
        site, label, competitor, journey = tasks[i]
        for _ in runs[i]:
            walks[i].append(walk(browser, journey, site, plan.out, plan.options, tracker(i),
                                 label, competitor, on_activity))
        walking.pop(i, None)

    remote = ([f"Waits measured through the remote browser at {plan.browser_endpoint}: they "
               "include the network between that machine and the store."]
              if plan.browser_endpoint else [])
    run.notes += [*remote, *filter(None, [remote_note()])]
    try:
        if plan.parallel:
            _in_parallel(len(tasks), work, plan.browser_endpoint)
        else:
            with open_browser(endpoint=plan.browser_endpoint) as browser:
                for i in range(len(tasks)):
                    work(i, browser)
    except KeyboardInterrupt:
        run.incomplete = True
    if plan.parallel and len(tasks) >= (os.cpu_count() or 1):
        run.notes.append(_shared_cpu_note(len(tasks)))
    for i, walked in walking.items():  # cut short: the walk it was on, marked so
        walked.interrupted = True
        walks[i] = [walked]
    lighthouse_failed = []
    if plan.lighthouse and not run.incomplete:
        if on_activity:
            on_activity(None, f"waiting for Lighthouse (up to {plan.lighthouse_pages} pages "
                              "per form factor)")
        lighthouse_failed = _lighthouse(run, plan, walks)
    run.finished_at = now()
    if plan.shard:  # each walk a journey of its own: `auditor merge` folds and judges them
        run.shard["walked"] = [str(Unit(i, r)) for i in range(len(tasks))
                               for r, _ in zip(runs[i], walks[i], strict=False)]
        judge_run(run, [[w] for i in range(len(tasks)) for w in walks[i]])
        write_report(run, plan.out)
        return run
    finish_run(run, [walks[i] for i in range(len(tasks))], plan.out, budget=plan.budget,
               baseline=plan.baseline, lighthouse_failed=lighthouse_failed, database=database)
    return run


def _my_share(plan: AuditPlan, tasks: list, database: Any, run: RunResult
              ) -> dict[int, list[int]]:
    """The runs of each journey that fall to this shard, shared out by the journeys' last
    durations in the history database when there is one; the plan goes into `run.shard`."""
    keys = [f"{label or site}/{journey.persona.id}" for site, label, _, journey in tasks]
    known = {}
    if database is not None:
        from auditor import history
        known = history.durations(database, keys)
    owner = shard.share_out([(key, len(t[3].steps)) for key, t in zip(keys, tasks, strict=True)],
                            plan.runs, plan.shard.of, known)
    stores = [plan.site, plan.labels[0], plan.compare_site or "", plan.labels[1]]
    run.shard = shard.plan_of(plan.shard, shard.identity_of(plan.journeys, stores, plan.runs),
                              owner)
    return {i: [r for r in range(plan.runs) if owner[str(Unit(i, r))] == plan.shard.number]
            for i in range(len(tasks))}


def _shared_cpu_note(journeys: int) -> str:
    """Why waits measured with --parallel on a small machine are not for comparing."""
    return (f"{journeys} journeys walked at once on {os.cpu_count()} CPU core(s): the pages "
            "shared the CPU, so their waits read longer than one at a time (1.6–2.5× in total on "
            "the demo store with 2 cores). Compare figures from runs without --parallel.")


def _in_parallel(count: int, work: Callable[[int, Browser], None],
                 endpoint: str | None) -> None:
    """Every journey at once in one browser, each persona in its own context."""
    with open_browser(endpoint=endpoint) as browser:
        errors = side_by_side(browser, [partial(work, i, browser) for i in range(count)])
    if errors:
        raise errors[0]


def _lighthouse(run: RunResult, plan: AuditPlan,
                walks: dict[int, list[JourneyEvidence]]) -> list[dict]:
    """Lighthouse CI on the pages walked; its figures join the steps' evidence, its failed
    assertions are returned for the judge."""
    from auditor.gather.lighthouse import audit_pages

    assertions = (plan.budget and plan.budget.lighthouse) or gates.LIGHTHOUSE_DEFAULTS
    every_walk = [w for each in walks.values() for w in each]
    outcome = audit_pages(every_walk, plan.out, plan.lighthouse_pages, assertions)
    if outcome.skipped:
        run.notes.append(outcome.skipped)
    run.notes += [f"Lighthouse measured {url}" for url in outcome.pages]
    return outcome.failed_assertions


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
