"""Fold several runs of one journey into one: each step's numbers are medians across runs."""

from __future__ import annotations

import copy
from statistics import median

from auditor import scoring
from auditor.model import JourneyResult
from auditor.runner import conclude
from auditor.stats import spread


def median_journey(runs: list[JourneyResult]) -> JourneyResult:
    """The median-scoring run as the shape, with every step's wait and metrics as medians.

    Each step keeps its samples (metrics.wait_ms_runs) so that a later comparison can test
    whether a change is real, and the steps are judged again on the median evidence.
    """
    if len(runs) == 1:
        return runs[0]
    shape = sorted(runs, key=lambda j: j.score)[len(runs) // 2]
    result = JourneyResult(shape.persona, shape.site, "completed", None, "", 0, [],
                           median(j.duration_ms for j in runs), shape.label,
                           run_scores=[j.score for j in runs])
    for step in shape.steps:
        evidence = copy.deepcopy(step.evidence)
        same = [s.evidence for j in runs for s in j.steps if s.evidence.name == evidence.name]
        waits = [e.wait_ms for e in same]
        evidence.wait_ms = median(waits)
        for key, value in step.evidence.metrics.items():
            samples = [e.metrics[key] for e in same
                       if isinstance(e.metrics.get(key), (int, float))]
            if isinstance(value, (int, float)) and samples:
                evidence.metrics[key] = round(median(samples), 4)
        evidence.metrics["runs"] = len(same)
        evidence.metrics["wait_ms_runs"] = [round(w) for w in waits]
        evidence.metrics["wait_ms_spread"] = spread(waits)
        scoring.add_step(result, evidence)
    conclude(result)
    return result
