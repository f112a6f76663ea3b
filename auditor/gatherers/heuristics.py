"""Page heuristics read from HTML with BeautifulSoup: what a careful shopper checks by eye."""

from __future__ import annotations

import re
from typing import Any

from bs4 import BeautifulSoup

PRICE = re.compile(r"(?:[€$£¥]|zł|eur|usd|pln|gbp|cny|rmb)\s?\d|\d[\d.,]*\s?(?:€|zł|eur|pln|元)",
                   re.I)
SIZE = re.compile(r"\bsize|größe|taille|rozmiar|dydis|尺码|dimensions?|wymiary|matmenys", re.I)
MATERIAL = re.compile(r"material|matière|materiał|medžiaga|材质|fabric|cotton|linen|wood|wool",
                      re.I)
CARE = re.compile(r"\bcare\b|wash|pflege|entretien|pielęgnacja|priežiūra|洗涤|保养", re.I)
GUEST = re.compile(r"guest|no account needed|without (an )?account|als gast|invité|"
                   r"jako gość|be registracijos|游客", re.I)


def read_page(html: str, action: str) -> dict[str, Any]:
    """The heuristics that matter for this kind of step."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript"]):
        tag.decompose()
    main = soup.find("main") or soup.find(attrs={"role": "main"}) or soup.body or soup
    text = main.get_text(" ", strip=True)
    facts: dict[str, Any] = {
        "title": (soup.title.get_text(strip=True) if soup.title else "")[:120],
        "h1": (soup.h1.get_text(" ", strip=True) if soup.h1 else "")[:120],
    }
    if action == "open_product":
        facts["product"] = product_completeness(main, text)
    if action in ("open_category", "filter_price", "filter_clearance", "visit"):
        facts["price_filter"] = has_price_filter(soup)
    if action in ("go_to_checkout", "fill_checkout", "place_order"):
        facts["guest_checkout"] = bool(GUEST.search(soup.get_text(" ", strip=True)))
        facts["form"] = form_quality(soup)
    return facts


def product_completeness(main: Any, text: str) -> dict[str, Any]:
    """Price, a real description, sizes, material and care: the five things shoppers look for."""
    paragraphs = [p.get_text(" ", strip=True) for p in main.find_all(["p", "div", "section"])]
    longest = max((len(p.split()) for p in paragraphs if p), default=0)
    checks = {
        "price": bool(PRICE.search(text)),
        "description": longest >= 15,
        "size": bool(SIZE.search(text)),
        "material": bool(MATERIAL.search(text)),
        "care": bool(CARE.search(text)),
    }
    return {**checks, "complete": sum(checks.values()), "of": len(checks)}


def has_price_filter(soup: BeautifulSoup) -> bool:
    for el in soup.find_all(["input", "select"]):
        attrs = " ".join(str(el.get(a, "")) for a in ("name", "id", "aria-label", "placeholder"))
        if re.search(r"price|preis|prix|cena|kaina|价格|\bmin\b|\bmax\b", attrs, re.I):
            return True
        if el.get("type") == "range":
            return True
    return False


def form_quality(soup: BeautifulSoup) -> dict[str, Any]:
    """How well the form helps: labels, autocomplete, fitting input types."""
    controls = [el for el in soup.find_all(["input", "select", "textarea"])
                if el.get("type") not in ("hidden", "submit", "button", "image", "reset")]
    ids = {lab.get("for") for lab in soup.find_all("label") if lab.get("for")}
    labelled = [el for el in controls if el.get("id") in ids or el.get("aria-label")
                or el.get("aria-labelledby") or el.find_parent("label")]
    with_autocomplete = [el for el in controls if el.get("autocomplete")]
    return {
        "fields": len(controls),
        "labelled": len(labelled),
        "autocomplete": len(with_autocomplete),
        "types": sorted({el.get("type", el.name) for el in controls}),
    }
