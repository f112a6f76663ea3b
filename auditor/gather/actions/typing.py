"""Typing a form as the persona does: each field she knows an answer for, with her slips,
the boxes she must tick, drop-downs chosen by their words."""

from __future__ import annotations

import re
from contextlib import suppress
from typing import Any

from playwright.sync_api import Error

from auditor.cards import luhn_ok
from auditor.gather import discovery, script
from auditor.gather.actions import READY_WAIT_MS, JourneyContext, click, ready
from auditor.gather.failures import Lost
from auditor.gather.forms import classify_field, field_key, field_locator, tick
from auditor.gather.secrets import SECRET_FIELDS
from auditor.gather.step import Step
from auditor.gather.vocabulary import words


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
    """Whether this checkout page's button that places the order can be pressed now (a
    one-page checkout's is disabled while it still asks for a card)."""
    final = discovery.submit_control(ctx.page, "place_order")
    return final is not None and ready(final.locator)


def fill_fields(ctx: JourneyContext, step: Step, only_missing: bool, required: bool = False,
                controls: list[dict[str, Any]] | None = None,
                slip_again: bool = True, retype_refused: bool = True) -> list[str]:
    """Type every field the persona knows an answer for; returns the keys typed.
    `controls`: the page's form controls when just read, else they are read here.
    `slip_again`: a field he typed before may take his slip again (a retry); else only a
    field new to him does (one that appeared as the checkout went on).
    `retype_refused`: a field the page marks wrong is typed again (after a refused order)."""
    if controls is None:
        controls = ctx.session.fields()
    fields = [f for f in controls if f["visible"] and not f["readonly"]]
    tokens = {f["key"]: f["token"] for f in _classified(fields) if f["token"]}
    target = _slip_target(ctx, set(tokens.values()))
    typed: list[str] = []
    for f in _classified(fields):
        key, token = f["key"], f["token"]
        if f["type"] in ("checkbox", "radio"):
            _tick_if_asked(ctx, step, f)
            continue
        if ctx.signed_in and f["value"] and f["tag"] != "select" and key not in ctx.typed \
                and not (f["ariaInvalid"] or f["browserInvalid"]):
            continue  # her account filled it in (a list always shows something: chosen)
        value = value_for(ctx, token) if token else _unknown(f)
        if value is None:
            continue
        kept = f["value"] == ctx.typed.get(key) and not (  # an error beside it is seen, too
            retype_refused and (f["ariaInvalid"] or f["browserInvalid"] or f.get("error")))
        slipping = token is not None and token == target and (
            slip_again or key not in ctx.typed)
        if only_missing and kept and not slipping:
            continue
        if slipping:
            value = slip(token, value)
            ctx.slips[token] = ctx.slips.get(token, 0) + 1
            step.evidence.slip_in = key
        if not typed:  # said once a call, and only when there is something to type
            ctx.session.tell(f"filling in the form ({len(fields)} fields on it)")
        locator = _still_there(ctx, f)
        if locator is None:
            continue
        if f["tag"] == "select":
            value = _choose(locator, f, value)
            if value is None:  # its options are not there yet (they load after the country)
                continue
        elif f["tag"] == "combobox":
            value = _choose_custom(ctx, locator, f, value)
            if value is None:
                continue
        else:
            step.evidence.typing_ms += ctx.session.type_keys(
                locator, value, secret=token in SECRET_FIELDS)
        ctx.typed[key] = value
        if token:
            ctx.tokens[key] = token
        typed.append(key)
    if typed:  # she moves on from the last field (a form may save itself when she does)
        _leave(ctx)
    step.evidence.fields_typed = (step.evidence.fields_typed or 0) + len(typed)
    if required and not tokens and not typed:
        raise Lost("the auditor could not find checkout fields (looked for inputs by "
                   "autocomplete, label, name and placeholder); check by hand, or set locators "
                   "in a site profile")
    return typed


def _unknown(field: dict[str, Any]) -> str | None:
    """What she puts in a required field she has no answer for: the sum a little question
    asks ("What is the result of 9 + 1?", a store telling people from robots), a 1 where
    only a number fits, else a word; nothing in a field she may leave empty."""
    if not field["required"]:
        return None
    asked = re.search(r"(\d+)\s*([-+×x*])\s*(\d+)", field["label"])
    if asked:
        a, op, b = int(asked[1]), asked[2], int(asked[3])
        return str(a + b if op == "+" else a - b if op == "-" else a * b)
    return "1" if field["type"] == "number" else "Test"


def _leave(ctx: JourneyContext) -> None:
    """Focus leaves the field she typed last, as it does when she goes on to the next."""
    with suppress(Error):
        ctx.page.evaluate(script("leave_field.js"))


def _still_there(ctx: JourneyContext, field: dict[str, Any]) -> Any:
    """The field's locator; when the page re-drew it since it was read (a region list
    rebuilt after the country), the same field read again by its key, or None if gone."""
    locator = field_locator(ctx.page, field)
    if locator.count():
        return locator
    again = next((f for f in ctx.session.fields() if field_key(f) == field["key"]), None)
    return field_locator(ctx.page, again) if again else None


def _classified(fields: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for f in fields:
        token, how = classify_field(f)
        out.append({**f, "token": token, "how": how, "key": field_key(f)})
    return out


def _choose(locator: Any, field: dict[str, Any], value: str) -> str | None:
    """The option named `value`, else the first real one; the value chosen, or None when
    the drop-down offers nothing to choose yet."""
    match = next((o for o in field["options"] if o.lower() == value.lower()), None)
    try:
        if match:
            return locator.select_option(label=match)[0]
        if len(field["options"]) > 1:
            return locator.select_option(index=1)[0]
    except (Error, IndexError):
        pass
    return None


def _choose_custom(ctx: JourneyContext, locator: Any, field: dict[str, Any],
                   value: str) -> str | None:
    """A drop-down built from other elements: open it, wait for its own list (the one it
    controls: another list may still be closing), pick the option named `value`, else the
    first real one (not greyed out, not the drop-down's own name); the option chosen, or
    None when it offers nothing to choose (closed again)."""
    click(ctx, locator)
    try:
        own = locator.get_attribute("aria-controls", timeout=READY_WAIT_MS)
        options = (ctx.page.locator(f'[id="{own}"]') if own
                   else ctx.page.get_by_role("listbox").last).get_by_role("option")
        options.first.wait_for(state="visible", timeout=READY_WAIT_MS)
        offered = options.evaluate_all(script("option_names.js"))
        own_name = field["label"].rstrip(" *").lower()
        real = [i for i, (name, greyed) in enumerate(offered)
                if name and not greyed and name.lower() != own_name]
        pick = next((i for i in real if offered[i][0].lower() == value.lower()),
                    next((i for i in real if value.lower() in offered[i][0].lower()),
                         real[0] if real else None))
        if pick is not None:
            click(ctx, options.nth(pick), timeout=READY_WAIT_MS)
            return offered[pick][0]
    except Error:
        pass
    ctx.page.keyboard.press("Escape")
    return None


def _tick_if_asked(ctx: JourneyContext, step: Step, field: dict[str, Any]) -> None:
    """Tick a box the order needs: a required one, or terms she must agree to (never a
    newsletter: that is not asked of her)."""
    if field["type"] != "checkbox" or field["value"] or not (
            field["required"] or words("agree").search(field["label"])):
        return
    tick(ctx.page, field)
    step.evidence.effort.append(f"ticked “{field['label'][:60]}”")
