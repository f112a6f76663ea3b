"""index.html: the customer-journey map, rendered from the run result alone."""

from __future__ import annotations

import base64
import hashlib
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader

from auditor.actions import touchpoint
from auditor.judge.findings import IMPACT_RULE, kind
from auditor.model import (
    AUDITOR_LOST,
    AXE_IMPACTS,
    EMOTIONS,
    JourneyResult,
    RunResult,
    StepResult,
)
from auditor.report import charts, verdict
from auditor.wcag import en_301_549

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


LONG_REASON = 60  # characters: a reason this long is said once a journey, then referred to


def environment() -> Environment:
    """The report's template environment (autoescaped), for every HTML page."""
    return _ENV


def render_html(run: RunResult) -> str:
    """The whole report; every site-controlled string reaches the page through autoescape."""
    personas = list(dict.fromkeys(j.persona.id for j in run.journeys))
    stores = list(dict.fromkeys(_store(j) for j in run.journeys))
    journeys = [_journey(j, run, personas, stores) for j in run.journeys]
    anchors = {j["result"].key: j["anchor"] for j in journeys}
    fixes = verdict.top_fixes(run)
    return _ENV.get_template("report.html.j2").render(
        run=run, journeys=journeys, status=_status(run, journeys),
        personas=[(f"p{i}", p) for i, p in enumerate(personas)],
        stores=[(f"s{i}", s) for i, s in enumerate(stores)] if len(stores) > 1 else [],
        verdict_lines=verdict.persona_lines(run), gates_line=verdict.gates_line(run),
        gates=[(g, anchors.get(g.journey)) for g in run.gates], fixes=fixes,
        more_fixes=run.recommendations[len(fixes):], gaps=verdict.largest_gaps(run),
        figures=PAGE_FIGURES, impact_rule=IMPACT_RULE, close_script=CLOSE_ON_ESCAPE,
        close_hash=_CLOSE_HASH)


def _store(j: JourneyResult) -> str:
    return j.label or j.site


def _status(run: RunResult, journeys: list[dict[str, Any]]) -> dict[str, Any]:
    """The strip's counts, of the audited journeys (a store compared with is context)."""
    audited = [j["result"] for j in journeys if not j["result"].competitor]
    ended = [("completed", "completed"), ("abandoned", "abandoned"), ("failed", "failed"),
             (AUDITOR_LOST, "auditor lost")]
    counts = [(sum(j.outcome == key and not j.unreachable for j in audited), said)
              for key, said in ended]
    counts.append((sum(j.unreachable for j in audited), "unreachable"))
    return {"counts": [(n, said) for n, said in counts if n or said == "completed"],
            "audited": len(audited), "compared": len(run.journeys) - len(audited),
            "attention": [j for j in journeys if j["attention"]],
            "fixes": len(run.recommendations)}


def _badge(j: JourneyResult, gates: int) -> tuple[str, str]:
    """The journey's outcome as its badge shows it: a completed journey that failed a gate
    is not green."""
    if j.unreachable:
        return "unreachable", "could not reach the store"
    if j.abandoned_at is not None:
        return "abandoned", f"abandoned at step {j.abandoned_at + 1}"
    if j.outcome == "completed" and gates:
        return "gated", f"completed, {gates} gate(s) failed"
    return j.outcome, j.outcome


def _journey(j: JourneyResult, run: RunResult, personas: list[str],
             stores: list[str]) -> dict[str, Any]:
    p = j.persona
    past = (run.history or {}).get(j.key) or {}
    gates = sum(g.journey == j.key for g in run.gates)
    attention = not j.competitor and (j.unreachable or j.outcome != "completed" or gates > 0)
    anchor = f"j-{p.id}-{j.label}".replace(" ", "-")
    return {
        "result": j, "persona": p, "anchor": anchor, "attention": attention,
        "badge": _badge(j, gates), "store": _store(j),
        "filters": f"p{personas.index(p.id)} s{stores.index(_store(j))}",
        "device": f"{p.device.name} {p.device.width}×{p.device.height}"
                  + (", touch" if p.device.touch else "") + (f", {p.moves}" if p.moves else ""),
        "network": p.network.name + (f" ({p.network.latency_ms:g} ms RTT, "
                                     f"{p.network.download_kbps / 1000:g} Mbps)"
                                     if p.network.latency_ms else ""),
        "after_left": f"after {p.pronoun} left",
        "lived": [s for s in j.steps if not s.after_dropoff],
        "trend": past.get("runs") or [], "changed": past.get("changed"),
        "trend_points": charts.sparkline(past.get("runs") or [], 240, 60),
        "steps": _steps(j, anchor), "has_findings": any(s.findings for s in j.steps),
        "accessibility": _accessibility(j),
        "comparison": next((_comparison(c) for c in run.comparison or []
                            if c["persona"] == p.id and c["this"] == _store(j)), None),
    }


def _steps(j: JourneyResult, anchor: str) -> list[dict[str, Any]]:
    """Each step's column of the map: its lane point, chips and where it sits."""
    lane = charts.lane(j.steps)
    said: dict[str, int] = {}  # each reason's text, and the step that said it first
    out = []
    for i, s in enumerate(j.steps):
        ev = s.evidence
        # The error is said under "what happened"; the reason only says the step failed.
        told = [r.replace(f": {ev.error}", "") if ev.error else r for r in s.reasons]
        reasons = [] if ev.lost else [(r, said.setdefault(r, ev.index + 1)
                                       if len(r) > LONG_REASON else ev.index + 1)
                                      for r in told]
        out.append({
            "reasons": [(r, None if first == ev.index + 1 else first) for r, first in reasons],
            "s": s, "ev": ev, "id": f"{anchor}-{ev.index + 1}", "lane": lane[i],
            "same_stage": i > 0 and j.steps[i - 1].evidence.stage == ev.stage,
            "touchpoint": ev.touchpoint or touchpoint(ev.action),
            "gap": _gap(s), "dropped": j.abandoned_at == ev.index,
            "pains": [(f.severity, kind(f.id).pain, f.message, f.reference)
                      for f in s.findings],
            "opportunities": sorted({(kind(f.id).title, kind(f.id).advice)
                                     for f in s.findings}),
        })
    return out


def _gap(s: StepResult) -> str:
    """Where she felt worse than the team expects: the only gap from the ideal worth a word."""
    if s.after_dropoff or EMOTIONS.index(s.emotion) >= EMOTIONS.index(s.evidence.expected):
        return ""
    return f"expected {s.evidence.expected}, felt {s.emotion}"


def seconds(ms: float) -> float:
    """A wait as the report shows it: seconds to one decimal."""
    return round(ms / 1000, 1)


def _comparison(pair: dict[str, Any]) -> dict[str, Any]:
    """The pair's rows, with the change in wait worked out from the waits as shown, so that
    the figures on a row agree (never "-0.0 s")."""
    rows = []
    for row in pair["steps"]:
        shown = dict(row)
        if row.get("other_emotion"):
            change = round(seconds(row["this_wait_ms"]) - seconds(row["other_wait_ms"]), 1)
            shown["wait_change"] = "same" if change == 0 else f"{change:+.1f} s"
        rows.append(shown)
    worse = sum(r["verdict"] == "worse" for r in rows)
    return {**pair, "steps": rows, "worse": worse}


def _accessibility(j: JourneyResult) -> dict[str, Any] | None:
    """The WCAG rules axe-core found broken along the journey, each once with the steps it
    was met on, worst first; None when axe did not run."""
    checked = [s for s in j.steps if s.evidence.axe is not None]
    if not checked:
        return None
    rules: dict[str, dict[str, Any]] = {}
    for s in checked:
        for v in s.evidence.axe or []:
            row = rules.setdefault(v.rule, {
                "rule": v.rule, "impact": v.impact, "help": v.help, "target": v.target,
                "criteria": [(c, en_301_549(c)) for c in v.criteria], "steps": []})
            row["steps"].append(s.evidence.index + 1)
    rows = sorted(rules.values(), key=lambda r: (-AXE_IMPACTS.index(r["impact"]), r["steps"]))
    return {"rows": rows, "pages": len(checked),
            "worst": rows[0]["impact"] if rows else None}
