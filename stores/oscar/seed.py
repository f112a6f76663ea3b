"""The zoo's catalogue in Oscar, through Oscar's own models: a small toy and book shop (no
clothing, so a persona who wants a dress must choose from the store), priced in euros, in
stock, shipped to every country pycountry knows (Oscar's own command)."""

import django

django.setup()

from decimal import Decimal  # noqa: E402

from django.core.management import call_command  # noqa: E402
from oscar.apps.catalogue.categories import create_from_breadcrumbs  # noqa: E402
from oscar.core.loading import get_model  # noqa: E402

# The same shop in every zoo store: (category, title, price, description).
CATALOGUE = [
    ("Toys", "Wooden toy train", "34.90",
     "A four-carriage train of beech wood with magnetic couplings. Size: 62 cm long. "
     "Material: solid beech, water-based paint. Care: wipe with a damp cloth. From 3 years."),
    ("Toys", "Teddy bear", "24.50",
     "A soft brown bear with stitched eyes, safe from birth. Size: 30 cm tall. Material: "
     "organic cotton plush. Care: machine wash at 30 degrees in a laundry bag."),
    ("Games", "Family board game", "29.00",
     "A cooperative game for two to five players, about forty minutes a round. Size: box "
     "30 x 30 cm. Material: recycled card. Care: keep dry."),
    ("Games", "Jigsaw puzzle, 1000 pieces", "17.90",
     "A thousand-piece puzzle of a harbour at dusk. Size: 68 x 48 cm finished. Material: "
     "recycled board, vegetable inks. Care: keep the pieces dry."),
    ("Books", "The Little Prince", "12.00",
     "Antoine de Saint-Exupéry's tale of a pilot and a boy from an asteroid, illustrated. "
     "Size: 96 pages, 15 x 21 cm hardback. Material: paper. Care: keep out of the sun."),
    ("Books", "A Children's Atlas", "19.50",
     "Maps of every continent with animals, rivers and mountains to find. Size: 64 pages, "
     "25 x 32 cm. Material: paper, laminated cover. Care: wipe the cover clean."),
]


def seed() -> None:
    call_command("oscar_populate_countries", verbosity=0)
    product_class = get_model("catalogue", "ProductClass").objects.create(
        name="Goods", requires_shipping=True, track_stock=True)
    partner = get_model("partner", "Partner").objects.create(name="Toys & Tales")
    for n, (category, title, price, description) in enumerate(CATALOGUE, 1):
        product = get_model("catalogue", "Product").objects.create(
            product_class=product_class, title=title, description=description,
            structure="standalone", upc=f"ZOO-{n:04d}")
        get_model("catalogue", "ProductCategory").objects.create(
            product=product, category=create_from_breadcrumbs(category))
        get_model("partner", "StockRecord").objects.create(
            product=product, partner=partner, partner_sku=f"ZOO-{n:04d}",
            price=Decimal(price), price_currency="EUR", num_in_stock=1000)


if __name__ == "__main__":
    seed()
