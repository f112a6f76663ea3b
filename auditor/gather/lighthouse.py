"""Lighthouse CI, run as a subprocess on each distinct page of the journeys.

`lhci collect` measures each page with the persona's form factor, `lhci assert` checks a
generated lighthouserc; the scores land in the steps' metrics beside our own values, and
the failed assertions go to the judge as gates.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditor.gather.browser import CHROMIUM_ARGS, find_chromium
from auditor.model import JourneyEvidence

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
RUN_TIMEOUT_S = 120


@dataclass
class LighthouseOutcome:
    """What Lighthouse said, or why it could not run."""

    pages: dict[str, dict[str, Any]] = field(default_factory=dict)
    failed_assertions: list[dict[str, Any]] = field(default_factory=list)  # lhci's own words
    skipped: str | None = None


def find_lhci() -> str | None:
    """lhci from $AUDITOR_LHCI, the project's lighthouse/ folder, or the PATH."""
    candidates = [os.environ.get("AUDITOR_LHCI"),
                  str(Path.cwd() / "lighthouse/node_modules/.bin/lhci"),
                  str(Path(__file__).resolve().parent.parent / "lighthouse/node_modules/.bin/lhci"),
                  shutil.which("lhci")]
    return next((c for c in candidates if c and Path(c).is_file()), None)


def audit_pages(journeys: list[JourneyEvidence], out: Path, max_pages: int,
                assertions: dict[str, Any]) -> LighthouseOutcome:
    """Run Lighthouse on each distinct page (per form factor) and fold results into steps."""
    lhci = find_lhci()
    if lhci is None or shutil.which("node") is None:
        return LighthouseOutcome(skipped="Lighthouse skipped: node or lhci not found "
                                 "(run 'make lighthouse' or set AUDITOR_LHCI)")
    outcome = LighthouseOutcome()
    for form_factor, urls in _pages(journeys, max_pages).items():
        folder = out / "lighthouse" / form_factor
        folder.mkdir(parents=True, exist_ok=True)
        rc = _lighthouserc(urls, form_factor, assertions)
        (folder / "lighthouserc.json").write_text(json.dumps(rc, indent=2))
        collected = _lhci(lhci, "collect", folder, RUN_TIMEOUT_S * len(urls))
        if collected is not None:
            outcome.skipped = f"Lighthouse ({form_factor}) failed: {collected}"
            continue
        outcome.pages.update(_read_reports(folder, out))
        _lhci(lhci, "assert", folder, 60)
        outcome.failed_assertions += _read_assertions(folder)
    _fold_into_steps(journeys, outcome.pages)
    return outcome


def _pages(journeys: list[JourneyEvidence], max_pages: int) -> dict[str, list[str]]:
    by_form: dict[str, list[str]] = {}
    for j in journeys:
        form = "mobile" if j.persona.device.mobile else "desktop"
        for s in j.steps:
            url = s.url
            if s.navigation == "hard" and s.status == "ok" and url:
                urls = by_form.setdefault(form, [])
                if url not in urls and len(urls) < max_pages:
                    urls.append(url)
    return by_form


def _chrome() -> str:
    """Lighthouse measures in the same browser program as the journeys."""
    return find_chromium(headless_shell=True)


def _lighthouserc(urls: list[str], form_factor: str, assertions: dict[str, Any]) -> dict:
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS, "--disable-default-apps",
                      "--disable-extensions"])
    settings: dict[str, Any] = {"chromeFlags": flags, "onlyCategories": list(CATEGORIES)}
    if form_factor == "desktop":
        settings["preset"] = "desktop"
    return {"ci": {
        "collect": {"url": urls, "numberOfRuns": 1, "chromePath": _chrome(),
                    "settings": settings},
        "assert": {"assertions": assertions},
        "upload": {"target": "filesystem", "outputDir": "lhci-reports"},
    }}


def _lhci(lhci: str, command: str, folder: Path, timeout: float) -> str | None:
    """Run one lhci command in its own process group; return an error line or None."""
    env = {**os.environ, "CHROME_PATH": _chrome()}
    proc = subprocess.Popen([lhci, command, "--config=lighthouserc.json"], cwd=folder, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True)
    try:
        output, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # a killed Lighthouse leaves Chromium behind
        proc.communicate()
        return f"lhci {command} took longer than {timeout:g} s"
    (folder / f"lhci-{command}.log").write_text(output)
    if command == "collect" and proc.returncode != 0:
        last = [line for line in output.strip().splitlines() if line.strip()][-1:] or ["?"]
        return f"lhci collect exited {proc.returncode}: {last[0][:200]}"
    return None


def _read_reports(folder: Path, out: Path) -> dict[str, dict[str, Any]]:
    """Each page's scores, and its HTML report copied out of lhci's hidden folder to where
    the journey map links to it (`lighthouse_report`, relative to the report folder)."""
    pages: dict[str, dict[str, Any]] = {}
    for n, path in enumerate(sorted((folder / ".lighthouseci").glob("lhr-*.json")), 1):
        lhr = json.loads(path.read_text())
        audits = lhr.get("audits", {})
        metrics: dict[str, Any] = {}
        for name in CATEGORIES:
            score = (lhr.get("categories", {}).get(name) or {}).get("score")
            if score is not None:
                metrics[f"lighthouse_{name.replace('-', '_')}"] = round(score * 100)
        for audit, key in (("largest-contentful-paint", "lighthouse_lcp_ms"),
                           ("cumulative-layout-shift", "lighthouse_cls"),
                           ("total-blocking-time", "lighthouse_tbt_ms")):
            value = (audits.get(audit) or {}).get("numericValue")
            if value is not None:
                metrics[key] = round(value, 3) if key.endswith("cls") else round(value)
        html = path.with_suffix(".html")
        if html.is_file():
            shown = folder / f"page-{n:02d}.html"
            shutil.copyfile(html, shown)
            metrics["lighthouse_report"] = shown.relative_to(out).as_posix()
        pages[lhr.get("requestedUrl") or lhr.get("finalUrl", "")] = metrics
    return pages


def _read_assertions(folder: Path) -> list[dict[str, Any]]:
    """The assertions lhci says failed at level error."""
    path = folder / ".lighthouseci" / "assertion-results.json"
    if not path.exists():
        return []
    return [a for a in json.loads(path.read_text())
            if a.get("level") == "error" and not a.get("passed", True)]


def _fold_into_steps(journeys: list[JourneyEvidence],
                     pages: dict[str, dict[str, Any]]) -> None:
    for j in journeys:
        for s in j.steps:
            if s.url in pages:
                s.metrics.update(pages[s.url])
