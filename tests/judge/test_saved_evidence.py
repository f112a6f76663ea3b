"""Judging saved evidence gives what the live run said: the three stories on the demo store
(flawed and well-made), saved by `auditor demo`, judged again with no browser."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.judge import gates, judgement_of
from auditor.model import RunResult
from auditor.report import load_results

DATA = Path(__file__).resolve().parent.parent / "data"
# demo-schema-1.json: `make demo` before the gather → judge → report split (schema 1);
# demo-schema-2.json: `make demo` after it. Both hold live runs of every built-in persona.
SAVED = sorted(DATA.glob("demo-schema-*.json"))


def _verdicts(run: RunResult) -> dict:
    """Scores, emotions, outcomes and gates: what a judged run promises."""
    return {
        "journeys": [(j.persona.id, j.label, j.outcome, j.abandoned_at, j.score,
                      [(s.score, s.emotion, s.after_dropoff, [(f.id, f.severity) for f in
                                                               s.findings])
                       for s in j.steps]) for j in run.journeys],
        "gates": [(g.rule, g.where, g.expected) for g in run.gates],
    }


def _words(run: RunResult) -> dict:
    """Everything else the judge says: reasons, findings' words, the to-do list."""
    return {
        "steps": [(j.reason, [(s.reasons, [(f.message, f.reference) for f in s.findings])
                              for s in j.steps]) for j in run.journeys],
        "recommendations": [(r.finding, r.title, r.impact, r.personas, r.steps, r.severity)
                            for r in run.recommendations],
        "gates": [g.measured for g in run.gates],
    }


# Said when the newest saved run is judged otherwise now: a judgement changed on purpose is
# written back by `make golden` (scripts/golden.py) and its diff reviewed.
REFRESH = (f"{SAVED[-1].name} is judged otherwise now; if that change is intended, run "
           "`make golden` and review `git diff tests/data`")


@pytest.mark.parametrize("path", SAVED, ids=lambda p: p.stem)
def test_saved_evidence_judged_again_gives_the_live_verdicts(path: Path):
    saved = load_results(path)
    assert _verdicts(judgement_of(saved, gates.Budget())) == _verdicts(saved), REFRESH


def test_the_current_schema_gives_the_live_run_word_for_word():
    """The newest saved run was judged by this very code: its words must match too (the
    older one's may differ where the words were improved since)."""
    saved = load_results(SAVED[-1])
    assert _words(judgement_of(saved, gates.Budget())) == _words(saved), REFRESH


def test_the_saved_runs_hold_the_three_stories():
    outcomes = {(j.persona.id, j.label): (j.outcome, j.abandoned_at)
                for j in load_results(SAVED[-1]).journeys}
    assert outcomes[("stressed-parent", "flawed store")] == ("abandoned", 3)
    assert outcomes[("novice-checkout", "flawed store")] == ("abandoned", 8)
    assert {outcomes[(p, "well-made store")][0] for p in
            ("delighted-shopper", "stressed-parent", "novice-checkout")} == {"completed"}
