"""A card payment provider on a loopback origin of its own, built to the public shape of hosted
card fields (Stripe Elements, Adyen secured fields, Braintree hosted fields): each card field
in its own cross-origin iframe, checked as it is typed (Luhn, expiry, security code) with a
provider's inline error, told to the shop's page by postMessage (never the value), the value
sent by its frame to the provider alone; and a 3-D Secure challenge for the shop to show in a
modal frame. The shop asks the provider, server to server, whether a card session is ready
and authenticated."""

from __future__ import annotations

import json
import secrets
import urllib.request
from pathlib import Path

from flask import Flask, abort, jsonify, render_template, request

from auditor.demo_store.checkout_form import validate

# The provider's fields: its name in the shop's form, a person's label, autocomplete.
ELEMENTS = {"number": ("cc_number", "Card number", "cc-number"),
            "expiry": ("cc_exp", "Expiry date (MM/YY)", "cc-exp"),
            "cvc": ("cc_csc", "Security code (CVC)", "cc-csc")}


def create_provider() -> Flask:
    """The provider's app; card sessions live in memory."""
    app = Flask(__name__, template_folder=str(Path(__file__).parent / "templates" / "provider"))
    sessions: dict[str, dict] = {}

    @app.get("/elements/<kind>")
    def element(kind: str):
        name, label, autocomplete = ELEMENTS.get(kind) or abort(404)
        return render_template("element.html", kind=kind, name=name, label=label,
                               autocomplete=autocomplete, shop=request.args.get("shop", ""),
                               session=request.args.get("session", ""))

    @app.post("/sessions/<sid>/<kind>")
    def card_value(sid: str, kind: str):
        name = (ELEMENTS.get(kind) or abort(404))[0]
        sessions.setdefault(sid, {})[name] = str((request.get_json(silent=True) or {})
                                                 .get("value", ""))
        return "", 204

    @app.get("/sessions/<sid>")
    def card_session(sid: str):
        card = sessions.get(sid, {})
        names = tuple(name for name, _, _ in ELEMENTS.values())
        return jsonify(ready=bool(card) and not validate(card, names=names),
                       authenticated=card.get("authenticated", False))

    @app.get("/3ds/<sid>")
    def challenge(sid: str):
        return render_template("challenge.html", sid=sid, shop=request.args.get("shop", ""),
                               amount=request.args.get("amount", ""))

    @app.post("/3ds/<sid>")
    def answered(sid: str):
        result = "succeeded" if request.form.get("result") == "complete" else "failed"
        sessions.setdefault(sid, {})["authenticated"] = result == "succeeded"
        return render_template("challenge.html", sid=sid, shop=request.form.get("shop", ""),
                               result=result)

    return app


def new_card_session() -> str:
    return secrets.token_hex(8)


def card_state(provider: str, sid: str) -> dict:
    """What the provider says of a card session: ready (every field valid), authenticated."""
    if not sid.isalnum():
        return {}
    with urllib.request.urlopen(f"{provider}/sessions/{sid}", timeout=5) as reply:
        return json.loads(reply.read())
