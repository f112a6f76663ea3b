"""Fold several walks of one journey into one: each step's numbers are medians across walks,
then the folded evidence is judged once."""

from __future__ import annotations

import copy
from dataclasses import replace
from statistics import median

from auditor.judge.journey import judge_journey
from auditor.judge.stats import spread
from auditor.model import JourneyEvidence, JourneyResult, StepEvidence


def judge_walks(walks: list[JourneyEvidence]) -> JourneyResult:
    """One walk is judged as it is. Several: the median-scoring walk gives the shape (which
    steps there were), each step's wait and metrics are the medians of that step across the
    walks, and each step keeps its samples (metrics.wait_ms_runs) so that a comparison can
    tell a real change from noise. The journey keeps every walk's own score."""
    if len(walks) == 1:
        return judge_journey(walks[0])
    scores = [judge_journey(w).score for w in walks]
    shape = sorted(zip(scores, range(len(walks)), strict=True))[len(walks) // 2][1]
    folded = replace(walks[shape], steps=[_median_step(step, walks) for step in
                                          walks[shape].steps],
                     duration_ms=median(w.duration_ms for w in walks))
    judged = judge_journey(folded)
    judged.run_scores = scores
    return judged


def _median_step(step: StepEvidence, walks: list[JourneyEvidence]) -> StepEvidence:
    evidence = copy.deepcopy(step)
    same = [s for w in walks for s in w.steps if s.name == evidence.name]
    waits = [s.wait_ms for s in same]
    evidence.wait_ms = round(median(waits))
    for key, value in step.metrics.items():
        samples = [s.metrics[key] for s in same if isinstance(s.metrics.get(key), (int, float))]
        if isinstance(value, (int, float)) and samples:
            evidence.metrics[key] = round(median(samples), 4)
    evidence.metrics["runs"] = len(same)
    evidence.metrics["wait_ms_runs"] = [round(w) for w in waits]
    evidence.metrics["wait_ms_spread"] = spread(waits)
    return evidence
