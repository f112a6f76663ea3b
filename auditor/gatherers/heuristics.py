"""Page heuristics: what a careful shopper checks by eye, read in the page by page_facts.js.

The patterns live here, in one place, and are matched inside the page, so no page text (which
may be megabytes, or hold what a persona typed) has to leave the browser.
"""

from __future__ import annotations

from typing import Any

PATTERNS = {
    "price": r"(?:[€$£¥]|zł|eur|usd|pln|gbp|cny|rmb)\s?\d|\d[\d.,]*\s?(?:€|zł|eur|pln|元)",
    "size": r"\bsize|größe|taille|rozmiar|dydis|尺码|dimensions?|wymiary|matmenys",
    "material": r"material|matière|materiał|medžiaga|材质|fabric|cotton|linen|wood|wool",
    "care": r"\bcare\b|wash|pflege|entretien|pielęgnacja|priežiūra|洗涤|保养",
    "guest": r"guest|no account needed|without (an )?account|als gast|invité|"
             r"jako gość|be registracijos|游客",
    "priceField": r"price|preis|prix|cena|kaina|价格|\bmin\b|\bmax\b",
}
DESCRIPTION_WORDS = 15  # a paragraph this long is a real description, not a one-liner
PRODUCT_CHECKS = ("price", "description", "size", "material", "care")


def wanted(action: str) -> dict[str, bool]:
    """Which facts matter for this kind of step (the page script gathers only those)."""
    return {"product": action == "open_product",
            "priceFilter": action in ("open_category", "filter_price", "filter_clearance", "visit"),
            "form": action in ("go_to_checkout", "fill_checkout", "place_order")}


def read_page(facts: dict[str, Any]) -> dict[str, Any]:
    """The evidence a step keeps from the facts page_facts.js gathered."""
    page: dict[str, Any] = {"title": facts["title"][:120], "h1": facts["h1"][:120]}
    if "product" in facts:
        product = facts["product"]
        checks = {name: bool(product.get(name)) for name in PRODUCT_CHECKS}
        checks["description"] = product["longest"] >= DESCRIPTION_WORDS
        page["product"] = {**checks, "complete": sum(checks.values()), "of": len(checks)}
    if "priceFilter" in facts:
        page["price_filter"] = facts["priceFilter"]
    if "form" in facts:
        page["guest_checkout"] = facts["guest"]
        page["form"] = facts["form"]
    return page
