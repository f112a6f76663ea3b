"""A cookie or consent box, answered as a person answers it: with her own choice (the
persona's `consent`: reject by default), through the box's settings when its first layer
offers no reject, giving in to "accept" when nothing else lets her on. Never a failed step:
the box is part of the store, so what it cost her is evidence (presses, time, what it
covered, whether it blocked the page, whether it came back)."""

from __future__ import annotations

import time
from typing import Any

from playwright.sync_api import Error

from auditor.gather import script
from auditor.gather.actions import READY_WAIT_MS, JourneyContext, click
from auditor.gather.step import Step
from auditor.gather.vocabulary import WORDS, words
from auditor.model import ConsentBox

GONE_WAIT_S = 3  # how long a box may take to close after her press
SECOND_LAYER_WAIT_S = 1.5  # how long the box's settings may take to show their buttons


def answer_consent(ctx: JourneyContext, step: Step) -> None:
    """Answer the box on screen, if any, and keep what it cost on the step; a page that
    goes away meanwhile is the step's own action's to meet."""
    try:
        _answer(ctx, step)
    except Error:
        return


def _answer(ctx: JourneyContext, step: Step) -> None:
    box = _read(ctx)
    if box is None:
        return
    wanted = ctx.session.persona.consent
    met = ConsentBox(wanted, covered=box["covered"], blocks_page=box["blocks"],
                     again=ctx.consent_given is not None,
                     reject_first=_pick(box, "reject") is not None)
    started = time.monotonic()
    ctx.session.tell("answering the cookie box")
    if wanted == "reject":
        met.answered = _reject(ctx, box, met)
    if not met.answered and (choice := _pick(_read(ctx) or box, "accept")) is not None:
        _press(ctx, choice, met)
        met.answered = "accept"
    met.answered_ms = round(_until_gone(ctx, started) * 1000)
    if step.evidence.consent is None or met.again:
        step.evidence.consent = met
    if step.evidence.duration_ms:  # answered after the step's own time was summed up
        step.evidence.duration_ms += met.answered_ms
    ctx.ahead.forget()  # what was read behind the box was read with the box up
    step.evidence.effort.append("answered the cookie box: " + " → ".join(met.pressed)
                                if met.pressed else "found no answer on the cookie box")
    ctx.consent_given = met.answered or ctx.consent_given


def _reject(ctx: JourneyContext, box: dict[str, Any], met: ConsentBox) -> str:
    """Reject on the first layer, else through its settings (reject there, or save them as
    they come: nothing optional ticked); "" when the box offers no way to say no."""
    choice = _pick(box, "reject")
    if choice is None and (settings := _pick(box, "settings")) is not None:
        _press(ctx, settings, met)
        deadline = time.monotonic() + SECOND_LAYER_WAIT_S
        while choice is None and time.monotonic() < deadline:
            ctx.page.wait_for_timeout(100)
            layer = _read(ctx)
            choice = layer and (_pick(layer, "reject") or _pick(layer, "save"))
    if choice is None:
        return ""
    _press(ctx, choice, met)
    return "reject"


def _read(ctx: JourneyContext) -> dict[str, Any] | None:
    try:
        return ctx.page.evaluate(script("consent_box.js"), WORDS["consent_box"])
    except Error:
        return None


def _pick(box: dict[str, Any], kind: str) -> tuple[int, str] | None:
    """The box's first button for `kind`; an "accept" never one that only accepts the
    necessary (that is a reject)."""
    wanted, refusal = words(f"consent_{kind}"), words("consent_reject")
    return next(((i, said) for said, i in box["buttons"] if wanted.search(said)
                 and (kind != "accept" or not refusal.search(said))), None)


def _press(ctx: JourneyContext, choice: tuple[int, str], met: ConsentBox) -> None:
    index, said = choice
    try:
        click(ctx, ctx.page.locator(f'[data-auditor-consent="{index}"]').first,
              timeout=READY_WAIT_MS)
    except Error:
        return
    met.pressed.append(f"“{said}”")


def _until_gone(ctx: JourneyContext, started: float) -> float:
    """Seconds from the box seen to the box gone (or the wait's end)."""
    deadline = time.monotonic() + GONE_WAIT_S
    while _read(ctx) is not None and time.monotonic() < deadline:
        ctx.page.wait_for_timeout(100)
    return time.monotonic() - started
