"""The zoo's catalogue in EverShop, through the store's own admin REST API, the way a shop
owner sets it up: the platform's default clothing categories removed, the toy and book shop
of stores/catalogue.json, a main menu and a home-page product list (EverShop starts with
neither), one shipping zone with a flat rate, cash on delivery (no outside service), the
store's name, country, currency and telephone number.
Usage: python3 seed.py URL ADMIN_EMAIL ADMIN_PASSWORD"""

from __future__ import annotations

import json
import re
import sys
import urllib.error
import urllib.request
from pathlib import Path

CATALOGUE = json.loads((Path(__file__).resolve().parent.parent / "catalogue.json").read_text())
# Where the personas and a user's own personas may live; EverShop ships only to zones.
SHIPPING_COUNTRIES = ["DE", "AT", "CH", "FR", "BE", "NL", "LU", "IT", "ES", "PT", "PL", "LT",
                      "CZ", "DK", "SE", "FI", "IE", "GB", "US", "CA", "CN"]
SHIPPING_COST = 4.90
SETTINGS = {"storeName": "Toys & Tales", "storeCountry": "DE", "storeCity": "Berlin",
            "storeCurrency": CATALOGUE["currency"], "storePhoneNumber": "+49 30 1234567",
            "storeEmail": "shop@example.com", "codPaymentStatus": 1,
            "codDisplayName": "Cash on delivery"}


class Admin:
    """Calls to EverShop's admin API with a bearer token from its own login endpoint."""

    def __init__(self, url: str, email: str, password: str) -> None:
        self.url = url.rstrip("/")
        self.token = ""
        self.token = self.call("POST", "/api/user/tokens",
                               {"email": email, "password": password})["accessToken"]

    def call(self, method: str, path: str, body: dict | None = None) -> dict:
        request = urllib.request.Request(
            self.url + path, method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Content-Type": "application/json",
                     **({"Authorization": f"Bearer {self.token}"} if self.token else {})})
        try:
            with urllib.request.urlopen(request, timeout=60) as reply:
                answer = json.loads(reply.read() or b"{}")
        except urllib.error.HTTPError as refused:
            answer = {"error": f"HTTP {refused.code}: {refused.read()[:500]!r}"}
        if "error" in answer:
            raise SystemExit(f"EverShop {method} {path}: {answer['error']}")
        return answer.get("data", answer)

    def graphql(self, query: str) -> dict:
        return self.call("POST", "/api/admin/graphql", {"query": query})


def _description(text: str) -> list[dict]:
    """A paragraph in the row/column/block shape of EverShop's editor."""
    return [{"id": "r1", "size": 1, "className": "md:grid-cols-1", "columns": [
        {"id": "c1", "size": 1, "data": {"time": 0, "version": "2.31.0", "blocks": [
            {"id": "p1", "type": "paragraph", "data": {"text": text}}]}}]}]


def _key(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def seed(admin: Admin) -> None:
    admin.call("POST", "/api/settings", SETTINGS)
    for category in admin.graphql("{ categories { items { uuid } } }")["categories"]["items"]:
        admin.call("DELETE", f"/api/categories/{category['uuid']}")
    categories = {}
    for name in dict.fromkeys(p["category"] for p in CATALOGUE["products"]):
        categories[name] = admin.call("POST", "/api/categories", {
            "name": name, "url_key": _key(name), "status": 1, "description": []})
    featured = admin.call("POST", "/api/collections", {"name": "Featured", "code": "featured"})
    for n, item in enumerate(CATALOGUE["products"], 1):
        product = admin.call("POST", "/api/products", {
            "name": item["title"], "sku": f"ZOO-{n:04d}", "url_key": _key(item["title"]),
            "price": float(item["price"]), "qty": CATALOGUE["stock"], "weight": 1,
            "manage_stock": 1, "stock_availability": 1, "status": 1, "visibility": 1,
            "group_id": 1, "tax_class": 1, "package_id": 1,
            "category_id": categories[item["category"]]["category_id"],
            "description": _description(item["description"])})
        admin.call("POST", f"/api/collections/{featured['uuid']}/products",
                   {"product_id": product["uuid"]})
    admin.call("POST", "/api/widgets", {
        "name": "Main menu", "type": "basic_menu", "status": 1, "route": ["all"],
        "area": ["headerMiddleCenter"], "sort_order": 1,
        "settings": {"isMain": True, "menus": [
            {"name": name, "type": "category", "uuid": c["uuid"], "children": []}
            for name, c in categories.items()]}})
    admin.call("POST", "/api/widgets", {
        "name": "Featured products", "type": "collection_products", "status": 1,
        "route": ["homepage"], "area": ["content"], "sort_order": 1,
        "settings": {"collection": "featured", "count": 8, "countPerRow": 4,
                     "heading": "Our favourites"}})
    zone = admin.call("POST", "/api/shippingZones",
                      {"name": "Europe and beyond", "countries": SHIPPING_COUNTRIES})
    method = admin.call("POST", "/api/shippingProviders/core/methods", {"name": "Standard"})
    admin.call("POST", "/api/shippingProviders/core/rates", {
        "method_id": method["uuid"], "zone_id": zone["uuid"], "cost": SHIPPING_COST})


if __name__ == "__main__":
    seed(Admin(*sys.argv[1:4]))
