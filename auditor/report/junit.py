"""junit.xml: a testsuite for each journey, a testcase for each step; it follows the gates.

A step fails in JUnit only where a gate failed on it, so a run that exits 0 has no failing
testcase; steps that fail for the same reason (the same finding) fail once, and the others
point at the first. Journey-wide gates (outcome, score, regression) are a testcase of their
journey, Lighthouse's a suite of their own. Steps after a persona left pass with a note
(measured for completeness); steps never tried are skipped.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from auditor.model import GateFailure, JourneyResult, RunResult

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _x(text: object) -> str:
    """XML 1.0 cannot carry control characters even escaped; drop them."""
    return _CONTROL.sub("", str(text))


def render_junit(run: RunResult) -> str:
    root = ET.Element("testsuites", name="journey-auditor")
    for j in run.journeys:
        _journey_suite(root, j, [g for g in run.gates if g.journey == j.key])
    elsewhere = [g for g in run.gates if g.journey not in {j.key for j in run.journeys}]
    if elsewhere:
        suite = ET.SubElement(root, "testsuite", name="other gates",
                              tests=str(len(elsewhere)), failures=str(len(elsewhere)))
        for g in elsewhere:
            case = ET.SubElement(suite, "testcase", classname="gates",
                                 name=_x(f"{g.rule} @ {g.where}"))
            _fail(case, g)
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode")


def _journey_suite(root: ET.Element, j: JourneyResult, gates: list[GateFailure]) -> None:
    classname = _x(f"{j.label or j.site}.{j.persona.id}")
    suite = ET.SubElement(root, "testsuite", name=_x(f"{j.persona.id} @ {j.label or j.site}"),
                          time=f"{j.duration_ms / 1000:.3f}")
    failures = skipped = 0
    first_of_cause: dict[str, int] = {}
    for s in j.steps:
        ev = s.evidence
        seconds = (ev.duration_ms or ev.wait_ms + ev.typing_ms) / 1000
        case = ET.SubElement(suite, "testcase", classname=classname,
                             name=_x(f"{ev.index + 1:02d} {ev.name}"), time=f"{seconds:.3f}")
        on_step = [g for g in gates if g.step == ev.index]
        detail = _x(f"{s.emotion} ({s.score}): " + "; ".join(s.reasons))
        if j.unreachable or ev.status == "skipped":
            if ev.index == 0 and j.unreachable:
                failures += 1
                ET.SubElement(case, "failure", type="unreachable",
                              message=_x(f"could not reach the store: {ev.error}")[:500])
            else:
                skipped += 1
                ET.SubElement(case, "skipped", message=_x(ev.error or "not tried"))
            continue
        if s.after_dropoff:
            ET.SubElement(case, "system-out").text = _x(
                f"measured after {j.persona.name} left, for completeness: {detail}")
            continue
        cause = next((g.cause for g in on_step if g.cause), "")
        if on_step and cause in first_of_cause:
            ET.SubElement(case, "system-out").text = _x(
                f"same cause ({cause}) as step {first_of_cause[cause] + 1}: {detail}")
        elif on_step:
            failures += 1
            if cause:
                first_of_cause[cause] = ev.index
            _fail(case, *on_step, text="\n".join(f"[{f.severity}] {f.message}"
                                                 for f in s.findings))
        else:
            ET.SubElement(case, "system-out").text = detail
    journey_wide = [g for g in gates if g.step is None]
    if journey_wide:
        case = ET.SubElement(suite, "testcase", classname=classname, name="journey")
        failures += 1
        _fail(case, *journey_wide)
    suite.set("tests", str(len(suite)))
    suite.set("failures", str(failures))
    suite.set("skipped", str(skipped))


def _fail(case: ET.Element, *gates: GateFailure, text: str = "") -> None:
    said = "; ".join(f"{g.rule}: measured {g.measured}, expected {g.expected}" for g in gates)
    failure = ET.SubElement(case, "failure", type="gate", message=_x(said)[:500])
    failure.text = _x("\n".join(filter(None, [said, text])))
