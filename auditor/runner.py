"""Walk each persona's journey on a store and judge every step as it happens."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from urllib.parse import urlparse

from playwright.sync_api import Browser

from auditor import scoring
from auditor.actions import ACTIONS, JourneyContext, foresee
from auditor.model import Journey, JourneyResult, StepEvidence, StepResult, StepSpec
from auditor.session import PersonaSession

StepListener = Callable[[JourneyResult, StepResult], None]


@dataclass(frozen=True)
class RunOptions:
    """Knobs of a run; every one is a CLI flag."""

    step_timeout_ms: float = 30_000
    typing_scale: float = 1.0
    dwell_ms: float = 300
    locators: dict[str, str] | None = None


def walk(browser: Browser, journey: Journey, site: str, out_dir: Path | None,
         options: RunOptions = RunOptions(), on_step: StepListener | None = None,
         label: str = "") -> JourneyResult:
    """Run every step, even after the persona abandons, so the whole store is measured."""
    persona = journey.persona
    slug = re.sub(r"[^a-z0-9]+", "-", f"{label}-{persona.id}".lower()).strip("-")
    session = PersonaSession(browser, persona, out_dir=out_dir,
                             step_timeout_ms=options.step_timeout_ms,
                             typing_scale=options.typing_scale, dwell_ms=options.dwell_ms,
                             slug=slug)
    session.site_host = urlparse(site).hostname or ""
    ctx = JourneyContext(session, site, journey.inputs, dict(options.locators or {}))
    result = JourneyResult(persona, site, "completed", None, "", 0, [], label=label)
    started = time.monotonic()
    try:
        for spec, upcoming in zip(journey.steps, [*journey.steps[1:], None], strict=True):
            session.foresee = partial(foresee, ctx, spec, upcoming)
            if spec.action == "visit":
                session.reopen_if_crashed()
            stranded = result.steps and result.steps[-1].evidence.status != "ok"
            if stranded and spec.action != "visit" and session.lost():
                judged = scoring.add_step(result, _skipped(len(result.steps), spec))
                if on_step:
                    on_step(result, judged)
                continue
            for attempt in range(1, int(spec.params.get("attempts", 1)) + 1):
                ctx.attempt, ctx.retry = attempt, False
                name = spec.name if attempt == 1 else f"{spec.name} (attempt {attempt})"
                with session.step(len(result.steps), spec, name) as step:
                    ACTIONS[spec.action].run(ctx, step, spec.params)
                judged = scoring.add_step(result, step.evidence)
                if on_step:
                    on_step(result, judged)
                if not ctx.retry:
                    break
    finally:
        session.close()
    result.duration_ms = (time.monotonic() - started) * 1000
    conclude(result)
    return result


def _skipped(index: int, spec: StepSpec) -> StepEvidence:
    """A step that could not even start because the store is gone from the tab."""
    return StepEvidence(index, spec.name, spec.stage, spec.action, status="skipped",
                        error="skipped: no store page to act on after the failure above")


def conclude(result: JourneyResult) -> None:
    """The journey's outcome, reason and score from its judged steps."""
    counted = [s for s in result.steps if not s.after_dropoff]
    failed = [s for s in counted if s.evidence.status == "failed"]
    if result.abandoned_at is not None:
        result.outcome = "abandoned"
    elif failed:
        result.outcome = "failed"
        result.reason = f"'{failed[0].evidence.name}' failed: {failed[0].evidence.error}"
    elif any(s.evidence.form and not s.evidence.page.get("order_number")
             for s in counted[-1:]):
        result.outcome = "failed"
        result.reason = "the order was never confirmed"
    result.score = scoring.journey_score(result.steps, result.outcome)
