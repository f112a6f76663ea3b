"""Every word list and pattern the personas read a store with, in one place: the words of
each language (languages/, en, de, fr, pl, lt, zh) joined, and the patterns of markup and
addresses that no language owns.

Discovery finds controls with them, the page facts are matched with them inside the page,
and the findings about a page rest on them, so what an action can use and what the judge
reports as missing never disagree.
"""

from __future__ import annotations

import re

from auditor.gather.languages import either, filler

# What controls and messages say, in every language (languages/).
WORDS = {key: either(key) for key in (
    "search", "add_to_cart", "cart", "account", "checkout", "guest", "continue", "place_order",
    "create_account", "clearance", "choose", "agree", "card_payment", "no_card_payment",
    "no_results", "not_a_category", "order_done", "newsletter", "review", "review_form",
    "rating", "share", "thanks", "consent_box", "consent_accept", "consent_reject",
    "consent_settings", "consent_save", "three_ds", "three_ds_complete", "three_ds_fail",
    "sign_out")}
WORDS["menu"] = either("menu", r"^☰$|^≡$")  # a menu button drawn as a sign
# Said only once an order is placed, on whatever address (a one-page checkout keeps its own).
WORDS["order_placed"] = either("order_placed")
REVIEW_TITLE_FIELD = either("review_title")  # a review form's title box
WISH_FILLER = filler()  # words of a wish that name no product
# Links that share a page on a social network or by e-mail: they leave the store.
SHARE_HREF = (r"facebook\.com/sharer|twitter\.com/(intent|share)|x\.com/intent|"
              r"pinterest\.[a-z.]+/pin/create|wa\.me/|api\.whatsapp\.com|^whatsapp:|"
              r"linkedin\.com/(share|sharing)|reddit\.com/submit|t\.me/share|"
              r"^mailto:.*[?&](subject|body)=")
# Where a form control is no part of the order form, whatever it asks: the site search, the
# header and footer (a newsletter box there asks for the e-mail too).
ASIDE = "[role=search], [role=contentinfo], footer, header"
# A page's chrome around its content: header, navigation, footer and sidebars. A price or a
# link there (a basket total beside the logo) is no product listed.
PAGE_CHROME = ("header, nav, footer, aside, [role=banner], [role=navigation], "
               "[role=contentinfo], [role=complementary]")
# A product page's address: a path segment, or a query naming a product (PHP carts).
PRODUCT_HREF = (r"/(product|products|p|item|items|dp|produkt|produit|prekė|shop/[^/]+)/[^/?#]+|"
                r"[?&](route=product/product\b|product_id=|products_id=|id_product=|"
                r"productid=|item_id=)")
# A product card's markup, for listings whose links do not look like PRODUCT_HREF.
PRODUCT_CARDS = ('[itemtype*="Product"], [class*="product-card"], [class*="product-item"], '
                 '[class*="productCard"], [class*="product-thumb"], [class*="product-tile"], '
                 '[class*="product-layout"], [class*="product_item"]')


def words(key: str) -> re.Pattern[str]:
    return re.compile(WORDS[key], re.I)

# A price filter's fields, by name, id, label or placeholder; which end of the range each is.
PRICE_FIELD = either("price_field", r"[€$£]")
PRICE_HIGH = either("price_high")
PRICE_LOW = either("price_low")

# What a full product description mentions, matched in the page by page_facts.js.
PAGE_PATTERNS = {
    "price": r"(?:[€$£¥]|zł|eur|usd|pln|gbp|cny|rmb)\s?\d|\d[\d.,]*\s?(?:€|zł|eur|pln|元)",
    "size": either("product_size"),
    "material": either("product_material"),
    "care": either("product_care"),
    "guest": WORDS["guest"],
    "search": WORDS["search"],
    "priceField": PRICE_FIELD,
    "clearance": WORDS["clearance"],
}

ORDER_NUMBER = re.compile(
    rf"(?:{either('order_word')})\s*(?:{either('number_word', '#')})?\s*"
    rf"(?:{either('is_word', '[:：]', '#')})?\s*#?\s*([A-Z0-9][A-Z0-9-]{{3,}})", re.I)

# Semantic field tokens (HTML autocomplete names) and the words that mark them, in the order
# they are tried (the more particular first: address line 2 before the street).
FIELD_TOKENS = ("cc-number", "cc-csc", "cc-exp", "cc-name", "email", "given-name",
                "family-name", "name", "address-line2", "organization", "house-number",
                "address-line1", "address-level2", "postal-code", "address-level1", "country",
                "tel")
FIELD_WORDS: list[tuple[str, str]] = [(token, either(f"field_{token}")) for token in FIELD_TOKENS]
