"""What a careful shopper checks by eye, read inside a real page by page_facts.js."""

from __future__ import annotations

import pytest

from auditor.gatherers import script
from auditor.gatherers.heuristics import PATTERNS, read_page, wanted
from auditor.session import MAX_ANALYSED_HTML

PRODUCT = """<title> Oak table </title><h1>Oak <em>table</em></h1>
<script>const copy = "made of wool, wash with care, size XL";</script>
<main><p>€249.00</p>
<div><p>Solid oak wood, oiled by hand in our workshop, seats six people around a table
that will outlive the house it stands in.</p></div></main>"""

FORM = """<form><label for=e>Email</label><input id=e type=email autocomplete=email>
<label>Name <input name=n></label><input name=phone type=tel aria-label=Phone>
<input name=zip><select name=country><option>LT</select><input type=hidden name=t>
<button>Pay</button><p>Checkout as a guest, no account needed.</p></form>"""


def facts(page, html: str, action: str) -> dict:
    page.set_content(html)
    return page.evaluate(script("page_facts.js"), {
        "patterns": PATTERNS, "want": wanted(action), "maxChars": MAX_ANALYSED_HTML})


def test_a_product_page_is_read_from_what_a_reader_sees(page):
    found = read_page(facts(page, PRODUCT, "open_product"))
    assert found["title"] == "Oak table" and found["h1"] == "Oak table"
    product = found["product"]
    assert product["price"] and product["description"] and product["material"]
    assert not product["size"] and not product["care"]  # only the script mentions them
    assert product["complete"] == 3 and product["of"] == 5
    assert "form" not in found and "price_filter" not in found


def test_a_one_line_blurb_is_not_a_description(page):
    blurb = "<main><p>€10</p><p>Nice oak table.</p><div>Oak.</div></main>"
    assert not read_page(facts(page, blurb, "open_product"))["product"]["description"]


def test_a_checkout_form_counts_labels_and_autocomplete(page):
    found = read_page(facts(page, FORM, "fill_checkout"))
    assert found["form"] == {"fields": 5, "labelled": 3, "autocomplete": 1,
                             "types": ["email", "input", "select", "tel"]}
    assert found["guest_checkout"] is True


@pytest.mark.parametrize(("html", "expected"), [
    ("<input name=max_price>", True), ("<input type=range>", True),
    ("<input name=q placeholder=Search>", False)])
def test_a_price_filter_is_found_by_its_names(page, html, expected):
    assert read_page(facts(page, html, "open_category"))["price_filter"] is expected


def test_a_huge_page_gives_only_its_size(page):
    found = facts(page, "<p>" + "x" * (MAX_ANALYSED_HTML + 10) + "</p>", "open_product")
    assert found["size"] > MAX_ANALYSED_HTML and "product" not in found and "title" not in found
