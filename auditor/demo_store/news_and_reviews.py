"""What the demo store offers after an order, in three patterns real stores use: a footer
newsletter form posted to its own page (classic), one sent by a script that answers in place
(modern), a platform's /contact form answered by a redirect (platform); reviews on product
pages (classic, modern) and share links (platform). The Bootstrap themes offer none."""

from __future__ import annotations

from flask import Flask, abort, jsonify, redirect, render_template, request, url_for


def add_news_and_reviews(app: Flask, products: dict, reviews: dict[str, list[dict]]) -> None:
    """Routes for signing up and reviewing; subscribers and reviews live in memory."""
    subscribers: list[str] = []

    @app.post("/newsletter")
    def newsletter():
        email = request.form.get("email", "").strip()
        if "@" not in email:
            abort(400)
        subscribers.append(email)
        return render_template("newsletter.html", email=email)

    @app.post("/api/newsletter")
    def api_newsletter():
        email = str((request.get_json(silent=True) or {}).get("email", "")).strip()
        if "@" in email:
            subscribers.append(email)
        return jsonify(ok="@" in email)

    @app.post("/contact")
    def contact():
        email = request.form.get("contact[email]", "").strip()
        if "@" in email:
            subscribers.append(email)
        return redirect(url_for("home", customer_posted="true" if "@" in email else None),
                        code=303)

    @app.post("/review/<slug>")
    def review(slug: str):
        item = products.get(slug) or abort(404)
        rating, text = request.form.get("rating", ""), request.form.get("text", "").strip()
        if rating not in ("1", "2", "3", "4", "5") or len(text) < 10:
            return render_template("product.html", product=item, reviews=reviews.get(slug, []),
                                   review_errors="Choose a rating and write at least 10 "
                                                 "characters."), 422
        reviews.setdefault(slug, []).append(
            {"rating": int(rating), "text": text, "author": request.form.get("author", "")})
        return redirect(url_for("product", slug=slug, reviewed=1), code=303)
