"""The zoo's catalogue in Oscar, through Oscar's own models: a small toy and book shop (no
clothing, so a persona who wants a dress must choose from the store), priced in euros, in
stock, shipped to every country pycountry knows (Oscar's own command)."""

import django

django.setup()

import json  # noqa: E402
from decimal import Decimal  # noqa: E402
from pathlib import Path  # noqa: E402

from django.core.management import call_command  # noqa: E402
from oscar.apps.catalogue.categories import create_from_breadcrumbs  # noqa: E402
from oscar.core.loading import get_model  # noqa: E402

# The same shop in every zoo store, kept once beside the zoo.
CATALOGUE = json.loads((Path(__file__).resolve().parent.parent / "catalogue.json").read_text())


def seed() -> None:
    call_command("oscar_populate_countries", verbosity=0)
    product_class = get_model("catalogue", "ProductClass").objects.create(
        name="Goods", requires_shipping=True, track_stock=True)
    partner = get_model("partner", "Partner").objects.create(name="Toys & Tales")
    for n, item in enumerate(CATALOGUE["products"], 1):
        product = get_model("catalogue", "Product").objects.create(
            product_class=product_class, title=item["title"], description=item["description"],
            structure="standalone", upc=f"ZOO-{n:04d}")
        get_model("catalogue", "ProductCategory").objects.create(
            product=product, category=create_from_breadcrumbs(item["category"]))
        get_model("partner", "StockRecord").objects.create(
            product=product, partner=partner, partner_sku=f"ZOO-{n:04d}",
            price=Decimal(item["price"]), price_currency=CATALOGUE["currency"],
            num_in_stock=CATALOGUE["stock"])


if __name__ == "__main__":
    seed()
