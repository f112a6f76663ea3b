"""Budget gates: rules a CI pipeline holds a store to, read from a YAML or JSON file.

    defaults: true          # no persona abandons and no step is angry
    rules:
      - {persona: novice-checkout, stage: purchase, min_emotion: neutral}
      - {persona: stressed-parent, step: Open the wooden toy train, max_wait_ms: 3000}
      - {outcome: completed}
      - {max_regression: 10}  # score points a journey may lose against --baseline
      - {max_axe: moderate}   # the worst axe-core impact a page she saw may have
      - {store: competitor, outcome: completed}  # rules hold the audited store unless so
    lighthouse:             # Lighthouse CI assertions, checked with --lighthouse
      categories:performance: [error, {minScore: 0.9}]
    auditor_lost: fail      # a journey the auditor could not finish fails (default: pass)

A journey the auditor could not finish (it found no control it needed) holds the store to
nothing from the step where it was lost: the store's outcome, score and regression are
unknown, so those rules pass it by, unless `auditor_lost: fail`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import get_close_matches
from pathlib import Path
from statistics import median
from typing import Any

from auditor.errors import ScenarioError, read_yaml
from auditor.judge.findings import KINDS, SEVERITIES
from auditor.judge.stats import SIGNIFICANT, TESTABLE_RUNS, mann_whitney_p
from auditor.judge.step import at_least
from auditor.model import (
    AUDITOR_LOST,
    AXE_IMPACTS,
    EMOTIONS,
    GateFailure,
    Journey,
    JourneyResult,
    StepResult,
)

RULE_KEYS = {"persona", "stage", "step", "store", "min_emotion", "max_wait_ms", "outcome",
             "max_regression", "min_score", "max_axe"}
STORES = ("audited", "competitor")
CHECKS = ("min_emotion", "max_wait_ms", "outcome", "max_regression", "min_score", "max_axe")
OUTCOMES = ("completed", "abandoned", "failed")
# Lighthouse CI's assertions when a budget names none (--lighthouse): its "poor" bands,
# performance below 0.5 and LCP past the slow-lcp finding's limit (Core Web Vitals).
LIGHTHOUSE_DEFAULTS: dict[str, Any] = {
    "categories:performance": ["error", {"minScore": 0.5}],
    "largest-contentful-paint": ["error", {"maxNumericValue": KINDS["slow-lcp"].major}],
}


@dataclass(frozen=True)
class Budget:
    defaults: bool = True
    rules: tuple[dict[str, Any], ...] = field(default_factory=tuple)
    lighthouse: dict[str, Any] | None = None
    auditor_lost: str = "pass"  # "fail": a journey the auditor could not finish fails


def load_budget(path: Path) -> Budget:
    """Read and check a budget file; every mistake names the file and the key."""
    data = read_yaml(path, "budget file")
    if data is None:
        return Budget()
    if not isinstance(data, dict):
        raise ScenarioError(f"{path}: a budget file is a mapping with 'defaults' and 'rules'")
    unknown = set(data) - {"defaults", "rules", "lighthouse", "auditor_lost"}
    if unknown:
        raise ScenarioError(f"{path}: unknown key '{sorted(unknown)[0]}'; "
                            "use defaults, rules, lighthouse, auditor_lost")
    if data.get("auditor_lost", "pass") not in ("pass", "fail"):
        raise ScenarioError(f"{path}: key 'auditor_lost' must be pass or fail")
    if not isinstance(data.get("lighthouse") or {}, dict):
        raise ScenarioError(f"{path}: key 'lighthouse' must map Lighthouse CI assertions, "
                            'e.g. {"categories:performance": ["error", {"minScore": 0.9}]}')
    if not isinstance(data.get("defaults", True), bool):
        raise ScenarioError(f"{path}: key 'defaults' must be true or false")
    rules = data.get("rules") or []
    if not isinstance(rules, list):
        raise ScenarioError(f"{path}: key 'rules' must be a list")
    return Budget(data.get("defaults", True),
                  tuple(_rule(path, i, r) for i, r in enumerate(rules)), data.get("lighthouse"),
                  data.get("auditor_lost", "pass"))


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
    if "max_axe" in rule and rule["max_axe"] not in AXE_IMPACTS:
        raise ScenarioError(f"{where}.max_axe: '{rule['max_axe']}' is not one of "
                            f"{', '.join(AXE_IMPACTS)}")
    if rule.get("store", "audited") not in STORES:
        raise ScenarioError(f"{where}.store: use one of {', '.join(STORES)}")
    if "outcome" in rule and rule["outcome"] not in OUTCOMES:
        raise ScenarioError(f"{where}.outcome: use one of {', '.join(OUTCOMES)}")
    for key in ("max_wait_ms", "max_regression", "min_score"):
        if key in rule and (isinstance(rule[key], bool)
                            or not isinstance(rule[key], (int, float))):
            raise ScenarioError(f"{where}.{key}: must be a number")
    return dict(rule)


def evaluate(budget: Budget, journeys: list[JourneyResult],
             baseline: list[JourneyResult] | None = None,
             competitor: list[JourneyResult] | None = None) -> list[GateFailure]:
    """Every rule that did not hold, with where, what was measured and what was expected.
    Rules (the defaults among them) hold the audited store's journeys; a rule with
    `store: competitor` holds the competitor's instead."""
    failures: list[GateFailure] = []
    rules = list(budget.rules)
    if budget.defaults:
        rules = [{"outcome": "completed", "_default": True},
                 {"min_emotion": "sad", "_default": True}] + rules
    for rule in rules:
        held = (competitor or []) if rule.get("store") == "competitor" else journeys
        for journey in held:
            if rule.get("persona") not in (None, journey.persona.id):
                continue
            failures += _check(rule, journey, baseline or [])
    if budget.auditor_lost == "fail":
        failures += [GateFailure("auditor_lost: fail", _where(j, None), f"the auditor was lost: "
                                 f"{j.reason}", "every journey walked to its end", j.key)
                     for j in journeys if j.outcome == AUDITOR_LOST]
    return failures


def check_rules(budget: Budget, journeys: list[Journey], path: Path) -> None:
    """Every rule must name personas, stages and steps the journeys have: a misspelt name
    would switch its gate off without a word. A mistake names the rule and the closest
    names that exist."""
    for i, rule in enumerate(budget.rules):
        where = f"{path}: rules[{i}]"
        chosen = [j for j in journeys if rule.get("persona") in (None, j.persona.id)]
        if not chosen:
            _no_such(where, "persona", rule["persona"], [j.persona.id for j in journeys])
        if "stage" in rule:
            stages = [s.stage for j in chosen for s in j.steps]
            if rule["stage"] not in stages:
                _no_such(where, "stage", rule["stage"], stages)
        if "step" in rule:
            names = [s.named(n) for j in chosen for s in j.steps
                     if rule.get("stage") in (None, s.stage) for n in range(1, s.attempts + 1)]
            if rule["step"] not in names:
                _no_such(where, "step", rule["step"], names)


def _no_such(where: str, key: str, value: Any, known: list[str]) -> None:
    known = list(dict.fromkeys(known))
    close = get_close_matches(str(value), known, n=3, cutoff=0.4) or known[:5]
    raise ScenarioError(f"{where}.{key}: '{value}' matches no {key} of the journeys; "
                        f"closest: {', '.join(repr(c) for c in close)}")


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
    """The steps a rule holds: those she lived, up to where the auditor was lost."""
    lost = next((s.evidence.index for s in journey.steps if s.evidence.lost), None)
    return [s for s in journey.steps if not s.after_dropoff
            and (lost is None or s.evidence.index < lost)
            and rule.get("stage") in (None, s.evidence.stage)
            and rule.get("step") in (None, s.evidence.name)]


def regression(now: JourneyResult, before: JourneyResult,
               allowed: float) -> tuple[bool, str]:
    """Whether the journey's score dropped by more than `allowed` points against the
    baseline, and the verdict in words.

    The drop is that of the median score over the runs of each side. From TESTABLE_RUNS runs
    a side it must also be real: a one-sided exact Mann–Whitney test (is this run lower?)
    below SIGNIFICANT, so that one noisy run does not fail a build. With fewer runs no test
    can tell noise from change, so the medians decide, and the verdict says so.
    """
    scores, was = now.run_scores or [now.score], before.run_scores or [before.score]
    drop = median(was) - median(scores)
    said = (f"score {now.score}, was {before.score}" if len(scores) == len(was) == 1 else
            f"median score {median(scores):g} over {len(scores)} run(s), "
            f"was {median(was):g} over {len(was)} run(s)")
    if drop <= allowed:
        return False, said
    if len(scores) == len(was) == 1:
        return True, said
    if min(len(scores), len(was)) < TESTABLE_RUNS:
        return True, (f"{said}; too few runs to tell noise from change "
                      f"({TESTABLE_RUNS} a side needed), so the medians decide")
    p_value = mann_whitney_p(scores, was, lower=True)
    return p_value < SIGNIFICANT, f"{said}; one-sided Mann–Whitney p = {p_value:.3f}"


def _check(rule: dict[str, Any], journey: JourneyResult,
           baseline: list[JourneyResult]) -> list[GateFailure]:
    out: list[GateFailure] = []

    def fail(measured: str, expected: str, step: StepResult | None = None,
             cause: str = "") -> None:
        out.append(GateFailure(_name(rule), _where(journey, step), measured, expected,
                               journey.key, step.evidence.index if step else None,
                               cause or (_cause(step) if step else "")))

    known = journey.outcome != AUDITOR_LOST  # else the store's outcome and score are not
    if "outcome" in rule and known and journey.outcome != rule["outcome"]:
        fail(_outcome(journey), rule["outcome"])
    if "min_score" in rule and known and journey.score < rule["min_score"]:
        fail(f"score {journey.score}", f"at least {rule['min_score']}")
    for step in _steps(rule, journey):
        if "min_emotion" in rule and not at_least(step.emotion, rule["min_emotion"]):
            fail(step.emotion, f"at least {rule['min_emotion']}", step)
        if "max_wait_ms" in rule and step.evidence.wait_ms > rule["max_wait_ms"]:
            fail(f"waited {step.evidence.wait_ms:.0f} ms", f"at most {rule['max_wait_ms']} ms",
                 step)
        allowed = AXE_IMPACTS.index(rule.get("max_axe", AXE_IMPACTS[-1]))
        for v in step.evidence.axe or []:
            if AXE_IMPACTS.index(v.impact) > allowed:  # one root cause per rule broken
                fail(f"axe {v.rule} ({v.impact}, WCAG {', '.join(v.criteria) or '-'})",
                     f"at most {rule['max_axe']}", step, cause=f"axe {v.rule}")
    before = next((b for b in baseline if b.persona.id == journey.persona.id), None)
    if "max_regression" in rule and before and known:
        regressed, said = regression(journey, before, rule["max_regression"])
        if regressed:
            fail(said, f"a drop of at most {rule['max_regression']}")
    return out


def _outcome(journey: JourneyResult) -> str:
    """How the journey ended, in a few words: why she left is said once, in the verdict."""
    if journey.abandoned_at is not None:
        step = journey.steps[journey.abandoned_at].evidence
        return f"abandoned at step {step.index + 1} “{step.name}”"
    return journey.outcome + (f" ({journey.reason})" if journey.reason else "")


def _cause(step: StepResult) -> str:
    """What steps failing for the same reason share: the failed step that came first on the
    page, or else the finding that weighs most on the step."""
    if step.evidence.status == "failed":
        root = step.caused_by if step.caused_by is not None else step.evidence.index
        return f"step {root + 1} failed"
    weighed = [f for f in step.findings if f.severity in SEVERITIES]
    worst = max(weighed, key=lambda f: SEVERITIES.index(f.severity), default=None)
    return worst.id if worst else ""


def lighthouse_failures(failed_assertions: list[dict[str, Any]]) -> list[GateFailure]:
    """Lighthouse CI's failed assertions (budget key `lighthouse`) as gates."""
    return [GateFailure(f"lighthouse: {a.get('auditId') or a.get('name')} ({a.get('name')})",
                        a.get("url", ""), f"{a.get('actual')}",
                        f"{a.get('operator', '')} {a.get('expected')}".strip())
            for a in failed_assertions]
