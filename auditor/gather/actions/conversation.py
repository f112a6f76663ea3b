"""Checkout as a conversation: once the fields are typed, a one-page checkout may still ask
for things before it takes the order (a region that loads after the country, a delivery
method in a modal, a payment method, a terms box, a Continue per section). The persona
answers what the page asks, one thing at a time, as a person does; every answer is effort
in the step's evidence."""

from __future__ import annotations

import time
from contextlib import suppress
from typing import Any

from playwright.sync_api import Error, Locator
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from auditor.gather import discovery, script
from auditor.gather.actions import JourneyContext, press, ready
from auditor.gather.actions.typing import fill_fields
from auditor.gather.forms import tick
from auditor.gather.step import Step
from auditor.gather.vocabulary import words

MAX_ANSWERS = 10  # more than any checkout asks; a page that keeps asking is not answered
LOAD_WAIT_S = 3.0  # what the page fetches after a choice (a region list) gets this long
QUIET_S = 0.25  # no request for this long: the page has fetched what the answer asked for
MAX_PRESSES_EACH = 2  # a Continue pressed twice to no effect is not pressed a third time


def answer_questions(ctx: JourneyContext, step: Step) -> bool:
    """Answer the page until its place-order button can be pressed, or nothing more can be
    answered. A checkout that asks nothing (its button ready, no choice left open, no
    dialog) is left as it is, so a multi-page checkout moves on by its own Continue.
    Returns whether she answered anything."""
    pressed: dict[str, int] = {}
    for answered in range(MAX_ANSWERS):
        _let_it_load(ctx)
        controls = ctx.session.fields()
        if _fill(ctx, step, controls):  # what appeared, or went empty, first
            continue
        final = discovery.submit_control(ctx.page, "place_order")
        open_choices = _unanswered_groups(controls)
        if final is not None and ready(final.locator) and not open_choices:
            return answered > 0
        if final is None and not open_choices and not _dialog(ctx):
            return answered > 0
        if not _answer(ctx, step, open_choices, pressed):
            return answered > 0
    return True


def _answer(ctx: JourneyContext, step: Step,
            open_choices: dict[str, list[dict[str, Any]]], pressed: dict[str, int]) -> bool:
    """Do the next thing the page asks; False when there is nothing she can do."""
    if open_choices:
        for group in open_choices.values():
            _choose(ctx, step, group)
        return True
    scope = _dialog(ctx) or ctx.page
    for key in ("continue", "choose"):
        found = discovery.submit_control(scope, key)
        if found is None or not ready(found.locator):
            continue
        called = (found.locator.inner_text() or key).strip()[:40]
        if pressed.get(called, 0) >= MAX_PRESSES_EACH:
            continue
        pressed[called] = pressed.get(called, 0) + 1
        press(ctx, step, found.locator)
        step.evidence.effort.append(f"pressed “{called}”")
        return True
    return False


def _fill(ctx: JourneyContext, step: Step, controls: list[dict[str, Any]]) -> bool:
    """Type what is empty or new, tick what she must agree to; whether she did any."""
    ticked = len(step.evidence.effort)
    slip_again = ctx.attempt > 1 and not step.evidence.slip_in  # a retry slips once more
    typed = fill_fields(ctx, step, only_missing=True, controls=controls, slip_again=slip_again,
                        retype_refused=False)
    return bool(typed) or len(step.evidence.effort) > ticked


def _let_it_load(ctx: JourneyContext) -> None:
    """Wait, off the clock, for what her last answer asked of the server (the regions of
    the country she chose, the delivery methods of an address saved when she left its last
    field) before reading the form again: until no request has been made for a moment
    since her last input. A page quiet that long already (nothing done since the last
    reading) is read at once."""
    traffic, deadline = ctx.session.traffic, time.monotonic() + LOAD_WAIT_S
    seen, quiet_since = traffic.requests, time.monotonic() - _quiet_for_s(ctx)
    while time.monotonic() < deadline:
        if traffic.inflight or traffic.requests != seen:
            seen, quiet_since = traffic.requests, time.monotonic()
        elif time.monotonic() - quiet_since >= QUIET_S:
            return
        event = "requestfinished" if traffic.inflight else "request"  # woken by the page
        with suppress(PlaywrightTimeout):
            ctx.page.wait_for_event(event, timeout=max(1.0, (QUIET_S - (
                time.monotonic() - quiet_since)) * 1000))


def _quiet_for_s(ctx: JourneyContext) -> float:
    """How long the page has gone without her input or a request (0 when unknown)."""
    try:
        last_input = ctx.page.evaluate(script("last_input.js"))
    except Error:
        return 0.0
    if last_input is None:
        return 0.0
    last = max(last_input, ctx.session.traffic.last_activity)
    return max(0.0, time.time() - last / 1000)


def _unanswered_groups(controls: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Radio groups in sight with nothing chosen (a delivery or payment method)."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for f in controls:
        if f["type"] == "radio" and f["visible"] and not f["readonly"] and f["group"]:
            groups.setdefault(f["group"], []).append(f)
    return {name: group for name, group in groups.items()
            if not any(f["value"] for f in group)}


def _choose(ctx: JourneyContext, step: Step, group: list[dict[str, Any]]) -> None:
    """Her pick in a group: a payment method that needs no card, unless her scenario says
    she pays by card; else the first (the store's default order, cheapest first)."""
    prefer = "card_payment" if ctx.inputs.get("payment") == "card" else "no_card_payment"
    pick = next((f for f in group if words(prefer).search(f["label"])), group[0])
    tick(ctx.page, pick)
    step.evidence.effort.append(f"chose “{pick['label'][:60]}”")


def _dialog(ctx: JourneyContext) -> Locator | None:
    """The open modal dialog, when one is shown."""
    found = discovery.open_dialog(ctx.page)
    return found.locator if found else None
