"""ctrf.json validates against the published CTRF schema (the npm package `ctrf`, installed
by `make test` beside Lighthouse) and fails exactly where junit.xml does (no browser)."""

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema

from auditor.report import load_results
from auditor.report.ctrf import render_ctrf
from auditor.report.junit import render_junit

ROOT = Path(__file__).parents[2]
SCHEMA = ROOT / "lighthouse" / "node_modules" / "ctrf" / "src" / "ctrf-schema-0.0.json"
SAVED = ROOT / "tests" / "data" / "demo-schema-2.json"


def test_ctrf_validates_and_fails_where_junit_fails():
    assert SCHEMA.exists(), "the CTRF schema is installed by `make test` (lighthouse/)"
    run = load_results(SAVED)
    report = json.loads(render_ctrf(run))
    jsonschema.validate(report, json.loads(SCHEMA.read_text()))
    summary, tests = report["results"]["summary"], report["results"]["tests"]
    assert summary["tests"] == len(tests) and summary["failed"] > 0
    junit = ET.fromstring(render_junit(run))
    assert summary["failed"] == len(junit.findall(".//failure"))
    assert summary["tests"] == len(junit.findall(".//testcase"))
    failed = {t["name"] for t in tests if t["status"] == "failed"}
    assert "04 Search for the toy instead" in failed
    search = next(t for t in tests if t["name"] == "04 Search for the toy instead")
    assert search["labels"]["emotion"] == "angry" and search["suite"] == [
        "stressed-parent @ flawed store"]
