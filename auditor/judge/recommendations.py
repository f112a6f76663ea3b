"""Turn findings into a to-do list ranked by how much they hurt the journeys."""

from __future__ import annotations

from collections import defaultdict

from auditor.judge.findings import SEVERITIES, kind
from auditor.model import JourneyResult, Recommendation

WEIGHT = {"critical": 3.0, "major": 2.0, "minor": 1.0}


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
    for journey in journeys:
        who = journey.persona.id + (f" @ {journey.label}" if journey.label else "")
        for step in journey.steps:
            for f in step.findings:
                hurt = 2.0 if step.emotion in ("angry", "sad") else 1.0
                dropped = 3.0 if journey.abandoned_at == step.evidence.index else 0.0
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
    return [Recommendation(kind(k).title, round(impact[k], 1), sorted(personas[k]), steps[k],
                           k, worst[k], reference[k]) for k in ranked]
