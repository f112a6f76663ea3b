"""One count of what failed, in every output (no browser, on the saved demo run): the HTML
map, summary.md, the terminal, junit.xml and ctrf.json say the same gates and root causes,
skip the same steps, and give durations that add up."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from auditor.cli_reports import print_summary
from auditor.report import load_results, write_report
from auditor.report.verdict import gates_line

SAVED = Path(__file__).parents[1] / "data" / "demo-schema-2.json"


def test_the_five_outputs_agree(tmp_path, capsys):
    run = load_results(SAVED)
    write_report(run, tmp_path)
    print_summary(run, tmp_path / "index.html")
    said = gates_line(run)
    assert said == "6 gate(s) failed on 4 root cause(s)."
    assert said in (tmp_path / "index.html").read_text()
    assert said in (tmp_path / "summary.md").read_text()
    assert said in capsys.readouterr().out

    junit = ET.parse(tmp_path / "junit.xml").getroot()
    ctrf = json.loads((tmp_path / "ctrf.json").read_text())["results"]
    suites = junit.findall("testsuite")
    failures = sum(int(s.get("failures")) for s in suites)
    skipped = sum(int(s.get("skipped")) for s in suites)
    assert failures == ctrf["summary"]["failed"] == 4
    after = sum(s.after_dropoff for j in run.journeys for s in j.steps)
    assert after > 0 and skipped == ctrf["summary"]["skipped"] >= after  # never "passed"

    for suite in suites:  # a suite's time is its cases'; the run's its suites'
        cases = sum(float(c.get("time") or 0) for c in suite.findall("testcase"))
        assert abs(float(suite.get("time")) - cases) < 0.002 * (len(suite) + 1)
    total = sum(float(s.get("time")) for s in suites)
    assert abs(float(junit.get("time")) - total) < 0.01
    assert abs(sum(t["duration"] for t in ctrf["tests"]) / 1000 - total) < 0.01 * len(suites)
    assert ctrf["summary"]["duration"] == sum(t["duration"] for t in ctrf["tests"])
