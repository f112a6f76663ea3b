"""index.html: the customer-journey map, rendered from the run result alone."""

from __future__ import annotations

import base64
import hashlib
from itertools import groupby
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader

from auditor.actions import touchpoint
from auditor.judge.findings import IMPACT_RULE, kind
from auditor.model import STAGES, JourneyResult, RunResult
from auditor.report import charts, verdict

# Compiled templates are kept between runs (in a private folder of the system's temp dir):
# compiling the report's templates is most of the time it takes to write it.
_ENV = Environment(loader=PackageLoader("auditor.report", "templates"), autoescape=True,
                   trim_blocks=True, lstrip_blocks=True, bytecode_cache=FileSystemBytecodeCache())


# The page's own figures, one click away on the map: (metric, label, unit).
PAGE_FIGURES = (("ttfb_ms", "Server (TTFB)", "ms"), ("fcp_ms", "First paint (FCP)", "ms"),
                ("lcp_ms", "Largest paint (LCP)", "ms"), ("cls", "Layout shift (CLS)", ""),
                ("inp_ms", "Reaction to input (INP)", "ms"), ("bytes", "Transferred", "bytes"),
                ("requests", "Requests", ""))


# The map's only script: Escape closes an open screenshot. The page's Content-Security-Policy
# allows exactly this script, by its hash, and nothing else.
CLOSE_ON_ESCAPE = ("document.addEventListener('keydown',function(e){"
                   "if(e.key!=='Escape'||location.hash.indexOf('#shot-')!==0)return;"
                   "var b=document.getElementById(decodeURIComponent(location.hash.slice(1)));"
                   "var c=b&&b.querySelector('.close');"
                   "location.hash=c?c.getAttribute('href'):'';});")
_CLOSE_HASH = base64.b64encode(hashlib.sha256(CLOSE_ON_ESCAPE.encode()).digest()).decode()


def environment() -> Environment:
    """The report's template environment (autoescaped), for every HTML page."""
    return _ENV


def render_html(run: RunResult) -> str:
    """The whole report; every site-controlled string reaches the page through autoescape."""
    template = _ENV.get_template("report.html.j2")
    return template.render(run=run, journeys=[_journey(j, run.history or {})
                                              for j in run.journeys],
                           comparisons=[_comparison(c, run) for c in run.comparison or []],
                           stages=STAGES, verdict_lines=verdict.persona_lines(run),
                           gates_line=verdict.gates_line(run), fixes=verdict.top_fixes(run),
                           gaps=verdict.largest_gaps(run), figures=PAGE_FIGURES,
                           impact_rule=IMPACT_RULE, combined=_combined(run),
                           close_script=CLOSE_ON_ESCAPE, close_hash=_CLOSE_HASH)


def _journey(j: JourneyResult, history: dict[str, Any]) -> dict[str, Any]:
    p = j.persona
    past = history.get(j.key) or {}
    stages = [{"stage": stage, "steps": list(steps)}
              for stage, steps in groupby(j.steps, key=lambda s: s.evidence.stage)]
    return {
        "result": j, "persona": p, "curve": charts.curve(j.steps, j.abandoned_at),
        "stages": stages, "anchor": f"j-{p.id}-{j.label}".replace(" ", "-"),
        "device": f"{p.device.name} {p.device.width}×{p.device.height}"
                  + (", touch" if p.device.touch else ""),
        "network": p.network.name + (f" ({p.network.latency_ms:g} ms RTT, "
                                     f"{p.network.download_kbps / 1000:g} Mbps)"
                                     if p.network.latency_ms else ""),
        "opportunities": {s.evidence.index: sorted({kind(f.id).advice for f in s.findings})
                          for s in j.steps},
        "after_left": f"after {p.pronoun} left",
        "lived": [s for s in j.steps if not s.after_dropoff],
        "measured_after": sum(s.after_dropoff for s in j.steps),
        "trend": past.get("runs") or [], "changed": past.get("changed"),
        "trend_points": charts.sparkline(past.get("runs") or [], 240, 60),
        "touchpoints": {s.evidence.index: s.evidence.touchpoint or touchpoint(s.evidence.action)
                        for s in j.steps},
        "has_findings": any(s.findings for s in j.steps),
        "lane": {s.evidence.index: point for s, point in zip(j.steps, charts.lane(j.steps),
                                                              strict=True)},
    }


def _combined(run: RunResult) -> dict[str, Any] | None:
    """Every audited persona's curve on one chart, when there are several."""
    series = [(f"{j.persona.name} ({j.persona.id})", [s for s in j.steps if not s.after_dropoff])
              for j in run.journeys if not j.competitor and not j.unreachable]
    return charts.overlay(series) if len(series) > 1 else None


def _comparison(pair: dict[str, Any], run: RunResult) -> dict[str, Any]:
    def steps_of(label: str) -> list:
        for j in run.journeys:
            if j.persona.id == pair["persona"] and (j.label or j.site) == label:
                return j.steps
        return []

    series = [(pair["this"], steps_of(pair["this"]))]
    other = steps_of(pair["other"])
    if other:
        series.append((pair["other"], other))
    return {**pair, "chart": charts.overlay(series)}
