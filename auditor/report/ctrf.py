"""ctrf.json: the run in the Common Test Report Format (ctrf.io), for the dashboards and CI
plugins that read it. It says what junit.xml says: a test per step and a journey test where a
journey-wide gate failed, failing only where a gate failed (a step that fails for the same
cause as an earlier one passes, pointing at it), steps never tried skipped."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from auditor.model import GateFailure, JourneyResult, RunResult

SPEC_VERSION = "0.0.0"  # the CTRF schema the report follows (ctrf-schema-0.0.json)


def render_ctrf(run: RunResult) -> str:
    tests: list[dict[str, Any]] = []
    keys = {j.key for j in run.journeys}
    for j in run.journeys:
        tests += _journey_tests(j, [g for g in run.gates if g.journey == j.key])
    tests += [{"name": f"{g.rule} @ {g.where}", "status": "failed", "duration": 0,
               "suite": ["other gates"], "message": _said(g)}
              for g in run.gates if g.journey not in keys]
    start, stop = _ms(run.started_at), _ms(run.finished_at or run.started_at)
    count = {s: sum(t["status"] == s for t in tests)
             for s in ("passed", "failed", "skipped", "pending", "other")}
    report = {
        "reportFormat": "CTRF", "specVersion": SPEC_VERSION,
        "timestamp": run.finished_at or run.started_at,
        "generatedBy": f"journey-auditor {run.tool_version}",
        "results": {
            "tool": {"name": "journey-auditor", "version": run.tool_version},
            "summary": {"tests": len(tests), **count, "start": start, "stop": stop,
                        "suites": len(run.journeys)},
            "tests": tests,
            "extra": {"browser": run.browser, "incomplete": run.incomplete},
        },
    }
    return json.dumps(report, indent=2, ensure_ascii=False)


def _journey_tests(j: JourneyResult, gates: list[GateFailure]) -> list[dict[str, Any]]:
    suite = [f"{j.persona.id} @ {j.label or j.site}"]
    out: list[dict[str, Any]] = []
    first_of_cause: dict[str, int] = {}
    for s in j.steps:
        ev = s.evidence
        test: dict[str, Any] = {
            "name": f"{ev.index + 1:02d} {ev.name}", "status": "passed",
            "duration": round(ev.duration_ms or ev.wait_ms + ev.typing_ms), "suite": suite,
            "message": f"{s.emotion} ({s.score}): " + "; ".join(s.reasons),
            "labels": {"persona": j.persona.id, "store": j.label or j.site, "stage": ev.stage,
                       "emotion": s.emotion, "score": s.score},
        }
        on_step = [g for g in gates if g.step == ev.index]
        cause = next((g.cause for g in on_step if g.cause), "")
        if j.unreachable and ev.index == 0:
            test.update(status="failed", message=f"could not reach the store: {ev.error}")
        elif j.unreachable or ev.status == "skipped":
            test.update(status="skipped", message=ev.error or "not tried")
        elif s.after_dropoff:
            test["message"] = f"measured after {j.persona.name} left: {test['message']}"
        elif on_step and cause in first_of_cause:
            test["message"] = f"same cause ({cause}) as step {first_of_cause[cause] + 1}"
        elif on_step:
            if cause:
                first_of_cause[cause] = ev.index
            test.update(status="failed", message="; ".join(_said(g) for g in on_step))
        out.append(test)
    journey_wide = [g for g in gates if g.step is None]
    if journey_wide:
        out.append({"name": "journey", "status": "failed", "duration": round(j.duration_ms),
                    "suite": suite, "message": "; ".join(_said(g) for g in journey_wide)})
    return out


def _said(g: GateFailure) -> str:
    return f"{g.rule}: measured {g.measured}, expected {g.expected}"


def _ms(stamp: str) -> int:
    """Milliseconds since the epoch of an ISO time; 0 when there is none."""
    try:
        return round(datetime.fromisoformat(stamp).timestamp() * 1000)
    except ValueError:
        return 0
