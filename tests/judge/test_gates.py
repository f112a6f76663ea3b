from pathlib import Path

import pytest

from auditor.errors import ScenarioError
from auditor.judge import gates
from auditor.model import JourneyResult, Persona, StepEvidence, StepResult
from auditor.scenario import load_journeys


def journey(emotions, outcome="completed", score=80, pid="novice-checkout"):
    steps = [StepResult(StepEvidence(i, f"step {i}", "purchase", "visit", wait_ms=1000 * i),
                        50, e, ["r"], [], 0) for i, e in enumerate(emotions)]
    return JourneyResult(Persona(pid, "T"), "http://x", outcome, None, "", score, steps)


def test_defaults_catch_abandonment_and_angry_steps():
    failures = gates.evaluate(gates.Budget(), [journey(["happy", "angry"], "abandoned")])
    assert [f.rule for f in failures] == ["default: no persona abandons",
                                          "default: no step is angry"]
    assert "step 2 'step 1'" in failures[1].where and failures[1].measured == "angry"


def test_rules_on_stage_emotion_wait_and_regression(tmp_path: Path):
    path = tmp_path / "budget.yaml"
    path.write_text("defaults: false\nrules:\n"
                    "  - {persona: novice-checkout, stage: purchase, min_emotion: neutral}\n"
                    "  - {max_wait_ms: 1500}\n  - {max_regression: 10}\n")
    budget = gates.load_budget(path)
    failures = gates.evaluate(budget, [journey(["happy", "sad", "happy"], score=60)],
                              [journey(["happy"], score=90)])
    assert {f.measured for f in failures} == {"sad", "waited 2000 ms", "score 60, was 90"}


@pytest.mark.parametrize("text, message", [
    ("rules: [{max_wait: 3}]", r"rules\[0\]: unknown key 'max_wait'"),
    ("rules: [{min_emotion: ecstatic}]", r"rules\[0\].min_emotion"),
    ("rules: {a: 1}", "key 'rules' must be a list"),
    ("rules: [\n  {a: 1", r"budget.yaml:\d+: invalid budget file"),
])
def test_broken_budget_names_file_and_key(tmp_path, text, message):
    path = tmp_path / "budget.yaml"
    path.write_text(text)
    with pytest.raises(ScenarioError, match=message):
        gates.load_budget(path)


def test_rules_hold_the_audited_store_and_the_competitor_only_when_named():
    ours = journey(["happy"])
    theirs = journey(["angry"], "abandoned")
    assert gates.evaluate(gates.Budget(), [ours], None, [theirs]) == []
    named = gates.Budget(defaults=False, rules=({"store": "competitor", "outcome": "completed"},))
    [failure] = gates.evaluate(named, [ours], None, [theirs])
    assert failure.measured == "abandoned"


@pytest.mark.parametrize("rule, words", [
    ({"step": "Place the ordr", "max_wait_ms": 1}, "rules[0].step: 'Place the ordr' matches "
                                                   "no step of the journeys; closest: "
                                                   "'Place the order'"),
    ({"stage": "checkout", "min_emotion": "sad"}, "rules[0].stage: 'checkout'"),
    ({"persona": "stresed-parent", "outcome": "completed"}, "closest: 'stressed-parent'"),
    ({"persona": "stressed-parent", "step": "Type his details and card", "max_wait_ms": 1},
     "rules[0].step"),  # a step of another persona's journey
])
def test_a_rule_that_matches_nothing_is_a_mistake_naming_the_closest(rule, words):
    journeys = load_journeys()
    with pytest.raises(ScenarioError) as caught:
        gates.check_rules(gates.Budget(rules=(rule,)), list(journeys.values()), Path("b.yaml"))
    assert words in str(caught.value)


def test_rules_that_match_pass_the_check_retries_included():
    journeys = list(load_journeys().values())
    rules = ({"persona": "novice-checkout", "step": "Place the order (attempt 3)",
              "min_emotion": "sad"}, {"stage": "retention", "min_emotion": "sad"},
             {"outcome": "completed"})
    gates.check_rules(gates.Budget(rules=rules), journeys, Path("b.yaml"))
