"""After the order, on markup we did not write: a review form behind a "Write a review"
button with a drop-down rating, a footer sign-up with only a placeholder; a store with
neither gets findings, not failures; a footer's e-mail box is never part of the order form."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest
from helpers import PageHandler, serve

from auditor.gather.actions.news_and_reviews import REVIEW_TITLE
from auditor.gather.walk import RunOptions, walk
from auditor.model import Journey, StepSpec
from auditor.scenario import DEFAULT_INPUTS, load_journeys

FOOTER = """<footer><form action=/subscribe method=post><h3>Sign up for our emails</h3>
<input type=email name="contact[email]" placeholder="Email address"><button>→</button></form>
<a href="https://www.youtube.com/@store">Subscribe on YouTube</a></footer>"""
BARE_FOOTER = '<footer><a href="https://www.youtube.com/@store">Subscribe on YouTube</a></footer>'
REVIEW = """<button type=button aria-expanded=false
 onclick="this.setAttribute('aria-expanded','true');document.getElementById('rv').hidden=false">
 Write a review</button>
<div id=rv hidden><form method=post action=/p/brass-lamp/review>
<label>Rating <select name="review[rating]"><option value="">Choose</option>
<option>1 - Poor</option><option>3 - Good</option><option>5 - Excellent</option>
<option>2 - Fair</option></select></label>
<label>Title <input name="review[title]" required></label>
<label>Body of review <textarea name="review[body]" required></textarea></label>
<label>Name <input name="review[author]" required></label>
<label>Email <input type=email name="review[email]" required></label>
<button>Submit Review</button></form></div>"""
CHECKOUT = """<main><h1>Checkout</h1><form action=/order method=post>
<label>Email <input type=email name=email></label><label>Full name <input name=name></label>
<label>Street address <input name=street></label><button>Place order</button></form></main>"""


def page(main: str, footer: str) -> bytes:
    return (f"<!doctype html><title>Lamps</title><header><a href=/>Lamps &amp; co</a></header>"
            f"<main>{main}</main>{footer}").encode()


class Store(PageHandler):
    posted: list[tuple[str, dict[str, list[str]]]] = []
    bare = False

    def do_GET(self):  # noqa: N802 (http.server's naming)
        footer = BARE_FOOTER if self.bare else FOOTER
        if self.path.startswith("/p/"):
            body = "<h1>Brass lamp</h1><p>€40.00</p>" + ("" if self.bare else REVIEW)
        elif self.path.startswith("/checkout"):
            self.send_page(page(CHECKOUT, footer))
            return
        else:
            thanks = "<p>Thanks for subscribing</p>" if "customer_posted" in self.path else ""
            body = f"{thanks}<h1>Lamps</h1><a href=/p/brass-lamp>Brass lamp</a> €40.00"
        self.send_page(page(body, footer))

    def do_POST(self):  # noqa: N802
        length = int(self.headers.get("Content-Length", 0))
        form = parse_qs(self.rfile.read(length).decode())
        self.posted.append((self.path, form))
        if self.path == "/subscribe":
            self.send_redirect("/?customer_posted=true")
        else:
            self.send_page(page("<h1>Thank you for submitting a review!</h1>", FOOTER))


def shopper_walks(browser, url: str, steps: tuple[StepSpec, ...]):
    persona = load_journeys()["delighted-shopper"].persona
    journey = Journey(persona, steps, DEFAULT_INPUTS)
    return walk(browser, journey, url, None, RunOptions(typing_scale=0, dwell_ms=0))


AFTER_THE_ORDER = (StepSpec("visit", "Arrive"), StepSpec("open_product", "Open the lamp"),
                   StepSpec("recommend", "Review the lamp"),
                   StepSpec("sign_up_for_news", "Sign up"))


@pytest.mark.parametrize("bare", [False, True], ids=["offered", "offers-none"])
def test_a_review_and_a_sign_up_or_findings_when_the_store_offers_none(browser, bare):
    Store.posted, Store.bare = [], bare
    with serve(Store) as url:
        walked = shopper_walks(browser, url, AFTER_THE_ORDER)
    review, news = walked.steps[2:]
    if bare:  # the store's lack, said as a finding; "Subscribe on YouTube" is no sign-up
        assert (review.status, review.not_offered) == ("not-offered", "no-advocacy")
        assert (news.status, news.not_offered) == ("not-offered", "no-newsletter")
        assert Store.posted == []
        return
    assert review.status == "ok", review.error
    assert review.effort == ["opened “Write a review”", "gave the best rating"]
    assert news.status == "ok", news.error
    (review_at, sent), (news_at, signed_up) = Store.posted
    assert review_at == "/p/brass-lamp/review" and news_at == "/subscribe"
    assert sent["review[rating]"] == ["5 - Excellent"]
    assert sent["review[title]"] == [REVIEW_TITLE]
    email = sent["review[email]"][0]  # the walk's own address, the same in both forms
    assert signed_up["contact[email]"] == [email]
    assert email.startswith("ada.lovelace+delighted-shopper-") and email.endswith("@example.com")


def test_a_footer_sign_up_is_no_part_of_the_order_form(browser):
    """The checkout's e-mail is typed once, into the order form; the form's facts count its
    three fields, not the footer's newsletter box (no false "no label" from it)."""
    Store.posted, Store.bare = [], False
    with serve(Store) as url:
        walked = shopper_walks(browser, f"{url}/checkout", (
            StepSpec("visit", "Open the checkout"), StepSpec("fill_checkout", "Fill it in")))
    filled = walked.steps[1]
    assert filled.status == "ok", filled.error
    assert filled.fields_typed == 3
    assert filled.page.form.fields == 3 and filled.page.form.labelled == 3
