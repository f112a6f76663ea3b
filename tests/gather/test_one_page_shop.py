"""A one-page shop, as a ticket shop is (the pattern met on pretix in the zoo, written here
from its behaviour, not its code): every product on one page with a quantity box at nothing
and no page of its own, no category menu, a footer link that only redirects outside, a
"Log in" button in a small header form, a checkout whose steps list names "Order
confirmed" ahead, a first page with nothing to type, a payment choice, "Place binding
order", and an account form that asks a little sum."""

from pathlib import Path
from urllib.parse import parse_qs

import pytest
from helpers import PageHandler, serve, walk_story

HEADER = """<header><h1>Toys and tales</h1><nav aria-label="customer account">
  <form action="/account/login" method="get"><button type="submit">Log in</button></form>
  </nav></header>"""
FOOTER = """<footer><a href="/redirect/?url=https%3A//example.org/">shop software by someone
  </a></footer>"""
STEPS = """<nav aria-label="Checkout steps"><ol><li>Customer account</li><li>Your information
  </li><li>Payment</li><li>Review order</li><li>Order confirmed</li></ol></nav>"""


def _product(n: int, name: str, price: str) -> str:
    return f"""<article id=item-{n}><h4 id=item-{n}-name>{name}</h4>
      <p>Size: 30 cm. Material: organic cotton. Care: wash at 30 degrees.</p><p>{price}</p>
      <fieldset><legend>Quantity</legend><input type=number min=0 max=10 placeholder=0
        name=item_{n} aria-labelledby=item-{n}-name></fieldset></article>"""


SHOP = (f"{HEADER}<main><h2>Products</h2><form method=post action=/cart/add><h3>Toys</h3>"
        f"{_product(1, 'Wooden toy train', '€34.90')}{_product(2, 'Teddy bear', '€24.50')}"
        f"<h3>Games</h3>{_product(3, 'Family board game', '€29.00')}"
        f"<button type=submit>Add to cart</button></form></main>{FOOTER}")
PAGES = {
    "/checkout/customer/": f"""{HEADER}<main><h2>Checkout</h2>{STEPS}<form method=post>
      <label><input type=radio name=customer value=login> Log in with a customer account
      </label><label><input type=radio name=customer value=guest checked> Continue as a
      guest</label><button>Continue</button></form></main>""",
    "/checkout/questions/": f"""{HEADER}<main><h2>Checkout</h2>{STEPS}<form method=post>
      <label>Email <input type=email name=email required></label><button>Continue</button>
      </form></main>""",
    "/checkout/payment/": f"""{HEADER}<main><h2>Checkout</h2>{STEPS}<form method=post>
      <label><input type=radio name=payment value=invoice> Pay by invoice</label>
      <button>Continue</button></form></main>""",
    "/checkout/confirm/": f"""{HEADER}<main><h2>Checkout</h2>{STEPS}
      <p>Teddy bear, €24.50</p><form method=post action=/order>
      <button>Place binding order</button></form></main>""",
    "/order/done/": f"""{HEADER}<main><h2>Thank you for your order!</h2>
      <p>Your order code: TB-48151</p></main>""",
    "/account/login": f"""{HEADER}<main><h2>Log in</h2><form method=post action=/login>
      <label>Email <input type=email name=email></label><button>Log in</button></form>
      <a href="/account/register">Create a new customer account</a></main>""",
    "/account/welcome": f"{HEADER}<main><p>We sent you an e-mail to activate it.</p></main>",
}
REGISTER = f"""{HEADER}<main><h2>Create a new account</h2><form method=post>
  <label>Name <input name=name required></label>
  <label>Email <input type=email name=email required></label>
  <label>What is the result of 4 + 3? <input type=number name=response required></label>
  {{error}}<button>Create account</button></form></main>"""
NEXT = {"/checkout/customer/": "/checkout/questions/",
        "/checkout/questions/": "/checkout/payment/", "/checkout/payment/": "/checkout/confirm/"}
SCENARIO = """
persona: {id: ticket-buyer, name: Ines, pronoun: she, device: desktop}
inputs: {category: toys, product: teddy bear}
journey:
  - visit
  - open_category
  - open_product
  - add_to_cart
  - go_to_checkout
  - fill_checkout
  - place_order
  - create_account
"""


class OnePageShop(PageHandler):
    sent: dict[str, list[dict[str, list[str]]]] = {}

    def do_GET(self):  # noqa: N802
        path = self.path.split("?")[0]
        if path == "/":
            cart = ("<aside><h3>Your cart</h3><p>1 × Teddy bear</p><form method=get "
                    "action=/checkout/customer/><button>Proceed with checkout</button></form>"
                    "</aside>") if "cart=1" in self.path else ""
            body = SHOP.replace("<main>", f"<main>{cart}")
        elif path == "/account/register":
            body = REGISTER.format(error="")
        else:
            body = PAGES.get(path, "")
        page = f"<!doctype html><title>Toys and tales</title>{body}".encode()
        self.send_page(page, 200 if body else 404)

    def do_POST(self):  # noqa: N802
        sent = parse_qs(self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode())
        self.path = self.path.split("?")[0]
        OnePageShop.sent.setdefault(self.path, []).append(sent)
        if self.path == "/cart/add":
            chosen = any(v != ["0"] for k, v in sent.items() if k.startswith("item_"))
            self.send_redirect("/?cart=1" if chosen else "/?error=nothing-selected")
        elif self.path == "/account/register" and sent.get("response") != ["7"]:
            self.send_page(REGISTER.format(error="<p class=error role=alert>Please enter the "
                                                 "correct result.</p>").encode())
        else:
            self.send_redirect(NEXT.get(self.path) or {
                "/order": "/order/done/", "/account/register": "/account/welcome"}.get(
                    self.path, "/"))


@pytest.fixture
def one_page_shop():
    OnePageShop.sent = {}
    with serve(OnePageShop) as url:
        yield url


def test_a_one_page_shop_is_bought_from_and_joined(browser, one_page_shop, tmp_path: Path):
    journey = walk_story(browser, one_page_shop, tmp_path, SCENARIO)
    steps = {s.evidence.action: s.evidence for s in journey.steps}
    assert journey.outcome == "completed", [(s.name, s.error) for s in steps.values()]
    assert steps["open_category"].not_offered == "no-category-menu"
    assert "read “teddy bear” where it is listed: it has no page of its own" in \
        steps["open_product"].effort
    added = OnePageShop.sent["/cart/add"][0]
    assert added.get("item_2") == ["1"] and not added.get("item_3")  # hers, not a "name"
    assert "pressed “Continue”: this page asked nothing to type" in steps["fill_checkout"].effort
    assert OnePageShop.sent["/checkout/payment/"][0]["payment"] == ["invoice"]
    assert "/order" in OnePageShop.sent  # confirmed only once the order was really sent
    assert steps["place_order"].order_number == "TB-48151"
    assert OnePageShop.sent["/account/register"][0]["response"] == ["7"]
    assert any("Log in" in e for e in steps["create_account"].effort)
