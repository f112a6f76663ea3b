"""A returning customer signs in to the account she has (its e-mail and password from the
journey's `inputs.account`, `$NAME` values read from the environment, or AUDITOR_ACCOUNT =
EMAIL:PASSWORD; never written anywhere: the password is typed as a secret), and signs out.
Once signed in, the checkout should know what the account holds (see fill_checkout)."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Locator

from auditor.access import ACCOUNT_ENV, account_of
from auditor.gather import discovery
from auditor.gather.actions import JourneyContext, back_home, error_said, need, press
from auditor.gather.actions.opening import reveal
from auditor.gather.failures import Lost, StepFailed
from auditor.gather.forms import classify_field, field_locator
from auditor.gather.step import Step


def account_holds(inputs: dict[str, Any]) -> set[str]:
    """What her account surely holds, as autocomplete tokens: the e-mail she signs in with,
    and what the journey's `inputs.account.holds` lists (a saved address: address-line1,
    postal-code, ...). Only these count as asked for again: a new account holds no address."""
    given = inputs.get("account") or {}
    listed = given.get("holds") if isinstance(given, dict) else None
    return {"email", *(listed or ())}


def sign_in(ctx: JourneyContext, step: Step, _params: dict[str, Any]) -> None:
    account = account_of(ctx.inputs)
    if account is None:
        raise Lost(f"the auditor has no account to sign in with: set {ACCOUNT_ENV}="
                   "EMAIL:PASSWORD, or inputs.account {email, password} in a profile")
    if not _sign_in_form(ctx):
        override = ctx.locators.get("sign_in")
        link = discovery.account_link(ctx.page, override) or reveal(
            ctx, step, lambda: discovery.account_link(ctx.page, override), "account")
        press(ctx, step, need(step, "a sign-in link", link,
                              "links or header buttons named account/sign in/log in",
                              "sign_in"))
    form = _sign_in_form(ctx)
    if form is None:
        raise Lost("the auditor could not find the sign-in form (an e-mail or user-name field "
                   "beside a password field); check by hand, or set locators.sign_in")
    email, password = form
    step.evidence.typing_ms += ctx.session.type_keys(email, account[0])
    step.evidence.typing_ms += ctx.session.type_keys(password, account[1], secret=True)
    own = password.locator("xpath=ancestor::form[1]")
    scope = own if own.count() else ctx.page
    button = need(step, "the sign-in button", (own.count() and discovery.own_button(own))
                  or discovery.submit_control(scope, "account"),
                  "the sign-in form's own button, or a button named sign in/log in in it",
                  "sign_in")
    press(ctx, step, button)
    if _sign_in_form(ctx):
        said = error_said(ctx)
        raise StepFailed("the store did not sign in with the account given"
                         + (f": {said}" if said else ""))
    ctx.signed_in = True


def _sign_in_form(ctx: JourneyContext) -> tuple[Locator, Locator] | None:
    """The shown e-mail (or user-name) field and password field, read as the checkout's
    fields are read (every frame, labels, autocomplete)."""
    shown = [f for f in ctx.session.fields() if f["visible"]]
    email = next((f for f in shown if f["type"] != "password"
                  and (classify_field(f)[0] == "email" or "username" in f["autocomplete"])),
                 None)
    password = next((f for f in shown if f["type"] == "password"), None)
    if email is None or password is None:
        return None
    return field_locator(ctx.page, email), field_locator(ctx.page, password)


def sign_out(ctx: JourneyContext, step: Step, _params: dict[str, Any]) -> None:
    def control() -> discovery.Found | None:
        return discovery.submit_control(ctx.page, "sign_out", ctx.locators.get("sign_out"))

    def look() -> discovery.Found | None:
        return control() or reveal(ctx, step, control, "account")

    found = look()
    if found is None and back_home(ctx, step, "the sign-out"):  # a checkout's reduced header
        found = look()
    if found is None and (account := discovery.account_link(ctx.page)) is not None:
        press(ctx, step, account.locator)  # on the account page, as a person looks next
        step.evidence.effort.append("opened the account page to find the sign-out")
        found = look()
    press(ctx, step, need(step, "a sign-out control", found,
                          "buttons or links named sign out/log out, opening account menus",
                          "sign_out"))
    ctx.signed_in = False
