"""Judge a whole journey: each step in turn, the frustration that builds, where the persona
leaves, and the journey's outcome and score."""

from __future__ import annotations

from auditor.judge.step import judge_step, possessive
from auditor.model import JourneyEvidence, JourneyResult, Persona, StepEvidence, StepResult

OUTCOME_FACTOR = {"completed": 1.0, "failed": 0.8, "abandoned": 0.6}  # on the mean step score


def judge_journey(walked: JourneyEvidence) -> JourneyResult:
    """The journey as its persona lived it, from the evidence of one walk."""
    journey = JourneyResult(walked.persona, walked.site, "completed", None, "", 0, [],
                            walked.duration_ms, walked.label, interrupted=walked.interrupted)
    for evidence in walked.steps:
        add_step(journey, evidence)
    conclude(journey, walked.interrupted)
    return journey


def add_step(journey: JourneyResult, ev: StepEvidence) -> StepResult:
    """Judge the next step of a journey, carrying frustration and marking the drop-off."""
    persona = journey.persona
    frustration = journey.steps[-1].frustration if journey.steps else 0.0
    after = journey.abandoned_at is not None
    if ev.status == "skipped":
        step = StepResult(ev, 0, "neutral", [ev.error or "skipped"], [], frustration, True)
    else:
        step = judge_step(persona, ev, frustration, after_dropoff=after)
    journey.steps.append(step)
    if not after and step.frustration >= persona.tolerance and ev.status != "skipped":
        journey.abandoned_at = ev.index
        journey.reason = abandonment_reason(persona, journey.steps)
    return step


def conclude(journey: JourneyResult, interrupted: bool = False) -> None:
    """The journey's outcome, reason and score from its judged steps. A walk cut short by
    Ctrl-C or SIGTERM did not complete, whatever its steps so far say."""
    counted = [s for s in journey.steps if not s.after_dropoff]
    failed = [s for s in counted if s.evidence.status == "failed"]
    if journey.abandoned_at is not None:
        journey.outcome = "abandoned"
    elif failed:
        journey.outcome = "failed"
        journey.reason = f"'{failed[0].evidence.name}' failed: {failed[0].evidence.error}"
    elif any(s.evidence.form and not s.evidence.order_number for s in counted[-1:]):
        journey.outcome = "failed"
        journey.reason = "the order was never confirmed"
    if interrupted and journey.outcome == "completed":
        journey.outcome = "failed"
    if interrupted and not journey.reason:
        journey.reason = f"the run was interrupted after step {len(journey.steps)}"
    journey.score = journey_score(journey.steps, journey.outcome)


def abandonment_reason(persona: Persona, steps: list[StepResult]) -> str:
    """Why the persona left, from the steps that hurt most, in words."""
    hurt = [s for s in steps if s.emotion in ("angry", "sad")][-2:]
    parts = [f"{s.evidence.name}: {s.reasons[0]}" for s in hurt]
    return (f"{persona.name}'s frustration passed {possessive(persona)} tolerance "
            f"({persona.tolerance:g}) — " + "; ".join(parts))


def journey_score(steps: list[StepResult], outcome: str) -> int:
    """The mean step score up to the drop-off, discounted for an unfinished journey."""
    counted = [s.score for s in steps if not s.after_dropoff] or [0]
    mean = sum(counted) / len(counted)
    return round(mean * OUTCOME_FACTOR.get(outcome, 1.0))
