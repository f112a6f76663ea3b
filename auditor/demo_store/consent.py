"""The demo store as an EU shop greets visitors: a real consent box (vanilla-cookieconsent from
npm, installed by `make lighthouse`, with its default settings, bot-hiding included) that
blocks the page until answered, and an analytics script that runs only once a visitor
accepts. Flaws: the box offers no reject on its first layer; it forgets the answer."""

from __future__ import annotations

from pathlib import Path

from flask import Flask, abort, request, send_from_directory

from auditor.demo_store.flaws import Flaws
from auditor.errors import AuditorError

LIBRARY = (Path(__file__).resolve().parents[2] / "lighthouse" / "node_modules"
           / "vanilla-cookieconsent" / "dist")
CONSENT_FLAWS = ("consent-box", "consent-no-reject", "consent-forgotten")


def add_consent_box(app: Flask, flaws: Flaws) -> None:
    """The box on every page when a consent flaw is on; analytics hits kept in
    app.config["ANALYTICS"] (the pages they counted)."""
    shown = any(flaws.on(name) for name in CONSENT_FLAWS)
    if shown and not (LIBRARY / "cookieconsent.umd.js").is_file():
        raise AuditorError(f"the consent box needs vanilla-cookieconsent in {LIBRARY}: run "
                           "'make lighthouse' (npm)")
    app.config["ANALYTICS"] = []

    @app.context_processor
    def _consent() -> dict:
        return {"consent": shown}

    @app.get("/vendor/consent/<name>")
    def consent_library(name: str):
        if not shown or name not in ("cookieconsent.umd.js", "cookieconsent.css"):
            abort(404)
        return send_from_directory(LIBRARY, name)

    @app.post("/analytics")
    def analytics():
        app.config["ANALYTICS"].append(request.args.get("page", ""))
        return "", 204
