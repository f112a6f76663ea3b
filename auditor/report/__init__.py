"""Every output format, each rendered from the same RunResult."""

from __future__ import annotations

import json
from pathlib import Path

from auditor.model import READABLE_SCHEMAS, RunResult
from auditor.report.files import atomic_write
from auditor.report.html import render_html
from auditor.report.junit import render_junit
from auditor.report.markdown import render_markdown


def write_report(run: RunResult, out: Path) -> Path:
    """Write results.json, index.html, junit.xml and summary.md; return index.html's path.

    The other files are rendered from what results.json holds (waits in whole ms), so that
    `auditor report results.json` later gives the very same files.
    """
    data = run.to_dict()
    atomic_write(out / "results.json", json.dumps(data, indent=2, ensure_ascii=False))
    saved = RunResult.from_dict(data)
    atomic_write(out / "summary.md", render_markdown(saved))
    atomic_write(out / "junit.xml", render_junit(saved))
    atomic_write(out / "index.html", render_html(saved))
    return out / "index.html"


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
    try:
        return RunResult.from_dict(data)
    except (KeyError, TypeError) as exc:
        raise AuditorError(f"{path}: malformed results file ({exc})") from None
