"""Walk a persona's journey on a store and gather the evidence of every step; no judging."""

from __future__ import annotations

import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from playwright.sync_api import Browser

from auditor.access import OPEN, Access
from auditor.actions import ACTIONS
from auditor.gather.accessibility import NOT_FOUND as AXE_NOT_FOUND
from auditor.gather.accessibility import axe_file, axe_source
from auditor.gather.actions import JourneyContext
from auditor.gather.actions.consent import answer_consent
from auditor.gather.session import PersonaSession
from auditor.model import Journey, JourneyEvidence, StepEvidence, StepSpec
from auditor.scenario import DEFAULT_INPUTS

StepListener = Callable[[JourneyEvidence, StepEvidence], None]
# Hears what the persona is doing now, in words ("step 6/7: Type his details", "typing 11
# fields"), for a live progress display.
ActivityListener = Callable[[JourneyEvidence, str], None]


UNANNOUNCED = ("The personas' browser did not say it was automated (navigator.webdriver "
               "false, a Chrome user agent), so consent boxes and analytics met them as they "
               "meet people; --announce-automation lets the store tell the auditor apart.")


@dataclass(frozen=True)
class RunOptions:
    """Knobs of a run; every one is a CLI flag."""

    step_timeout_ms: float = 30_000
    typing_scale: float = 1.0
    dwell_ms: float = 300
    locators: dict[str, str] | None = None
    filmstrip: bool = True  # what she saw during waits longer than she finds fine
    access: Access = OPEN  # how she gets into a closed store (the audited one only)
    announce_automation: bool = False  # navigator.webdriver true, a HeadlessChrome user agent
    axe: bool = True  # axe-core on every page she looks at


def walk(browser: Browser, journey: Journey, site: str, out_dir: Path | None,
         options: RunOptions = RunOptions(), on_step: StepListener | None = None,
         label: str = "", competitor: bool = False,
         on_activity: ActivityListener | None = None) -> JourneyEvidence:
    """Run every step, even after the persona would have left, so the whole store is
    measured; `on_step` hears of each step's evidence as soon as it is gathered.
    `competitor`: this store is the one compared with, not the one audited."""
    persona = journey.persona
    slug = re.sub(r"[^a-z0-9]+", "-", f"{label}-{persona.id}".lower()).strip("-")
    axe = axe_file() if options.axe else None
    session = PersonaSession(browser, persona, out_dir=out_dir,
                             step_timeout_ms=options.step_timeout_ms,
                             typing_scale=options.typing_scale, dwell_ms=options.dwell_ms,
                             slug=slug, filmstrip=options.filmstrip,
                             access=OPEN if competitor else options.access, site=site,
                             announce_automation=options.announce_automation,
                             axe_source=axe_source(axe) if axe else None)
    session.site_host = urlparse(site).hostname or ""
    ctx = JourneyContext(session, site, own_address(journey.inputs, persona.id),
                         dict(options.locators or {}))
    walked = JourneyEvidence(persona, site, label=label, competitor=competitor)
    if not options.announce_automation:
        walked.notes.append(UNANNOUNCED)
    if options.axe and axe is None:
        walked.notes.append(AXE_NOT_FOUND)
    if on_activity:
        session.tell = lambda what: on_activity(walked, what)

    def gathered(evidence: StepEvidence) -> None:
        walked.steps.append(evidence)
        if on_step:
            on_step(walked, evidence)

    started = time.monotonic()
    try:
        for number, (spec, upcoming) in enumerate(
                zip(journey.steps, [*journey.steps[1:], None], strict=True), 1):
            ctx.ahead.plan(spec, upcoming)
            if spec.action == "visit":
                session.reopen_if_crashed()
            stranded = walked.steps and walked.steps[-1].status not in ("ok", "not-offered")
            if stranded and spec.action != "visit" and session.lost():
                gathered(_skipped(len(walked.steps), spec))
                continue
            for attempt in range(1, spec.attempts + 1):
                ctx.attempt, ctx.retry = attempt, False
                session.tell(f"step {number}/{len(journey.steps)}: {spec.named(attempt)}")
                with session.step(len(walked.steps), spec, spec.named(attempt),
                                  ctx.ahead) as step:
                    answer_consent(ctx, step)  # a box that came late on the page before
                    ACTIONS[spec.action].perform(ctx, step, spec.params)
                answer_consent(ctx, step)  # a box this step's page showed: answered now
                gathered(step.evidence)
                if not ctx.retry:
                    break
    finally:
        session.close()
        walked.duration_ms = (time.monotonic() - started) * 1000
    return walked


def own_address(inputs: dict[str, Any], persona_id: str) -> dict[str, Any]:
    """The inputs with an e-mail address of this walk's own where the scenario kept the
    default one: a store knows an address once an account is made with it, and another
    persona's guest order (or the next walk's) must not meet "that address already exists"."""
    customer = inputs.get("customer") or {}
    default = DEFAULT_INPUTS["customer"]["email"]
    if customer.get("email") != default:
        return inputs
    user, domain = default.split("@")
    email = f"{user}+{persona_id}-{secrets.token_hex(3)}@{domain}"
    return {**inputs, "customer": {**customer, "email": email}}


def _skipped(index: int, spec: StepSpec) -> StepEvidence:
    """A step that could not even start because the store is gone from the tab."""
    return StepEvidence(index, spec.name, spec.stage, spec.action, status="skipped",
                        error="skipped: no store page to act on after the failure above")
