"""summary.md: a table per journey with emoji, ready for a CI job summary."""

from __future__ import annotations

import re

from auditor.model import EMOJI, JourneyResult, RunResult
from auditor.report import cases, verdict


def md(text: object) -> str:
    """Site text made inert in Markdown: no HTML, links, tables or code spans break out."""
    s = re.sub(r"\s+", " ", str(text))
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_\[\]|#!~])", r"\\\1", s)


def _outcome(j: JourneyResult) -> str:
    if j.unreachable:
        return "could not reach the store"
    return j.outcome if j.abandoned_at is None else f"abandoned at step {j.abandoned_at + 1}"


def _history(j: JourneyResult, past: dict | None) -> list[str]:
    """The journey's last scores and the steps that changed since the last run."""
    if not past or len(past["runs"]) < 2:
        return []
    scores = " → ".join(str(r["score"]) for r in past["runs"])
    lines = [f"**Last {len(past['runs'])} runs**: {scores}", ""]
    changed = past.get("changed") or []
    lines += [f"- Changed since the last run: {md(c['step'])}: {c['before'] or 'not walked'} "
              f"→ {c['after'] or 'not walked'}" for c in changed]
    return [*lines, ""] if changed else lines


SUMMARY_LIMIT = 1_000_000  # bytes: GitHub's job summary takes no more


def render_markdown(run: RunResult) -> str:
    """The verdict and the fixes first, then gates, the journeys' table and each journey's
    steps; the steps are left out when the whole would not fit a job summary."""
    text = _render(run, steps=True)
    if len(text.encode()) > SUMMARY_LIMIT:
        text = _render(run, steps=False)
    return text


def _render(run: RunResult, steps: bool) -> str:
    lines = ["# Customer journey audit", ""]
    if run.incomplete:
        lines += ["> ⚠️ **Incomplete run**: interrupted before every journey finished.", ""]
    lines += ["## Verdict", "", *[f"- {md(line)}" for line in verdict.persona_lines(run)],
              f"- {verdict.gates_line(run)}", ""]
    if gaps := verdict.largest_gaps(run):
        lines += ["**Furthest from the ideal journey:**", "", *[f"- {md(g)}" for g in gaps], ""]
    if run.recommendations:
        lines += ["**Fix first:**", ""]
        lines += [f"{i}. **{md(r.title)}** ({r.severity}; {md(', '.join(r.personas))}): "
                  + (f"{md(r.evidence)}; " if r.evidence else "")
                  + md(", ".join(r.steps[:3]))
                  + (f" — {md(r.reference)}" if r.reference else "")
                  for i, r in enumerate(verdict.top_fixes(run), 1)]
        lines.append("")
    lines += ["The full journey map: [index.html](index.html), beside this file.", ""]
    if run.gates:
        failed = cases.failing(run)
        lines += [f"## {verdict.gates_line(run)}", "", *_folded(
            f"The {len(run.gates)} gate(s)",
            ["| Rule | Where | Measured | Expected |", "|---|---|---|---|",
             *[f"| {md(g.rule)} | {md(g.where)} | {md(g.measured)} | {md(g.expected)} |"
               for g in run.gates]], len(run.gates) > FOLD_ROWS),
            f"They fail {len(failed)} test case(s) in junit.xml and ctrf.json "
            "(a step failing for the same cause as an earlier one fails once): "
            + "; ".join(md(f"{suite.name}: {case.name}") for suite, case in failed), ""]
    lines += ["| Persona | Site | Outcome | Score | Apdex |", "|---|---|---|---|---|"]
    for j in run.journeys:
        apdex = "—" if j.apdex is None else f"{j.apdex:.2f}"
        lines.append(f"| {md(j.persona.name)} ({md(j.persona.id)}) | {md(j.label or j.site)} "
                     f"| {_outcome(j)} | {'—' if j.unreachable else j.score} | {apdex} |")
    for j in run.journeys:
        lines += ["", f"## {md(j.persona.name)} — {md(j.persona.id)} on {md(j.label or j.site)}",
                  ""]
        if j.reason:
            lines += [f"**{j.outcome.capitalize()}**: {md(j.reason)}", ""]
        lines += _history(j, (run.history or {}).get(j.key))
        if j.unreachable or not steps:
            continue  # nothing measured, or no room in a job summary: the map has them
        rows = ["| # | Step | Stage | Emotion | Waited | Why |", "|---|---|---|---|---|---|"]
        for s in j.steps:
            ev = s.evidence
            felt = (f"— after {j.persona.pronoun} left (measured for completeness)"
                    if s.after_dropoff else f"{EMOJI[s.emotion]} {s.emotion}")
            rows.append(f"| {ev.index + 1} | {md(ev.name)} | {ev.stage} | {felt} | "
                        f"{ev.wait_ms / 1000:.1f} s | {md('; '.join(s.reasons))} |")
        lines += _folded(f"Its {len(j.steps)} steps", rows, len(j.steps) > FOLD_ROWS)
    more = run.recommendations[len(verdict.top_fixes(run)):]
    if more:
        lines += ["", "## More fixes, ranked by impact", ""]
        lines += [f"{i}. **{md(r.title)}** (impact {r.impact:g}, {r.severity}): "
                  f"{md(', '.join(r.steps[:3]))}"
                  for i, r in enumerate(more, len(run.recommendations) - len(more) + 1)]
    return "\n".join(lines) + "\n"


FOLD_ROWS = 5  # a longer table is folded (GitHub and GitLab open it with a click)


def _folded(summary: str, table: list[str], fold: bool) -> list[str]:
    """A table, folded in a <details> block when it is long."""
    if not fold:
        return [*table, ""]
    return [f"<details><summary>{md(summary)}</summary>", "", *table, "", "</details>", ""]
