"""Synthetic monitoring: stores walked on a timetable by the fleet (Celery beat). Each time
comes, beat puts a `submit` on the queue and a worker submits the run as `auditor submit`
would, with its report in a folder of its own under `out`.

    history: postgresql+psycopg://auditor@db:5432/auditor   # where every run is recorded
    out: reports/monitoring
    every:
      - {store: https://staging.example.com, minutes: 15, personas: [stressed-parent]}
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from auditor.errors import ScenarioError, read_yaml
from auditor.fleet.app import app
from auditor.fleet.submit import Submission, submit

ENTRY_KEYS = {"store", "minutes", "personas", "runs", "per_store", "fast_typing", "budget"}


def load_schedule(path: Path) -> dict[str, dict[str, Any]]:
    """Beat's schedule from the file: one entry per store and interval; one-line errors."""
    data = read_yaml(path, "schedule")
    if not isinstance(data, dict) or not isinstance(data.get("every"), list) or not data["every"]:
        raise ScenarioError(f"{path}: a schedule has 'every': a list of "
                            "{store: URL, minutes: N} entries")
    history = str(data.get("history") or "sqlite:///reports/history.sqlite")
    out = Path(str(data.get("out") or "reports/monitoring")).resolve()
    entries = {}
    for n, entry in enumerate(data["every"]):
        where = f"{path}: every[{n}]"
        if not isinstance(entry, dict) or set(entry) - ENTRY_KEYS:
            raise ScenarioError(f"{where}: keys are {', '.join(sorted(ENTRY_KEYS))}")
        store, minutes = entry.get("store"), entry.get("minutes")
        if not isinstance(store, str) or not store.startswith(("http://", "https://")):
            raise ScenarioError(f"{where}.store: give the store's http(s) URL")
        if not isinstance(minutes, (int, float)) or minutes <= 0:
            raise ScenarioError(f"{where}.minutes: give how often, in minutes (> 0)")
        spec = {"stores": [store], "personas": list(entry.get("personas") or []),
                "runs": int(entry.get("runs", 1)), "history": history, "out": str(out),
                "budget": entry.get("budget"), "per_store": int(entry.get("per_store", 1)),
                "options": {"typing_scale": 0.0} if entry.get("fast_typing") else {}}
        entries[f"{store} every {minutes:g} min"] = {
            "task": "auditor.submit", "schedule": minutes * 60, "args": [spec]}
    return entries


@app.task(name="auditor.submit")
def submit_scheduled(spec: dict[str, Any]) -> str:
    """A run of the timetable, its report in out/<time>-<store>/."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    what = Submission(**{**spec, "out": str(Path(spec["out"]) / f"run-{stamp}")})
    fleet_run, _, _ = submit(what)
    return fleet_run


def run_beat(path: Path, schedule_db: Path) -> None:
    """Beat in the foreground until Ctrl-C, with the file's timetable."""
    app.conf.beat_schedule = load_schedule(path)
    app.Beat(schedule=str(schedule_db), loglevel="WARNING", quiet=True).run()
