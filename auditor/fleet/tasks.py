"""The fleet's work: walk one journey of a run and record it once; the walker that records
the last journey of a run folds, judges, records and writes the run's report."""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import Any

from celery import Task

from auditor.fleet import ledger
from auditor.fleet.app import app
from auditor.fleet.limit import LEASE_S, StoreLimit
from auditor.model import JourneyEvidence, Persona, StepEvidence

WAIT_FOR_SLOT_S = 3  # a journey whose store is busy with others asks again this much later
WALK_TRIES = 3  # a journey that fails to start (not a store's fault) is tried this often


def walker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


@app.task(bind=True, name="auditor.walk", max_retries=None, acks_late=True)
def walk_journey(self: Task, job: dict[str, Any]) -> str:
    """Walk job['unit'] of run job['run'] and record it, unless it was recorded already."""
    from auditor import history

    engine = history.open_history(job["history"])
    if job["unit"] in ledger.walkers(engine, job["run"]):
        return "recorded before"
    vanished_after = app.conf.broker_transport_options.get("visibility_timeout", LEASE_S)
    limit = StoreLimit(app.conf.broker_url, job["site"], job["per_store"],
                       min(LEASE_S, vanished_after), walker_name())
    if not limit.take():
        raise self.retry(countdown=WAIT_FOR_SLOT_S)
    try:
        walked = _walk(job, limit)
    except Exception as exc:  # this machine cannot walk it (no Chromium, other scenarios)
        tries = job.get("tries", 1)
        if tries < WALK_TRIES:
            raise self.retry(args=[{**job, "tries": tries + 1}], countdown=WAIT_FOR_SLOT_S,
                             exc=exc) from None
        walked = _could_not_walk(job, exc)
    finally:
        limit.give_back()
    first = ledger.record_walk(engine, job["run"], job["unit"], walked, walker_name())
    finish_if_complete(engine, job["run"])
    return "recorded" if first else "recorded before"


def _walk(job: dict[str, Any], limit: StoreLimit) -> JourneyEvidence:
    from auditor.gather.browser import open_browser, remote_note
    from auditor.gather.walk import RunOptions, walk
    from auditor.scenario import load_journeys
    from auditor.shard import journeys_digest, repathed

    journey = load_journeys([Path(d) for d in job["scenarios"]])[job["persona"]]
    if journeys_digest([journey]) != job["journey"]:
        raise RuntimeError(f"the scenario of '{job['persona']}' on {walker_name()} differs "
                           "from the one submitted: give every worker the same scenario files")
    folder = f"walks/{job['unit']}"
    with open_browser() as browser:
        walked = walk(browser, journey, job["site"], Path(job["out"]) / folder,
                      RunOptions(**job["options"]), lambda *_: limit.renew(),
                      job["label"], job["competitor"], lambda *_: limit.renew())
    walked.notes += filter(None, [remote_note()])
    return repathed(walked, folder)


def _could_not_walk(job: dict[str, Any], exc: Exception) -> JourneyEvidence:
    """A journey the fleet tried WALK_TRIES times and could not walk: a failed first step
    with the reason, so the run still finishes and says why."""
    why = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    step = StepEvidence(0, "Start the journey", "awareness", "visit", status="failed",
                        error=f"the fleet could not walk this journey ({walker_name()}, "
                              f"{WALK_TRIES} tries): {why}")
    return JourneyEvidence(Persona(job["persona"], job["persona"]), job["site"], [step],
                           label=job["label"], competitor=job["competitor"])


def finish_if_complete(engine: Any, fleet_run: str) -> str | None:
    """When every journey of the run is recorded: fold, judge, record in the history and
    write the report, once (the first to claim it); the report's path."""
    from auditor.finish import finish_run, now
    from auditor.judge import gates
    from auditor.model import RunResult
    from auditor.report import load_results
    from auditor.shard import grouped

    plan = ledger.plan_of(engine, fleet_run)
    walks = ledger.walks(engine, fleet_run)
    if plan is None or set(plan["units"]) - set(walks) or not ledger.claim(engine, fleet_run):
        return None
    run = RunResult(plan["tool_version"], plan["created_at"], now(), [],
                    browser=plan.get("browser", ""))
    budget = gates.load_budget(Path(plan["budget"])) if plan.get("budget") else gates.Budget()
    baseline = load_results(Path(plan["baseline"])) if plan.get("baseline") else None
    out = Path(plan["out"])
    run_id = finish_run(run, grouped(walks), out, budget=budget, baseline=baseline,
                        database=engine)
    ledger.finish(engine, fleet_run, run_id, str(out / "index.html"))
    return str(out / "index.html")
