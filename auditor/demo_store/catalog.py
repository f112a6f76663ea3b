"""The demo store's products: about thirty, in four categories, each fully described.

Two catalogues share one shape: the standard one (what the built-in personas' named inputs
fit) and a renamed one, a lighting, games, bags and garden shop where none of them fits, so
that the personas must choose from the store itself as a person would."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

CATEGORIES = {
    "dresses": "Dresses",
    "toys": "Toys",
    "shoes": "Shoes",
    "home": "Home & Living",
}

# name, category, price, clearance, colour (for the picture), material
_ROWS = [
    ("Linen Summer Dress", "dresses", 59.00, False, "#e9a07a", "100% linen"),
    ("Floral Midi Dress", "dresses", 74.50, True, "#d97fa6", "Viscose"),
    ("Navy Wrap Dress", "dresses", 89.00, False, "#34517a", "Cotton and elastane"),
    ("Emerald Evening Gown", "dresses", 149.00, False, "#2e8b57", "Silk"),
    ("Striped Shirt Dress", "dresses", 45.00, True, "#8aa1c1", "Organic cotton"),
    ("Knitted Winter Dress", "dresses", 69.00, False, "#9c6b4e", "Merino wool"),
    ("Polka Dot Sundress", "dresses", 39.90, True, "#f2c14e", "Cotton"),
    ("Velvet Party Dress", "dresses", 119.00, False, "#6b2d5c", "Cotton velvet"),
    ("Wooden Toy Train", "toys", 34.90, False, "#c98b4a", "Beech wood, water-based paint"),
    ("Plush Teddy Bear", "toys", 24.00, False, "#b5835a", "Recycled polyester"),
    ("Stacking Rainbow", "toys", 29.50, True, "#e45b5b", "Lime wood"),
    ("Building Blocks Set", "toys", 42.00, False, "#4a90d9", "Beech wood"),
    ("Puzzle Map of Europe", "toys", 19.90, True, "#6cbf84", "Cardboard"),
    ("Doll House", "toys", 129.00, False, "#f0a3b5", "Birch plywood"),
    ("Toy Fire Truck", "toys", 27.00, False, "#d63a2f", "Recycled plastic"),
    ("Kite with Tail", "toys", 16.50, True, "#5bc0de", "Ripstop nylon"),
    ("Leather Ankle Boots", "shoes", 129.00, False, "#5a3b2e", "Full-grain leather"),
    ("Canvas Sneakers", "shoes", 49.00, True, "#f5f5f0", "Cotton canvas, rubber sole"),
    ("Ballet Flats", "shoes", 55.00, False, "#c9a0a0", "Suede"),
    ("Hiking Sandals", "shoes", 64.00, False, "#7a8b5a", "Recycled webbing"),
    ("Wool Slippers", "shoes", 35.00, True, "#a8a39d", "Boiled wool"),
    ("Running Shoes", "shoes", 99.00, False, "#3b7dd8", "Mesh and foam"),
    ("Rain Boots", "shoes", 44.00, True, "#ffd23f", "Natural rubber"),
    ("Ceramic Vase", "home", 38.00, False, "#7fb3b0", "Stoneware"),
    ("Linen Cushion Cover", "home", 22.00, True, "#d8c8b0", "Washed linen"),
    ("Scented Candle", "home", 18.50, False, "#efe1c6", "Soy wax"),
    ("Cotton Throw Blanket", "home", 58.00, False, "#b0c4de", "Organic cotton"),
    ("Oak Serving Board", "home", 33.00, True, "#b8864b", "Solid oak"),
    ("Woven Storage Basket", "home", 27.50, False, "#c2a46e", "Seagrass"),
    ("Enamel Teapot", "home", 46.00, False, "#2f4f4f", "Enamelled steel"),
]

_SIZES = {
    "dresses": {"EU": ["34", "36", "38", "40", "42"], "US": ["2", "4", "6", "8", "10"],
                "UK": ["6", "8", "10", "12", "14"]},
    "shoes": {"EU": ["37", "38", "39", "40", "41"], "US": ["6.5", "7.5", "8", "9", "10"],
              "UK": ["4", "5", "6", "6.5", "7.5"]},
    "toys": {"Age": ["3+ years"], "Dimensions": ["See description"]},
    "home": {"Dimensions": ["See description"]},
}

_CARE = {
    "dresses": "Machine wash cold at 30 °C, hang to dry, iron on low heat.",
    "shoes": "Wipe clean with a damp cloth; air dry away from direct heat.",
    "toys": "Wipe with a damp cloth; do not soak. Meets EN 71 toy safety.",
    "home": "Hand wash or wipe clean; keep away from open flame where noted.",
}


@dataclass(frozen=True)
class Product:
    """One product, with everything a careful shopper wants to read."""

    slug: str
    name: str
    category: str
    price: float
    clearance: bool
    colour: str
    material: str
    kind: str  # the category's name, in the words of the description
    sizes: dict[str, list[str]] = field(default_factory=dict)
    care: str = ""

    @property
    def description(self) -> str:
        return (
            f"The {self.name} is one of our best-loved {self.kind.lower()}: made from "
            f"{self.material.lower()}, finished by hand and built to last for years of "
            "everyday use."
        )


@dataclass(frozen=True)
class Catalogue:
    """A store's categories (slug → name) and products."""

    categories: dict[str, str]
    products: tuple[Product, ...]

    @property
    def by_slug(self) -> dict[str, Product]:
        return {p.slug: p for p in self.products}

    def featured(self) -> list[Product]:
        """The home page's four: one product from each category."""
        return [self.products[i] for i in _FEATURED]

    def search(self, query: str) -> list[Product]:
        """Products whose name, category or material contain every word of the query."""
        words = query.lower().split()
        if not words:
            return []

        def text(p: Product) -> str:
            return f"{p.name} {self.categories[p.category]} {p.material}".lower()

        return [p for p in self.products if all(w in text(p) for w in words)]


_FEATURED = (0, 8, 17, 23)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


STANDARD = Catalogue(CATEGORIES, tuple(
    Product(_slug(name), name, cat, price, clearance, colour, material, CATEGORIES[cat],
            _SIZES[cat], _CARE[cat])
    for name, cat, price, clearance, colour, material in _ROWS))

# The renamed shop: every category and product named otherwise, in the same places, so a
# flaw or a well-made page is where it was and only the words differ.
_NEW_CATEGORIES = {"dresses": ("lighting", "Lighting"), "toys": ("games", "Board Games"),
                   "shoes": ("bags", "Bags & Luggage"), "home": ("garden", "Garden")}
_NEW_NAMES = [
    "Brass Desk Lamp", "Paper Lantern", "Copper Pendant", "Glass Globe Light",
    "Reading Light", "Amber Wall Sconce", "Rattan Floor Lamp", "Marble Table Lamp",
    "Walnut Chess Set", "Strategy Card Game", "Jigsaw of the Alps", "Pirate Dice Game",
    "Word Tiles", "Castle Builder", "Trivia Night Box", "Backgammon Case",
    "Canvas Weekender", "Leather Satchel", "Roll-top Backpack", "Travel Wash Bag",
    "Waxed Tote", "Cabin Suitcase", "Camera Sling",
    "Terracotta Planter", "Garden Kneeler", "Bird Feeder", "Hose Reel",
    "Pruning Shears", "Seed Tin", "Watering Can",
]
RENAMED = Catalogue(
    {new: name for new, name in _NEW_CATEGORIES.values()},
    tuple(Product(_slug(new), new, _NEW_CATEGORIES[p.category][0], p.price, p.clearance,
                  p.colour, p.material, _NEW_CATEGORIES[p.category][1], p.sizes, p.care)
          for p, new in zip(STANDARD.products, _NEW_NAMES, strict=True)))
CATALOGUES = {"standard": STANDARD, "renamed": RENAMED}
