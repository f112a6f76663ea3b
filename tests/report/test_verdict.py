"""The verdict comes first in every format: who left where and why, the fixes, the gates
(no browser, on the saved demo run)."""

import copy
from pathlib import Path

from auditor.report import load_results
from auditor.report.html import render_html
from auditor.report.markdown import SUMMARY_LIMIT, render_markdown

SAVED = Path(__file__).parents[1] / "data" / "demo-schema-2.json"
LEFT = "Aistė (stressed-parent) left at step 4, “Search for the toy instead”"  # one store audited


def test_the_verdict_leads_the_map_and_the_summary():
    run = load_results(SAVED)
    page = render_html(run)
    assert page.index('id="verdict"') < page.index('id="gates"') < page.index('id="journeys"')
    verdict = page[page.index('id="verdict"'):page.index('<nav')]
    assert LEFT in verdict and "6 gate(s) failed on 4 root cause(s)." in verdict
    first = verdict[verdict.index('class="fixes"'):]
    first = first[:first.index("</ol>")]
    assert first.count("<li><strong>") == 3  # the three fixes that matter most; the rest folded
    assert verdict.count("<li><strong>") == len(run.recommendations)  # each said once
    summary = render_markdown(run)
    assert summary.splitlines()[2] == "## Verdict" and LEFT in summary
    assert summary.index("**Fix first:**") < summary.index("## 6 gate(s) failed on 4 root")
    assert "well-made store completed" not in summary  # the store compared with has no verdict line


def test_all_gates_pass_is_said_in_words():
    run = load_results(SAVED)
    run.gates = []
    assert "All gates pass." in render_html(run) and "- All gates pass." in render_markdown(run)


def test_a_summary_too_large_for_a_job_summary_drops_the_step_tables():
    run = load_results(SAVED)
    big = copy.deepcopy(run)
    for j in big.journeys:
        for s in j.steps:
            s.reasons = ["x" * 40_000]
    text = render_markdown(big)
    assert len(text.encode()) <= SUMMARY_LIMIT and "## Verdict" in text
    assert "| # | Step |" not in text and "| # | Step |" in render_markdown(run)


def test_the_map_names_touchpoints_keeps_figures_one_click_away_and_hides_empty_rows():
    run = load_results(SAVED)
    page = render_html(run)
    assert "at the search box" in page and "at the checkout form" in page
    assert page.count("<details class=\"figures\">") > 10 and "Server (TTFB)" in page
    assert page.count("<span>Pain points</span>") == sum(
        any(s.findings for s in j.steps) for j in run.journeys)
    for j in run.journeys:
        for s in j.steps:
            s.findings = []
    assert "<span>Pain points</span>" not in render_html(run)


def test_a_long_reason_is_said_once_a_journey_and_referred_to_after():
    run = load_results(SAVED)
    novice = next(j for j in run.journeys if j.persona.id == "novice-checkout" and not j.competitor)
    wiped = [s for s in novice.steps if s.findings and s.findings[0].id == "form-cleared"]
    assert len(wiped) >= 2 and wiped[0].reasons == wiped[1].reasons
    page = render_html(run)
    assert page.count(wiped[0].reasons[0]) == 1 + page.count(f'title="{wiped[0].reasons[0]}"')
    assert f"as at step {wiped[0].evidence.index + 1}" in page


def test_summary_renders_as_markdown_with_the_verdict_first():
    from markdown_it import MarkdownIt  # a CommonMark viewer's parser (comes with rich)

    html = MarkdownIt("commonmark").enable("table").render(render_markdown(load_results(SAVED)))
    headings = [line for line in html.splitlines() if line.startswith("<h2>")]
    assert headings[0] == "<h2>Verdict</h2>"
    assert "<table>" in html and "<script" not in html
