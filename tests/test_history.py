"""The history database on SQLite and on a real PostgreSQL server started on 127.0.0.1:
runs recorded, trends and changes recalled, the schema versioned, bad URLs said in a line."""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import postgres_server
from sqlalchemy import create_engine, func, select, update

from auditor import history
from auditor.report import load_results

SAVED = Path(__file__).parent / "data" / "demo-schema-2.json"


@pytest.fixture(scope="session")
def postgres():
    """One PostgreSQL server for the session (for each xdist worker; the tests on it are one
    xdist group, so one worker starts it)."""
    with postgres_server() as url:
        yield url


@pytest.fixture
def empty_postgres(postgres):
    """The PostgreSQL server's database, emptied: each test starts with no history."""
    with create_engine(postgres).begin() as connection:
        for table in ("fleet_walks", "fleet_runs", "steps", "journeys", "runs",
                      "auditor_settings"):
            connection.exec_driver_sql(f"DROP TABLE IF EXISTS {table} CASCADE")
    return postgres


@pytest.fixture(params=["sqlite", pytest.param("postgresql",
                                                marks=pytest.mark.xdist_group("postgresql"))])
def database(request, tmp_path):
    """A fresh history database of each kind."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'history.sqlite'}"
    return request.getfixturevalue("empty_postgres")


def test_two_runs_give_a_trend_and_the_steps_that_changed(database, tmp_path):
    first = load_results(SAVED)
    second = copy.deepcopy(first)
    parent = next(j for j in second.journeys if j.persona.id == "stressed-parent"
                  and not j.competitor)
    parent.steps[1].emotion, parent.score = "angry", 12
    engine = history.open_history(database)
    history.record(engine, first, tmp_path)
    run_id = history.record(engine, second, tmp_path)
    recalled = history.recall(engine, run_id, [j.key for j in second.journeys])
    trend = recalled[parent.key]
    assert [r["score"] for r in trend["runs"]] == [first.journeys[
        second.journeys.index(parent)].score, 12]
    assert trend["changed"] == [{"step": parent.steps[1].evidence.name, "before":
                                 first.journeys[second.journeys.index(parent)].steps[1].emotion,
                                 "after": "angry", "status": parent.steps[1].evidence.status}]
    unchanged = next(j for j in second.journeys if j is not parent)
    assert recalled[unchanged.key]["changed"] == []
    listed = history.listing(engine, persona="stressed-parent")
    assert [row["run"] for row in listed] == [run_id] * 2 + [run_id - 1] * 2  # newest first
    assert history.trends(engine)[parent.key][-1]["score"] == 12


def test_the_schema_is_versioned_and_a_newer_one_is_refused(database):
    engine = history.open_history(database)
    with engine.begin() as connection:
        connection.execute(update(history._SETTINGS).values(value=str(history.SCHEMA_VERSION + 1)))
    with pytest.raises(history.HistoryError, match="newer than this auditor's"):
        history.open_history(database)


def test_a_version_1_database_gains_durations_and_the_fleet_tables(database, tmp_path):
    engine = history.open_history(database)
    with engine.begin() as connection:  # as the first release of the history left it
        connection.exec_driver_sql("DROP TABLE fleet_walks")
        connection.exec_driver_sql("DROP TABLE fleet_runs")
        connection.exec_driver_sql("ALTER TABLE journeys DROP COLUMN duration_ms")
        connection.execute(update(history._SETTINGS).values(value="1"))
    engine = history.open_history(database)
    run = load_results(SAVED)
    history.record(engine, run, tmp_path)
    keys = [j.key for j in run.journeys]
    assert history.durations(engine, keys) == {
        j.key: round(j.duration_ms) for j in run.journeys}
    with engine.connect() as connection:
        assert connection.execute(select(history._SETTINGS.c.value)).scalar() == "2"
        assert connection.execute(select(func.count()).select_from(history.FLEET_RUNS)
                                  ).scalar() == 0


@pytest.mark.parametrize("url", ["nonsense://x", "mysql://u@127.0.0.1:1/db",
                                 "postgresql+psycopg://u@127.0.0.1:1/db"])
def test_a_wrong_database_is_one_line_and_exit_2(url, tmp_path):
    done = subprocess.run([sys.executable, "-m", "auditor", "history", "--db", url],
                          capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert done.stderr.count("\n") == 1 and "history database" in done.stderr


def test_a_flaw_switched_on_between_two_runs_shows_in_the_second_report(
        database, demo_store, tmp_path):
    url = database

    def audit(store, out):
        return subprocess.run([sys.executable, "-m", "auditor", "run", store.url, "--persona",
                               "stressed-parent", "--label", "our shop", "--fast-typing",
                               "--quiet", "--out", str(out), "--history", url],
                              capture_output=True, text=True, timeout=300, cwd=tmp_path)

    assert audit(demo_store(), tmp_path / "before").returncode == 0
    after = audit(demo_store("broken-search"), tmp_path / "after")
    assert after.returncode == 1, after.stderr
    page = (tmp_path / "after" / "index.html").read_text()
    assert "Last 2 runs:" in page and "Changed since the last run:" in page
    assert "Search for the toy instead: excited → angry" in page
    summary = (tmp_path / "after" / "summary.md").read_text()
    assert "Changed since the last run: Search for the toy instead: excited → angry" in summary
    listed = subprocess.run([sys.executable, "-m", "auditor", "history", "--db", url],
                            capture_output=True, text=True, timeout=60, cwd=tmp_path)
    rows = [line for line in listed.stdout.splitlines() if "stressed-parent" in line]
    assert len(rows) == 2 and all("our shop" in line for line in rows), listed.stdout
    trend = subprocess.run([sys.executable, "-m", "auditor", "trend", "--db", url, "--out",
                            str(tmp_path / "trend")], capture_output=True, text=True,
                           timeout=60, cwd=tmp_path)
    assert trend.returncode == 0, trend.stderr
    assert (tmp_path / "trend" / "trend.html").read_text().count("<circle") == 2
