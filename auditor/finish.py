"""The end of every run, written once: judge the walks (baseline, gates), record the run in
the history and write every report. `auditor run`, `auditor merge` and the fleet's last
walker all end here, so the same walks give the same verdict, notes and gates whichever way
they were walked. Loads no browser code.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from auditor.errors import ExitCode
from auditor.judge import gates, judge_run
from auditor.model import JourneyEvidence, RunResult
from auditor.report import write_report


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def finish_run(run: RunResult, walks: list[list[JourneyEvidence]], out: Path, *,
               budget: gates.Budget | None = None, baseline: RunResult | None = None,
               lighthouse_failed: list[dict[str, Any]] | None = None,
               database: Any = None) -> int | None:
    """Judge `walks` (each journey's walks) into `run`, against the baseline and the budget;
    record it in the history database when one is given and the run was not cut short (a
    run cut short is no trend point); write every report format to `out`. The run's notes
    gain what each walk noted of how it was measured, and which baseline it is held to.
    Returns the run's id in the history database (None: not recorded)."""
    judge_run(run, walks, budget=budget, baseline=baseline,
              lighthouse_failed=lighthouse_failed)
    said = [note for each in walks for walk in each for note in walk.notes]
    if baseline is not None:
        said.append(f"Compared with the baseline run of {baseline.started_at} "
                    f"(journey-auditor {baseline.tool_version}).")
    run.notes = list(dict.fromkeys([*run.notes, *said]))
    run_id = None
    if database is not None and not run.incomplete:
        from auditor import history

        run_id = history.record(database, run, out)
        run.history = history.recall(database, run_id, [j.key for j in run.journeys])
    write_report(run, out)
    return run_id


def exit_code(run: RunResult) -> ExitCode:
    """130 when interrupted, 3 when no journey reached its store, 1 when a gate failed, else 0."""
    if run.incomplete:
        return ExitCode.INTERRUPTED
    if run.journeys and all(j.unreachable for j in run.journeys):
        return ExitCode.UNREACHABLE
    return ExitCode.GATE_FAILED if run.gates else ExitCode.OK
