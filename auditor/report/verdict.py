"""The verdict a reader takes in within ten seconds, said the same in every format: one line
per persona (how it ended, where and why she left) and the few fixes that matter most."""

from __future__ import annotations

import re

from auditor.model import AUDITOR_LOST, EMOTIONS, Recommendation, RunResult
from auditor.report.cases import failing

TOP_FIXES = 3


def persona_lines(run: RunResult) -> list[str]:
    """One sentence per audited journey (not the store compared with), naming its store
    only when more than one was audited."""
    lines = []
    audited = [j for j in run.journeys if not j.competitor]
    several = len({j.label or j.site for j in audited}) > 1  # else the store goes unsaid
    for j in audited:
        who = f"{j.persona.name} ({j.persona.id})" + (f" on {j.label or j.site}" if several
                                                      else "")
        if j.unreachable:
            lines.append(f"{who} could not reach the store.")
        elif j.outcome == AUDITOR_LOST:
            lines.append(f"{who}: the auditor could not finish the journey, at {j.reason} "
                         f"Not counted against the store; score {j.score} over the steps "
                         "before it.")
        elif j.abandoned_at is not None:
            left = j.steps[j.abandoned_at]
            why = _brief(left.reasons[0]) if left.reasons else j.reason
            moment = ", a moment of truth" if left.evidence.moment else ""
            lines.append(f"{who} left at step {j.abandoned_at + 1}, “{left.evidence.name}”"
                         f"{moment}, score {j.score}: {why}.")
        else:
            worst = min(j.steps, key=lambda s: (EMOTIONS.index(s.emotion), s.evidence.index),
                        default=None)
            hard = (f"; hardest step “{worst.evidence.name}” ({worst.emotion})"
                    if worst and EMOTIONS.index(worst.emotion) < EMOTIONS.index("neutral")
                    else "")
            lines.append(f"{who} {j.outcome}, score {j.score}{hard}.")
    return lines


def _brief(reason: str) -> str:
    """A reason without the lists it gives in brackets (the map has them): the verdict is
    read in ten seconds."""
    return re.sub(r" \([^()]*,[^()]*\)", "", reason)


def largest_gaps(run: RunResult, limit: int = TOP_FIXES) -> list[str]:
    """Where what each persona felt fell furthest below what the team expects (the ideal
    journey), one step a journey, moments of truth first among equal gaps."""
    gaps = []
    for j in run.journeys:
        if j.competitor or j.unreachable:
            continue
        mine: list[tuple[int, bool, str]] = []
        for s in j.steps:
            gap = EMOTIONS.index(s.evidence.expected) - EMOTIONS.index(s.emotion)
            if gap > 0 and not s.after_dropoff:
                mine.append((gap, s.evidence.moment, f"{j.persona.name}, step "
                             f"{s.evidence.index + 1} “{s.evidence.name}”"
                             f"{' (moment of truth)' if s.evidence.moment else ''}: expected "
                             f"{s.evidence.expected}, felt {s.emotion}"))
        gaps += sorted(mine, key=lambda g: (-g[0], not g[1]))[:1]
    gaps.sort(key=lambda g: (-g[0], not g[1]))
    return [said for _, _, said in gaps[:limit]]


def top_fixes(run: RunResult) -> list[Recommendation]:
    return run.recommendations[:TOP_FIXES]


def gates_line(run: RunResult) -> str:
    """The one count of what failed, said the same in every output: the gates, and the root
    causes (the failing test cases of junit.xml and ctrf.json, report/cases.py's rule)."""
    if not run.gates:
        return "All gates pass."
    causes = len(failing(run))
    return (f"{len(run.gates)} gate(s) failed on {causes} root cause(s)."
            if causes != len(run.gates) else f"{len(run.gates)} gate(s) failed.")
