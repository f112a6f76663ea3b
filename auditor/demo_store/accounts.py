"""Signing in to the demo store, as a returning customer does: one seeded account (printed by
`auditor store`, like a test card), a sign-in page linked from the header, a sign-out button,
and a checkout that fills in what the account holds (unless the flaw `account-forgets`)."""

from __future__ import annotations

import hmac

from flask import Flask, redirect, render_template, request, session, url_for

from auditor.demo_store.flaws import Flaws

DEMO_ACCOUNT = ("returning@example.com", "tea-and-trains-42")
# What the seeded account holds, by the checkout's field names.
HELD = {"email": DEMO_ACCOUNT[0], "given_name": "Jonas", "family_name": "Berger",
        "address": "7 Lindenweg", "city": "Berlin", "postal_code": "10115",
        "country": "Germany", "tel": "+49 30 7654321", "cc_name": "Jonas Berger"}


def add_accounts(app: Flask, flaws: Flaws) -> None:
    """/account/login and /account/logout; `customer` in every template."""

    @app.context_processor
    def _customer() -> dict:
        return {"customer": session.get("customer")}

    @app.route("/account/login", methods=["GET", "POST"])
    def login():
        error = None
        if request.method == "POST":
            email = request.form.get("email", "").strip().lower()
            if email == DEMO_ACCOUNT[0] and hmac.compare_digest(
                    request.form.get("password", ""), DEMO_ACCOUNT[1]):
                session["customer"] = email
                return redirect(url_for("home"), code=303)
            error = "Wrong e-mail address or password."
        return render_template("login.html", error=error)

    @app.post("/account/logout")
    def logout():
        session.pop("customer", None)
        return redirect(url_for("home"), code=303)


def held_by_account(flaws: Flaws) -> dict[str, str]:
    """What the signed-in customer's checkout starts with (nothing with `account-forgets`)."""
    return {} if flaws.on("account-forgets") or not session.get("customer") else dict(HELD)
