"""A screen-reader shopper (`navigation: screen-reader`): she knows each control by the role
and name the accessibility tree gives it, the page by its landmarks and headings, and an error
only when it is announced; what stops her is said in a tester's words, and only she is
stopped by it."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import FAST, NO_LOOK

from auditor.demo_store.flaws import parse_flaws
from auditor.demo_store.server import StoreServer
from auditor.gather.failures import StepFailed
from auditor.gather.hearing import announced, heard_or_fail
from auditor.gather.walk import walk
from auditor.judge import judge_run
from auditor.model import RunResult
from auditor.scenario import load_journeys


@pytest.fixture(scope="module")
def journeys():
    return load_journeys()


def _walk(browser, journey, flaws, tmp_path, options=NO_LOOK):
    with StoreServer(parse_flaws(flaws)) as store:
        walked = walk(browser, journey, store.url, tmp_path, options)
    return judge_run(RunResult("t", "", "", []), [[walked]]).journeys[0]


def test_she_buys_on_the_well_made_store_and_hears_what_she_needs(browser, journeys,
                                                                   tmp_path):
    amara = _walk(browser, journeys["screen-reader-shopper"], [], tmp_path,
                  replace(FAST, axe=True))
    assert amara.outcome == "completed", amara.reason
    assert not [s for s in amara.steps if s.evidence.status != "ok"]
    heard = [s.evidence.heard for s in amara.steps]
    assert all(h is not None and h.main and h.h1 and not h.unnamed for h in heard)
    product = next(s.evidence for s in amara.steps if s.evidence.action == "open_product")
    assert product.heard.price is True
    refused = next(s for s in amara.steps if s.evidence.form)  # her slip, said on a new page
    assert refused.evidence.form.mistake_in and not refused.evidence.heard.unannounced
    serious = [v.rule for s in amara.steps for v in s.evidence.axe or []
               if v.impact in ("serious", "critical")]
    assert serious == [] and all(s.evidence.axe is not None for s in amara.steps)
    assert not [f for s in amara.steps for f in s.findings
                if f.id in ("wcag-barrier", "price-not-said", "no-main-landmark")]


def test_an_error_shown_but_never_announced_stops_her_and_no_one_else(browser, journeys,
                                                                      tmp_path):
    amara = _walk(browser, journeys["screen-reader-shopper"], ["silent-form-errors"], tmp_path)
    order = next(s for s in amara.steps if s.evidence.action == "place_order")
    assert order.evidence.status == "failed" and not order.evidence.lost
    assert "shows “This card number is not valid. Check the digits and try again.” but does " \
           "not announce it" in order.evidence.error
    assert "error-not-announced" in {f.id for f in order.findings}
    assert amara.outcome == "failed"
    tadeusz = _walk(browser, journeys["novice-checkout"], ["silent-form-errors"],
                    tmp_path / "sighted")
    assert tadeusz.outcome == "completed", tadeusz.reason  # he sees it, and types it again
    assert tadeusz.steps[-1].evidence.order_placed


def test_a_price_drawn_in_an_image_is_never_said_to_her(browser, journeys, tmp_path):
    amara = _walk(browser, journeys["screen-reader-shopper"], ["image-only-price"], tmp_path)
    product = next(s for s in amara.steps if s.evidence.action == "open_product")
    assert product.evidence.heard.price is False and product.emotion == "sad"
    assert "price-not-said" in {f.id for f in product.findings}
    noor = _walk(browser, journeys["keyboard-shopper"], ["image-only-price"], tmp_path / "kb")
    seen = next(s for s in noor.steps if s.evidence.action == "open_product")
    assert seen.evidence.page.product.price and seen.evidence.heard is None


def test_a_div_she_is_never_told_is_a_button_stops_her(browser, journeys, tmp_path):
    amara = _walk(browser, journeys["screen-reader-shopper"], ["mouse-only-add-to-cart"],
                  tmp_path)
    add = amara.steps[3].evidence
    assert add.status == "failed" and not add.lost
    assert add.error.startswith("“Add to cart” is said as “text”, not as a control: a <div>")
    assert add.heard.unnamed == "“Add to cart” said as “text”"


@pytest.mark.parametrize(("markup", "said"), [
    ("<button id=t><svg width=9 height=9></svg></button>",
     "the control is said only as “button”: a button with no name"),
    ("<input id=t name=email>", "the control is said only as “edit text”: a field with no label"),
    ("<div aria-hidden=true><button id=t>Pay</button></div>",
     "the control is hidden from screen readers"),
])
def test_what_her_screen_reader_says_of_a_control(page, markup, said):
    page.set_content(f"<main>{markup}</main>")
    with pytest.raises(StepFailed, match=said):
        heard_or_fail(None, page.locator("#t"), "the control", "button")


def test_a_named_control_is_heard_by_its_role_and_name(page):
    page.set_content("<label for=t>Card number</label><input id=t>"
                     "<button id=b aria-label='Search'><svg></svg></button>"
                     "<h1 id=h>Order 100001: confirmation</h1>")
    assert announced(page.locator("#t")) == ("textbox", "Card number")
    assert announced(page.locator("#h")) == ("heading", "Order 100001: confirmation")
    assert announced(page.locator("#b")) == ("button", "Search")
    heard_or_fail(None, page.locator("#b"), "the <button>", "button")  # no block


def test_an_unnamed_button_she_does_not_need_weighs_on_her_without_stopping_her(
        browser, journeys, tmp_path):
    """The header's search button has no name, but she sends her search with Enter: axe's
    button-name is felt once, where she first meets it, and she buys."""
    amara = _walk(browser, journeys["screen-reader-shopper"], ["unnamed-icon-buttons"],
                  tmp_path, replace(FAST, axe=True))
    assert amara.outcome == "completed", amara.reason
    felt = [s for s in amara.steps if any(f.id == "wcag-barrier" for f in s.findings)]
    assert len(felt) == 1 and felt[0].evidence.index == 0
    assert "button-name" in next(f.message for f in felt[0].findings if f.id == "wcag-barrier")
