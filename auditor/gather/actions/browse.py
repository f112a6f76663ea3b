"""Arriving and browsing: visit, open a category through the menu, filter, open a product."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin

from playwright.sync_api import Locator

from auditor.gather import choosing, discovery
from auditor.gather.actions import JourneyContext, need, press
from auditor.gather.actions.opening import reveal
from auditor.gather.failures import NotOffered, StepFailed
from auditor.gather.forms import field_locator
from auditor.gather.page_facts import offered
from auditor.gather.step import Step
from auditor.gather.vocabulary import PRICE_FIELD, PRICE_HIGH, PRICE_LOW, WORDS


def visit(ctx: JourneyContext, step: Step, params: dict[str, Any]) -> None:
    url = urljoin(ctx.base_url, params.get("path", ""))
    step.act(lambda: ctx.page.goto(url, wait_until="commit"))


def _wish(ctx: JourneyContext) -> set[str]:
    return choosing.wish(ctx.inputs, ctx.session.persona.goal)


def _category_choice(ctx: JourneyContext, params: dict[str, Any]) -> choosing.Choice | None:
    """The category she will open: the named one if the menu has it, else her pick."""
    return choosing.choose(_named(params, ctx), discovery.category_names(ctx.page), _wish(ctx),
                           "category", "in the menu")


def _named(params: dict[str, Any], ctx: JourneyContext,
           chosen: choosing.Choice | None = None) -> str | None:
    """Her category's name: the one chosen, else the scenario's."""
    return chosen.name if chosen else params.get("category") or ctx.inputs.get("category")


def category_link(ctx: JourneyContext,
                   params: dict[str, Any]) -> tuple[choosing.Choice | None,
                                                    discovery.Found | None]:
    """Her category (the scenario's when the menu names none), and its link when it is in
    sight already."""
    chosen = _category_choice(ctx, params)
    return chosen, discovery.navigation_link(ctx.page, _named(params, ctx, chosen),
                                             ctx.locators.get("category"))


def open_category(ctx: JourneyContext, step: Step, params: dict[str, Any]) -> None:
    chosen, found = ctx.first_read(category_link, params)
    if found is None:  # chosen again once a menu is open: it may hold the only names
        def in_the_open_menu() -> discovery.Found | None:
            nonlocal chosen
            chosen, hit = category_link(ctx, params)
            return hit
        found = reveal(ctx, step, in_the_open_menu, "menu")
    name = _named(params, ctx, chosen)
    step.evidence.chose = chosen.why if chosen else None
    if found is None and chosen is None and discovery.unlinked_products(ctx.page):
        raise NotOffered("no-category-menu", "this store has no category menu: every product "
                                             "is listed on one page, without a page of its own")
    link = need(step, f"a navigation link to '{name or 'any category'}'", found,
                "links and menu items in nav/header, opening menus and drop-downs", "category")
    press(ctx, step, link)


def price_filter(ctx: JourneyContext,
                  _params: dict[str, Any]) -> tuple[Locator | None, Locator | None, int]:
    """The minimum and maximum price inputs (a range, or fields named for a price, as the
    page facts count them), told apart by their names and labels (a slider with two thumbs
    and no names: the first and the last), and how many products the page lists before
    filtering."""
    low = high = None
    sliders = []
    for f in ctx.session.fields():
        if not f["visible"] or f["type"] not in ("number", "text", "range", "search"):
            continue
        words = " ".join(f[k] for k in ("name", "id", "label", "placeholder"))
        if f["type"] != "range" and not re.search(PRICE_FIELD, words, re.I):
            continue
        locator = field_locator(ctx.page, f)
        if re.search(PRICE_HIGH, words, re.I):
            high = high or locator
        elif re.search(PRICE_LOW, words, re.I):
            low = low or locator
        elif f["type"] == "range":
            sliders.append(locator)
    if len(sliders) > 1:
        low, high = low or sliders[0], high or sliders[-1]
    elif sliders:
        high = high or sliders[0]  # one slider with no name: a price up to
    return low, high, discovery.count_results(ctx.page)


def _already(slider: Locator, key: str, price: float) -> bool:
    """Whether the slider's own end is already within what she wants (a price up to €80
    on a slider that ends at €34.90): a person leaves it where it is."""
    end = slider.get_attribute(key)
    try:
        return end is not None and (float(end) <= price if key == "max" else float(end) >= price)
    except ValueError:
        return False


def _submit_filters(ctx: JourneyContext, step: Step, field: Locator) -> None:
    form_button = field.locator("xpath=ancestor::form[1]").locator(
        "button[type=submit], button:not([type]), input[type=submit]")
    if form_button.count():
        press(ctx, step, form_button.first)
    else:
        step.act(lambda: field.press("Enter"))


def filter_price(ctx: JourneyContext, step: Step, params: dict[str, Any]) -> None:
    low, high, before = ctx.first_read(price_filter, params)
    if low is None and high is None and not offered(ctx.page, "priceFilter"):
        raise NotOffered("no-price-filter", "this store offers no price filter: no field named "
                                            "for a price anywhere on the page")
    if low is None and high is None:
        raise StepFailed("could not use the page's price filter: its fields are there but "
                         "not shown (a closed filter panel?); set locators in a site profile")
    typed_into, left = None, False
    for locator, key in ((low, "min"), (high, "max")):
        if locator is None or params.get(key) is None:
            continue
        if locator.get_attribute("type") == "range":
            if _already(locator, key, float(params[key])):
                step.evidence.effort.append(f"left the {key} price: every price here is "
                                            "within it already")
                left = True
                continue
            locator.fill(str(params[key]))  # a slider is dragged, not typed into
        else:
            step.evidence.typing_ms += ctx.session.type_keys(locator, str(params[key]))
        typed_into = locator
    if typed_into is not None or not left:
        _submit_filters(ctx, step, typed_into or high or low)
    step.evidence.results_before = before
    step.evidence.results_after = discovery.count_results(ctx.page)


def clearance_control(ctx: JourneyContext,
               _params: dict[str, Any]) -> tuple[discovery.Found | None, int]:
    """The clearance filter, and how many products the page lists before it is used."""
    return discovery.clearance_control(ctx.page), discovery.count_results(ctx.page)


def filter_clearance(ctx: JourneyContext, step: Step, params: dict[str, Any]) -> None:
    found, before = ctx.first_read(clearance_control, params)
    if found is None and not offered(ctx.page, "clearance"):
        raise NotOffered("no-clearance-filter", "this store offers no clearance or sale filter: "
                                                "nothing on the page is named for one")
    control = need(step, "a clearance or sale filter", found,
                   "a checkbox or link named clearance/sale/outlet", "clearance")
    if control.get_attribute("type") == "checkbox" or found.how.startswith("checkbox"):
        control.check()
        _submit_filters(ctx, step, control)
    else:
        press(ctx, step, control)
    step.evidence.results_before = before
    step.evidence.results_after = discovery.count_results(ctx.page)


def product_link(ctx: JourneyContext,
                  params: dict[str, Any]) -> tuple[choosing.Choice | None,
                                                   discovery.Found | None]:
    """Her product: the named one as the page lists it (its own link, never a heading or
    breadcrumb that repeats her words: "Search results for: wooden toy train"), else a link
    named for it, else the listed one closest to her wish, else the first listed."""
    named = params.get("product") or ctx.inputs.get("product")
    override = ctx.locators.get("product")
    listed = [] if override else discovery.listed_products(ctx.page)
    chosen = choosing.choose(named, [name for _, name in listed], _wish(ctx), "product",
                             "on this page")
    if chosen is not None and chosen.why is None and (
            found := discovery.link_to(ctx.page, listed[chosen.index][0])):
        return chosen, found
    if named and (found := discovery.product_link(ctx.page, named, override)):
        return choosing.Choice(named), found
    if override or chosen is None:
        return chosen, discovery.product_link(ctx.page, named, override)
    return chosen, (discovery.link_to(ctx.page, listed[chosen.index][0])
                    or discovery.product_link(ctx.page, chosen.name))


def _read_where_listed(ctx: JourneyContext, step: Step, named: str | None) -> bool:
    """In a one-page shop her product has no page of its own: she reads it where it is
    listed (its words, price and quantity box); whether there was one to read."""
    here = discovery.unlinked_products(ctx.page)
    chosen = choosing.choose(named, [name for _, name in here], _wish(ctx), "product",
                             "on this page")
    if chosen is None:
        return False
    here[chosen.index][0].scroll_into_view_if_needed()
    step.evidence.chose = chosen.why
    step.evidence.effort.append(f"read “{chosen.name[:60]}” where it is listed: it has no "
                                "page of its own")
    ctx.product_url, ctx.product = ctx.page.url, chosen
    return True


def open_product(ctx: JourneyContext, step: Step, params: dict[str, Any]) -> None:
    chosen, found = ctx.first_read(product_link, params)
    named = params.get("product") or ctx.inputs.get("product")
    step.evidence.chose = chosen.why if chosen else None
    if found is None and not ctx.locators.get("product") and _read_where_listed(ctx, step, named):
        return
    shown = discovery.main_content(ctx.page) if found is None else None
    if shown and not shown.listed and shown.results == 0 and re.search(
            WORDS["no_results"], shown.text, re.I):
        raise StepFailed("there is no product to open: the page says it found nothing "
                         "(a customer meets the same dead end)")
    link = need(step, f"a link to the product '{named}'" if named else "a product link", found,
                "product links in the main region", "product")
    press(ctx, step, link)
    if step.evidence.status == "ok":
        ctx.product_url = ctx.page.url
        ctx.product = chosen
