"""junit.xml: a testsuite for each journey, a testcase for each step; which case fails is
report/cases.py's rule, shared with ctrf.json and summary.md."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from auditor.model import RunResult
from auditor.report.cases import suites

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _x(text: object) -> str:
    """XML 1.0 cannot carry control characters even escaped; drop them."""
    return _CONTROL.sub("", str(text))


def render_junit(run: RunResult) -> str:
    root = ET.Element("testsuites", name="journey-auditor")
    for suite in suites(run):
        element = ET.SubElement(root, "testsuite", name=_x(suite.name),
                                time=f"{suite.ms / 1000:.3f}")
        for case in suite.cases:
            testcase = ET.SubElement(element, "testcase", classname=_x(suite.classname),
                                     name=_x(case.name))
            if case.step is not None:
                testcase.set("time", f"{case.ms / 1000:.3f}")
            if case.status == "failed":
                failure = ET.SubElement(testcase, "failure", type=case.kind,
                                        message=_x(case.message)[:500])
                if case.kind == "gate":
                    failure.text = _x("\n".join(filter(None, [case.message, case.detail])))
                if case.screenshot:  # the attachment convention of Jenkins and GitLab
                    ET.SubElement(testcase, "system-out").text = \
                        f"[[ATTACHMENT|{_x(case.screenshot)}]]"
            elif case.status == "skipped":
                ET.SubElement(testcase, "skipped", message=_x(case.message))
            else:
                ET.SubElement(testcase, "system-out").text = _x(case.message)
        element.set("tests", str(len(suite.cases)))
        element.set("failures", str(suite.failed))
        element.set("skipped", str(sum(c.status == "skipped" for c in suite.cases)))
    root.set("time", f"{sum(suite.ms for suite in suites(run)) / 1000:.3f}")
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode")
