"""Which test case fails, decided once for junit.xml, ctrf.json and summary.md.

A journey is a suite, each step a case, with a `journey` case where a journey-wide gate
(outcome, score, regression) failed. A case fails only where a gate failed on it, so a run
that exits 0 has no failing case; a step that fails for the same cause (the same finding) as
an earlier step passes and points at it; steps never tried are skipped, and so are steps the
auditor could not perform (it found no control it needed: the tool's failure, not the
store's) and the failures that followed, and steps measured after the persona left (with a
note). Gates that hold no journey of the run (Lighthouse's) are the cases of a suite of
their own. Durations add up: a case's time is the persona's time on the step, a suite's the
sum of its cases, the run's the sum of its suites (the personas' time: journeys that ran side
by side add up to more than the run's wall clock, which ctrf.json gives beside it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from auditor.model import GateFailure, JourneyResult, RunResult, StepResult

OTHER_GATES = "other gates"


@dataclass
class Case:
    name: str
    status: str  # passed, failed or skipped
    message: str  # why, in a line: the gates it failed, or how the persona felt
    ms: float = 0
    kind: str = "gate"  # a failure's kind: "gate", or "unreachable" for the store
    detail: str = ""  # a failure's evidence: the findings on the step
    step: StepResult | None = None

    @property
    def screenshot(self) -> str:
        """A failing step's screenshot (its path in the report folder), attached in
        junit.xml and ctrf.json; "" for any other case."""
        if self.status != "failed" or self.step is None:
            return ""
        return self.step.evidence.screenshot or ""


@dataclass
class Suite:
    name: str
    classname: str
    cases: list[Case] = field(default_factory=list)
    journey: JourneyResult | None = None  # None: the suite of other gates

    @property
    def failed(self) -> int:
        return sum(c.status == "failed" for c in self.cases)

    @property
    def ms(self) -> float:
        return sum(c.ms for c in self.cases)


def suites(run: RunResult) -> list[Suite]:
    """Every suite of the run, journeys in order, then the gates on no journey."""
    keys = {j.key for j in run.journeys}
    out = [_journey_suite(j, [g for g in run.gates if g.journey == j.key])
           for j in run.journeys]
    elsewhere = [g for g in run.gates if g.journey not in keys]
    if elsewhere:
        out.append(Suite(OTHER_GATES, "gates", [Case(f"{g.rule} @ {g.where}", "failed",
                                                     said(g)) for g in elsewhere]))
    return out


def failing(run: RunResult) -> list[tuple[Suite, Case]]:
    """The failing cases, with their suites: what a CI system counts as failures."""
    return [(suite, case) for suite in suites(run) for case in suite.cases
            if case.status == "failed"]


def said(*gates: GateFailure) -> str:
    return "; ".join(f"{g.rule}: measured {g.measured}, expected {g.expected}" for g in gates)


def _journey_suite(j: JourneyResult, gates: list[GateFailure]) -> Suite:
    suite = Suite(f"{j.persona.id} @ {j.label or j.site}", f"{j.label or j.site}.{j.persona.id}",
                  journey=j)
    first_of_cause: dict[str, int] = {}
    lost_at = next((s.evidence.index for s in j.steps if s.evidence.lost), len(j.steps))
    for s in j.steps:
        ev = s.evidence
        case = Case(f"{ev.index + 1:02d} {ev.name}", "passed",
                    f"{s.emotion} ({s.score}): " + "; ".join(s.reasons),
                    ev.duration_ms or ev.wait_ms + ev.typing_ms, step=s)
        on_step = [g for g in gates if g.step == ev.index]
        cause = next((g.cause for g in on_step if g.cause), "")
        if j.unreachable and ev.index == 0:
            case.status, case.kind = "failed", "unreachable"
            case.message = f"could not reach the store: {ev.error}"
        elif j.unreachable or ev.status == "skipped":
            case.status, case.message = "skipped", ev.error or "not tried"
        elif ev.status == "failed" and ev.index >= lost_at:
            case.status, case.message = "skipped", f"the auditor was lost: {ev.error}"
        elif s.after_dropoff:  # she never lived it: measured, not a test of her journey
            case.status = "skipped"
            case.message = (f"measured after {j.persona.name} left, for completeness: "
                            f"{case.message}")
        elif on_step and cause in first_of_cause:
            case.message = (f"same cause ({cause}) as step {first_of_cause[cause] + 1}: "
                            f"{case.message}")
        elif on_step:
            if cause:
                first_of_cause[cause] = ev.index
            case.status, case.message = "failed", said(*on_step)
            case.detail = "\n".join(f"[{f.severity}] {f.message}" for f in s.findings)
        suite.cases.append(case)
    journey_wide = [g for g in gates if g.step is None]
    if journey_wide:
        suite.cases.append(Case("journey", "failed", said(*journey_wide)))  # takes no time
    return suite
