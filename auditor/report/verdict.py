"""The verdict a reader takes in within ten seconds, said the same in every format: one line
per persona (how it ended, where and why she left) and the few fixes that matter most."""

from __future__ import annotations

from auditor.model import EMOTIONS, Recommendation, RunResult

TOP_FIXES = 3


def persona_lines(run: RunResult) -> list[str]:
    """One sentence per audited journey (not the store compared with)."""
    lines = []
    for j in run.journeys:
        if j.competitor:
            continue
        who = f"{j.persona.name} ({j.persona.id}) on {j.label or j.site}"
        if j.unreachable:
            lines.append(f"{who} could not reach the store.")
        elif j.abandoned_at is not None:
            left = j.steps[j.abandoned_at]
            why = left.reasons[0] if left.reasons else j.reason
            lines.append(f"{who} left at step {j.abandoned_at + 1}, “{left.evidence.name}”, "
                         f"score {j.score}: {why}.")
        else:
            worst = min(j.steps, key=lambda s: (EMOTIONS.index(s.emotion), s.evidence.index),
                        default=None)
            hard = (f"; hardest step “{worst.evidence.name}” ({worst.emotion})"
                    if worst and EMOTIONS.index(worst.emotion) < EMOTIONS.index("neutral")
                    else "")
            lines.append(f"{who} {j.outcome}, score {j.score}{hard}.")
    return lines


def top_fixes(run: RunResult) -> list[Recommendation]:
    return run.recommendations[:TOP_FIXES]


def gates_line(run: RunResult) -> str:
    return (f"{len(run.gates)} gate(s) failed." if run.gates else "All gates pass.")
