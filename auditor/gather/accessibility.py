"""axe-core on the page the persona looks at: the WCAG rules it breaks, as evidence.

axe-core is the npm package the project installs beside Lighthouse (`make lighthouse`),
injected from that local file into each new document, never fetched. It runs after the
persona's look, off her clock, and again only when the page has changed.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from playwright.sync_api import Error

from auditor.gather import script
from auditor.model import AxeViolation

if TYPE_CHECKING:
    from auditor.gather.step import Step

AXE_ENV = "AUDITOR_AXE"  # another axe.min.js
_IN_PACKAGE = Path("lighthouse") / "node_modules" / "axe-core" / "axe.min.js"
NOT_FOUND = ("Accessibility not checked: axe-core not found (run 'make lighthouse', or set "
             f"{AXE_ENV} to an axe.min.js).")


def axe_file() -> Path | None:
    """axe.min.js from $AUDITOR_AXE, the current folder's lighthouse/ or the project's."""
    candidates = [os.environ.get(AXE_ENV), str(Path.cwd() / _IN_PACKAGE),
                  str(Path(__file__).resolve().parents[2] / _IN_PACKAGE)]
    return next((Path(c) for c in candidates if c and Path(c).is_file()), None)


@cache
def axe_source(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def check(step: Step, source: str, fresh: bool) -> list[AxeViolation] | None:
    """The rules of WCAG 2.x A and AA that the page breaks now; None when axe could not run
    (the document was being replaced). `fresh`: a document axe has not been put in yet,
    so axe-core and its run go in one call, else its run alone (one round trip either way,
    but for a document that lost it)."""
    page, run = step.page, script("axe_run.js")
    try:
        found = None if fresh else page.evaluate(run)
        if found is None:
            found = page.evaluate(f"{source}\n;({run})()")
    except Error:
        return None
    if found is None:  # the page took axe-core away again
        return None
    return [AxeViolation(v["id"], v["impact"] or "minor", v["help"], criteria(v["tags"]),
                         v["nodes"], step.session.redact(v["target"]) or "")
            for v in found]


def criteria(tags: list[str]) -> list[str]:
    """WCAG success criteria from axe's tags: wcag143 is 1.4.3, wcag1410 is 1.4.10."""
    return [f"{m[1]}.{m[2]}.{m[3]}" for t in tags if (m := re.fullmatch(r"wcag(\d)(\d)(\d+)", t))]
