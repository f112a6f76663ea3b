"""Every action a persona can take, declared once: its title, stage, touchpoint, moment of
truth, the page facts her look reads, the site-profile locators it obeys and its function.

Scenario loading, the map, site profiles and the persona's look all read this table, and
importing it loads no browser code: a built-in action's function is named by where it lives
(`"cart:add_to_cart"` under `auditor.gather.actions`) and imported when a walk first needs it.
A user's action is one function with its declaration on it:

    from auditor.actions import action

    @action("redeem_gift_card", "Redeem a gift card", "purchase",
            touchpoint="the gift card box")
    def redeem_gift_card(ctx, step, params): ...
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from auditor.model import StepSpec

# (the journey's context, the step being measured, the step's parameters)
ActionFn = Callable[[Any, Any, dict[str, Any]], None]
# What an action reads of the page before doing anything: (the journey's context, the step's
# parameters). It can run during the persona's look at the page the step before
# (gather/lookahead.py), where it costs no time of its own.
FirstRead = Callable[[Any, dict[str, Any]], Any]
Ref = str | Callable[..., Any]  # "module:name" under auditor.gather.actions, or the function

# The page facts her look can read on a step's page (gather/scripts/page_facts.js).
FACTS = ("product", "priceFilter", "form")
DEFAULT_EXPECTATION = "happy"  # the ideal journey, unless a step says `expect: EMOTION`


@dataclass(frozen=True)
class Action:
    name: str  # what a scenario's step says: `action: add_to_cart`
    title: str  # the step's name, unless the scenario gives one
    stage: str  # the journey-map stage, unless the step says `stage:`
    touchpoint: str  # where she meets the store, in a journey map's words
    function: Ref  # what she does: function(ctx, step, params)
    first_read: Ref | None = None  # what the function reads first: first_read(ctx, params)
    moment_of_truth: bool = False  # won or lost here, unless the step says otherwise
    facts: tuple[str, ...] = ()  # of FACTS: what her look reads on this step's page
    locators: tuple[str, ...] = ()  # site-profile `locators:` keys that win over discovery

    def perform(self, ctx: Any, step: Any, params: dict[str, Any]) -> None:
        _resolved(self.function)(ctx, step, params)

    def reads_first(self) -> FirstRead | None:
        return _resolved(self.first_read) if self.first_read else None


@cache
def _resolve_path(ref: str) -> Callable[..., Any]:
    module, name = ref.split(":")
    return getattr(importlib.import_module(f"auditor.gather.actions.{module}"), name)


def _resolved(ref: Ref) -> Callable[..., Any]:
    return _resolve_path(ref) if isinstance(ref, str) else ref


def _builtin(*actions: Action) -> dict[str, Action]:
    return {a.name: a for a in actions}


# Finding the product (by search or by opening it) and the order placed are where a journey
# is won or lost, after the sources' moments of truth (discovery, purchase); arriving is not
# one unless a scenario says so.
ACTIONS: dict[str, Action] = _builtin(
    Action("visit", "Arrive on the store", "awareness", "the home page", "browse:visit",
           facts=("priceFilter",)),
    Action("open_category", "Open a category from the menu", "consideration", "the menu",
           "browse:open_category", "browse:category_link", facts=("priceFilter",),
           locators=("category",)),
    Action("filter_price", "Filter by price", "consideration", "the price filter",
           "browse:filter_price", "browse:price_filter", facts=("priceFilter",)),
    Action("filter_clearance", "Show only clearance items", "consideration", "the sale filter",
           "browse:filter_clearance", "browse:clearance_control", facts=("priceFilter",),
           locators=("clearance",)),
    Action("open_product", "Open a product", "consideration", "a product page",
           "browse:open_product", "browse:product_link", moment_of_truth=True,
           facts=("product",), locators=("product",)),
    Action("search", "Search the store", "consideration", "the search box", "search:search",
           "search:search_box", moment_of_truth=True, locators=("search",)),
    Action("add_to_cart", "Add to cart", "purchase", "the add-to-cart button",
           "cart:add_to_cart", "cart:add_button", locators=("add_to_cart",)),
    Action("go_to_checkout", "Go to checkout", "purchase", "the cart", "cart:go_to_checkout",
           "cart:checkout_control", facts=("form",), locators=("cart", "checkout")),
    Action("fill_checkout", "Fill in the checkout form", "purchase", "the checkout form",
           "checkout:fill_checkout", "checkout:checkout_form", facts=("form",)),
    Action("place_order", "Place the order", "purchase", "the place-order button",
           "checkout:place_order", "checkout:order_form", moment_of_truth=True,
           facts=("form",), locators=("place_order",)),
    Action("sign_in", "Sign in to her account", "consideration", "the sign-in page",
           "signing:sign_in", locators=("sign_in",)),
    Action("sign_out", "Sign out", "retention", "the account menu", "signing:sign_out",
           locators=("sign_out",)),
    Action("create_account", "Create an account", "retention", "the account offer",
           "checkout:create_account", "checkout:account_offer", locators=("create_account",)),
    Action("sign_up_for_news", "Sign up for news by e-mail", "retention",
           "the newsletter sign-up", "news_and_reviews:sign_up_for_news",
           "news_and_reviews:news_offers", locators=("newsletter",)),
    Action("recommend", "Review or share what she bought", "advocacy", "the product's reviews",
           "news_and_reviews:recommend", locators=("review",)),
)


def action(name: str, title: str, stage: str, *, touchpoint: str | None = None,
           first_read: FirstRead | None = None, moment_of_truth: bool = False,
           facts: tuple[str, ...] = (), locators: tuple[str, ...] = ()
           ) -> Callable[[ActionFn], ActionFn]:
    """Declare the decorated function as the action `name` (see the module's docstring); the
    touchpoint defaults to the name in words."""

    def declare(fn: ActionFn) -> ActionFn:
        ACTIONS[name] = Action(name, title, stage, touchpoint or name.replace("_", " "), fn,
                               first_read, moment_of_truth, tuple(facts), tuple(locators))
        return fn

    return declare


def locator_keys() -> tuple[str, ...]:
    """Every key a site profile's `locators:` may set, in the order of the table."""
    return tuple(dict.fromkeys(key for a in ACTIONS.values() for key in a.locators))


def touchpoint(action_name: str) -> str:
    """Where a step of this action meets the store, for results saved before steps kept it."""
    known = ACTIONS.get(action_name)
    return known.touchpoint if known else action_name.replace("_", " ")


def expectations(spec: StepSpec) -> tuple[bool, str]:
    """Whether the step is a moment of truth, and the emotion the team expects there."""
    default = ACTIONS[spec.action].moment_of_truth if spec.action in ACTIONS else False
    return (bool(spec.params.get("moment_of_truth", default)),
            str(spec.params.get("expect", DEFAULT_EXPECTATION)))
