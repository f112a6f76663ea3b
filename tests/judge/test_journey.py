"""A journey's figures from its judged steps (no browser)."""

from auditor.judge.journey import apdex, judge_journey
from auditor.model import JourneyEvidence, Persona, StepEvidence

PARENT = Persona("stressed-parent", "Aistė", pronoun="she", patience_fine_ms=1500,
                 patience_poor_ms=3500, tolerance=3)


def step(index, wait_ms, status="ok"):
    return StepEvidence(index, f"step {index + 1}", "consideration", "open_product",
                        status=status, wait_ms=wait_ms, http_status=200)


def test_apdex_counts_satisfied_tolerated_and_frustrated_waits_against_her_fine_wait():
    walked = JourneyEvidence(PARENT, "http://127.0.0.1", [
        step(0, 900), step(1, 1500),  # satisfied: up to T = 1.5 s
        step(2, 4000),  # tolerated: up to 4T = 6 s
        step(3, 7000), step(4, 100, status="failed"),  # frustrated: longer, or failed
        step(5, 0)])  # not timed: not counted
    judged = judge_journey(walked)
    assert apdex(PARENT, judged.steps) == (2 + 1 / 2) / 5
    lived = [s for s in judged.steps if not s.after_dropoff]  # she may leave before the end
    assert judged.apdex == apdex(PARENT, lived)
    assert apdex(PARENT, []) is None
