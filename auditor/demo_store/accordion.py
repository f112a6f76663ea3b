"""The accordion theme's one-page checkout, modelled on the jQuery one-page checkouts of PHP
stores: details with Continue, a delivery method in a modal, payment methods (card fields
only for a card), a terms box, a region the country requires, a place-order button disabled
until all that is done, and a confirmation with no order number."""

from __future__ import annotations

from flask import Flask, abort, jsonify, redirect, render_template, request, session, url_for

from auditor.demo_store.checkout_form import CARD_NAMES, COUNTRIES, FIELDS, INFO_NAMES, validate
from auditor.demo_store.flaws import Flaws

REGIONS = {
    "Germany": ["Baden-Württemberg", "Bayern", "Berlin", "Brandenburg", "Hamburg", "Hessen"],
    "France": ["Île-de-France", "Normandie", "Occitanie", "Bretagne"],
    "Lithuania": ["Vilniaus apskritis", "Kauno apskritis", "Klaipėdos apskritis"],
    "Poland": ["Mazowieckie", "Małopolskie", "Pomorskie"],
    "China": ["Beijing", "Shanghai", "Guangdong"],
    "United Kingdom": ["England", "Scotland", "Wales", "Northern Ireland"],
    "United States": ["California", "New York", "Texas", "Washington"],
}
DELIVERY = {"standard": "Standard delivery (3–5 days): €4.90",
            "express": "Express delivery (next day): €9.90"}
PAYMENT = {"cod": "Cash on delivery", "bank": "Bank transfer", "card": "Credit or debit card"}
# Extra fields of this checkout, beside the shared ones: (name, label, required).
EXTRA = [("company", "Company", False), ("address_2", "Address 2", False)]


def add_accordion_checkout(app: Flask, flaws: Flaws, orders: dict, cart_lines) -> None:
    """Register /checkout (GET shows it, POST places the order), /checkout/success and
    /api/regions."""

    @app.route("/checkout", methods=["GET", "POST"])
    def checkout():
        lines, total = cart_lines(session.get("cart", {}))
        if not lines:
            return redirect(url_for("cart"), code=303)
        form = request.form
        values = {k: form.get(k, "") for k in form} if request.method == "POST" else {}
        errors = _errors(values) if request.method == "POST" else {}
        if request.method == "POST" and not errors:
            if flaws.on("checkout-500"):
                abort(500)
            orders[f"guest-{len(orders) + 1}"] = {"email": values["email"], "lines": lines}
            session["cart"] = {}
            return redirect(url_for("checkout_success"), code=303)
        if errors and flaws.on("clear-form-on-error"):
            values = {}
        return render_template(
            "accordion.html", fields=FIELDS, info=INFO_NAMES, card=CARD_NAMES, extra=EXTRA,
            values=values, errors=errors, countries=COUNTRIES, delivery=DELIVERY,
            payment=PAYMENT, regions=REGIONS.get(values.get("country", ""), []),
            lines=lines, total=total, unlabeled=flaws.on("unlabeled-fields"),
            reopened=request.method == "POST")

    @app.get("/checkout/success")
    def checkout_success():
        return render_template("success.html")

    @app.get("/api/regions")
    def regions():
        return jsonify(REGIONS.get(request.args.get("country", ""), []))


def _errors(values: dict[str, str]) -> dict[str, str]:
    """What the store refuses, in its own words; the card only when paying by card."""
    names = INFO_NAMES + (CARD_NAMES if values.get("payment") == "card" else ())
    errors = validate(values, names=names)
    if values.get("country") == "Germany" and not errors.get("postal_code") and not (
            values.get("postal_code", "").strip().isdigit()
            and len(values["postal_code"].strip()) == 5):
        errors["postal_code"] = "Postcode must be 5 digits for Germany!"
    if not values.get("zone_id"):
        errors["zone_id"] = "Please select a region / state!"
    if values.get("shipping") not in DELIVERY:
        errors["shipping"] = "Warning: Delivery method required!"
    if values.get("payment") not in PAYMENT:
        errors["payment"] = "Warning: Payment method required!"
    if not values.get("agree"):
        errors["agree"] = "Warning: You must agree to the Terms & Conditions!"
    return errors
