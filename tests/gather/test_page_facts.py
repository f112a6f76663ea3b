"""What a careful shopper checks by eye, read inside a real page by page_facts.js."""

from __future__ import annotations

import pytest

from auditor.gather import discovery
from auditor.gather.page_facts import MAX_ANALYSED_HTML, page_facts, read_facts, wanted
from auditor.judge.step import judge_step
from auditor.model import FormFacts, Persona, StepEvidence

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
    return read_facts(page, wanted(action))


def test_a_product_page_is_read_from_what_a_reader_sees(page):
    found = page_facts(facts(page, PRODUCT, "open_product"))
    assert found.title == "Oak table" and found.h1 == "Oak table"
    product = found.product
    assert product.price and product.description and product.material
    assert not product.size and not product.care  # only the script mentions them
    assert product.complete == 3 and product.of == 5
    assert found.form is None and found.price_filter is None


def test_a_one_line_blurb_is_not_a_description(page):
    blurb = "<main><p>€10</p><p>Nice oak table.</p><div>Oak.</div></main>"
    assert not page_facts(facts(page, blurb, "open_product")).product.description


def test_a_checkout_form_counts_labels_and_autocomplete(page):
    found = page_facts(facts(page, FORM, "fill_checkout"))
    assert found.form == FormFacts(fields=5, labelled=3, autocomplete=1,
                                   types=["email", "input", "select", "tel"], autofillable=5)
    assert found.guest_checkout is True


def test_the_headers_search_box_is_not_a_checkout_field(page):
    """A search box with only a placeholder (common on PHP stores) once gave every checkout
    "1 field has no label"; a terms box and payment radios need labels but no autocomplete."""
    header = ("<header><input name=search placeholder=Search></header>"
              "<form role=search><input name=q></form>")
    boxes = ("<label><input type=radio name=payment> Cash on delivery</label>"
             "<label><input type=checkbox name=agree> I agree to the terms</label>")
    found = page_facts(facts(page, header + FORM.replace("<button>", boxes + "<button>"),
                             "fill_checkout"))
    assert (found.form.fields, found.form.labelled) == (7, 5)
    assert (found.form.autofillable, found.form.autocomplete) == (5, 1)


@pytest.mark.parametrize(("html", "expected"), [
    ("<input name=max_price>", True), ("<input type=range>", True),
    ("<label>Cena od <input name=f1></label>", True), ("<input name=q placeholder=Search>", False)])
def test_a_price_filter_is_found_by_its_names(page, html, expected):
    assert page_facts(facts(page, html, "open_category")).price_filter is expected


def test_a_huge_page_gives_only_its_size(page):
    found = facts(page, "<p>" + "x" * (MAX_ANALYSED_HTML + 10) + "</p>", "open_product")
    assert found["size"] > MAX_ANALYSED_HTML and "product" not in found and "title" not in found
    assert page_facts(found).too_large_to_analyse_bytes == found["size"]


@pytest.mark.parametrize("offer", [
    "Pirkti kaip svečias", "Continue as guest", "Als Gast bestellen", "Kup jako gość"])
def test_a_guest_choice_the_persona_can_use_is_never_reported_missing(page, offer):
    """The persona's guest button and the no-guest-checkout finding read the same words."""
    html = f"<h1>Checkout</h1><form><input name=email><button>{offer}</button></form>"
    seen = page_facts(facts(page, html, "go_to_checkout"))
    assert discovery.guest_choice(page) is not None
    step = judge_step(Persona("p", "P"), StepEvidence(0, "Go to checkout", "purchase",
                                                      "go_to_checkout", page=seen), 0)
    assert seen.guest_checkout is True
    assert "no-guest-checkout" not in [f.id for f in step.findings]
