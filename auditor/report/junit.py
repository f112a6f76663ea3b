"""junit.xml: a testsuite for each journey, a testcase for each step, one for the gates."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from auditor.model import RunResult

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _x(text: object) -> str:
    """XML 1.0 cannot carry control characters even escaped; drop them."""
    return _CONTROL.sub("", str(text))


def render_junit(run: RunResult) -> str:
    root = ET.Element("testsuites", name="journey-auditor")
    for j in run.journeys:
        suite = ET.SubElement(root, "testsuite", name=_x(f"{j.persona.id} @ {j.label or j.site}"),
                              tests=str(len(j.steps)), time=f"{j.duration_ms / 1000:.3f}")
        failures = 0
        for s in j.steps:
            ev = s.evidence
            case = ET.SubElement(suite, "testcase", classname=_x(j.persona.id),
                                 name=_x(f"{ev.index + 1:02d} {ev.name}"),
                                 time=f"{ev.wait_ms / 1000:.3f}")
            detail = _x(f"{s.emotion} ({s.score}): " + "; ".join(s.reasons))
            if ev.status == "failed" or s.emotion == "angry":
                failures += 1
                failure = ET.SubElement(case, "failure", message=detail[:500],
                                        type="step-failed" if ev.status == "failed" else "angry")
                failure.text = _x("\n".join(f"[{f.severity}] {f.message}" for f in s.findings))
            else:
                ET.SubElement(case, "system-out").text = detail
        suite.set("failures", str(failures))
    gates = ET.SubElement(root, "testsuite", name="gates", tests=str(max(1, len(run.gates))),
                          failures=str(len(run.gates)))
    for g in run.gates:
        case = ET.SubElement(gates, "testcase", classname="gates", name=_x(f"{g.rule}: {g.where}"))
        ET.SubElement(case, "failure", message=_x(f"measured {g.measured}; expected {g.expected}"))
    if not run.gates:
        ET.SubElement(gates, "testcase", classname="gates", name="all gates pass")
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode")
