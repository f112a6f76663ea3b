"""Find what a shopper looks for on any store: roles and names first, then common markup.

Every finder returns a Found (the locator, how it was found, how sure we are) or None, and
the profile's locators, when given, win over discovery.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from playwright.sync_api import Error, Locator, Page

from auditor.gatherers import script

# Words in the languages of our users' stores (en, de, fr, pl, lt, zh).
WORDS = {
    "search": r"search|suche|recherch|szukaj|wyszukaj|ieškoti|paieška|搜索|查找",
    "add_to_cart": r"add to (cart|basket|bag)|add to shopping|^buy( now)?$|in den warenkorb|"
                   r"ajouter au panier|do koszyka|dodaj do koszyka|į krepšelį|加入购物车",
    "cart": r"^(view |my |your )?(cart|basket|bag)\b|shopping (cart|bag)|warenkorb|panier|"
            r"koszyk|krepšelis|购物车",
    "checkout": r"check ?out|proceed to (checkout|payment)|zur kasse|commander|"
                r"do kasy|przejdź do kasy|apmokėti|结算|去结算",
    "guest": r"guest|without (an )?account|als gast|invité|jako gość|be registracijos|svečias|游客",
    "continue": r"^(continue|next|proceed|save and continue|continue to \w+)|weiter|"
                r"continuer|dalej|tęsk|toliau|继续|下一步",
    "place_order": r"place (the )?order|^(buy|pay)( now)?$|complete (the )?(order|purchase)|"
                   r"confirm (and pay|order|purchase)|^pay\b|submit order|"
                   r"zahlungspflichtig bestellen|jetzt kaufen|valider la commande|"
                   r"zamawiam|złóż zamówienie|kupuję|užsakyti|pateikti užsakymą|提交订单|"
                   r"立即支付",
    "create_account": r"create (an )?account|register|sign ?up|konto erstellen|créer un compte|"
                      r"załóż konto|sukurti paskyrą|注册",
    "clearance": r"clearance|sale|outlet|reduced|discount|ausverkauf|soldes|wyprzedaż|"
                 r"išpardavimas|特价|清仓",
    "no_results": r"no (results|products|items|matches)|0 (results|products|items)|"
                  r"nothing (was )?found|did not match|didn't match|couldn't find|"
                  r"could not find|keine (ergebnisse|treffer)|aucun résultat|brak wyników|"
                  r"nieko nerasta|nerasta|没有找到|无结果",
    "order_done": r"thank you|order (is )?(confirmed|received|placed)|your order number|"
                  r"vielen dank|merci|dziękujemy|ačiū|谢谢|订单已",
}
PRODUCT_HREF = r"/(product|products|p|item|items|dp|produkt|produit|prekė|shop/[^/]+)/[^/?#]+"


def words(key: str) -> re.Pattern[str]:
    return re.compile(WORDS[key], re.I)


@dataclass
class Found:
    """A located element: the locator, the evidence that found it, confidence 0–1."""

    locator: Locator
    how: str
    confidence: float
    selector: str = ""  # a CSS selector for it, for a site profile ("" when not known)


# The first match that is visible as Playwright means it (a non-empty box, not
# visibility:hidden) and a CSS selector for it, in one round trip.
FIRST_VISIBLE = """(elements, limit) => {
  const selectorOf = SELECTOR_JS;
  const index = elements.slice(0, limit).findIndex((e) => {
    const box = e.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(e).visibility !== 'hidden';
  });
  return [index, index >= 0 ? selectorOf(elements[index]) : ''];
}"""


def _first_visible(locator: Locator, how: str, confidence: float,
                   limit: int = 12) -> Found | None:
    try:
        index, selector = locator.evaluate_all(
            FIRST_VISIBLE.replace("SELECTOR_JS", script("selector.js")), limit)
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
            "|".join((WORDS["cart"], WORDS["checkout"], r"account|log ?in|sign")), re.I)
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


PRODUCT_CARDS = ('[itemtype*="Product"], [class*="product-card"], [class*="product-item"], '
                 '[class*="productCard"]')
MAX_TEXT = 200_000  # characters of a page's text kept for matching words


def main_content(page: Page) -> MainContent:
    """The main region's text, product count, headings and links, in one call into the page."""
    try:
        seen = page.evaluate(script("main_content.js"),
                             {"cards": PRODUCT_CARDS, "maxChars": MAX_TEXT})
    except Error:
        return MainContent()
    product_like = [p for p in seen["paths"] if re.search(PRODUCT_HREF, p)]
    return MainContent(seen["text"], len(product_like) or seen["cards"],
                       tuple(" ".join(h.split())[:80] for h in seen["headings"]), seen["links"])


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


ORDER_NUMBER = re.compile(
    r"(?:order|bestellung|commande|zamówieni[ea]|užsakym\w*|订单)\s*"
    r"(?:number|no\.?|nr\.?|numer|numeris|nummer|号|#)?\s*(?:is|ist|est|:|#)?\s*"
    r"#?\s*([A-Z0-9][A-Z0-9-]{3,})", re.I)


def order_number(text: str) -> str | None:
    """The order number shown on a confirmation page, if any."""
    for match in ORDER_NUMBER.finditer(text):
        candidate = match.group(1)
        if any(ch.isdigit() for ch in candidate):
            return candidate
    return None


# Semantic field tokens (HTML autocomplete names) and the words that mark them.
FIELD_WORDS: list[tuple[str, str]] = [
    ("cc-number", r"card.?(number|no)|cc.?num|cardnumber|numer karty|kortelės numeris|"
                  r"kartennummer|numéro de carte|卡号|credit.?card"),
    ("cc-csc", r"\bcvc|\bcvv|\bcsc|security.?code|card.?code|prüfnummer|安全码"),
    ("cc-exp", r"expir|exp.?date|mm ?/ ?yy|valid.?thru|ablauf|date d.expiration|"
               r"data ważności|galiojimo|有效期"),
    ("cc-name", r"name on card|card.?holder|cc.?name|karteninhaber|titulaire"),
    ("email", r"e-?mail|courriel|el\.? ?paštas|邮箱|电子邮件"),
    ("given-name", r"first.?name|given|fname|vorname|prénom|imię$|^vardas$|名字"),
    ("family-name", r"last.?name|surname|family|lname|nachname|nom de famille|nazwisko|"
                    r"pavardė|姓氏"),
    ("name", r"full.?name|^name$|your name|imię i nazwisko|vardas ir pavardė|姓名"),
    ("address-line1", r"address|street|addr|straße|strasse|adresse|adres|ulica|gatvė|地址"),
    ("address-level2", r"city|town|stadt|ville|miasto|miestas|城市"),
    ("postal-code", r"zip|postal|post.?code|plz|code postal|kod pocztowy|pašto kodas|邮编"),
    ("country", r"country|land|pays|kraj|šalis|国家"),
    ("tel", r"phone|\btel|mobile|telefon|téléphone|telefonas|电话|手机"),
]
_FIELD_PATTERNS = [(token, re.compile(rx, re.I)) for token, rx in FIELD_WORDS]
_TOKENS = {token for token, _ in FIELD_WORDS} | {
    "new-password", "current-password", "address-level1", "address-line2", "organization"}


def classify_field(field: dict[str, Any]) -> tuple[str | None, str]:
    """The field's meaning as an autocomplete token, and the evidence used."""
    for part in field.get("autocomplete", "").split():
        if part in _TOKENS:
            return part, f"autocomplete={part}"
    if field.get("type") == "password":
        return "new-password", "type=password"
    if field.get("type") == "email":
        return "email", "type=email"
    for source in ("label", "name", "id", "placeholder"):
        text = field.get(source) or ""
        for token, pattern in _FIELD_PATTERNS:
            if text and pattern.search(text):
                return token, f"{source} '{text[:40]}'"
    if field.get("type") == "tel":
        return "tel", "type=tel"
    return None, ""


def field_locator(page: Page, field: dict[str, Any]) -> Locator:
    """A locator for a control that fields.js tagged, in whichever frame it lives."""
    frames = page.frames
    frame = frames[field.get("frame", 0)] if field.get("frame", 0) < len(frames) else page
    return frame.locator(f'[data-auditor-field="{field["index"]}"]')


def field_key(field: dict[str, Any]) -> str:
    """A stable name for a field across reloads: its name, id, or meaning."""
    return field.get("name") or field.get("id") or f"field-{field['index']}"
