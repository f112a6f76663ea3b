"""Turn findings into a to-do list ranked by how much they hurt the journeys."""

from __future__ import annotations

from collections import defaultdict

from auditor.judge.findings import GAVE_UP_BONUS, HURT_FACTOR, SEVERITIES, WEIGHT, kind
from auditor.model import JourneyResult, Recommendation, StepResult

# A page whose server took at least this share of the time to its first paint (time to
# first byte against first contentful paint: the page's own split) waited on its server: the
# late paint on that page is the same cause, one fix, not two.
SERVER_SHARE = 0.5


def recommend(journeys: list[JourneyResult]) -> list[Recommendation]:
    """One recommendation per kind of finding, its impact summed over where it hurt.

    A finding weighs its severity, twice as much where the persona was sad or angry, and
    three points more on the step where a persona gave up.
    """
    impact: dict[str, float] = defaultdict(float)
    personas: dict[str, set[str]] = defaultdict(set)
    steps: dict[str, list[str]] = defaultdict(list)
    worst: dict[str, str] = {}
    reference: dict[str, str] = {}
    slowest: dict[str, StepResult] = {}
    for journey in journeys:
        who = journey.persona.id + (f" @ {journey.label}" if journey.label else "")
        for step in journey.steps:
            found = {f.id for f in step.findings}
            for f in step.findings:
                if f.id == "slow-lcp" and "slow-load" in found and _server_bound(step):
                    continue  # the slow server's own late paint: counted under slow-load
                known = slowest.get(f.id)
                if known is None or step.evidence.wait_ms > known.evidence.wait_ms:
                    slowest[f.id] = step
                hurt = HURT_FACTOR if step.emotion in ("angry", "sad") else 1.0
                dropped = GAVE_UP_BONUS if journey.abandoned_at == step.evidence.index else 0.0
                impact[f.id] += WEIGHT.get(f.severity, 1.0) * hurt + dropped
                personas[f.id].add(who)
                where = f"{who}: {step.evidence.name}"
                if where not in steps[f.id]:
                    steps[f.id].append(where)
                if SEVERITIES.index(f.severity) >= SEVERITIES.index(
                        worst.get(f.id, "minor")):
                    worst[f.id] = f.severity
                reference[f.id] = reference.get(f.id) or f.reference
    ranked = sorted(impact, key=lambda k: (-impact[k], k))
    return [Recommendation(_title(k, slowest.get(k)), round(impact[k], 1),
                           sorted(personas[k]), steps[k], k, worst[k], reference[k],
                           _evidence(k, slowest.get(k)))
            for k in ranked]


def _server_bound(step: StepResult) -> bool:
    m = step.evidence.metrics
    ttfb = m.get("ttfb_ms") or 0
    painted = m.get("fcp_ms") or step.evidence.wait_ms
    return painted > 0 and ttfb >= SERVER_SHARE * painted


def _title(finding: str, slowest: StepResult | None) -> str:
    """The fix, named after where the slowest wait went when that decides it."""
    own = kind(finding)
    if own.title_if_page and slowest is not None and not _server_bound(slowest):
        return own.title_if_page
    return own.title


def _evidence(finding: str, step: StepResult | None) -> str:
    """For a slow page, where its slowest wait went, from the page's own split: its server's
    answer (TTFB) and its first paint (FCP)."""
    if finding not in ("slow-load", "slow-lcp") or step is None:
        return ""
    ev = step.evidence
    ttfb, fcp = ev.metrics.get("ttfb_ms") or 0, ev.metrics.get("fcp_ms")
    said = f"“{ev.name}”: a {ev.wait_ms / 1000:.1f} s wait; the server answered in " \
           f"{ttfb / 1000:.1f} s"
    if fcp:
        said += f" and the page first painted at {fcp / 1000:.1f} s"
    return said + ("; the server took most of it" if _server_bound(step)
                   else "; the page's own loading and drawing took most of it")
