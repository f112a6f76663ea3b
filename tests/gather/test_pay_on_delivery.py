"""A store with no card field (pay on delivery) whose browser validation stops the form:
the novice makes his slip in the postcode instead, and the browser's refusal is an error."""

from pathlib import Path

import pytest
from helpers import PageHandler, serve, walk_story

PAGES = {
    "/": "<main><h1>Lamps</h1><a href='/p/desk-lamp'><img alt=''>Desk lamp</a></main>",
    "/p/desk-lamp": "<main><h1>Desk lamp</h1><p>€25.00</p><form method='post' action='/add'>"
                    "<button>Add to basket</button></form></main>",
    "/basket": "<main><h1>Basket</h1><p>1 × Desk lamp</p><a href='/checkout'>Checkout</a></main>",
    "/checkout": """<main><h1>Checkout: pay on delivery</h1><form method='post' action='/order'>
      <label>Email <input name='email' type='email' required autocomplete='email'></label>
      <label>Full name <input name='name' required autocomplete='name'></label>
      <label>Street <input name='street' required autocomplete='address-line1'></label>
      <label>Postcode <input name='zip' required pattern='[0-9]{5}'
        autocomplete='postal-code'></label>
      <label>City <input name='city' required autocomplete='address-level2'></label>
      <button>Place order</button></form></main>""",
    "/done": "<main><h1>Thank you!</h1><p>Order number: PD-48151</p></main>",
}
SCENARIO = """
persona:
  id: careful
  name: Tadeusz
  pronoun: he
  mistakes: [{field: cc-number, kind: drop-digit, times: 2, fallback_fields: [tel, postal-code]}]
journey:
  - visit
  - open_product
  - add_to_cart
  - go_to_checkout
  - fill_checkout
  - {action: place_order, attempts: 3}
"""


class DeliveryStore(PageHandler):
    def do_GET(self):  # noqa: N802
        body = f"<!doctype html><title>Lamps</title>{PAGES.get(self.path, '')}".encode()
        self.send_page(body, 200 if self.path in PAGES else 404)

    def do_POST(self):  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_redirect("/basket" if self.path == "/add" else "/done")


@pytest.fixture
def delivery_store():
    with serve(DeliveryStore) as url:
        yield url


def test_slip_moves_to_the_postcode_and_browser_validation_counts(browser, delivery_store,
                                                                   tmp_path: Path):
    journey = walk_story(browser, delivery_store, tmp_path, SCENARIO)
    attempts = [s for s in journey.steps if s.evidence.form is not None]
    assert len(attempts) == 2, [(s.evidence.name, s.evidence.error) for s in journey.steps]
    for attempt in attempts:
        form = attempt.evidence.form
        assert form.browser_blocked and form.invalid == ["zip"] and form.mistake_in == "zip"
        assert attempt.emotion == "neutral"
    assert journey.outcome == "completed"
    assert journey.steps[-1].evidence.order_number == "PD-48151"
