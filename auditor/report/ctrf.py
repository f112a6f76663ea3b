"""ctrf.json: the run in the Common Test Report Format (ctrf.io), for the dashboards and CI
plugins that read it. It says what junit.xml says: the same tests, failing by the one rule
of report/cases.py."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from auditor.model import RunResult
from auditor.report.cases import suites

SPEC_VERSION = "0.0.0"  # the CTRF schema the report follows (ctrf-schema-0.0.json)


def render_ctrf(run: RunResult) -> str:
    tests: list[dict[str, Any]] = []
    for suite in suites(run):
        for case in suite.cases:
            test: dict[str, Any] = {"name": case.name, "status": case.status,
                                    "duration": round(case.ms), "suite": [suite.name],
                                    "message": case.message}
            if case.step is not None and suite.journey is not None:
                j, s = suite.journey, case.step
                test["labels"] = {"persona": j.persona.id, "store": j.label or j.site,
                                  "stage": s.evidence.stage, "emotion": s.emotion,
                                  "score": s.score}
            if case.screenshot:
                test["attachments"] = [{"name": "screenshot", "contentType": "image/jpeg",
                                        "path": case.screenshot}]
            tests.append(test)
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
                        "duration": sum(t["duration"] for t in tests),
                        "suites": len(run.journeys),
                        "extra": {"wall_ms": stop - start, "duration": "the personas' time "
                                  "on their steps, as in junit.xml; journeys that ran side "
                                  "by side add up to more than the wall clock"}},
            "tests": tests,
            "extra": {"browser": run.browser, "incomplete": run.incomplete},
        },
    }
    return json.dumps(report, indent=2, ensure_ascii=False)


def _ms(stamp: str) -> int:
    """Milliseconds since the epoch of an ISO time; 0 when there is none."""
    try:
        return round(datetime.fromisoformat(stamp).timestamp() * 1000)
    except ValueError:
        return 0
