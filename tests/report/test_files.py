"""The report files written during a run are exactly what `auditor report` gives later."""

from __future__ import annotations

from pathlib import Path

from auditor.model import JourneyResult, Persona, RunResult, StepEvidence, StepResult
from auditor.report import load_results, write_report


def _run(wait_ms: float, duration_ms: float, frustration: float) -> RunResult:
    step = StepResult(StepEvidence(0, "Open the store", "awareness", "visit", wait_ms=wait_ms),
                      80, "happy", [], [], frustration)
    journey = JourneyResult(Persona("tester", "Tester"), "http://127.0.0.1:1", "completed",
                            None, "", 80, [step], duration_ms)
    return RunResult("1.0", "2026-11-24T00:00:00+00:00", "2026-11-24T00:00:01+00:00", [journey])


def test_values_that_round_differently_still_give_the_same_files(tmp_path: Path):
    # 549.6 ms reads "0.5 s" unrounded and "0.6 s" once saved as 550 ms.
    during, later = tmp_path / "during", tmp_path / "later"
    write_report(_run(549.6, 1234.5, 0.126), during)
    write_report(load_results(during / "results.json"), later)
    for name in ("results.json", "index.html", "summary.md", "junit.xml"):
        assert (during / name).read_text() == (later / name).read_text(), name
