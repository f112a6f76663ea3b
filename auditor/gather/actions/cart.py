"""Deciding: add the product to the cart and find the way to checkout."""

from __future__ import annotations

import time
from typing import Any

from auditor.gather import discovery
from auditor.gather.actions import JourneyContext, need, note, press
from auditor.gather.forms import field_locator
from auditor.gather.step import Step


def add_button(ctx: JourneyContext, _params: dict[str, Any]) -> discovery.Found | None:
    return discovery.add_to_cart(ctx.page, ctx.locators.get("add_to_cart"))


def add_to_cart(ctx: JourneyContext, step: Step, params: dict[str, Any]) -> None:
    found = ctx.first_read(add_button, params)
    if found is None and ctx.product_url:
        # The persona left the product page earlier (e.g. after a drop-off): go back to it
        # off the step's clock, so the store's add-to-cart is still audited. How long that
        # took is kept apart: it is the store's time, not the auditor's.
        started = time.monotonic()
        ctx.page.goto(ctx.product_url)
        step.evidence.returned_to_product_ms = round((time.monotonic() - started) * 1000)
        found = add_button(ctx, params)
    button = need(step, "the add-to-cart button", found,
                  "buttons named add to cart/basket/bag or buy", "add_to_cart")
    _choose_required_options(ctx)
    press(ctx, step, button)


def _choose_required_options(ctx: JourneyContext) -> None:
    """Pick the first real choice in size or colour selects that have none yet, and where a
    one-page shop lists a quantity box at nothing by each product, one of hers (the box
    named for her product, else the only or first one)."""
    fields = ctx.session.fields()
    for f in fields:
        if f["tag"] == "select" and f["visible"] and not f["value"] and len(f["options"]) > 1:
            field_locator(ctx.page, f).select_option(index=1)
    empty = [f for f in fields if f["type"] == "number" and f["visible"] and not f["readonly"]
             and f["value"] in ("", "0")]
    if not empty:
        return
    hers = (ctx.product.name if ctx.product else "").lower()
    box = next((f for f in empty if hers and hers in f["label"].lower()), empty[0])
    field_locator(ctx.page, box).fill("1")


def checkout_control(ctx: JourneyContext, _params: dict[str, Any]) -> discovery.Found | None:
    return discovery.checkout_control(ctx.page, ctx.locators.get("checkout"))


def go_to_checkout(ctx: JourneyContext, step: Step, params: dict[str, Any]) -> None:
    found = ctx.first_read(checkout_control, params)
    if found is None:
        cart = need(step, "the cart", discovery.cart_link(ctx.page, ctx.locators.get("cart")),
                    "links or buttons named cart/basket/bag", "cart")
        press(ctx, step, cart)
        found = checkout_control(ctx, params)
    control = need(step, "the checkout button", found,
                   "buttons or links named checkout / proceed to checkout", "checkout")
    press(ctx, step, control)
    guest = discovery.guest_choice(ctx.page)
    if guest and ctx.session.persona.guest:
        note(step, "guest", guest)
        press(ctx, step, guest.locator)
    step.evidence.checkout_fields = [
        {k: f[k] for k in ("index", "tag", "type", "name", "id", "autocomplete", "label",
                           "placeholder", "visible", "frame")}
        for f in ctx.session.fields()]
