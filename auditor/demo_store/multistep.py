"""The multi-step checkout of the modern and platform themes: information, shipping, payment.

Card fields live in a same-origin iframe, as with payment providers; the payment page pays
through fetch() and shows errors without a page load.
"""

from __future__ import annotations

import secrets

from flask import Flask, abort, jsonify, redirect, render_template, request, session, url_for

from auditor.demo_store.checkout_form import CARD_NAMES, COUNTRIES, FIELDS, INFO_NAMES, validate
from auditor.demo_store.flaws import Flaws

SHIPPING = {"standard": ("Standard, 3–5 days", 0.0), "express": ("Express, next day", 9.9)}


def form_name(theme: str, name: str) -> str:
    """The field's name attribute in the theme's markup (the platform theme nests them)."""
    if theme != "platform":
        return name
    return "checkout[email]" if name == "email" else f"checkout[shipping_address][{name}]"


def add_multistep_checkout(app: Flask, theme: str, flaws: Flaws, orders: dict,
                           cart_lines) -> None:
    """Register /checkout/information, /shipping, /payment, /card-frame and /pay."""
    info_fields = [f for f in FIELDS if f.name in INFO_NAMES]
    card_fields = [f for f in FIELDS if f.name in CARD_NAMES]

    def page(template: str, **context):
        lines, total = cart_lines(session.get("cart", {}))
        if not lines:
            return redirect(url_for("cart"), code=303)
        return render_template(template, lines=lines, total=total, theme=theme,
                               unlabeled=flaws.on("unlabeled-fields"), **context)

    @app.route("/checkout/information", methods=["GET", "POST"])
    def information():
        values = dict(session.get("info", {}))
        errors: dict[str, str] = {}
        if request.method == "POST":
            values = {f.name: request.form.get(form_name(theme, f.name), "").strip()
                      for f in info_fields}
            if theme == "modern":
                given, _, family = values.get("given_name", "").partition(" ")
                values["given_name"], values["family_name"] = given, family or given
            errors = validate(values, names=INFO_NAMES)
            if not errors:
                session["info"] = values
                return redirect(url_for("shipping"), code=303)
            if flaws.on("clear-form-on-error"):
                values = {}
        return page("information.html", fields=info_fields, values=values, errors=errors,
                    countries=COUNTRIES, name_of=lambda n: form_name(theme, n))

    @app.route("/checkout/shipping", methods=["GET", "POST"])
    def shipping():
        if "info" not in session:
            return redirect(url_for("information"), code=303)
        if request.method == "POST":
            session["shipping"] = request.form.get("shipping_method", "standard")
            return redirect(url_for("payment"), code=303)
        return page("shipping.html", options=SHIPPING, info=session["info"])

    @app.get("/checkout/payment")
    def payment():
        if "info" not in session:
            return redirect(url_for("information"), code=303)
        return page("payment.html", info=session["info"])

    @app.get("/checkout/card-frame")
    def card_frame():
        return render_template("card_frame.html", fields=card_fields,
                               unlabeled=flaws.on("unlabeled-fields"))

    @app.post("/checkout/pay")
    def pay():
        values = request.get_json(silent=True) or {}
        errors = validate({k: str(values.get(k, "")) for k in CARD_NAMES}, names=CARD_NAMES)
        if "info" not in session:
            return jsonify(redirect=url_for("information")), 409
        if errors:
            if flaws.on("clear-form-on-error"):
                session.pop("info", None)
                return jsonify(redirect=url_for("information"),
                               message="Payment failed. Please enter your details again."), 422
            return jsonify(errors=errors), 422
        if flaws.on("checkout-500"):
            return jsonify(message="We could not place your order. Please try later."), 500
        lines, total = cart_lines(session.get("cart", {}))
        if not lines:
            abort(400)
        number = f"MT-{secrets.randbelow(900000) + 100000}"
        orders[number] = {"email": session["info"]["email"], "lines": lines, "total": total}
        session["cart"] = {}
        return jsonify(redirect=url_for("order", number=number))
