"""`auditor discover`: walk a store once, list what discovery finds, write a profile skeleton."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from auditor.access import OPEN, Access
from auditor.actions import locator_keys
from auditor.gather.browser import open_browser
from auditor.gather.forms import classify_field, field_key
from auditor.gather.vocabulary import words
from auditor.gather.walk import RunOptions, walk
from auditor.model import Journey, JourneyEvidence, Persona, StepEvidence, StepSpec
from auditor.scenario import DEFAULT_INPUTS, merge_inputs

EXPLORER = Persona("explorer", "Explorer", "Looks for everything a shopper needs.",
                   typing_ms_per_key=0)
STEPS = (
    StepSpec("visit", "Home page", "awareness"),
    StepSpec("search", "Search box", "consideration"),
    StepSpec("visit", "Back to the home page", "awareness"),
    StepSpec("open_category", "Category navigation", "consideration"),
    StepSpec("open_product", "A product", "consideration"),
    StepSpec("add_to_cart", "Add to cart", "purchase"),
    StepSpec("go_to_checkout", "Cart and checkout", "purchase"),
)
ORDER_STEPS = (StepSpec("fill_checkout", "Checkout form", "purchase"),
               StepSpec("place_order", "Place the order", "purchase"))


@dataclass
class Discovery:
    """What was found on a store, element by element, and the checkout fields."""

    elements: dict[str, dict[str, Any]] = field(default_factory=dict)
    missing: list[tuple[str, str]] = field(default_factory=list)
    fields: list[dict[str, Any]] = field(default_factory=list)
    order_number: str | None = None
    order_placed: bool = False
    journey: JourneyEvidence | None = None
    # What it did on the way, by step: chose (an input of its own, and why), opened, answered.
    choices: list[tuple[str, str]] = field(default_factory=list)
    effort: list[tuple[str, str]] = field(default_factory=list)


def discover(url: str, inputs: dict[str, Any] | None = None,
             locators: dict[str, str] | None = None, place_order: bool = False,
             out: Path | None = None, access: Access = OPEN) -> Discovery:
    """Walk the explorer's journey and collect every locator it used or failed to find."""
    steps = STEPS + (ORDER_STEPS if place_order else ())
    journey = Journey(EXPLORER, steps, merge_inputs(DEFAULT_INPUTS, inputs or {}))
    found = Discovery()
    options = RunOptions(typing_scale=0, dwell_ms=0, locators=locators, access=access,
                         axe=False)
    with open_browser() as browser:
        found.journey = walk(browser, journey, url, out, options,
                             on_step=lambda _j, ev: _collect(found, ev))
    if place_order and found.journey.steps:
        found.order_number = found.journey.steps[-1].order_number
        found.order_placed = found.journey.steps[-1].order_placed
    return found


def _collect(found: Discovery, ev: StepEvidence) -> None:
    found.elements.update(ev.found)
    if ev.chose:
        found.choices.append((ev.name, ev.chose))
    found.effort += [(ev.name, done) for done in ev.effort]
    if ev.status in ("failed", "not-offered") and ev.error:
        found.missing.append((ev.name, ev.error))
    if ev.action == "go_to_checkout" and ev.status == "ok" and ev.checkout_fields:
        found.fields = ev.checkout_fields


def classified_fields(raw: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Checkout fields with their meaning, for printing and for the profile."""
    out = []
    for f in raw:
        search_box = words("search").search(f.get("label") or f.get("placeholder") or "")
        if not f.get("visible") or f.get("type") == "search" or search_box:
            continue
        token, how = classify_field(f)
        out.append({"token": token or "?", "how": how or "not recognised",
                    "name": field_key(f), "label": f.get("label") or
                    f.get("placeholder") or "", "frame": f.get("frame", 0)})
    return out


def profile_skeleton(url: str, found: Discovery) -> str:
    """A profile to edit: every locator discovery used, commented, with its evidence."""
    lines = [f"# Site profile for {url}, written by `auditor discover` on {date.today()}.",
             "# Uncomment a locator to override discovery; edit inputs for this store.",
             "locators:"]
    for key in locator_keys():
        hit = found.elements.get(key)
        if hit:
            lines.append(f"  # {key}: {json.dumps(hit['selector'])}"
                         f"    # found by {hit['how']} (confidence {hit['confidence']:.2f})")
        else:
            lines.append(f"  # {key}: \"\"    # NOT FOUND: give a CSS selector")
    lines += ["inputs:", "  search: wooden toy train", "  # product: a product name to open",
              "  # category: a menu entry to open", "  customer:",
              "    # postal-code: \"10115\"", "    # country: Germany",
              "    # cc-number: 4242 4242 4242 4242   # a test card your store accepts"]
    return "\n".join(lines) + "\n"
