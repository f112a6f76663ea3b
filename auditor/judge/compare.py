"""Set two sets of journeys side by side: a competitor's store, or an earlier run."""

from __future__ import annotations

from typing import Any

from auditor.judge.stats import SIGNIFICANT, TESTABLE_RUNS, mann_whitney_p
from auditor.model import EMOTIONS, JourneyResult, StepResult

SAME_WITHIN = 5  # score points within which a step counts as unchanged


def compare(current: list[JourneyResult], other: list[JourneyResult],
            kind: str) -> list[dict[str, Any]]:
    """Per persona, each step's score and emotion on both sides and which side is better."""
    by_persona = {j.persona.id: j for j in other}
    pairs = []
    for journey in current:
        theirs = by_persona.get(journey.persona.id)
        if theirs is None:
            continue
        pairs.append({
            "kind": kind, "persona": journey.persona.id, "name": journey.persona.name,
            "this": journey.label or journey.site, "other": theirs.label or theirs.site,
            "this_score": journey.score, "other_score": theirs.score,
            "this_outcome": journey.outcome, "other_outcome": theirs.outcome,
            "steps": [_row(step, _match(step, theirs.steps)) for step in journey.steps],
        })
    return pairs


def wait_p_value(mine: StepResult, theirs: StepResult) -> float | None:
    """Mann–Whitney p-value of the two steps' waits, when both sides ran often enough for
    the test to tell a change from noise (else the medians decide alone)."""
    a = mine.evidence.metrics.get("wait_ms_runs") or []
    b = theirs.evidence.metrics.get("wait_ms_runs") or []
    if len(a) < TESTABLE_RUNS or len(b) < TESTABLE_RUNS:
        return None
    return mann_whitney_p(a, b)


def _match(step: StepResult, steps: list[StepResult]) -> StepResult | None:
    for candidate in steps:
        if candidate.evidence.name == step.evidence.name:
            return candidate
    index = step.evidence.index
    return steps[index] if index < len(steps) else None


def _row(mine: StepResult, theirs: StepResult | None) -> dict[str, Any]:
    row: dict[str, Any] = {"name": mine.evidence.name, "this_emotion": mine.emotion,
                           "this_score": mine.score, "this_wait_ms": round(mine.evidence.wait_ms)}
    if theirs is None:
        return {**row, "other_emotion": None, "delta": None, "verdict": "new"}
    delta = mine.score - theirs.score
    moved = EMOTIONS.index(mine.emotion) - EMOTIONS.index(theirs.emotion)
    verdict = "same"
    if delta > SAME_WITHIN or moved > 0:
        verdict = "better"
    if delta < -SAME_WITHIN or moved < 0:
        verdict = "worse"
    p_value = wait_p_value(mine, theirs)
    if p_value is not None:
        row["wait_p_value"] = round(p_value, 4)
        if p_value >= SIGNIFICANT and moved == 0:
            verdict = "same"  # the difference is within the runs' noise
    return {**row, "other_emotion": theirs.emotion, "other_score": theirs.score,
            "other_wait_ms": round(theirs.evidence.wait_ms), "delta": delta,
            "wait_delta_ms": round(mine.evidence.wait_ms - theirs.evidence.wait_ms),
            "verdict": verdict}
