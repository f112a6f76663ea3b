"""The fleet with real processes: Redis and Celery workers started on 127.0.0.1, journeys on
two demo stores, one merged report; nothing lost when a worker is killed mid-journey, when
the broker restarts, or when a store is down."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import suppress
from pathlib import Path

import pytest
import redis
from helpers import RedisServer, free_port

from auditor.fleet.limit import KEY_PREFIX

AUDITOR = [sys.executable, "-m", "auditor"]


@pytest.fixture
def broker(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


class Workers:
    """`auditor worker` processes, each the leader of its own process group."""

    def __init__(self, broker: RedisServer, folder: Path) -> None:
        self.broker, self.folder, self.processes = broker, folder, []

    def start(self, **env: str) -> subprocess.Popen:
        with open(self.folder / f"worker-{len(self.processes)}.log", "w") as log:
            process = subprocess.Popen(
                [*AUDITOR, "worker", "--broker", self.broker.url, "--concurrency", "1",
                 "--redeliver-after", "10"], cwd=self.folder, start_new_session=True,
                stdout=subprocess.DEVNULL, stderr=log, env={**os.environ, **env})
        self.processes.append(process)
        return process

    def kill(self, process: subprocess.Popen) -> None:
        os.killpg(process.pid, signal.SIGKILL)  # the machine gone: no goodbye to the broker
        process.wait(timeout=20)

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=30)


@pytest.fixture
def workers(broker, tmp_path):
    pool = Workers(broker, tmp_path)
    yield pool
    pool.stop()


# The personas who walk with a pointer: the fleet's test is about the fleet, and the modern
# theme stops the keyboard personas (tests/gather/test_themes.py).
POINTER = ("--persona", "delighted-shopper", "--persona", "stressed-parent",
           "--persona", "novice-checkout")


def submit(broker: RedisServer, tmp_path: Path, *args: str) -> str:
    done = subprocess.run(
        [*AUDITOR, "submit", *args, "--broker", broker.url, "--fast-typing",
         "--history", f"sqlite:///{tmp_path / 'history.sqlite'}", "--out",
         str(tmp_path / "report")], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout.split()[1].rstrip(":")


def recorded(tmp_path: Path, run: str) -> list[tuple[str, str]]:
    with sqlite3.connect(tmp_path / "history.sqlite") as db:
        return db.execute("SELECT unit, walker FROM fleet_walks WHERE fleet_run = ?",
                          (run,)).fetchall()


def finished(tmp_path: Path, run: str, timeout: float) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with sqlite3.connect(tmp_path / "history.sqlite") as db:
            report = db.execute("SELECT report FROM fleet_runs WHERE id = ?",
                                (run,)).fetchone()[0]
        if report:
            return json.loads((Path(report).parent / "results.json").read_text())
        time.sleep(0.5)
    raise AssertionError(f"run {run} not finished in {timeout} s: {recorded(tmp_path, run)}")


def process_tree(pid: int) -> set[int]:
    """The process and its descendants (a Celery worker and its pool processes)."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1]
                                               .split()[1])
            except (OSError, IndexError):
                continue
    tree, grew = {pid}, True
    while grew:
        grew = False
        for child, parent in parents.items():
            if parent in tree and child not in tree:
                tree.add(child)
                grew = True
    return tree


@pytest.mark.slow
def test_two_workers_walk_two_stores_and_survive_one_killed_mid_journey(
        broker, workers, demo_store, tmp_path):
    stores = [demo_store("slow-product=1").url, demo_store("slow-product=1", theme="modern").url]
    first, second = workers.start(), workers.start()
    run = submit(broker, tmp_path, *stores, *POINTER)
    leases = redis.Redis.from_url(broker.url)
    deadline, victim_pids = time.monotonic() + 120, set()
    while not victim_pids:  # the first worker holds a store: it is walking a journey
        assert time.monotonic() < deadline, "no journey started"
        tree = process_tree(first.pid)
        held = [token.decode() for key in leases.keys(f"{KEY_PREFIX}*")
                for token in leases.zrange(key, 0, -1)]
        victim_pids = {int(t.split(":")[1].split()[0]) for t in held} & tree
        time.sleep(0.2)
    time.sleep(1.0)  # well into its journey
    workers.kill(first)
    results = finished(tmp_path, run, timeout=300)
    units = recorded(tmp_path, run)
    assert sorted(u for u, _ in units) == [f"{t}.0" for t in range(6)]  # each exactly once
    survivor = process_tree(second.pid)
    assert sum(int(w.split(":")[1]) in survivor for _, w in units) >= 3  # its own and more
    assert len(results["journeys"]) == 6
    assert {j["site"] for j in results["journeys"]} == set(stores)
    assert all(j["outcome"] == "completed" for j in results["journeys"])
    assert second.poll() is None
    with sqlite3.connect(tmp_path / "history.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM journeys").fetchone()[0] == 6


def test_queued_journeys_survive_a_broker_restart_and_a_store_down_fails_alone(
        broker, workers, demo_store, tmp_path):
    """Journeys queued while no worker runs outlive a restart of Redis; the journeys of a
    store that is down end 'could not reach' with the reason, and the others complete."""
    live = demo_store().url
    down = f"http://127.0.0.1:{free_port()}"
    run = submit(broker, tmp_path, live, down, "--persona", "stressed-parent")
    broker.stop()
    broker.start()
    workers.start()
    results = finished(tmp_path, run, timeout=240)
    by_site = {j["site"]: j for j in results["journeys"]}
    assert by_site[live]["outcome"] == "completed"
    assert by_site[down]["unreachable"], by_site[down]
    assert "connection refused" in by_site[down]["steps"][0]["error"]


def test_a_journey_no_worker_can_walk_fails_with_the_reason_and_the_run_finishes(
        broker, workers, demo_store, tmp_path):
    """A worker with no Chromium tries the journey three times, then records it failed with
    why, so the run is not left waiting for it."""
    workers.start(AUDITOR_CHROMIUM=str(tmp_path / "no-chromium"))
    run = submit(broker, tmp_path, demo_store().url, "--persona", "stressed-parent")
    results = finished(tmp_path, run, timeout=120)
    (journey,) = results["journeys"]
    assert journey["outcome"] != "completed"
    error = journey["steps"][0]["error"]
    assert "could not walk this journey" in error and "3 tries" in error
    assert "AUDITOR_CHROMIUM" in error


@pytest.mark.parametrize(("command", "code", "words"), [
    (("submit", "http://127.0.0.1:9", "--broker", "http://nope"), 2, "give redis://HOST:PORT"),
    (("submit", "http://127.0.0.1:9", "--broker", "redis://127.0.0.1:1/0"), 3, "cannot connect"),
    (("worker", "--broker", "redis://127.0.0.1:1/0"), 3, "cannot connect"),
])
def test_a_wrong_broker_is_one_line_with_exit_2_or_3(tmp_path, command, code, words):
    done = subprocess.run([*AUDITOR, *command], capture_output=True, text=True, timeout=60,
                          cwd=tmp_path)
    assert done.returncode == code, done.stderr
    assert words in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_a_timetable_walks_the_store_again_and_again(broker, workers, demo_store, tmp_path):
    """Synthetic monitoring: beat submits the parent's journey every 3 s; the worker walks
    them and each becomes a run in the history with its own report."""
    history = tmp_path / "history.sqlite"
    (tmp_path / "monitor.yaml").write_text(
        f"history: sqlite:///{history}\nout: {tmp_path / 'monitoring'}\nevery:\n"
        f"  - {{store: {demo_store().url}, minutes: 0.05, personas: [stressed-parent], "
        "fast_typing: true}\n")
    workers.start()
    with open(tmp_path / "beat.log", "w") as log:
        beat = subprocess.Popen([*AUDITOR, "schedule", "monitor.yaml", "--broker", broker.url],
                                cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)
    try:
        deadline = time.monotonic() + 180
        runs = 0
        while runs < 2:
            assert time.monotonic() < deadline, (tmp_path / "beat.log").read_text()
            time.sleep(1)
            if history.exists():
                with sqlite3.connect(history) as db, suppress(sqlite3.OperationalError):
                    runs = db.execute("SELECT COUNT(*) FROM fleet_runs WHERE report != ''"
                                      ).fetchone()[0]  # no table: no submit yet
    finally:
        os.killpg(beat.pid, signal.SIGTERM)
        beat.wait(timeout=30)
    reports = sorted((tmp_path / "monitoring").glob("run-*/index.html"))
    assert len(reports) >= 2
    with sqlite3.connect(history) as db:
        assert db.execute("SELECT COUNT(*) FROM runs").fetchone()[0] >= 2


@pytest.mark.parametrize(("text", "words"), [
    ("every: []", "a schedule has 'every'"),
    ("every: [{store: shop, minutes: 5}]", "every[0].store: give the store's http(s) URL"),
    ("every: [{store: 'http://x', minutes: 0}]", "every[0].minutes: give how often"),
    ("every: [{store: 'http://x', minutes: 5, when: daily}]", "every[0]: keys are"),
])
def test_a_wrong_timetable_is_one_line_naming_the_key(tmp_path, text, words):
    (tmp_path / "t.yaml").write_text(text)
    done = subprocess.run([*AUDITOR, "schedule", "t.yaml"], capture_output=True, text=True,
                          timeout=60, cwd=tmp_path)
    assert done.returncode == 2 and words in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
