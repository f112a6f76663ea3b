"""Putting a run on the fleet: its plan in the history database, one message per journey on
its store's queue, and every worker told to listen to that queue."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import redis

from auditor import __version__
from auditor.errors import AuditorError, ExitCode
from auditor.fleet import ledger
from auditor.fleet.app import app, queue_for

QUEUES_KEY = "auditor:queues"  # every store queue a submit named, for workers started later


@dataclass
class Submission:
    """What to walk on the fleet, as `auditor submit` or a schedule says it."""

    stores: list[str]
    personas: list[str] = field(default_factory=list)
    runs: int = 1
    history: str = "sqlite:///reports/history.sqlite"
    out: str = ""  # default: reports/fleet-<run>/
    budget: str | None = None
    scenarios: list[str] = field(default_factory=list)
    per_store: int = 1
    options: dict[str, Any] = field(default_factory=dict)
    baseline: str | None = None  # an earlier results.json the run is compared with


def check_broker(broker: str) -> None:
    """A broker that is no Redis URL is exit 2, one that does not answer exit 3."""
    try:
        client = redis.Redis.from_url(broker, socket_connect_timeout=3, socket_timeout=3)
    except ValueError as exc:
        raise AuditorError(f"broker '{broker}': {exc}; give redis://HOST:PORT/DB") from None
    try:
        client.ping()
    except redis.RedisError as exc:
        raise AuditorError(f"broker '{broker}': cannot connect ({str(exc).rstrip('.')}); "
                           "start Redis there or give --broker redis://HOST:PORT/DB",
                           ExitCode.UNREACHABLE) from None


def submit(what: Submission) -> tuple[str, Path, int]:
    """Queue every journey of the run; its id, its report folder and how many workers
    answered the call to listen to its stores."""
    from auditor import history
    from auditor.access import with_accounts
    from auditor.scenario import load_journeys
    from auditor.shard import Unit, journeys_digest

    engine = history.open_history(what.history)
    journeys = load_journeys([Path(d) for d in what.scenarios])
    unknown = [p for p in what.personas if p not in journeys]
    if unknown:
        raise AuditorError(f"unknown persona '{unknown[0]}'; known personas: "
                           f"{', '.join(sorted(journeys))}")
    chosen, _ = with_accounts([journeys[p] for p in (what.personas or sorted(journeys))],
                              chosen=bool(what.personas))
    fleet_run = uuid.uuid4().hex[:12]
    out = Path(what.out or f"reports/fleet-{fleet_run}").resolve()
    out.mkdir(parents=True, exist_ok=True)
    jobs = []
    for t, (site, journey) in enumerate((s, j) for s in what.stores for j in chosen):
        for r in range(what.runs):
            jobs.append({"run": fleet_run, "unit": str(Unit(t, r)), "site": site, "label": "",
                         "competitor": False, "persona": journey.persona.id,
                         "journey": journeys_digest([journey]), "scenarios": what.scenarios,
                         "options": what.options, "out": str(out), "history": what.history,
                         "per_store": what.per_store})
    ledger.open_run(engine, fleet_run, {
        "tool_version": __version__, "units": [j["unit"] for j in jobs], "out": str(out),
        "budget": str(Path(what.budget).resolve()) if what.budget else None,
        "baseline": str(Path(what.baseline).resolve()) if what.baseline else None,
        "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds")})
    queues = sorted({queue_for(s) for s in what.stores})
    redis.Redis.from_url(app.conf.broker_url).sadd(QUEUES_KEY, *queues)
    answered = set()
    for queue in queues:
        replies = app.control.add_consumer(queue, reply=True, timeout=2.0) or []
        answered |= {name for reply in replies for name in reply}
    with app.producer_or_acquire() as producer:
        for job in jobs:
            app.send_task("auditor.walk", args=[job], queue=queue_for(job["site"]),
                          producer=producer)
    return fleet_run, out, len(answered)


def known_queues(broker: str) -> list[str]:
    """The store queues earlier submits named, for a worker that starts now."""
    members = redis.Redis.from_url(broker).smembers(QUEUES_KEY)
    return sorted(m.decode() for m in members)
