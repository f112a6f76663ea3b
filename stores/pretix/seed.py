"""The zoo's catalogue in pretix, through pretix's own models, as its event wizard sets a
shop up: one organizer and one event (a ticket shop: every product on the event's page,
grouped by category), the toy and book shop of stores/catalogue.json as products with a
shared stock, payment by invoice (pretix's manual payment: no outside service) and customer
accounts on."""

import json
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path

import django

django.setup()

from django.conf import settings  # noqa: E402
from django_scopes import scopes_disabled  # noqa: E402
from pretix.base.models import Event, Organizer  # noqa: E402

CATALOGUE = json.loads((Path(__file__).resolve().parent.parent / "catalogue.json").read_text())
ORGANIZER, EVENT = "toys", "shop"  # the storefront is at /toys/shop/ (start.sh says so too)


@scopes_disabled()
def seed() -> None:
    organizer = Organizer.objects.create(name="Toys & Tales", slug=ORGANIZER)
    organizer.settings.customer_accounts = True
    event = Event.objects.create(
        organizer=organizer, name="Toys & Tales shop", slug=EVENT, live=True,
        currency=CATALOGUE["currency"], date_from=datetime(2030, 6, 1, 10, tzinfo=timezone.utc))
    plugins = [*settings.PRETIX_PLUGINS_DEFAULT.split(","), "pretix.plugins.manualpayment"]
    event.set_active_plugins(plugins, allow_restricted=plugins)
    event.save(update_fields=["plugins"])
    event.checkin_lists.create(name="Default", all_products=True)
    event.set_defaults()
    for key, value in {"timezone": "Europe/Berlin", "locale": "en", "locales": ["en"],
                       "payment_manual__enabled": True,
                       "payment_manual_public_name": "Pay by invoice",
                       "payment_manual_email_instructions": "We send an invoice.",
                       "payment_manual_pending_description": "We send an invoice.",
                       "show_quota_left": False}.items():
        event.settings.set(key, value)
    stock = event.quotas.create(name="Stock", size=CATALOGUE["stock"])
    categories = {}
    for n, product in enumerate(CATALOGUE["products"]):
        name = product["category"]
        if name not in categories:
            categories[name] = event.categories.create(name=name, position=len(categories))
        item = event.items.create(
            name=product["title"], category=categories[name], position=n, admission=False,
            default_price=Decimal(product["price"]), description=product["description"])
        stock.items.add(item)


if __name__ == "__main__":
    seed()
