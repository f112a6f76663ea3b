"""The end of a run is one function: `auditor run`, `auditor merge` and the fleet's last
walker give the same verdict, notes, gates and baseline comparison on the same walks."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

from auditor import history
from auditor.fleet import ledger
from auditor.fleet.tasks import finish_if_complete
from auditor.gather.walk import UNANNOUNCED
from auditor.judge import evidence_of, judge_run
from auditor.model import RunResult
from auditor.report import load_results, verdict, write_report
from auditor.shard import Shard, Unit, plan_of

BASELINE = Path(__file__).parent / "data" / "demo-schema-2.json"
BUDGET = "defaults: true\nrules:\n  - {persona: novice-checkout, outcome: completed}\n"


def auditor(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "auditor", *args], capture_output=True,
                          text=True, timeout=600)


def said(run: RunResult) -> dict:
    """What a reader is told: the verdict, the fixes, the gates, the notes, the comparison."""
    return {"verdict": verdict.persona_lines(run), "gates_line": verdict.gates_line(run),
            "fixes": [asdict(r) for r in verdict.top_fixes(run)],
            "gates": [asdict(g) for g in run.gates], "notes": run.notes,
            "comparison": run.comparison,
            "journeys": [(j.key, j.outcome, j.score, [s.emotion for s in j.steps])
                         for j in run.journeys]}


def as_shards(walked: RunResult, folder: Path) -> list[Path]:
    """The run's walks as `auditor run --shard I/N` would have saved them: one a shard."""
    units = {str(Unit(i, 0)): i + 1 for i in range(len(walked.journeys))}
    identity = {"tool_version": walked.tool_version, "stores": ["same"], "journeys": "same",
                "runs": 1}
    paths = []
    for (unit, number), journey in zip(units.items(), walked.journeys, strict=True):
        part = RunResult(walked.tool_version, walked.started_at, walked.finished_at, [],
                         browser=walked.browser, notes=[UNANNOUNCED])  # its walk's, no baseline
        part.shard = {**plan_of(Shard(number, len(units)), identity, units), "walked": [unit]}
        judge_run(part, [[evidence_of(journey)]])
        write_report(part, folder / f"shard-{number}")
        paths.append(folder / f"shard-{number}" / "results.json")
    return paths


def on_the_fleet(walked: RunResult, folder: Path, budget: Path) -> RunResult:
    """The run's walks recorded in a fleet's ledger, finished by its last walker."""
    engine = history.open_history(f"sqlite:///{folder / 'fleet.sqlite'}")
    units = [str(Unit(i, 0)) for i in range(len(walked.journeys))]
    ledger.open_run(engine, "same-walks", {
        "tool_version": walked.tool_version, "units": units, "out": str(folder / "fleet"),
        "budget": str(budget), "baseline": str(BASELINE), "created_at": walked.started_at,
        "browser": walked.browser})
    for unit, journey in zip(units, walked.journeys, strict=True):
        walk = evidence_of(journey)
        walk.notes = [UNANNOUNCED]  # as every walk notes it
        ledger.record_walk(engine, "same-walks", unit, walk, "test")
    report = finish_if_complete(engine, "same-walks")
    assert report is not None
    return load_results(Path(report).parent / "results.json")


def test_run_merge_and_the_fleet_end_a_run_the_same_way(demo_store, tmp_path: Path):
    budget = tmp_path / "budget.yaml"
    budget.write_text(BUDGET)
    store = demo_store("slow-product=2", "broken-search", "clear-form-on-error")
    done = auditor("run", store.url, "--persona", "stressed-parent", "--persona",
                   "novice-checkout", "--fast-typing", "--dwell", "0", "--quiet",
                   "--budget", str(budget), "--baseline", str(BASELINE),
                   "--history", f"sqlite:///{tmp_path / 'run.sqlite'}",
                   "--out", str(tmp_path / "run"))
    assert done.returncode == 1, done.stderr  # gates fail on this store
    walked = load_results(tmp_path / "run" / "results.json")
    assert walked.gates and walked.comparison
    assert walked.notes == [UNANNOUNCED, walked.notes[1]] and "baseline run of" in walked.notes[1]

    merged = auditor("merge", *map(str, as_shards(walked, tmp_path)), "--budget", str(budget),
                     "--baseline", str(BASELINE), "--out", str(tmp_path / "merged"),
                     "--history", f"sqlite:///{tmp_path / 'merge.sqlite'}")
    assert merged.returncode == 1, merged.stderr
    fleet = on_the_fleet(walked, tmp_path, budget)

    expected = said(walked)
    assert said(load_results(tmp_path / "merged" / "results.json")) == expected
    assert said(fleet) == expected
    assert json.loads((tmp_path / "fleet" / "results.json").read_text())["history"]
