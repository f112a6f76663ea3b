"""axe-core on every page a persona sees: the WCAG rules it breaks, kept per step, the same
from gather to the gate and the map's accessibility section."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from conftest import FAST

from auditor.demo_store.flaws import parse_flaws
from auditor.demo_store.server import StoreServer
from auditor.gather.accessibility import axe_file, criteria
from auditor.gather.walk import walk
from auditor.judge import gates, judge_run
from auditor.model import RunResult
from auditor.report.html import render_html
from auditor.scenario import load_journeys
from auditor.wcag import en_301_549

WITH_AXE = dataclasses.replace(FAST, axe=True)


def test_axe_tags_give_wcag_criteria_and_en_301_549_clauses():
    assert criteria(["cat.name-role-value", "wcag2a", "wcag412", "wcag1410", "ACT"]) == [
        "4.1.2", "1.4.10"]
    assert en_301_549("4.1.2") == "9.4.1.2" and en_301_549("2.5.8") is None  # WCAG 2.2 only


@pytest.mark.skipif(axe_file() is None, reason="axe-core is installed by make lighthouse")
def test_an_unnamed_icon_button_is_found_on_every_page_and_gated_once(browser, tmp_path: Path):
    parent = load_journeys()["stressed-parent"]
    with StoreServer(parse_flaws(["unnamed-icon-buttons"])) as flawed, StoreServer() as good:
        bad = walk(browser, parent, flawed.url, tmp_path / "bad", WITH_AXE)
        fine = walk(browser, parent, good.url, tmp_path / "good", WITH_AXE)
    assert all(ev.axe == [] for ev in fine.steps)  # the well-made store breaks none
    rules = [{(v.rule, v.impact, tuple(v.criteria)) for v in ev.axe or []} for ev in bad.steps]
    assert all(r == {("button-name", "critical", ("4.1.2",))} for r in rules), rules
    budget = gates.Budget(defaults=False, rules=({"max_axe": "serious"},))
    run = judge_run(RunResult("t", "", "", []), [[bad]], budget=budget)
    assert len(run.gates) == len(bad.steps)
    assert {g.cause for g in run.gates} == {"axe button-name"}  # one root cause
    page = render_html(run)
    assert "Accessibility: 1 WCAG rule(s) broken" in page and "9.4.1.2" in page
    lenient = judge_run(RunResult("t", "", "", []), [[bad]], budget=gates.Budget(
        defaults=False, rules=({"max_axe": "critical"},)))
    assert lenient.gates == []


def test_a_budget_names_an_axe_impact_axe_knows(tmp_path: Path):
    budget = tmp_path / "budget.yaml"
    budget.write_text("rules: [{max_axe: severe}]\n")
    with pytest.raises(Exception, match="max_axe: 'severe' is not one of minor, moderate"):
        gates.load_budget(budget)
