"""--runs: medians across repeated journeys, and baselines that ignore one noisy run."""

import json
import subprocess
import sys

import pytest

from auditor.judge import compare, gates
from auditor.judge.journey import judge_journey
from auditor.judge.repeat import judge_walks
from auditor.model import JourneyEvidence, Persona, StepEvidence

PERSONA = Persona("p", "P", patience_fine_ms=1000, patience_poor_ms=3000, tolerance=4)


def journey(waits):
    return JourneyEvidence(PERSONA, "http://x", [
        StepEvidence(i, f"step {i}", "consideration", "visit", wait_ms=wait, navigation="hard",
                     metrics={"lcp_ms": wait}) for i, wait in enumerate(waits)])


def test_median_journey_takes_each_steps_median_and_keeps_samples():
    runs = [journey([500, 900]), journey([520, 5000]), journey([480, 950])]
    folded = judge_walks(runs)
    step = folded.steps[1]
    assert step.evidence.wait_ms == 950
    assert step.evidence.metrics["wait_ms_runs"] == [900, 5000, 950]
    assert step.evidence.metrics["lcp_ms"] == 950
    assert step.emotion == "happy"  # judged again on the median, not the outlier
    assert folded.run_scores == [judge_journey(j).score for j in runs]


def test_baseline_verdict_needs_significance_with_repeated_runs():
    before = judge_walks([journey([500]) for _ in range(5)])
    noisy = judge_walks([journey([w]) for w in (498, 507, 4000, 501, 499)])
    slower = judge_walks([journey([w]) for w in (2900, 3000, 3100, 2950, 3050)])
    assert compare.compare([noisy], [before], "baseline")[0]["steps"][0]["verdict"] == "same"
    row = compare.compare([slower], [before], "baseline")[0]["steps"][0]
    assert row["verdict"] == "worse" and row["wait_p_value"] < 0.05


def test_regression_gate_ignores_one_noisy_run_but_catches_a_real_drop():
    budget = gates.Budget(defaults=False, rules=({"max_regression": 5},))
    before = judge_walks([journey([500, 500]) for _ in range(5)])
    noisy = judge_walks([journey(w) for w in ([500, 500], [500, 9000], [500, 500],
                                                  [500, 500], [9000, 500])])
    slower = judge_walks([journey([3500, 3500]) for _ in range(5)])
    assert gates.evaluate(budget, [noisy], [before]) == []
    assert len(gates.evaluate(budget, [slower], [before])) == 1


@pytest.mark.parametrize("runs", [1, 3])
def test_a_real_drop_fails_at_the_run_counts_people_use(runs):
    """Below four runs a side no test can tell noise from change: the medians decide."""
    budget = gates.Budget(defaults=False, rules=({"max_regression": 10},))
    before = judge_walks([journey([500, 500]) for _ in range(runs)])
    same = judge_walks([journey([500, 500]) for _ in range(runs)])
    dropped = judge_walks([journey([9000, 9000]) for _ in range(runs)])
    assert before.score - dropped.score > 60
    assert gates.evaluate(budget, [same], [before]) == []
    failed = gates.evaluate(budget, [dropped], [before])
    assert len(failed) == 1
    if runs > 1:
        assert "too few runs to tell noise from change (4 a side needed)" in failed[0].measured


def test_runs_flag_reports_medians_end_to_end(demo_store, tmp_path):
    scenarios = tmp_path / "s"
    scenarios.mkdir()
    (scenarios / "g.yaml").write_text("persona: {id: glance, name: Gil}\njourney: [visit]\n")
    store = demo_store()
    done = subprocess.run([sys.executable, "-m", "auditor", "run", store.url, "--persona",
                           "glance", "--scenarios", str(scenarios), "--runs", "3", "--quiet",
                           "--out", str(tmp_path / "o")], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    results = json.loads((tmp_path / "o" / "results.json").read_text())
    step = results["journeys"][0]["steps"][0]
    assert step["metrics"]["runs"] == 3 and len(step["metrics"]["wait_ms_runs"]) == 3
    assert len(results["journeys"][0]["run_scores"]) == 3
