"""A store built from ARIA widgets, as many React storefronts are (the pattern met on
EverShop in the zoo, written here from the WAI-ARIA patterns, not from any store's code):
a search behind a link to nowhere named "Search", a two-thumb price slider, a one-page
checkout whose country and region are role=combobox buttons over hidden mirror inputs (the
region drop-down re-drawn when the country changes), delivery methods that appear only once
the address is saved when she leaves its last field, role=radio choices that tick only after
the page's own moment, a disabled "Select a payment method" button, and the account offer
only on the sign-in page the header's person icon leads to."""

from pathlib import Path
from urllib.parse import parse_qs

import pytest
from helpers import PageHandler, serve, walk_story

HEADER = """<header><a href="/" aria-label="Toys – home"><svg width=20 height=20></svg></a>
  <nav><a href="/toys">Toys</a> <a href="/books">Books</a></nav>
  <a href="#" aria-label="Search" id=open-search><svg width=20 height=20></svg></a>
  <form action="/search" id=search hidden><input name=keyword placeholder="Search"></form>
  <a href="/account/login" aria-label="Sign in"><svg width=20 height=20></svg></a></header>
  <script>document.getElementById('open-search').onclick = (e) => {
    e.preventDefault(); document.getElementById('search').hidden = false; };</script>"""
TRAIN = "<a href='/p/train'><h3>Wooden toy train</h3><span>€34.90</span></a>"
CHECKOUT = """<main><h1>Checkout</h1><form id=f method=post action=/order>
<label>Email <input name=email type=email></label>
<label>Full name <input name=name></label>
<label>Address <input name=street></label>
<label>City <input name=city></label>
<label for=country-trigger>Country</label>
<button type=button id=country-trigger role=combobox aria-haspopup=listbox aria-expanded=false
  aria-controls=country-list data-placeholder>Country</button>
<input name=country aria-hidden=true tabindex=-1
  style="position:fixed;top:0;left:0;width:1px;height:1px;clip-path:inset(50%)">
<div id=region-box></div>
<label>Postcode <input name=zip></label>
<section id=delivery><h2>Delivery</h2><p>Methods appear once your address is complete</p>
</section>
<h2>Payment</h2><div role=radiogroup aria-label=Payment>
  <span role=radio aria-checked=false tabindex=0 aria-labelledby=cod-name
    style="display:inline-block;width:16px;height:16px;border:1px solid"></span>
  <span id=cod-name>Cash on delivery</span></div>
<input name=payment aria-hidden=true tabindex=-1
  style="position:fixed;top:0;left:0;width:1px;height:1px;clip-path:inset(50%)">
<input name=delivery aria-hidden=true tabindex=-1
  style="position:fixed;top:0;left:0;width:1px;height:1px;clip-path:inset(50%)">
<button id=go type=submit disabled>Select a payment method</button></form></main>
<script>
const form = document.getElementById('f');
function dropDown(trigger, names, chosen) {
  trigger.onclick = () => {
    const list = document.createElement('div');
    list.id = trigger.getAttribute('aria-controls');
    list.setAttribute('role', 'listbox');
    const name = trigger.textContent;
    list.innerHTML = `<div role=option aria-disabled=true>${name}</div>`
      + names.map((n) => `<div role=option style="padding:4px">${n}</div>`).join('');
    trigger.after(list);
    trigger.setAttribute('aria-expanded', 'true');
    list.querySelectorAll('[role=option]:not([aria-disabled])').forEach((o) => {
      o.onclick = () => {
        trigger.textContent = o.textContent;
        trigger.removeAttribute('data-placeholder');
        trigger.setAttribute('aria-expanded', 'false');
        list.remove();
        chosen(o.textContent);
      };
    });
  };
}
function region() {  // drawn again whenever the country changes, as a framework does
  document.getElementById('region-box').innerHTML = `<label for=region-trigger>Region</label>
    <button type=button id=region-trigger role=combobox aria-haspopup=listbox aria-expanded=false
      aria-controls=region-list data-placeholder>Region</button>
    <input name=region aria-hidden=true tabindex=-1
      style="position:fixed;top:0;left:0;width:1px;height:1px;clip-path:inset(50%)">`;
  dropDown(document.getElementById('region-trigger'), ['Bavaria', 'Berlin'], (n) => {
    form.region.value = n; });
}
dropDown(document.getElementById('country-trigger'), ['Austria', 'Germany', 'France'], (n) => {
  form.country.value = n; region(); });
region();
function radio(el, onChosen) {
  el.onclick = () => setTimeout(() => {  // ticked once the page has taken the choice
    el.closest('[role=radiogroup]').querySelectorAll('[role=radio]').forEach((r) =>
      r.setAttribute('aria-checked', String(r === el)));
    onChosen(); ready(); }, 150);
}
radio(document.querySelector('[aria-labelledby=cod-name]'), () => { form.payment.value = 'cod'; });
function ready() {
  if (form.payment.value && form.delivery.value) {
    const go = document.getElementById('go');
    go.disabled = false; go.textContent = 'Place order';
  }
}
let saved = false;
form.addEventListener('focusout', () => setTimeout(() => {
  const complete = ['email', 'name', 'street', 'city', 'zip', 'country', 'region'].every(
    (n) => form[n].value);
  if (!complete || saved) return;
  saved = true;
  fetch('/api/delivery-methods').then((r) => r.json()).then((methods) => {
    const box = document.getElementById('delivery');
    box.innerHTML = '<h2>Delivery</h2><div role=radiogroup aria-label=Delivery>'
      + methods.map((m, i) => `<span role=radio aria-checked=false tabindex=0
          aria-labelledby=m${i} style="display:inline-block;width:16px;height:16px;
          border:1px solid"></span><span id=m${i}>${m}</span>`).join('') + '</div>';
    box.querySelectorAll('[role=radio]').forEach((r) => radio(r, () => {
      form.delivery.value = r.nextElementSibling.textContent; }));
  });
}, 300));
</script>"""
PAGES = {
    "/": f"{HEADER}<main><h1>Toys and tales</h1>{TRAIN}</main>",
    "/toys": f"""{HEADER}<main><h1>Toys</h1><div class=price-range>
      <input type=range min=10 max=35 step=1 value=10 aria-valuetext="10 start range">
      <input type=range min=10 max=35 step=1 value=35 aria-valuetext="35 end range"></div>
      <script>document.querySelectorAll('[type=range]').forEach((r) => r.onchange = () => {{
        const [lo, hi] = document.querySelectorAll('[type=range]');
        location.search = `?min=${{lo.value}}&max=${{hi.value}}`; }});</script>
      <ul><li>{TRAIN}</li></ul></main>""",
    "/search": f"{HEADER}<main><h1>Search results</h1><ul><li>{TRAIN}</li></ul></main>",
    "/p/train": f"""{HEADER}<main><h1>Wooden toy train</h1><p>€34.90</p>
      <form method=post action=/add><button>Add to cart</button></form></main>""",
    "/cart": f"{HEADER}<main><h1>Cart</h1><p>1 × Wooden toy train</p>"
             "<a href='/checkout'>Checkout</a></main>",
    "/checkout": CHECKOUT,
    "/done": "<main><h1>Thank you for your order</h1><p>Order number: W-2718</p></main>",
    "/account/login": f"""{HEADER}<main><h1>Sign in</h1><form method=post action=/login>
      <label>Email <input name=email type=email></label>
      <label>Password <input name=password type=password></label><button>Sign in</button>
      </form><p>New here? <a href="/account/register">Create an account</a></p></main>""",
    "/account/register": f"""{HEADER}<main><h1>Create an account</h1>
      <form method=post action=/register><label>Full name <input name=name></label>
      <label>Email <input name=email type=email></label>
      <label>Password <input name=password type=password></label>
      <button>Sign up</button></form></main>""",
    "/account": f"{HEADER}<main><h1>Your account</h1><p>Welcome!</p></main>",
}
SCENARIO = """
persona: {id: widget-shopper, name: Ines, pronoun: she, device: desktop}
inputs: {category: toys, search: wooden toy train}
journey:
  - visit
  - open_category
  - {action: filter_price, max: 80}
  - search
  - open_product
  - add_to_cart
  - go_to_checkout
  - fill_checkout
  - place_order
  - create_account
"""


class WidgetStore(PageHandler):
    orders: list[dict[str, list[str]]] = []
    accounts: list[dict[str, list[str]]] = []

    def do_GET(self):  # noqa: N802
        path = self.path.split("?")[0]
        if path == "/api/delivery-methods":
            self.send_page(b'["Standard \\u20ac4.90", "Express \\u20ac9.90"]')
            return
        body = f"<!doctype html><title>Toys and tales</title>{PAGES.get(path, '')}".encode()
        self.send_page(body, 200 if path in PAGES else 404)

    def do_POST(self):  # noqa: N802
        sent = parse_qs(self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode())
        if self.path == "/order":
            WidgetStore.orders.append(sent)
        if self.path == "/register":
            WidgetStore.accounts.append(sent)
        self.send_redirect({"/add": "/cart", "/order": "/done", "/register": "/account"}
                           .get(self.path, "/account"))


@pytest.fixture
def widget_store():
    WidgetStore.orders, WidgetStore.accounts = [], []
    with serve(WidgetStore) as url:
        yield url


def test_a_store_of_aria_widgets_is_bought_from_and_joined(browser, widget_store,
                                                           tmp_path: Path):
    journey = walk_story(browser, widget_store, tmp_path, SCENARIO)
    steps = {s.evidence.action: s.evidence for s in journey.steps}
    assert journey.outcome == "completed", [(s.name, s.error) for s in steps.values()]
    assert "left the max price: every price here is within it already" in \
        steps["filter_price"].effort
    assert "min=" not in steps["filter_price"].url  # the low thumb was never moved
    assert any("Search" in e for e in steps["search"].effort)
    assert WidgetStore.orders and WidgetStore.orders[0]["country"] == ["Germany"]
    assert WidgetStore.orders[0]["region"] == ["Berlin"]
    assert WidgetStore.orders[0]["payment"] == ["cod"]
    assert WidgetStore.orders[0]["delivery"] == ["Standard €4.90"]
    answered = steps["fill_checkout"].effort + steps["place_order"].effort
    assert "chose “Cash on delivery”" in answered and "chose “Standard €4.90”" in answered
    assert steps["place_order"].order_number == "W-2718"
    assert any("Sign in" in e for e in steps["create_account"].effort)
    assert WidgetStore.accounts, steps["create_account"].error
