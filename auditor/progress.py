"""What the terminal shows while a run works: a line per step as soon as it is judged, and
what is being done now. On a terminal, a live status line (rich) keeps the persona, what she
is doing and how many journeys have begun; elsewhere (CI, a pipe) plain lines only, where
long work (filling in a form, Lighthouse) is said once so a log has no silent minutes."""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from auditor.model import EMOJI, JourneyEvidence, JourneyResult, StepResult

SAID_IN_LOGS = ("filling in", "waiting for")  # activities long enough to say in plain logs


class Progress:
    """Step lines and the live status of one run; `close()` when the run is over."""

    def __init__(self, parallel: bool = False, runs: int = 1, journeys: int = 1) -> None:
        self.parallel, self.runs, self.journeys = parallel, runs, journeys
        self.walked: dict[str, int] = {}
        self.begun = 0
        self.status: Any = None
        if sys.stdout.isatty() and not os.environ.get("CI"):
            from rich.console import Console

            self.console = Console(highlight=False)
            self.status = self.console.status("Starting the browser…")
            self.status.start()

    def _say(self, line: str) -> None:
        if self.status is not None:
            self.console.print(line, markup=False, emoji=False)  # site text stays text
        else:
            click.echo(line)

    def activity(self, walked: JourneyEvidence | None, what: str) -> None:
        """What is being done now: the live status, or a plain line for long work."""
        if walked is not None and what.startswith("step 1/") and not walked.steps:
            self.begun += 1
        who = f"{walked.persona.name} · " if walked is not None else ""
        if self.status is not None:
            self.status.update(f"{who}{what} · journey {max(self.begun, 1)} of "
                               f"{self.journeys}")
        elif what.startswith(SAID_IN_LOGS):
            self._say(f"       … {who}{what}")

    def step(self, journey: JourneyResult, step: StepResult) -> None:
        """The step's line: its emotion, wait and first reason; a header before a journey."""
        ev = step.evidence
        who = f"[{journey.persona.id}] " if self.parallel else ""
        if ev.index == 0 and not self.parallel:
            self.walked[journey.key] = self.walked.get(journey.key, 0) + 1
            if self.walked[journey.key] == 1:
                self._say(f"\n{journey.persona.name} ({journey.persona.id}) on "
                          f"{journey.label or journey.site}")
            if self.runs > 1:
                self._say(f"  run {self.walked[journey.key]}/{self.runs}")
        note = ev.error if ev.status == "failed" else step.reasons[0]
        drop = "  ← leaves here" if journey.abandoned_at == ev.index else ""
        if journey.unreachable:
            felt = "✘  not reached"
        elif step.after_dropoff:  # not felt: she had left; measured for completeness
            felt = f"·  {journey.persona.pronoun} left"
        else:
            felt = f"{EMOJI[step.emotion]} {step.emotion}"
        self._say(f"  {ev.index + 1:2d} {felt:<10}{max(ev.wait_ms, 0.0) / 1000:5.1f} s  {who}"
                  f"{ev.name}: {note}{drop}")

    def close(self) -> None:
        if self.status is not None:
            self.status.stop()
