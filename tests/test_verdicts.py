"""Verdicts a team can trust, through the command line: a regression fails at the run count
the README recommends, a competitor's faults never fail our build."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest


def auditor(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "auditor", *args], capture_output=True,
                          text=True, timeout=600)


def test_a_flawed_competitor_never_fails_our_build(demo_store, tmp_path: Path):
    ours, theirs = demo_store(), demo_store("slow-product=4", "broken-search")
    done = auditor("run", ours.url, "--compare", theirs.url, "--label", "our shop",
                   "--compare-label", "their shop", "--persona", "stressed-parent",
                   "--fast-typing", "--quiet", "--out", str(tmp_path))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "GATE FAILED" not in done.stdout
    results = json.loads((tmp_path / "results.json").read_text())
    by_label = {j["label"]: j for j in results["journeys"]}
    assert by_label["their shop"]["outcome"] == "abandoned"  # measured, as context
    assert by_label["their shop"]["competitor"] and not by_label["our shop"]["competitor"]
    assert all("their shop" not in step for r in results["recommendations"]
               for step in r["steps"])
    for name in ("index.html", "summary.md", "junit.xml"):
        text = (tmp_path / name).read_text()
        assert "our shop" in text and "their shop" in text, name
    root = ET.parse(tmp_path / "junit.xml").getroot()
    assert all(s.get("failures") == "0" for s in root)


@pytest.mark.serial
def test_a_real_drop_fails_with_three_runs_and_no_change_passes(demo_store, tmp_path: Path):
    good, flawed = demo_store(), demo_store("slow-product=4", "broken-search")
    budget = tmp_path / "budget.yaml"
    budget.write_text("defaults: false\nrules:\n  - {max_regression: 10}\n")

    def run(url: str, out: str, *more: str) -> subprocess.CompletedProcess:
        return auditor("run", url, "--persona", "stressed-parent", "--runs", "3",
                       "--fast-typing", "--dwell", "0", "--quiet", "--budget", str(budget),
                       "--out", str(tmp_path / out), *more)

    assert run(good.url, "before").returncode == 0
    baseline = str(tmp_path / "before" / "results.json")
    same = run(good.url, "same", "--baseline", baseline)
    assert same.returncode == 0, same.stdout
    worse = run(flawed.url, "worse", "--baseline", baseline)
    assert worse.returncode == 1, worse.stdout + worse.stderr
    [gate] = json.loads((tmp_path / "worse" / "results.json").read_text())["gates"]
    assert gate["rule"] == "max_regression=10" and "over 3 run(s)" in gate["measured"]
    assert "too few runs to tell noise from change" in gate["measured"]
