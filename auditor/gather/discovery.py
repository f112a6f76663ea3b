"""Find what a shopper looks for on any store: roles and names first, then common markup.

Every finder returns a Found (the locator, how it was found, how sure we are) or None, and
the profile's locators, when given, win over discovery.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Error, Locator, Page

from auditor.gather import script
from auditor.gather.vocabulary import (
    ORDER_NUMBER,
    PAGE_CHROME,
    PAGE_PATTERNS,
    PRODUCT_CARDS,
    PRODUCT_HREF,
    WORDS,
    words,
)


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
    typed_into = page.locator("input:not([type=hidden]):not([type=submit]):not([type=button]), "
                              "textarea, [contenteditable=true], [role=searchbox], "
                              "[role=combobox]")  # never a search icon named "Search"
    return _try(page, [
        (page.get_by_role("searchbox"), "role=searchbox", 0.95),
        (page.locator("[role=search] input:not([type=hidden]):not([type=submit])"),
         "input inside role=search", 0.9),
        (page.locator('input[name="q"], input[name="s"], input[name="search"], '
                      'input[name="query"], input[name="keyword"], input[name="k"]'),
         "input named q/s/search/query", 0.8),
        (page.get_by_placeholder(words("search")), "placeholder mentions search", 0.75),
        (page.get_by_label(words("search")).and_(typed_into), "label mentions search", 0.75),
    ], override)


def navigation_link(page: Page, name: str | None, override: str | None = None) -> Found | None:
    """A category link named `name` (one of `category_names`, or the scenario's), in the
    menu first, then anywhere on the page (a phone's sidebar, a footer). Without a name (the
    store names no category) only the profile's locator can say which link is one."""
    if not name:
        return _try(page, [], override)
    nav = page.locator("nav, [role=navigation], header")
    # Its own words first, in the menu or on the page (a phone's sidebar), before words that
    # hold them; those never lead home or where she is ("Toys & Tales", the logo, for "Toys").
    pattern = re.compile(re.escape(name), re.I)
    here = urlsplit(page.url)
    elsewhere = page.locator(f'a:not([href="/"]):not([href="{here.path}"])'
                             f':not([href="{page.url}"]), [role=menuitem]')
    return _try(page, [
        (nav.get_by_role("link", name=name, exact=True), "link in navigation", 0.95),
        (nav.get_by_role("menuitem", name=name, exact=True), "menuitem in navigation", 0.9),
        (page.get_by_role("link", name=name, exact=True), "link anywhere", 0.7),
        (nav.get_by_role("link", name=pattern).and_(elsewhere), "link in navigation", 0.85),
        (nav.get_by_role("menuitem", name=pattern), "menuitem in navigation", 0.8),
        (page.get_by_role("link", name=pattern).and_(elsewhere), "link anywhere", 0.5),
    ], override)


def category_names(page: Page) -> list[str]:
    """The categories the navigation names, shown or folded away in a closed menu (a person
    knows a "Shop" menu holds them), in their order; the footer's when the header and menus
    name none. Links to another page of the store that are not its name (the logo), its home,
    the page she is on, the cart, the account, a sale, the search or a page about the store;
    never a telephone, e-mail or outside link (nor one that only redirects outside:
    /redirect/?url=https://…)."""
    for where in ("nav a[href], [role=navigation] a[href], header a[href]",
                  "footer a[href], [role=contentinfo] a[href]"):
        try:
            rows = page.locator(where).evaluate_all(script("link_words.js"))
        except Error:
            return []
        if names := _categories(rows, page.url):
            return names
    return []


def _categories(rows: list[list[Any]], url: str) -> list[str]:
    """The names of the links ([words, href, is the store's name]) that may be categories."""
    not_one = re.compile("|".join(WORDS[k] for k in (
        "cart", "checkout", "account", "clearance", "search", "not_a_category")), re.I)
    here, store = urlsplit(url), urlsplit(url)._replace(path="/", query="")
    names: list[str] = []
    for text, href, brand in rows:
        target = urlsplit(href)
        elsewhere = (target.scheme not in ("http", "https") or target.netloc != here.netloc
                     or target._replace(fragment="") in (here._replace(fragment=""), store)
                     or _outside(target.query, here.netloc))
        if (2 <= len(text) <= 40 and not brand and not elsewhere and not not_one.search(text)
                and text not in names):
            names.append(text)
    return names


def _outside(query: str, host: str) -> bool:
    """Whether a link's query hands on an address on another host (a redirect)."""
    return any(urlsplit(value).netloc not in ("", host)
               for values in parse_qs(query).values() for value in values
               if value.startswith(("http://", "https://")))


@dataclass(frozen=True)
class Opener:
    """A control that unfolds something: what it says, and what it seems to open."""

    locator: Locator
    words: str
    kind: str  # menu, search, account or other
    signature: str  # tells the same control apart across reads

    @property
    def called(self) -> str:
        """How a person would name it: its words, or its look when it has none."""
        looks = {"menu": "the ☰ menu button", "search": "the search icon",
                 "account": "the account menu"}
        return f"“{self.words}”" if self.words else looks.get(self.kind, "a drop-down")


def openers(page: Page) -> list[Opener]:
    """What could be unfolded now: toggles, drop-downs, search icons, closed summaries."""
    try:
        rows = page.evaluate(script("openers.js"), {
            "search": WORDS["search"], "account": WORDS["account"], "menu": WORDS["menu"]})
    except Error:
        return []
    return [Opener(page.locator(f'[data-auditor-opener="{index}"]'), words, kind, signature)
            for index, words, kind, signature in rows]


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


def listed_products(page: Page) -> list[tuple[str, str]]:
    """The products the main region lists: (address, name), once each, in their order."""
    return [(address, name.split("\n")[0].strip())
            for address, name in main_content(page).listed]


def link_to(page: Page, address: str) -> Found | None:
    """A shown link in the main region to `address` (a path and query, as listed)."""
    quoted = address.replace("\\", "\\\\").replace('"', '\\"')
    return _try(page, [(main_region(page).locator(f'a[href$="{quoted}"]'),
                        "link to the chosen product", 0.8)])


@dataclass
class MainContent:
    """What a page shows in its main region: enough to judge a listing or a confirmation."""

    text: str = ""
    results: int = 0  # distinct product links, else products shown with a price, else cards
    headings: tuple[str, ...] = ()
    links: int = 0
    products: tuple[str, ...] = ()  # the listed products' link words
    listed: tuple[tuple[str, str], ...] = ()  # the listed products: (address, link words)


MAX_TEXT = 200_000  # characters of a page's text kept for matching words


def main_content(page: Page) -> MainContent:
    """The main region's text, product count, headings and links, in one call into the page."""
    try:
        seen = page.evaluate(script("main_content.js"), {
            "cards": PRODUCT_CARDS, "price": PAGE_PATTERNS["price"], "maxChars": MAX_TEXT,
            "chrome": PAGE_CHROME})
    except Error:
        return MainContent()
    products: dict[str, str] = {}  # one entry a product, however often it is linked
    for address, text in seen["shown"]:
        path = address.split("?")[0]
        key = path if re.search(PRODUCT_HREF, path, re.I) else address
        if re.search(PRODUCT_HREF, key, re.I) and text not in products.get(key, " "):
            products[key] = " ".join(filter(None, [products.get(key), text]))
        elif re.search(PRODUCT_HREF, key, re.I):
            products.setdefault(key, "")
    if not products:  # no address looks like a product's: what is listed with a price is
        products = {address: text for address, text in seen["priced"]}
    return MainContent(seen["text"], len(products) or seen["cards"],
                       tuple(" ".join(h.split())[:80] for h in seen["headings"]), seen["links"],
                       tuple(products.values()), tuple(products.items()))


def unlinked_products(page: Page) -> list[tuple[Locator, str]]:
    """Products listed with a price and a quantity box but no page of their own (a one-page
    shop): each one's heading and its words."""
    try:
        rows = page.evaluate(script("unlinked_products.js"), {"price": PAGE_PATTERNS["price"]})
    except Error:
        return []
    return [(page.locator(f'[data-auditor-product="{i}"]'), name) for i, name in rows if name]


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


def submit_control(page: Page | Locator, key: str,
                   override: str | None = None) -> Found | None:
    """The button for `key` (place_order, continue, choose, create_account), on the page or
    inside a part of it (a dialog)."""
    pattern = words(key)
    return _try(page, [
        (page.get_by_role("button", name=pattern), f"button named {key.replace('_', ' ')}", 0.9),
        (page.locator("input[type=submit]").filter(has_text=pattern), "submit input", 0.8),
        (page.get_by_role("link", name=pattern), f"link named {key.replace('_', ' ')}", 0.6),
    ], override)


def account_link(page: Page, override: str | None = None) -> Found | None:
    """The way to the customer's account or sign-in page (often a person icon in the
    header; or a small form's "Log in" button there), where a store offers to create an
    account when nowhere else."""
    chrome = page.locator("header, nav, [role=banner], [role=navigation]")
    return _try(page, [(page.get_by_role("link", name=words("account")),
                        "link named account/sign in", 0.7),
                       (chrome.get_by_role("button", name=words("account")),
                        "button named account/sign in in the header", 0.6)],
                override, seldom_there=True)


def open_dialog(page: Page) -> Found | None:
    """A modal dialog in sight (a delivery method chooser, a size guide)."""
    return _try(page, [(page.locator('[role=dialog], dialog[open], [aria-modal="true"]'),
                        "open dialog", 0.9)], seldom_there=True)


def own_button(part: Locator) -> Found | None:
    """The button that sends a form (a review, a sign-up), whatever it says."""
    return _first_visible(part.locator("button[type=submit], button:not([type]), "
                                       "input[type=submit]"), "the form's own button", 0.6)


def any_submit(page: Page) -> Found | None:
    """A form's own button in the page's content (never the header's log-in or search)."""
    return _try(page, [(main_region(page).locator(
        "form button[type=submit], form button:not([type]), form input[type=submit]"),
        "the form's submit button", 0.5)])


def clearance_control(page: Page) -> Found | None:
    pattern = words("clearance")
    main = main_region(page)
    return _try(page, [
        (page.get_by_role("checkbox", name=pattern), "checkbox named clearance/sale", 0.9),
        (main.get_by_role("link", name=pattern), "link named clearance/sale in main", 0.7),
        (page.get_by_role("link", name=pattern), "link named clearance/sale", 0.6),
    ])


def order_number(text: str) -> str | None:
    """The order number shown on a confirmation page, if any. Each mention of an order is
    tried in turn ("Thank you for your order. Order number: W-27182": the first one's
    candidate is the word "Order", the next one's the number). A code of letters only counts
    when written in capitals after words that are not ("Order QXKMN", never "ORDER CONFIRMED")."""
    match = ORDER_NUMBER.search(text)
    while match:
        code, said = match.group(1), text[match.start():match.start(1)]
        if any(ch.isdigit() for ch in code) or (code.isupper() and not said.isupper()):
            return code
        match = ORDER_NUMBER.search(text, match.start() + 1)
    return None
