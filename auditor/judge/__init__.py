"""Judge: pure functions from evidence (and persona) to scores, emotions, findings, outcomes,
recommendations, comparisons and gates. Nothing here touches a browser, so a saved results
file is judged again with the very same code (`judgement_of`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from auditor.judge import compare, gates
from auditor.judge.recommendations import recommend
from auditor.judge.repeat import judge_walks
from auditor.model import JourneyEvidence, JourneyResult, RunResult


def judge_run(run: RunResult, walks: list[list[JourneyEvidence]], *,
              budget: gates.Budget | None = None, baseline: RunResult | None = None,
              lighthouse_failed: list[dict[str, Any]] | None = None) -> RunResult:
    """Fill `run` with its judged journeys (one per list of walks of the same journey), the
    to-do list, the comparisons and the gates.

    A competitor's journeys (--compare) are context: they are compared with, but the to-do
    list is the audited store's, and gates hold the audited store unless a rule names the
    competitor (`store: competitor`)."""
    run.journeys = [judge_walks(w) for w in walks if w]
    mine = [j for j in run.journeys if not j.competitor]
    theirs = [j for j in run.journeys if j.competitor]
    before = [j for j in baseline.journeys if not j.competitor] if baseline else []
    run.recommendations = recommend(mine)
    pairs: list[dict[str, Any]] = []
    if theirs:
        pairs += compare.compare(mine, theirs, "competitor")
    if before:
        pairs += compare.compare(mine, before, "baseline")
    run.comparison = pairs or None
    run.gates = []
    if budget is not None:
        run.gates = gates.evaluate(budget, mine, before, theirs)
    run.gates += gates.lighthouse_failures(lighthouse_failed or [])
    return run


def evidence_of(journey: JourneyResult) -> JourneyEvidence:
    """The evidence a judged journey was judged from, as saved in results.json."""
    return JourneyEvidence(journey.persona, journey.site,
                           [step.evidence for step in journey.steps], journey.duration_ms,
                           journey.label, journey.interrupted, journey.competitor)


def judgement_of(saved: RunResult, budget: gates.Budget | None = None,
                 baseline: RunResult | None = None) -> RunResult:
    """A saved run judged again from its evidence alone."""
    again = replace(saved, journeys=[], recommendations=[], gates=[], comparison=None)
    judge_run(again, [[evidence_of(j)] for j in saved.journeys], budget=budget,
              baseline=baseline)
    for judged, before in zip(again.journeys, saved.journeys, strict=True):
        judged.run_scores = before.run_scores
    return again
