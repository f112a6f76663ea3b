"""Page facts: what a careful shopper checks by eye, read inside the page by page_facts.js.

The words to look for come from vocabulary.py and are matched in the page, so no page text
(which may be megabytes, or hold what a persona typed) has to leave the browser.
"""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Error, Page

from auditor.actions import ACTIONS, FACTS
from auditor.gather import script
from auditor.gather.secrets import SECRET_SELECTOR
from auditor.gather.vocabulary import ASIDE, PAGE_PATTERNS
from auditor.model import FormFacts, PageFacts, ProductFacts

MAX_ANALYSED_HTML = 3_000_000  # characters of HTML; bigger pages are measured but not read
DESCRIPTION_WORDS = 15  # a paragraph this long is a real description, not a one-liner


def wanted(action: str) -> dict[str, bool]:
    """Which facts matter for this kind of step (the page script gathers only those)."""
    declared = ACTIONS[action].facts if action in ACTIONS else ()
    return {fact: fact in declared for fact in FACTS}


def read_facts(page: Page, want: dict[str, bool]) -> dict[str, Any]:
    """page_facts.js's raw facts of the page as it is now (an Error if it is being replaced):
    the facts `want` names, its size, its change count and whether it shows a secret field."""
    return page.evaluate(script("page_facts.js"), {
        "patterns": PAGE_PATTERNS, "want": want, "maxChars": MAX_ANALYSED_HTML,
        "secretSelector": SECRET_SELECTOR, "aside": ASIDE})


def offered(page: Page, feature: str) -> bool:
    """Whether the page holds `feature` at all ("priceFilter", "clearance"), shown or not: a
    filter behind a closed panel is offered, and not finding it is then the auditor's
    failure; a page without one is the store's (it does not offer it). Unknown: offered."""
    try:
        facts = read_facts(page, {feature: True})
    except Error:
        return True
    return bool(facts.get(feature, True))


def page_facts(facts: dict[str, Any]) -> PageFacts:
    """The typed facts a step keeps from what page_facts.js gathered."""
    if facts["size"] > MAX_ANALYSED_HTML:
        return PageFacts(too_large_to_analyse_bytes=facts["size"])
    page = PageFacts(title=facts["title"][:120], h1=facts["h1"][:120])
    if "product" in facts:
        seen = facts["product"]
        product = ProductFacts(price=bool(seen.get("price")),
                               description=seen["longest"] >= DESCRIPTION_WORDS,
                               size=bool(seen.get("size")), material=bool(seen.get("material")),
                               care=bool(seen.get("care")))
        product.complete = product.of - len(product.missing())
        page.product = product
    if "priceFilter" in facts:
        page.price_filter = facts["priceFilter"]
    if "form" in facts:
        page.guest_checkout = facts["guest"]
        page.form = FormFacts(**facts["form"])
    return page
