"""Find what a shopper looks for on any store: roles and names first, then common markup.

Every finder returns a Found (the locator, how it was found, how sure we are) or None, and
the profile's locators, when given, win over discovery.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from playwright.sync_api import Error, Locator, Page

from auditor.gather import script
from auditor.gather.vocabulary import ORDER_NUMBER, PRODUCT_CARDS, PRODUCT_HREF, WORDS, words


@dataclass
class Found:
    """A located element: the locator, the evidence that found it, confidence 0–1."""

    locator: Locator
    how: str
    confidence: float
    selector: str = ""  # a CSS selector for it, for a site profile ("" when not known)


def _first_visible(locator: Locator, how: str, confidence: float,
                   limit: int = 12) -> Found | None:
    try:
        index, selector = locator.evaluate_all(script("first_visible.js"), limit)
    except Error:
        return None
    return Found(locator.nth(index), how, confidence, selector) if index >= 0 else None


def _try(page: Page, candidates: list[tuple[Locator, str, float]],
         override: str | None = None, seldom_there: bool = False) -> Found | None:
    """The first candidate with a visible match. `seldom_there`: what is looked for is
    usually absent, so one call first tells whether any candidate has a visible match."""
    if override:
        return _first_visible(page.locator(override), f"profile: {override}", 1.0)
    if seldom_there and not _any_visible([locator for locator, _, _ in candidates]):
        return None
    for locator, how, confidence in candidates:
        if found := _first_visible(locator, how, confidence):
            return found
    return None


def _any_visible(locators: list[Locator]) -> bool:
    """Whether any of the locators has a visible match, in one call into the page."""
    union = locators[0]
    for locator in locators[1:]:
        union = union.or_(locator)
    return _first_visible(union, "any candidate", 0.0, limit=12 * len(locators)) is not None


def search_box(page: Page, override: str | None = None) -> Found | None:
    """The site search input."""
    return _try(page, [
        (page.get_by_role("searchbox"), "role=searchbox", 0.95),
        (page.locator("[role=search] input:not([type=hidden]):not([type=submit])"),
         "input inside role=search", 0.9),
        (page.locator('input[name="q"], input[name="s"], input[name="search"], '
                      'input[name="query"], input[name="keyword"], input[name="k"]'),
         "input named q/s/search/query", 0.8),
        (page.get_by_placeholder(words("search")), "placeholder mentions search", 0.75),
        (page.get_by_label(words("search")), "label mentions search", 0.75),
    ], override)


def search_opener(page: Page) -> Found | None:
    """A button that reveals a hidden search box (icons on mobile headers)."""
    return _try(page, [
        (page.get_by_role("button", name=words("search")), "button named search", 0.7),
        (page.get_by_role("link", name=words("search")), "link named search", 0.6),
    ])


def navigation_link(page: Page, name: str | None, override: str | None = None) -> Found | None:
    """A category link in the site navigation, named `name` (or the first one)."""
    nav = page.locator("nav, [role=navigation], header")
    if not name:  # any category: a navigation link that is not home, cart or account
        not_a_category = re.compile(
            "|".join((WORDS["cart"], WORDS["checkout"], WORDS["account"])), re.I)
        links = nav.locator('a[href]:not([href="/"]):not([href^="#"])').filter(
            has_not_text=not_a_category)
        return _try(page, [(links, "first category link in navigation", 0.6)], override)
    pattern = re.compile(re.escape(name), re.I)
    return _try(page, [
        (nav.get_by_role("link", name=pattern), "link in navigation", 0.9),
        (nav.get_by_role("menuitem", name=pattern), "menuitem in navigation", 0.85),
        (page.get_by_role("link", name=pattern), "link anywhere", 0.5),
    ], override)


def menu_toggles(page: Page) -> list[Locator]:
    """Drop-down openers in the navigation: aria-expanded buttons, popups, summaries."""
    nav = page.locator("nav, [role=navigation], header")
    toggles = nav.locator('[aria-expanded="false"], [aria-haspopup], details > summary')
    try:
        return [toggles.nth(i) for i in range(min(toggles.count(), 8))
                if toggles.nth(i).is_visible()]
    except Error:
        return []


def main_region(page: Page) -> Locator:
    """Where a page's own content lives (main, or the body when there is none); a locator
    only, so finding it costs no call into the page."""
    return page.locator("main, [role=main], body:not(:has(main, [role=main]))").first


def product_link(page: Page, name: str | None, override: str | None = None) -> Found | None:
    """A product's link: by its name when given, else the first product link on the page."""
    main = main_region(page)
    if name:
        pattern = re.compile(re.escape(name), re.I)
        return _try(page, [
            (main.get_by_role("link", name=pattern), f"link named '{name}' in main", 0.9),
            (page.get_by_role("link", name=pattern), f"link named '{name}'", 0.7),
        ], override)
    return _try(page, [
        (main.locator("[itemtype*=Product] a[href], .product a[href], [class*=product] a[href]"),
         "link in a product card", 0.8),
        (main.locator("a[href]").filter(has=page.locator("img")), "link with a picture", 0.6),
    ], override)


@dataclass
class MainContent:
    """What a page shows in its main region: enough to judge a listing or a confirmation."""

    text: str = ""
    results: int = 0  # distinct product links, or product cards when no link looks like one
    headings: tuple[str, ...] = ()
    links: int = 0
    products: tuple[str, ...] = ()  # the listed products' link words


MAX_TEXT = 200_000  # characters of a page's text kept for matching words


def main_content(page: Page) -> MainContent:
    """The main region's text, product count, headings and links, in one call into the page."""
    try:
        seen = page.evaluate(script("main_content.js"),
                             {"cards": PRODUCT_CARDS, "maxChars": MAX_TEXT})
    except Error:
        return MainContent()
    products: dict[str, str] = {}  # one entry a product, however often it is linked
    for address, text in seen["shown"]:
        path = address.split("?")[0]
        key = path if re.search(PRODUCT_HREF, path, re.I) else address
        if re.search(PRODUCT_HREF, key, re.I):
            products[key] = " ".join(filter(None, [products.get(key), text]))
    return MainContent(seen["text"], len(products) or seen["cards"],
                       tuple(" ".join(h.split())[:80] for h in seen["headings"]), seen["links"],
                       tuple(products.values()))


def count_results(page: Page) -> int:
    """How many distinct products the main region lists."""
    return main_content(page).results


def add_to_cart(page: Page, override: str | None = None) -> Found | None:
    pattern = words("add_to_cart")
    return _try(page, [
        (page.get_by_role("button", name=pattern), "button named add to cart", 0.95),
        (page.locator("input[type=submit]").filter(has_text=pattern), "submit input", 0.8),
        (page.get_by_role("link", name=pattern), "link named add to cart", 0.7),
        (page.locator('[name="add"], [name="add-to-cart"], [class*="add-to-cart" i], '
                      '[id*="add-to-cart" i], [class*="addtocart" i]'),
         "add-to-cart name or class", 0.7),
    ], override)


def checkout_control(page: Page, override: str | None = None) -> Found | None:
    pattern = words("checkout")
    return _try(page, [
        (page.get_by_role("button", name=pattern), "button named checkout", 0.9),
        (page.get_by_role("link", name=pattern), "link named checkout", 0.9),
        (page.locator('[name="checkout"], [href*="checkout"]'), "checkout name or href", 0.7),
    ], override)


def cart_link(page: Page, override: str | None = None) -> Found | None:
    pattern = words("cart")
    return _try(page, [
        (page.get_by_role("link", name=pattern), "link named cart", 0.9),
        (page.get_by_role("button", name=pattern), "button named cart", 0.8),
        (page.locator('a[href*="cart"], a[href*="basket"], a[href*="bag"]'), "cart href", 0.7),
    ], override)


def guest_choice(page: Page) -> Found | None:
    pattern = words("guest")
    return _try(page, [
        (page.get_by_role("button", name=pattern), "button for guest checkout", 0.9),
        (page.get_by_role("link", name=pattern), "link for guest checkout", 0.85),
        (page.get_by_role("radio", name=pattern), "radio for guest checkout", 0.8),
    ], seldom_there=True)


def submit_control(page: Page, key: str, override: str | None = None) -> Found | None:
    """The form's button for `key` (place_order, continue, create_account)."""
    pattern = words(key)
    return _try(page, [
        (page.get_by_role("button", name=pattern), f"button named {key.replace('_', ' ')}", 0.9),
        (page.locator("input[type=submit]").filter(has_text=pattern), "submit input", 0.8),
        (page.get_by_role("link", name=pattern), f"link named {key.replace('_', ' ')}", 0.6),
    ], override)


def any_submit(page: Page) -> Found | None:
    return _try(page, [(page.locator("form button[type=submit], form button:not([type]), "
                                     "form input[type=submit]"), "the form's submit button", 0.5)])


def clearance_control(page: Page) -> Found | None:
    pattern = words("clearance")
    main = main_region(page)
    return _try(page, [
        (page.get_by_role("checkbox", name=pattern), "checkbox named clearance/sale", 0.9),
        (main.get_by_role("link", name=pattern), "link named clearance/sale in main", 0.7),
        (page.get_by_role("link", name=pattern), "link named clearance/sale", 0.6),
    ])


def order_number(text: str) -> str | None:
    """The order number shown on a confirmation page, if any."""
    for match in ORDER_NUMBER.finditer(text):
        candidate = match.group(1)
        if any(ch.isdigit() for ch in candidate):
            return candidate
    return None
