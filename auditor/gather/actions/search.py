"""Searching as a person does: tap the box, type the words, press Enter, count what came."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import Error

from auditor.gather import discovery, script
from auditor.gather.actions import JourneyContext, click, need
from auditor.gather.actions.opening import reveal
from auditor.gather.choosing import search_words
from auditor.gather.failures import NotOffered
from auditor.gather.step import Step
from auditor.gather.vocabulary import WORDS, words
from auditor.model import SearchOutcome


def search_box(ctx: JourneyContext, _params: dict[str, Any]) -> discovery.Found | None:
    return discovery.search_box(ctx.page, ctx.locators.get("search"))


def search(ctx: JourneyContext, step: Step, params: dict[str, Any]) -> None:
    wanted = search_words(str(params.get("query") or ctx.inputs.get("search") or ""),
                          ctx.product)
    query, step.evidence.chose = wanted.name, wanted.why
    found = ctx.first_read(search_box, params) or reveal(
        ctx, step, lambda: search_box(ctx, params), "search")
    if found is None and not _offered(ctx):
        raise NotOffered("no-search", "this store offers no search: no search box, form or "
                         "control named for searching anywhere on the page")
    box = need(step, "the search box", found,
               "role=searchbox, inputs in role=search, inputs named q/search, placeholders, "
               "opening search icons and menus", "search")
    step.evidence.search = SearchOutcome(query, 0)
    click(ctx, box)
    step.evidence.typing_ms += ctx.session.type_keys(box, query)
    step.act(lambda: box.press("Enter"))
    step.evidence.search = read_results(ctx, query)


def _offered(ctx: JourneyContext) -> bool:
    """Whether the page holds a search at all, hidden parts included: not finding one that
    is there is the auditor's failure; a page without one is the store's lack."""
    try:
        return bool(ctx.page.evaluate(script("search_offered.js"), WORDS["search"]))
    except Error:
        return True


def read_results(ctx: JourneyContext, query: str) -> SearchOutcome:
    """How many products the results page lists, and whether an empty page offers a way on.

    A page that says it found nothing lists none, unless a product it lists carries a word
    of the query: "no results in the blog" above the product sought is no empty search (and
    a false "zero results" costs more than a missed one); suggested other products are."""
    shown = discovery.main_content(ctx.page)
    count = shown.results
    if words("no_results").search(shown.text) and not _sought(query, shown.products):
        count = 0
    return SearchOutcome(query, count, count == 0 and shown.links > 0,
                         list(shown.headings) if count else [])


def _sought(query: str, products: tuple[str, ...]) -> bool:
    """Whether a listed product's link words hold a word of the query (3 letters or more)."""
    wanted = {w for w in re.findall(r"\w+", query.lower()) if len(w) >= 3}
    return any(wanted & set(re.findall(r"\w+", name.lower())) for name in products)
