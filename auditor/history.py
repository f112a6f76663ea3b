"""The history database: every run's journeys and steps, so that each report shows a
persona's trend and what changed since the last run, and `auditor history` and `auditor trend`
can read them back. An SQLite file by default (reports/history.sqlite); a PostgreSQL URL lets
many CI runners share one. SQLAlchemy Core; the schema carries its version and is migrated
forward when opened, and a database written by a newer auditor is refused, never altered.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Engine,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    func,
    insert,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from auditor.errors import AuditorError, ExitCode
from auditor.model import RunResult

TREND_RUNS = 10  # runs of a journey a report's trend shows
TREND_PAGE_RUNS = 200  # runs of a journey the trend page shows

_META = MetaData()
_SETTINGS = Table("auditor_settings", _META, Column("key", String(40), primary_key=True),
                  Column("value", String(200), nullable=False))
RUNS = Table("runs", _META, Column("id", Integer, primary_key=True, autoincrement=True),
             Column("started_at", String(40), nullable=False), Column("finished_at", String(40)),
             Column("tool_version", String(40)), Column("browser", String(120)),
             Column("report", Text))
JOURNEYS = Table("journeys", _META, Column("id", Integer, primary_key=True, autoincrement=True),
                 Column("run_id", ForeignKey("runs.id"), nullable=False, index=True),
                 Column("key", Text, nullable=False, index=True), Column("store", Text),
                 Column("persona", String(120), nullable=False), Column("outcome", String(40)),
                 Column("score", Integer), Column("abandoned_at", Integer),
                 Column("competitor", Boolean, default=False), Column("duration_ms", Integer))
STEPS = Table("steps", _META, Column("id", Integer, primary_key=True, autoincrement=True),
              Column("journey_id", ForeignKey("journeys.id"), nullable=False, index=True),
              Column("position", Integer, nullable=False), Column("name", Text),
              Column("status", String(20)), Column("emotion", String(20)),
              Column("score", Integer), Column("wait_ms", Integer))


# The fleet's runs, and each journey walked in one, once (auditor/fleet/ledger.py).
FLEET_RUNS = Table("fleet_runs", _META, Column("id", String(40), primary_key=True),
                   Column("created_at", String(40)), Column("plan", Text, nullable=False),
                   Column("run_id", ForeignKey("runs.id")), Column("report", Text))
FLEET_WALKS = Table("fleet_walks", _META,
                    Column("fleet_run", ForeignKey("fleet_runs.id"), primary_key=True),
                    Column("unit", String(40), primary_key=True), Column("walker", String(200)),
                    Column("evidence", Text, nullable=False))


def _create(connection: Connection) -> None:
    _META.create_all(connection)


def _fleet_and_durations(connection: Connection) -> None:
    """Version 2: the fleet's tables, and each journey's duration (to share out shards)."""
    _META.create_all(connection, tables=[FLEET_RUNS, FLEET_WALKS])
    if "duration_ms" not in {c["name"] for c in inspect(connection).get_columns("journeys")}:
        connection.execute(text("ALTER TABLE journeys ADD COLUMN duration_ms INTEGER"))


# MIGRATIONS[n] takes a database at version n to version n + 1.
MIGRATIONS: list[Callable[[Connection], None]] = [_create, _fleet_and_durations]
SCHEMA_VERSION = len(MIGRATIONS)


class HistoryError(AuditorError):
    """The history database cannot be opened or used: one line, naming its URL."""

    def __init__(self, message: str) -> None:
        super().__init__(message, ExitCode.USAGE)


def open_history(url: str) -> Engine:
    """The database at `url`, created or migrated to SCHEMA_VERSION."""
    try:
        parsed = make_url(url)
        if parsed.drivername.startswith("sqlite") and parsed.database:
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed)
        with engine.begin() as connection:
            _migrate(connection, url)
    except ImportError as exc:
        raise HistoryError(f"history database '{_safe(url)}': its driver is not installed "
                           f"({exc.name}); use sqlite:///FILE or postgresql+psycopg://") from None
    except (ArgumentError, NoSuchModuleError, ValueError):
        raise HistoryError(f"history database '{url}': not a database URL; give "
                           "sqlite:///FILE or postgresql+psycopg://USER@HOST:PORT/DB") from None
    except SQLAlchemyError as exc:
        reason = str(exc.orig if getattr(exc, "orig", None) else exc).splitlines()[0]
        raise HistoryError(f"history database '{_safe(url)}': {reason}") from None
    return engine


def _migrate(connection: Connection, url: str) -> None:
    _SETTINGS.create(connection, checkfirst=True)
    found = connection.execute(select(_SETTINGS.c.value).where(
        _SETTINGS.c.key == "schema_version")).scalar()
    version = int(found or 0)
    if version > SCHEMA_VERSION:
        raise HistoryError(f"history database '{_safe(url)}' has schema version {version}, "
                           f"newer than this auditor's {SCHEMA_VERSION}: upgrade the auditor")
    for step in MIGRATIONS[version:]:
        step(connection)
    if version == 0:
        connection.execute(insert(_SETTINGS).values(key="schema_version",
                                                    value=str(SCHEMA_VERSION)))
    elif version < SCHEMA_VERSION:
        connection.execute(_SETTINGS.update().where(_SETTINGS.c.key == "schema_version")
                           .values(value=str(SCHEMA_VERSION)))


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return url


def record(engine: Engine, run: RunResult, report: Path) -> int:
    """Keep a run, its journeys and their steps; returns the run's id."""
    with engine.begin() as connection:
        run_id = connection.execute(insert(RUNS).values(
            started_at=run.started_at, finished_at=run.finished_at,
            tool_version=run.tool_version, browser=run.browser,
            report=str(report.resolve()))).inserted_primary_key[0]
        for journey in run.journeys:
            journey_id = connection.execute(insert(JOURNEYS).values(
                run_id=run_id, key=journey.key, store=journey.label or journey.site,
                persona=journey.persona.id, outcome=journey.outcome, score=journey.score,
                abandoned_at=journey.abandoned_at, competitor=journey.competitor,
                duration_ms=round(journey.duration_ms))).inserted_primary_key[0]
            if journey.steps:
                connection.execute(insert(STEPS), [
                    {"journey_id": journey_id, "position": s.evidence.index,
                     "name": s.evidence.name, "status": s.evidence.status,
                     "emotion": s.emotion, "score": s.score, "wait_ms": round(s.evidence.wait_ms)}
                    for s in journey.steps])
    return run_id


def recall(engine: Engine, run_id: int, keys: list[str],
           limit: int = TREND_RUNS) -> dict[str, Any]:
    """For each journey key: its last `limit` runs up to this one (oldest first) and what
    changed since the run before this one."""
    out: dict[str, Any] = {}
    with engine.connect() as connection:
        for key in keys:
            rows = connection.execute(
                select(JOURNEYS.c.id, JOURNEYS.c.run_id, JOURNEYS.c.outcome, JOURNEYS.c.score,
                       RUNS.c.started_at)
                .join(RUNS, RUNS.c.id == JOURNEYS.c.run_id)
                .where(JOURNEYS.c.key == key, JOURNEYS.c.run_id <= run_id)
                .order_by(JOURNEYS.c.run_id.desc()).limit(limit)).all()[::-1]
            runs = [{"run": r.run_id, "started_at": r.started_at, "outcome": r.outcome,
                     "score": r.score} for r in rows]
            changed = (changes(_steps(connection, rows[-2].id), _steps(connection, rows[-1].id))
                       if len(rows) > 1 else None)
            out[key] = {"runs": runs, "changed": changed}
    return out


def _steps(connection: Connection, journey_id: int) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in connection.execute(
        select(STEPS.c.name, STEPS.c.status, STEPS.c.emotion, STEPS.c.score)
        .where(STEPS.c.journey_id == journey_id).order_by(STEPS.c.position))]


def changes(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The steps whose emotion or status differs between two runs of a journey, by name;
    steps that appeared or are gone say so (None on the missing side)."""
    old = {s["name"]: s for s in before}
    new = {s["name"]: s for s in after}
    out = []
    for name in [*new, *(n for n in old if n not in new)]:
        was, now = old.get(name), new.get(name)
        felt = [(s["emotion"], s["status"]) if s else None for s in (was, now)]
        if felt[0] != felt[1]:
            out.append({"step": name, "before": was and was["emotion"],
                        "after": now and now["emotion"], "status": now and now["status"]})
    return out


def durations(engine: Engine, keys: list[str]) -> dict[str, float]:
    """Each journey's duration in its latest recorded run, where one is known."""
    latest = (select(JOURNEYS.c.key, func.max(JOURNEYS.c.id).label("id"))
              .where(JOURNEYS.c.key.in_(keys), JOURNEYS.c.duration_ms.is_not(None))
              .group_by(JOURNEYS.c.key).subquery())
    with engine.connect() as connection:
        return dict(connection.execute(select(latest.c.key, JOURNEYS.c.duration_ms)
                                       .join(JOURNEYS, JOURNEYS.c.id == latest.c.id)).all())


def listing(engine: Engine, store: str | None = None, persona: str | None = None,
            limit: int = 20) -> list[dict[str, Any]]:
    """The latest journeys recorded, newest first, for `auditor history`."""
    query = (select(RUNS.c.id.label("run"), RUNS.c.started_at, JOURNEYS.c.store,
                    JOURNEYS.c.persona, JOURNEYS.c.outcome, JOURNEYS.c.score,
                    JOURNEYS.c.competitor, RUNS.c.report)
             .join(RUNS, RUNS.c.id == JOURNEYS.c.run_id)
             .order_by(RUNS.c.id.desc(), JOURNEYS.c.id).limit(limit))
    if store:
        query = query.where(JOURNEYS.c.store.contains(store))
    if persona:
        query = query.where(JOURNEYS.c.persona == persona)
    with engine.connect() as connection:
        return [dict(r._mapping) for r in connection.execute(query)]


def trends(engine: Engine) -> dict[str, list[dict[str, Any]]]:
    """Every journey key's runs, oldest first (for `auditor trend`)."""
    with engine.connect() as connection:
        keys = connection.execute(select(JOURNEYS.c.key).group_by(JOURNEYS.c.key)
                                  .order_by(func.min(JOURNEYS.c.id))).scalars().all()
        latest = connection.execute(select(func.max(RUNS.c.id))).scalar() or 0
    return {key: found["runs"] for key, found in
            recall(engine, latest, list(keys), TREND_PAGE_RUNS).items()}
