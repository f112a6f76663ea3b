"""The fleet's runs and walks, kept in the history database beside the runs they become.

A walk is recorded under its run and unit ('journey.run') once: a journey walked again
after its worker died, or delivered twice, finds its place taken and is dropped, so every
journey counts exactly once however often the fleet walked it.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import Engine, insert, select, update
from sqlalchemy.exc import IntegrityError

from auditor.history import FLEET_RUNS, FLEET_WALKS
from auditor.model import JourneyEvidence, StepEvidence, persona_from_dict


def open_run(engine: Engine, fleet_run: str, plan: dict[str, Any]) -> None:
    with engine.begin() as connection:
        connection.execute(insert(FLEET_RUNS).values(
            id=fleet_run, created_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
            plan=json.dumps(plan)))


def plan_of(engine: Engine, fleet_run: str) -> dict[str, Any] | None:
    with engine.connect() as connection:
        found = connection.execute(select(FLEET_RUNS.c.plan).where(
            FLEET_RUNS.c.id == fleet_run)).scalar()
    return json.loads(found) if found else None


def record_walk(engine: Engine, fleet_run: str, unit: str, walk: JourneyEvidence,
                walker: str) -> bool:
    """Keep the walk; False when the unit was recorded already (walked twice)."""
    try:
        with engine.begin() as connection:
            connection.execute(insert(FLEET_WALKS).values(
                fleet_run=fleet_run, unit=unit, walker=walker,
                evidence=json.dumps(asdict(walk), default=str)))
    except IntegrityError:
        return False
    return True


def walks(engine: Engine, fleet_run: str) -> dict[str, JourneyEvidence]:
    with engine.connect() as connection:
        rows = connection.execute(select(FLEET_WALKS.c.unit, FLEET_WALKS.c.evidence).where(
            FLEET_WALKS.c.fleet_run == fleet_run)).all()
    return {unit: _walk(json.loads(evidence)) for unit, evidence in rows}


def walkers(engine: Engine, fleet_run: str) -> dict[str, str]:
    """Which worker's walk of each unit was kept."""
    with engine.connect() as connection:
        return dict(connection.execute(select(FLEET_WALKS.c.unit, FLEET_WALKS.c.walker).where(
            FLEET_WALKS.c.fleet_run == fleet_run)).all())


def claim(engine: Engine, fleet_run: str) -> bool:
    """Whether this finisher is the one to fold, judge and record the run (others stop)."""
    with engine.begin() as connection:
        taken = connection.execute(update(FLEET_RUNS).where(
            FLEET_RUNS.c.id == fleet_run, FLEET_RUNS.c.report.is_(None)).values(report=""))
    return taken.rowcount == 1


def finish(engine: Engine, fleet_run: str, run_id: int | None, report: str) -> None:
    with engine.begin() as connection:
        connection.execute(update(FLEET_RUNS).where(FLEET_RUNS.c.id == fleet_run).values(
            run_id=run_id, report=report))


def finished(engine: Engine, fleet_run: str) -> str | None:
    """The report of a finished run, else None (also while it is being finished)."""
    with engine.connect() as connection:
        return connection.execute(select(FLEET_RUNS.c.report).where(
            FLEET_RUNS.c.id == fleet_run)).scalar() or None


def _walk(d: dict[str, Any]) -> JourneyEvidence:
    return JourneyEvidence(persona_from_dict(d["persona"]), d["site"],
                           [StepEvidence.from_dict(s) for s in d["steps"]], d["duration_ms"],
                           d["label"], d["interrupted"], d["competitor"], d.get("notes", []))
