"""Budget gates: rules a CI pipeline holds a store to, read from a YAML or JSON file.

    defaults: true          # no persona abandons and no step is angry
    rules:
      - {persona: novice-checkout, stage: purchase, min_emotion: neutral}
      - {persona: stressed-parent, step: Open the wooden toy train, max_wait_ms: 3000}
      - {outcome: completed}
      - {max_regression: 10}  # score points a journey may lose against --baseline
    lighthouse:             # Lighthouse CI assertions, checked with --lighthouse
      categories:performance: [error, {minScore: 0.9}]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditor.errors import ScenarioError, read_yaml
from auditor.judge.compare import MIN_RUNS, SIGNIFICANT
from auditor.judge.stats import mann_whitney_p
from auditor.judge.step import at_least
from auditor.model import EMOTIONS, GateFailure, JourneyResult, StepResult

RULE_KEYS = {"persona", "stage", "step", "min_emotion", "max_wait_ms", "outcome",
             "max_regression", "min_score"}
CHECKS = ("min_emotion", "max_wait_ms", "outcome", "max_regression", "min_score")
OUTCOMES = ("completed", "abandoned", "failed")


@dataclass(frozen=True)
class Budget:
    defaults: bool = True
    rules: tuple[dict[str, Any], ...] = field(default_factory=tuple)
    lighthouse: dict[str, Any] | None = None


def load_budget(path: Path) -> Budget:
    """Read and check a budget file; every mistake names the file and the key."""
    data = read_yaml(path, "budget file")
    if data is None:
        return Budget()
    if not isinstance(data, dict):
        raise ScenarioError(f"{path}: a budget file is a mapping with 'defaults' and 'rules'")
    unknown = set(data) - {"defaults", "rules", "lighthouse"}
    if unknown:
        raise ScenarioError(f"{path}: unknown key '{sorted(unknown)[0]}'; "
                            "use defaults, rules, lighthouse")
    if not isinstance(data.get("lighthouse") or {}, dict):
        raise ScenarioError(f"{path}: key 'lighthouse' must map Lighthouse CI assertions, "
                            'e.g. {"categories:performance": ["error", {"minScore": 0.9}]}')
    if not isinstance(data.get("defaults", True), bool):
        raise ScenarioError(f"{path}: key 'defaults' must be true or false")
    rules = data.get("rules") or []
    if not isinstance(rules, list):
        raise ScenarioError(f"{path}: key 'rules' must be a list")
    return Budget(data.get("defaults", True),
                  tuple(_rule(path, i, r) for i, r in enumerate(rules)), data.get("lighthouse"))


def _rule(path: Path, i: int, rule: Any) -> dict[str, Any]:
    where = f"{path}: rules[{i}]"
    if not isinstance(rule, dict):
        raise ScenarioError(f"{where} must be a mapping")
    unknown = set(rule) - RULE_KEYS
    if unknown:
        raise ScenarioError(f"{where}: unknown key '{sorted(unknown)[0]}'; "
                            f"known: {', '.join(sorted(RULE_KEYS))}")
    if not any(k in rule for k in CHECKS):
        raise ScenarioError(f"{where}: needs one of {', '.join(CHECKS)}")
    if "min_emotion" in rule and rule["min_emotion"] not in EMOTIONS:
        raise ScenarioError(f"{where}.min_emotion: '{rule['min_emotion']}' is not one of "
                            f"{', '.join(EMOTIONS)}")
    if "outcome" in rule and rule["outcome"] not in OUTCOMES:
        raise ScenarioError(f"{where}.outcome: use one of {', '.join(OUTCOMES)}")
    for key in ("max_wait_ms", "max_regression", "min_score"):
        if key in rule and (isinstance(rule[key], bool)
                            or not isinstance(rule[key], (int, float))):
            raise ScenarioError(f"{where}.{key}: must be a number")
    return dict(rule)


def evaluate(budget: Budget, journeys: list[JourneyResult],
             baseline: list[JourneyResult] | None = None) -> list[GateFailure]:
    """Every rule that did not hold, with where, what was measured and what was expected."""
    failures: list[GateFailure] = []
    rules = list(budget.rules)
    if budget.defaults:
        rules = [{"outcome": "completed", "_default": True},
                 {"min_emotion": "sad", "_default": True}] + rules
    for rule in rules:
        for journey in journeys:
            if rule.get("persona") not in (None, journey.persona.id):
                continue
            failures += _check(rule, journey, baseline or [])
    return failures


def _name(rule: dict[str, Any]) -> str:
    if rule.get("_default"):
        return ("default: no persona abandons" if "outcome" in rule
                else "default: no step is angry")
    return ", ".join(f"{k}={v}" for k, v in rule.items())


def _where(journey: JourneyResult, step: StepResult | None = None) -> str:
    site = f" on {journey.label or journey.site}"
    return journey.persona.id + site + (
        f", step {step.evidence.index + 1} '{step.evidence.name}'" if step else "")


def _steps(rule: dict[str, Any], journey: JourneyResult) -> list[StepResult]:
    return [s for s in journey.steps if not s.after_dropoff
            and rule.get("stage") in (None, s.evidence.stage)
            and rule.get("step") in (None, s.evidence.name)]


def _real(now: list[int], before: list[int]) -> bool:
    """With repeated runs on both sides, only a significant drop counts (Mann–Whitney)."""
    if len(now) < MIN_RUNS or len(before) < MIN_RUNS:
        return True
    return mann_whitney_p(now, before) < SIGNIFICANT


def _check(rule: dict[str, Any], journey: JourneyResult,
           baseline: list[JourneyResult]) -> list[GateFailure]:
    out: list[GateFailure] = []
    name = _name(rule)
    if "outcome" in rule and journey.outcome != rule["outcome"]:
        out.append(GateFailure(name, _where(journey), journey.outcome
                               + (f" ({journey.reason})" if journey.reason else ""),
                               rule["outcome"]))
    if "min_score" in rule and journey.score < rule["min_score"]:
        out.append(GateFailure(name, _where(journey), f"score {journey.score}",
                               f"at least {rule['min_score']}"))
    for step in _steps(rule, journey):
        if "min_emotion" in rule and not at_least(step.emotion, rule["min_emotion"]):
            out.append(GateFailure(name, _where(journey, step), step.emotion,
                                   f"at least {rule['min_emotion']}"))
        if "max_wait_ms" in rule and step.evidence.wait_ms > rule["max_wait_ms"]:
            out.append(GateFailure(name, _where(journey, step),
                                   f"waited {step.evidence.wait_ms:.0f} ms",
                                   f"at most {rule['max_wait_ms']} ms"))
    if "max_regression" in rule:
        before = next((b for b in baseline if b.persona.id == journey.persona.id), None)
        if before and before.score - journey.score > rule["max_regression"] and _real(
                journey.run_scores, before.run_scores):
            out.append(GateFailure(name, _where(journey),
                                   f"score {journey.score}, was {before.score}",
                                   f"a drop of at most {rule['max_regression']}"))
    return out


def lighthouse_failures(failed_assertions: list[dict[str, Any]]) -> list[GateFailure]:
    """Lighthouse CI's failed assertions (budget key `lighthouse`) as gates."""
    return [GateFailure(f"lighthouse: {a.get('auditId') or a.get('name')} ({a.get('name')})",
                        a.get("url", ""), f"{a.get('actual')}",
                        f"{a.get('operator', '')} {a.get('expected')}".strip())
            for a in failed_assertions]
