"""Buying: fill the checkout form with the persona's slips, place the order, make an account."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Error

from auditor.cards import luhn_ok
from auditor.gather import discovery, script
from auditor.gather.actions import JourneyContext, action, click, need, press
from auditor.gather.discovery import Found
from auditor.gather.forms import by_key, classify_field, compare, field_key, field_locator
from auditor.gather.secrets import SECRET_FIELDS
from auditor.gather.step import Step
from auditor.gather.vocabulary import words
from auditor.gather.wording import StepFailed

MAX_CHECKOUT_PAGES = 4


def value_for(ctx: JourneyContext, token: str) -> str | None:
    customer = ctx.inputs.get("customer", {})
    if token == "current-password":
        token = "new-password"
    return customer.get(token)


def slip(token: str, value: str) -> str:
    """The persona's slip: one digit dropped, chosen so that the result is really wrong."""
    digits = [i for i, ch in enumerate(value) if ch.isdigit()]
    for i in reversed(digits):
        wrong = value[:i] + value[i + 1:]
        if token != "cc-number" or not luhn_ok("".join(c for c in wrong if c.isdigit())):
            return wrong.rstrip()
    return value[:-1]


def _slip_target(ctx: JourneyContext, tokens: set[str]) -> str | None:
    """The field the persona will get wrong this time, if he still makes mistakes.

    His slip belongs in the card number; only a flow that reaches its final button without
    any card field (pay on delivery, payment elsewhere) gets it in a fallback field.
    """
    card_seen = any(t == "cc-number" for t in ctx.tokens.values())
    for mistake in ctx.session.persona.mistakes:
        candidates = [mistake.field]
        if mistake.field not in tokens and not card_seen and _final_page(ctx):
            candidates += list(mistake.fallback_fields)
        for token in candidates:
            if token in tokens:
                return token if ctx.slips.get(token, 0) < mistake.times else None
    return None


def _final_page(ctx: JourneyContext) -> bool:
    """Whether this checkout page holds the button that places the order."""
    return discovery.submit_control(ctx.page, "place_order") is not None


def fill_fields(ctx: JourneyContext, step: Step, only_missing: bool, required: bool = False,
                controls: list[dict[str, Any]] | None = None) -> list[str]:
    """Type every field the persona knows an answer for; returns the keys typed.
    `controls`: the page's form controls when just read, else they are read here."""
    if controls is None:
        controls = ctx.session.fields()
    fields = [f for f in controls if f["visible"] and not f["readonly"]]
    tokens = {f["key"]: f["token"] for f in _classified(fields) if f["token"]}
    target = _slip_target(ctx, set(tokens.values()))
    typed: list[str] = []
    for f in _classified(fields):
        key, token = f["key"], f["token"]
        if f["type"] in ("checkbox", "radio"):
            _tick_if_required(ctx, f)
            continue
        value = value_for(ctx, token) if token else ("Test" if f["required"] else None)
        if value is None:
            continue
        kept = (f["value"] == ctx.typed.get(key) and not f["ariaInvalid"]
                and not f["browserInvalid"])
        if only_missing and kept and token != target:
            continue
        if token == target:
            value = slip(token, value)
            ctx.slips[token] = ctx.slips.get(token, 0) + 1
            step.evidence.slip_in = key
        locator = field_locator(ctx.page, f)
        if f["tag"] == "select":
            _choose(locator, f, value)
        elif f["tag"] == "combobox":
            _choose_custom(ctx, locator, value)
        else:
            step.evidence.typing_ms += ctx.session.type_keys(
                locator, value, secret=token in SECRET_FIELDS)
        ctx.typed[key] = value
        if token:
            ctx.tokens[key] = token
        typed.append(key)
    step.evidence.fields_typed = len(typed)
    if required and not tokens and not typed:
        raise StepFailed("could not find checkout fields (looked for inputs by autocomplete, "
                         "label, name and placeholder); set locators in a site profile")
    return typed


def _classified(fields: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for f in fields:
        token, how = classify_field(f)
        out.append({**f, "token": token, "how": how, "key": field_key(f)})
    return out


def _choose(locator: Any, field: dict[str, Any], value: str) -> None:
    match = next((o for o in field["options"] if o.lower() == value.lower()), None)
    try:
        if match:
            locator.select_option(label=match)
        elif len(field["options"]) > 1:
            locator.select_option(index=1)
    except Error:
        pass


def _choose_custom(ctx: JourneyContext, locator: Any, value: str) -> None:
    """A drop-down built from divs: open it, then pick the option by its text."""
    click(ctx, locator)
    options = ctx.page.get_by_role("option")
    wanted = options.filter(has_text=value)
    target = wanted.first if wanted.count() else options.first
    click(ctx, target)


def _tick_if_required(ctx: JourneyContext, field: dict[str, Any]) -> None:
    if field["required"] and field["type"] == "checkbox" and not field["value"]:
        field_locator(ctx.page, field).check()


def _form(ctx: JourneyContext, _params: dict[str, Any]) -> list[dict[str, Any]]:
    return ctx.session.fields()


@action("fill_checkout", "Fill in the checkout form", "purchase", _form)
def fill_checkout(ctx: JourneyContext, step: Step, params: dict[str, Any]) -> None:
    fill_fields(ctx, step, only_missing=False, required=True,
                controls=ctx.first_read(_form, params))


def _order_form(ctx: JourneyContext,
                _params: dict[str, Any]) -> tuple[list[dict[str, Any]], Found | None]:
    """The form as it stands and its place-order button, if this page has one."""
    return ctx.session.fields(), discovery.submit_control(ctx.page, "place_order",
                                                          ctx.locators.get("place_order"))


@action("place_order", "Place the order", "purchase", _order_form)
def place_order(ctx: JourneyContext, step: Step, params: dict[str, Any]) -> None:
    form = ctx.first_read(_order_form, params)
    if ctx.attempt > 1:  # a retry: retype what the store lost, then read the form again
        step.evidence.retyped = fill_fields(ctx, step, only_missing=True,
                                                    controls=form[0])
        form = _order_form(ctx, params)
    for page in range(MAX_CHECKOUT_PAGES):
        fields, control = form if page == 0 else _order_form(ctx, params)
        before = by_key(fields)
        is_final = control is not None
        control = control or discovery.submit_control(ctx.page, "continue")
        button = need(step, "the place-order button", control or discovery.any_submit(ctx.page),
                      "buttons named place order/buy/pay/continue", "place_order")
        start_url = ctx.page.url
        press(ctx, step, button)
        if _confirmed(ctx, step):
            return
        after = by_key(ctx.session.fields())
        outcome = compare(before, after, ctx.typed)
        if is_final or outcome.invalid or outcome.cleared or ctx.page.url == start_url:
            _record_rejection(ctx, step, outcome, after, start_url)
            return
        fill_fields(ctx, step, only_missing=True)
    raise StepFailed(f"no order confirmation after {MAX_CHECKOUT_PAGES} checkout pages")


def _confirmed(ctx: JourneyContext, step: Step) -> bool:
    """Whether the page confirms the order: its number, words said only of a placed order
    (on any address: a one-page checkout confirms on its own), or a thank-you away from
    the checkout. Guests often get no number."""
    text = discovery.main_content(ctx.page).text
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
    outcome.error_message = _error_text(ctx)
    step.evidence.form = outcome
    failed = [e for e in ctx.session.traffic.http_errors if e["status"] >= 500]
    if failed:
        raise StepFailed(f"the store answered HTTP {failed[0]['status']} when the order was "
                         f"placed ({failed[0]['url']})")
    if not (outcome.invalid or outcome.cleared or outcome.error_message):
        raise StepFailed("the order was not confirmed and the page shows no error: "
                         "no order number or thank-you message was found")
    ctx.retry = True


def _last_slip(ctx: JourneyContext) -> str | None:
    slipped = {t for t, n in ctx.slips.items() if n}
    return next((k for k, t in ctx.tokens.items() if t in slipped), None)


def _error_text(ctx: JourneyContext) -> str | None:
    try:
        texts = [t.strip() for t in ctx.page.evaluate(script("error_texts.js")) if t.strip()]
    except Error:
        return None
    return ctx.session.redact(" ".join(texts)[:300]) if texts else None


def _account_offer(ctx: JourneyContext, _params: dict[str, Any]) -> tuple[bool, Found | None]:
    """Whether a password field is already shown, else the offer to create an account."""
    if _password_fields(ctx):
        return True, None
    return False, discovery.submit_control(ctx.page, "create_account")


@action("create_account", "Create an account", "retention", _account_offer)
def create_account(ctx: JourneyContext, step: Step, params: dict[str, Any]) -> None:
    shown, offer = ctx.first_read(_account_offer, params)
    if not shown:
        press(ctx, step, need(step, "a create-account offer", offer,
                              "buttons or links named create account/register/sign up",
                              "create_account"))
    fill_fields(ctx, step, only_missing=True)
    button = need(step, "the create-account button",
                  discovery.submit_control(ctx.page, "create_account",
                                           ctx.locators.get("create_account")),
                  "buttons named create account/register/sign up", "create_account")
    press(ctx, step, button)
    if _password_fields(ctx) and _error_text(ctx):
        raise StepFailed(f"the account was not created: {_error_text(ctx)}")


def _password_fields(ctx: JourneyContext) -> list[dict[str, Any]]:
    return [f for f in ctx.session.fields() if f["type"] == "password" and f["visible"]]
