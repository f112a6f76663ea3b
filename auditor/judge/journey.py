"""Judge a whole journey: each step in turn, the frustration that builds, where the persona
leaves, and the journey's outcome and score."""

from __future__ import annotations

from auditor.judge.step import judge_step
from auditor.model import (
    AUDITOR_LOST,
    JourneyEvidence,
    JourneyResult,
    Persona,
    StepEvidence,
    StepResult,
)

OUTCOME_FACTOR = {"completed": 1.0, "failed": 0.8, "abandoned": 0.6}  # on the mean step score
# AUDITOR_LOST, the outcome of a journey the auditor could not finish (it found no control it
# needed on a page a person could use), is the tool's failure: held against the store nowhere.


def judge_journey(walked: JourneyEvidence) -> JourneyResult:
    """The journey as its persona lived it, from the evidence of one walk."""
    journey = JourneyResult(walked.persona, walked.site, "completed", None, "", 0, [],
                            walked.duration_ms, walked.label, interrupted=walked.interrupted,
                            competitor=walked.competitor)
    first = walked.steps[0] if walked.steps else None
    if first and first.status == "failed" and first.unreachable:
        return _unreached(journey, walked.steps)
    for evidence in walked.steps:
        add_step(journey, evidence)
    conclude(journey, walked.interrupted)
    return journey


def _unreached(journey: JourneyResult, steps: list[StepEvidence]) -> JourneyResult:
    """A store that could not be reached: nothing was lived, so nothing is felt or found;
    the steps are kept as evidence of what was tried."""
    journey.unreachable = True
    journey.outcome = "failed"
    journey.reason = f"the store could not be reached: {steps[0].error}"
    journey.steps = [StepResult(ev, 0, "neutral", [ev.error or "not tried"], [], 0.0)
                     for ev in steps]
    return journey


def add_step(journey: JourneyResult, ev: StepEvidence) -> StepResult:
    """Judge the next step of a journey, carrying frustration and marking the drop-off."""
    persona = journey.persona
    frustration = journey.steps[-1].frustration if journey.steps else 0.0
    after = journey.abandoned_at is not None
    if ev.status == "skipped":
        step = StepResult(ev, 0, "neutral", [ev.error or "skipped"], [], frustration, True)
    else:
        lost = any(s.evidence.lost for s in journey.steps)
        met = frozenset([*(v.rule for s in journey.steps for v in s.evidence.axe or []),
                         *(f.id for s in journey.steps for f in s.findings)])
        step = judge_step(persona, ev, frustration, after_dropoff=after, lost=lost, met=met)
        _point_at_root_cause(step, journey.steps)
    journey.steps.append(step)
    if not after and step.frustration >= persona.tolerance and ev.status != "skipped":
        journey.abandoned_at = ev.index
        journey.reason = abandonment_reason(persona, journey.steps)
    return step


def _point_at_root_cause(step: StepResult, before: list[StepResult]) -> None:
    """A step that fails on the page where an earlier step already failed (a page that never
    loaded, say) fails because of it: it says so, and names it as its cause."""
    if step.evidence.status != "failed":
        return
    earlier = next((s for s in reversed(before) if s.evidence.status == "failed"), None)
    if earlier and earlier.evidence.url == step.evidence.url:
        root = earlier.caused_by if earlier.caused_by is not None else earlier.evidence.index
        step.caused_by = root
        step.reasons.append(f"probably because step {root + 1} ('{before[root].evidence.name}') "
                            "failed on this page first")


def conclude(journey: JourneyResult, interrupted: bool = False) -> None:
    """The journey's outcome, reason and score from its judged steps. A walk cut short by
    Ctrl-C or SIGTERM did not complete, whatever its steps so far say."""
    counted = [s for s in journey.steps if not s.after_dropoff]
    failed = [s for s in counted if s.evidence.status == "failed"]
    if journey.abandoned_at is not None:
        journey.outcome = "abandoned"
    elif failed and failed[0].evidence.lost:  # what failed after it followed from it
        journey.outcome = AUDITOR_LOST
        journey.reason = (f"step {failed[0].evidence.index + 1}, '{failed[0].evidence.name}': "
                          f"{failed[0].evidence.error}")
    elif failed:
        journey.outcome = "failed"
        journey.reason = f"'{failed[0].evidence.name}' failed: {failed[0].evidence.error}"
    elif any(s.evidence.form and not s.evidence.order_placed for s in counted[-1:]):
        journey.outcome = "failed"
        journey.reason = "the order was never confirmed"
    if interrupted and journey.outcome == "completed":
        journey.outcome = "failed"
    if interrupted and not journey.reason:
        journey.reason = f"the run was interrupted after step {len(journey.steps)}"
    journey.score = journey_score(journey.steps, journey.outcome)
    journey.apdex = apdex(journey.persona, [s for s in counted if not s.evidence.lost],
                          journey.abandoned_at)


def apdex(persona: Persona, steps: list[StepResult],
          left_at: int | None = None) -> float | None:
    """The Apdex of the steps she lived, a cross-check readers know: T is her fine wait; a
    wait up to T satisfies, up to 4T is tolerated, longer frustrates, as does a failed
    step and the step she left on. None when no step was timed."""
    def frustrated(s: StepResult) -> bool:
        return s.evidence.status == "failed" or s.evidence.index == left_at

    timed = [s for s in steps if s.evidence.wait_ms > 0 or frustrated(s)]
    if not timed:
        return None
    t = persona.patience_fine_ms
    satisfied = sum(not frustrated(s) and s.evidence.wait_ms <= t for s in timed)
    tolerating = sum(not frustrated(s) and t < s.evidence.wait_ms <= 4 * t for s in timed)
    return round((satisfied + tolerating / 2) / len(timed), 2)


def abandonment_reason(persona: Persona, steps: list[StepResult]) -> str:
    """Why the persona left, from the steps that hurt most, in words."""
    hurt = [s for s in steps if s.emotion in ("angry", "sad")][-2:]
    parts = [f"{s.evidence.name}: {s.reasons[0]}" for s in hurt]
    return (f"{persona.name}'s frustration passed {persona.possessive} tolerance "
            f"({persona.tolerance:g}) — " + "; ".join(parts))


def journey_score(steps: list[StepResult], outcome: str) -> int:
    """The mean step score up to the drop-off, discounted for an unfinished journey; where
    the auditor was lost, over the steps before it (the store's, as she lived them)."""
    if outcome == AUDITOR_LOST:
        steps = steps[:next(i for i, s in enumerate(steps) if s.evidence.lost)]
    counted = [s.score for s in steps if not s.after_dropoff] or [0]
    mean = sum(counted) / len(counted)
    return round(mean * OUTCOME_FACTOR.get(outcome, 1.0))
