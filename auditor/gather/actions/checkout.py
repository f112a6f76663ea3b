"""Buying: fill the checkout form with the persona's slips, place the order, make an account."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from playwright.sync_api import Error

from auditor.gather import discovery, script
from auditor.gather.actions import (
    JourneyContext,
    back_home,
    error_said,
    need,
    press,
    ready,
)
from auditor.gather.actions.conversation import answer_questions
from auditor.gather.actions.opening import reveal
from auditor.gather.actions.signing import account_holds
from auditor.gather.actions.typing import fill_fields
from auditor.gather.discovery import Found
from auditor.gather.failures import StepFailed
from auditor.gather.forms import by_key, compare
from auditor.gather.hearing import fail_if_unannounced
from auditor.gather.step import Step
from auditor.gather.vocabulary import words

MAX_CHECKOUT_PAGES = 4


def checkout_form(ctx: JourneyContext, _params: dict[str, Any]) -> list[dict[str, Any]]:
    return ctx.session.fields()


def fill_checkout(ctx: JourneyContext, step: Step, params: dict[str, Any]) -> None:
    """Type her details; a first checkout page that asks nothing to type (a choice made
    already, as "Continue as a guest") is continued first."""
    controls = ctx.first_read(checkout_form, params)
    typed: list[str] = []
    for _ in range(MAX_CHECKOUT_PAGES):
        typed = fill_fields(ctx, step, only_missing=False, controls=controls)
        if typed:
            break
        go_on = discovery.submit_control(ctx.page, "continue")
        if go_on is None or not ready(go_on.locator):
            break
        press(ctx, step, go_on.locator)
        step.evidence.effort.append("pressed “Continue”: this page asked nothing to type")
        controls = ctx.session.fields()
    if not step.evidence.fields_typed:  # said as the auditor's: no field it could read
        fill_fields(ctx, step, only_missing=False, required=True, controls=controls)
    if ctx.signed_in:  # what she typed that her account holds: asked for again
        held = account_holds(ctx.inputs)
        step.evidence.asked_again = [k for k in typed if ctx.tokens.get(k) in held]
    answer_questions(ctx, step)


def order_form(ctx: JourneyContext,
                _params: dict[str, Any]) -> tuple[list[dict[str, Any]], Found | None]:
    """The form as it stands and its place-order button, if this page has one."""
    return ctx.session.fields(), discovery.submit_control(ctx.page, "place_order",
                                                          ctx.locators.get("place_order"))


def place_order(ctx: JourneyContext, step: Step, params: dict[str, Any]) -> None:
    form: tuple[list[dict[str, Any]], Found | None] | None = ctx.first_read(order_form, params)
    if ctx.attempt > 1:  # a retry: retype what the store lost, then read the form again
        step.evidence.retyped = fill_fields(ctx, step, only_missing=True,
                                            controls=form[0])
        form = None
    for page in range(MAX_CHECKOUT_PAGES):
        if answer_questions(ctx, step) or form is None or page > 0:
            form = order_form(ctx, params)
        fields, control = form
        before = by_key(fields)
        is_final = control is not None
        control = control or discovery.submit_control(ctx.page, "continue")
        button = need(step, "the place-order button", control or discovery.any_submit(ctx.page),
                      "buttons named place order/buy/pay/continue", "place_order")
        start_url, loads = ctx.page.url, ctx.session.traffic.loads
        press(ctx, step, button)
        if _confirmed(ctx, step) or (_three_d_secure(ctx, step) and _confirmed(ctx, step)):
            return
        after = by_key(ctx.session.fields())
        outcome = compare(before, after, ctx.typed, new_page=ctx.session.traffic.loads != loads)
        if is_final or outcome.invalid or outcome.cleared:
            _record_rejection(ctx, step, outcome, after, start_url)
            return
        fill_fields(ctx, step, only_missing=True)  # a next page, or the same one further on
    raise StepFailed(f"no order confirmation after {MAX_CHECKOUT_PAGES} checkout pages")


def _confirmed(ctx: JourneyContext, step: Step) -> bool:
    """Whether the page confirms the order: its number, words said only of a placed order
    (on any address: a one-page checkout confirms on its own), or a thank-you away from
    the checkout, said in the page's sentences (never in a list of the checkout's steps that
    names "Order confirmed" ahead). Guests often get no number."""
    try:
        text = ctx.page.evaluate(script("said_text.js"))
    except Error:
        return False
    number = discovery.order_number(text)
    placed = words("order_placed").search(text) or (
        words("order_done").search(text) and "checkout" not in ctx.page.url)
    if number or placed:
        ctx.order_number = number
        ctx.retry = False
        step.evidence.order_number = number
        step.evidence.order_placed = True
        return True
    return False


def _three_d_secure(ctx: JourneyContext, step: Step) -> bool:
    """A 3-D Secure challenge after the pay press (the bank's page in a frame of the shop's,
    often a modal): answered as the journey's `inputs.three_d_secure` says (complete, the
    default, or fail: how the store takes a card its bank refuses); its time is part of the
    step's wait and said in the step's effort. False when there is none."""
    answer = ctx.inputs.get("three_d_secure") or "complete"
    for frame in ctx.page.frames[1:]:
        try:
            said = frame.evaluate(script("said_text.js"))
        except Error:
            continue
        button = frame.get_by_role("button", name=words(f"three_ds_{answer}"))
        if not words("three_ds").search(said) or not button.count():
            continue
        waited = step.evidence.wait_ms
        called = button.first.inner_text().strip()
        press(ctx, step, button.first)
        took = step.evidence.wait_ms - waited
        step.evidence.metrics["three_ds_ms"] = round(took)
        step.evidence.effort.append(f"answered 3-D Secure: “{called}” ({took / 1000:.1f} s)")
        return True
    return False


def _record_rejection(ctx: JourneyContext, step: Step, outcome: Any, after: dict,
                      start_url: str) -> None:
    """The store refused the order: record what survived, what was wiped, what it blamed."""
    persona = ctx.session.persona
    outcome.attempt = ctx.attempt
    outcome.mistake_in = step.evidence.slip_in or _last_slip(ctx)
    outcome.browser_blocked = ctx.page.url == start_url and any(
        f.get("browserInvalid") for f in after.values()) and step.evidence.navigation == "none"
    to_retype = set(outcome.cleared) | set(outcome.invalid)
    outcome.retype_keystrokes = sum(len(ctx.typed.get(k, "")) for k in to_retype)
    outcome.retype_ms = outcome.retype_keystrokes * persona.typing_ms_per_key
    outcome.error_message = error_said(ctx)
    step.evidence.form = outcome
    failed = [e for e in ctx.session.traffic.http_errors if e["status"] >= 500]
    if failed:
        raise StepFailed(f"the store answered HTTP {failed[0]['status']} when the order was "
                         f"placed ({failed[0]['url']})")
    if not (outcome.invalid or outcome.cleared or outcome.error_message):
        raise StepFailed("the order was not confirmed and the page shows no error: "
                         "no order number or thank-you message was found")
    if persona.listens and ctx.page.url == start_url and not step.hard_navigation:
        fail_if_unannounced(step)
    ctx.retry = True


def _last_slip(ctx: JourneyContext) -> str | None:
    slipped = {t for t, n in ctx.slips.items() if n}
    return next((k for k, t in ctx.tokens.items() if t in slipped), None)


def account_offer(ctx: JourneyContext, _params: dict[str, Any]) -> tuple[bool, Found | None]:
    """Whether a password field is already shown, else the offer to create an account."""
    if _password_fields(ctx):
        return True, None
    return False, discovery.submit_control(ctx.page, "create_account")


def create_account(ctx: JourneyContext, step: Step, params: dict[str, Any]) -> None:
    shown, offer = ctx.first_read(account_offer, params)
    if not shown:
        def look() -> Found | None:
            return reveal(ctx, step, lambda: discovery.submit_control(
                ctx.page, "create_account"), "account")
        offer = offer or look()
        if offer is None and back_home(ctx, step, "the account offer"):
            offer = look()
        if offer is None:
            offer = _on_account_page(ctx, step, look)
        press(ctx, step, need(step, "a create-account offer", offer,
                              "buttons or links named create account/register/sign up, "
                              "opening account menus", "create_account"))
    fill_fields(ctx, step, only_missing=True)
    button = need(step, "the create-account button",
                  discovery.submit_control(ctx.page, "create_account",
                                           ctx.locators.get("create_account"))
                  or _form_button(ctx), "buttons named create account/register/sign up, "
                  "else the password form's own button", "create_account")
    press(ctx, step, button)
    came_back = _password_fields(ctx) or discovery.submit_control(ctx.page, "create_account")
    if came_back and error_said(ctx):  # the same form back with an error
        raise StepFailed(f"the account was not created: {error_said(ctx)}")


def _on_account_page(ctx: JourneyContext, step: Step,
                     look: Callable[[], Found | None]) -> Found | None:
    """The offer on the account or sign-in page, reached by the header's link to it."""
    link = discovery.account_link(ctx.page)
    if link is None:
        return None
    called = (link.locator.get_attribute("aria-label") or link.locator.inner_text()).strip()
    press(ctx, step, link.locator)
    step.evidence.effort.append(f"went to “{called[:40]}” to find the account offer")
    return look()


def _form_button(ctx: JourneyContext) -> Found | None:
    """A registration form's own button, whatever it says ("Continue"), when it asks for a
    password."""
    if not _password_fields(ctx):
        return None
    return discovery.submit_control(ctx.page, "continue") or discovery.any_submit(ctx.page)


def _password_fields(ctx: JourneyContext) -> list[dict[str, Any]]:
    return [f for f in ctx.session.fields() if f["type"] == "password" and f["visible"]]
