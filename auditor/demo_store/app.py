"""The demo store: a small, real Flask shop whose flaws can be switched on one by one."""

from __future__ import annotations

import secrets
import time
from pathlib import Path

from flask import Flask, abort, jsonify, redirect, render_template, request, session, url_for
from jinja2 import ChoiceLoader, FileSystemLoader

from auditor.demo_store import catalog
from auditor.demo_store.accordion import add_accordion_checkout
from auditor.demo_store.accounts import add_accounts, held_by_account
from auditor.demo_store.checkout_form import COUNTRIES, FIELDS, validate
from auditor.demo_store.consent import add_consent_box
from auditor.demo_store.flaws import Flaws, parse_flaws
from auditor.demo_store.multistep import add_multistep_checkout
from auditor.demo_store.news_and_reviews import add_news_and_reviews
from auditor.demo_store.provider import card_state, new_card_session

THEMES = {
    "classic": "server-rendered pages, one-page checkout, labelled fields",
    "modern": "search results and cart drawn by JavaScript, div controls, placeholders, "
              "multi-step checkout with card fields in an iframe",
    "platform": "a popular platform's conventions: /collections, /products, cart drawer, "
                "checkout[...] field names, information → shipping → payment",
    "bootstrap": "a Bootstrap navbar that collapses behind a nameless ☰ on phones, a search "
                 "box behind an icon, an account drop-down, product links by query string, "
                 "cards with no 'product' in their class, add to cart without a page load",
    "accordion": "the Bootstrap store with a one-page accordion checkout: continue per "
                 "section, a delivery method in a modal, payment methods, a terms box, a "
                 "required region, a place-order button disabled until ready, and a "
                 "confirmation without an order number",
}
# Where categories and products live: a path with the slug, or a script taking ?slug=.
_ROUTES = {"platform": ("/collections/<slug>", "/products/<slug>"),
           "bootstrap": ("/list.php", "/view.php"), "accordion": ("/list.php", "/view.php")}
MULTISTEP = ("modern", "platform")
HOSTED = ("cc_number", "cc_exp", "cc_csc")  # the card fields a payment provider hosts


def create_app(flaws: Flaws | None = None, theme: str = "classic",
               catalogue: str = "standard", provider: str | None = None) -> Flask:
    """Build the store; state (carts in a signed cookie, orders in memory) lives per process.
    `provider`: the address of a card payment provider (provider.py) whose hosted fields and
    3-D Secure the classic checkout uses instead of its own card fields."""
    flaws = flaws or parse_flaws([])
    shop = catalog.CATALOGUES[catalogue]
    app = Flask(__name__)
    here = Path(__file__).parent / "templates"
    chain = {"accordion": ["accordion", "bootstrap"]}.get(theme, [theme])
    app.jinja_loader = ChoiceLoader([FileSystemLoader(here / name)
                                     for name in (*chain, "classic")])
    app.secret_key = secrets.token_hex(16)
    app.config["FLAWS"] = flaws
    orders: dict[str, dict] = {}
    reviews: dict[str, list[dict]] = {}
    _install_delays(app, flaws)

    @app.context_processor
    def _globals() -> dict:
        cart = session.get("cart", {})
        return {"categories": shop.categories, "cart_count": sum(cart.values()),
                "flaws": flaws, "theme": theme, "shop_products": shop.products}

    @app.get("/")
    def home():
        return render_template("home.html", featured=shop.featured())

    category_rule, product_rule = _ROUTES.get(theme, ("/category/<slug>", "/product/<slug>"))

    @app.get(category_rule)
    def category(slug: str = ""):
        slug = slug or request.args.get("slug", "")
        if slug not in shop.categories:
            abort(404)
        low, high = _price(request.args.get("min")), _price(request.args.get("max"))
        clearance = request.args.get("clearance") == "1"
        products = [
            p for p in shop.products
            if p.category == slug and (low is None or p.price >= low)
            and (high is None or p.price <= high) and (p.clearance or not clearance)
        ]
        return render_template("category.html", slug=slug, name=shop.categories[slug],
                               products=products, low=low, high=high, clearance=clearance)

    @app.get(product_rule)
    def product(slug: str = ""):
        slug = slug or request.args.get("slug", "")
        item = shop.by_slug.get(slug) or abort(404)
        return render_template("product.html", product=item, reviews=reviews.get(slug, []),
                               reviewed=request.args.get("reviewed") == "1")

    @app.get("/search")
    def search():
        query = (request.args.get("q") or request.args.get("search") or "").strip()
        results = [] if flaws.on("broken-search") else shop.search(query)
        return render_template("search.html", query=query, results=results)

    @app.post("/cart/add")
    def cart_add():
        slug = _add_to_cart(shop, request.form)
        return redirect(url_for("cart", added=slug), code=303)

    @app.get("/api/search")
    def api_search():
        query = request.args.get("q", "").strip()
        found = [] if flaws.on("broken-search") else shop.search(query)
        return jsonify(query=query, results=[_card(p) for p in found])

    @app.post("/api/cart")
    def api_cart():
        _add_to_cart(shop, request.get_json(silent=True) or {})
        lines, total = _cart_lines(shop, session.get("cart", {}))
        return jsonify(count=sum(line["quantity"] for line in lines), total=total,
                       lines=[{"name": line["product"].name, "quantity": line["quantity"]}
                              for line in lines])

    @app.get("/cart")
    def cart():
        lines, total = _cart_lines(shop, session.get("cart", {}))
        added = shop.by_slug.get(request.args.get("added", ""))
        return render_template("cart.html", lines=lines, total=total, added=added)

    @app.post("/cart/remove")
    def cart_remove():
        cart = dict(session.get("cart", {}))
        cart.pop(request.form.get("product", ""), None)
        session["cart"] = cart
        return redirect(url_for("cart"), code=303)

    def checkout():
        if theme in MULTISTEP:
            return redirect(url_for("information"), code=303)
        lines, total = _cart_lines(shop, session.get("cart", {}))
        if not lines:
            return redirect(url_for("cart"), code=303)
        names = tuple(f.name for f in FIELDS if not (provider and f.name in HOSTED))
        values = {name: request.form.get(name, "") for name in names}
        if request.method == "GET":
            values = {n: v for n, v in held_by_account(flaws).items() if n in names}
        errors = validate(values, names=names) if request.method == "POST" else {}
        challenge = None
        if request.method == "POST" and not errors and provider:
            sid = request.form.get("card_session", "")
            if card_state(provider, sid).get("ready"):  # the bank asks next: 3-D Secure
                challenge, session["pending"] = sid, values
            else:
                errors["card"] = "Check your card details."
        if request.method == "POST" and not errors and not challenge:
            return place(values, lines, total)
        if errors and flaws.on("clear-form-on-error"):
            values = {}
        return render_checkout(values, errors, lines, total, challenge)

    def place(values: dict[str, str], lines: list[dict], total: float):
        if flaws.on("checkout-500"):
            abort(500)
        number = f"MT-{secrets.randbelow(900000) + 100000}"
        orders[number] = {"email": values["email"], "lines": lines, "total": total}
        session["cart"] = {}
        return redirect(url_for("order", number=number), code=303)

    def render_checkout(values: dict[str, str], errors: dict[str, str], lines: list[dict],
                        total: float, challenge: str | None = None):
        return render_template("checkout.html", fields=FIELDS, values=values, errors=errors,
                               countries=COUNTRIES, lines=lines, total=total,
                               unlabeled=flaws.on("unlabeled-fields"), provider=provider,
                               hosted=HOSTED, card_session=new_card_session(),
                               challenge=challenge, shop_origin=request.host_url.rstrip("/"))

    @app.post("/checkout/3ds")
    def checkout_3ds():
        lines, total = _cart_lines(shop, session.get("cart", {}))
        values = session.pop("pending", None)
        if not (provider and lines and values):
            return redirect(url_for("checkout"), code=303)
        if card_state(provider, request.form.get("card_session", "")).get("authenticated"):
            return place(values, lines, total)
        return render_checkout(values, {"card": "Your bank did not confirm the payment."},
                               lines, total)

    @app.get("/order/<number>")
    def order(number: str):
        placed = orders.get(number) or abort(404)
        return render_template("order.html", number=number, order=placed)

    @app.post("/account")
    def account():
        placed = orders.get(request.form.get("order", "")) or abort(400)
        if len(request.form.get("password", "")) < 8:
            return render_template("order.html", number=request.form["order"], order=placed,
                                   password_error="Use at least 8 characters."), 200
        return render_template("account.html", email=placed["email"])

    @app.route("/account/register", methods=["GET", "POST"])
    def register():
        values = {k: request.form.get(k, "") for k in ("firstname", "lastname", "email")}
        errors = _registration_errors(request.form) if request.method == "POST" else {}
        return render_template("register.html", values=values, errors=errors,
                               created=request.method == "POST" and not errors)

    @app.get("/img/<slug>.svg")
    def picture(slug: str):
        item = shop.by_slug.get(slug) or abort(404)
        svg = render_template("picture.svg", product=item)
        return svg, 200, {"Content-Type": "image/svg+xml", "Cache-Control": "max-age=3600"}

    @app.errorhandler(404)
    def not_found(_error):
        return render_template("error.html", title="Page not found",
                               message="We could not find that page."), 404

    @app.errorhandler(500)
    def server_error(_error):
        return render_template("error.html", title="Something went wrong",
                               message="We could not place your order. Please try later."), 500

    def lines_of(cart: dict[str, int]) -> tuple[list[dict], float]:
        return _cart_lines(shop, cart)

    if theme == "accordion":
        add_accordion_checkout(app, flaws, orders, lines_of)
    else:
        app.add_url_rule("/checkout", "checkout", checkout, methods=["GET", "POST"])
    if theme in MULTISTEP:
        add_multistep_checkout(app, theme, flaws, orders, lines_of)
    add_news_and_reviews(app, shop.by_slug, reviews)
    add_consent_box(app, flaws)
    add_accounts(app, flaws)
    return app


def _add_to_cart(shop: catalog.Catalogue, form) -> str:
    slug = str(form.get("product", ""))
    if slug not in shop.by_slug:
        abort(400)
    cart = dict(session.get("cart", {}))
    cart[slug] = cart.get(slug, 0) + max(1, _int(form.get("quantity"), 1))
    session["cart"] = cart
    return slug


def _registration_errors(form) -> dict[str, str]:
    errors = {}
    if "@" not in form.get("email", ""):
        errors["email"] = "E-Mail Address does not appear to be valid!"
    if len(form.get("password", "")) < 8:
        errors["password"] = "Password must be at least 8 characters!"
    elif form.get("confirm") != form.get("password"):
        errors["confirm"] = "Password confirmation does not match password!"
    if not form.get("agree"):
        errors["agree"] = "Warning: You must agree to the Privacy Policy!"
    return errors


def _card(p: catalog.Product) -> dict:
    return {"name": p.name, "url": url_for("product", slug=p.slug), "price": p.price,
            "image": url_for("picture", slug=p.slug), "clearance": p.clearance}


def _install_delays(app: Flask, flaws: Flaws) -> None:
    """Sleep exactly the configured seconds before answering slow pages (never pictures)."""

    @app.before_request
    def _delay() -> None:
        if request.endpoint in (None, "static", "picture"):
            return
        seconds = flaws.delay("slow-page")
        seconds += {"product": flaws.delay("slow-product"),
                    "search": flaws.delay("slow-search"),
                    "api_search": flaws.delay("slow-search")}.get(request.endpoint, 0.0)
        if seconds:
            time.sleep(seconds)


def _cart_lines(shop: catalog.Catalogue, cart: dict[str, int]) -> tuple[list[dict], float]:
    products = shop.by_slug
    lines = [{"product": products[slug], "quantity": qty}
             for slug, qty in cart.items() if slug in products]
    return lines, round(sum(line["product"].price * line["quantity"] for line in lines), 2)


def _price(raw: str | None) -> float | None:
    try:
        return float(raw) if raw not in (None, "") else None
    except ValueError:
        return None


def _int(raw: str | None, default: int) -> int:
    try:
        return int(raw or default)
    except ValueError:
        return default
