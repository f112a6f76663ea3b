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
              competitor: tuple[str, str] | None = None,
              lighthouse_failed: list[dict[str, Any]] | None = None) -> RunResult:
    """Fill `run` with its judged journeys (one per list of walks of the same journey), the
    to-do list, the comparisons and the gates. `competitor`: the labels of the audited
    store and the store it is compared with."""
    run.journeys = [judge_walks(w) for w in walks if w]
    run.recommendations = recommend(run.journeys)
    pairs: list[dict[str, Any]] = []
    if competitor:
        mine = [j for j in run.journeys if j.label == competitor[0]]
        theirs = [j for j in run.journeys if j.label == competitor[1]]
        pairs += compare.compare(mine, theirs, "competitor")
    if baseline:
        pairs += compare.compare(run.journeys, baseline.journeys, "baseline")
    run.comparison = pairs or None
    run.gates = []
    if budget is not None:
        run.gates = gates.evaluate(budget, run.journeys,
                                   baseline.journeys if baseline else None)
    run.gates += gates.lighthouse_failures(lighthouse_failed or [])
    return run


def evidence_of(journey: JourneyResult) -> JourneyEvidence:
    """The evidence a judged journey was judged from, as saved in results.json."""
    return JourneyEvidence(journey.persona, journey.site,
                           [step.evidence for step in journey.steps], journey.duration_ms,
                           journey.label, journey.interrupted)


def judgement_of(saved: RunResult, budget: gates.Budget | None = None,
                 baseline: RunResult | None = None) -> RunResult:
    """A saved run judged again from its evidence alone."""
    again = replace(saved, journeys=[], recommendations=[], gates=[], comparison=None)
    judge_run(again, [[evidence_of(j)] for j in saved.journeys], budget=budget,
              baseline=baseline)
    for judged, before in zip(again.journeys, saved.journeys, strict=True):
        judged.run_scores = before.run_scores
    return again
