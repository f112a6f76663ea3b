"""Every output format, each rendered from the same RunResult."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from auditor.model import SCHEMA, RunResult
from auditor.report.ctrf import render_ctrf
from auditor.report.files import atomic_write
from auditor.report.html import render_html
from auditor.report.junit import render_junit
from auditor.report.markdown import render_markdown

READABLE_SCHEMAS = ("journey-auditor/1", SCHEMA)  # version 1 is read as version 2
# Every format rendered beside results.json, by its file name: a new format is one module
# with a render function, and a line here. index.html last: it is the one people open.
FORMATS: tuple[tuple[str, Callable[[RunResult], str]], ...] = (
    ("summary.md", render_markdown), ("junit.xml", render_junit), ("ctrf.json", render_ctrf),
    ("index.html", render_html))


def write_report(run: RunResult, out: Path) -> Path:
    """Write results.json and every format of FORMATS; return index.html's path.

    The formats are rendered from what results.json holds (waits in whole ms), so that
    `auditor report results.json` later gives the very same files.
    """
    data = run.to_dict()
    atomic_write(out / "results.json", json.dumps(data, indent=2, ensure_ascii=False))
    saved = RunResult.from_dict(data)
    for name, render in FORMATS:
        atomic_write(out / name, render(saved))
    return out / "index.html"


def linked_files(run: RunResult) -> list[str]:
    """Every file the report links to, relative to its folder: screenshots, filmstrips, and
    the Lighthouse reports of the pages Lighthouse measured."""
    steps = [s.evidence for j in run.journeys for s in j.steps]
    return ([ev.screenshot for ev in steps if ev.screenshot]
            + [frame["path"] for ev in steps for frame in ev.filmstrip]
            + [ev.metrics["lighthouse_report"] for ev in steps
               if ev.metrics.get("lighthouse_report")])


def load_results(path: Path) -> RunResult:
    """Read a results.json of any schema version this release reads."""
    from auditor.errors import AuditorError

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise AuditorError(f"{path}: cannot read: {exc.strerror}") from None
    except json.JSONDecodeError as exc:
        raise AuditorError(f"{path}:{exc.lineno}: not valid JSON: {exc.msg}") from None
    if not isinstance(data, dict) or data.get("schema") not in READABLE_SCHEMAS:
        raise AuditorError(f"{path}: not a results file this version reads (key 'schema' "
                           f"must be one of {', '.join(READABLE_SCHEMAS)})")
    if data["schema"] == "journey-auditor/1":
        data = _from_version_1(data)
    try:
        return RunResult.from_dict(data)
    except (KeyError, TypeError) as exc:
        raise AuditorError(f"{path}: malformed results file ({exc})") from None


# What a version 1 step kept in its `page` mapping besides the page's own facts.
_STEP_KEYS_OF_V1 = ("unreachable", "off_site", "crashed", "dialogs", "failed_requests",
                    "order_number", "results_before", "results_after", "slip_in",
                    "fields_typed", "retyped", "returned_to_product_ms", "traceback")


def _from_version_1(d: dict[str, Any]) -> dict[str, Any]:
    """A journey-auditor/1 result in version 2's shape (a baseline from an earlier release)."""
    d = copy.deepcopy(d)
    for journey in d.get("journeys", []):
        for step in journey.get("steps", []):
            page = step.get("page") or {}
            for key in _STEP_KEYS_OF_V1:
                if key in page:
                    step[key] = page.pop(key)
            step["checkout_fields"] = page.pop("fields", [])
    return d
