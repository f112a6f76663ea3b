"""The demo store's flaw switches: each one reproduces a real failure seen on stores."""

from __future__ import annotations

from dataclasses import dataclass

from auditor.errors import AuditorError

# name -> (takes seconds?, what it breaks)
KNOWN_FLAWS: dict[str, tuple[bool, str]] = {
    "slow-product": (True, "product pages answer after SECONDS"),
    "slow-search": (True, "search answers after SECONDS"),
    "slow-page": (True, "every page answers after SECONDS"),
    "broken-search": (False, "search always finds nothing"),
    "clear-form-on-error": (False, "a card error wipes every checkout field"),
    "checkout-500": (False, "placing the order fails with HTTP 500"),
    "layout-shift": (False, "a late banner pushes the page down"),
    "unlabeled-fields": (False, "checkout inputs have no labels or autocomplete"),
    "account-forgets": (False, "a signed-in customer's checkout asks again for everything"),
    "consent-box": (False, "a cookie box (vanilla-cookieconsent) blocks the page until answered"),
    "consent-no-reject": (False, "the cookie box offers no reject on its first layer"),
    "consent-forgotten": (False, "the cookie box forgets the answer and comes back on every page"),
    "unnamed-icon-buttons": (False, "the search button is an icon with no name a screen reader "
                                    "could say (classic theme)"),
    "mouse-only-add-to-cart": (False, "add to cart is a <div> with a click handler: a mouse "
                                      "presses it, a keyboard cannot (classic theme)"),
    "no-focus-style": (False, "no control shows the keyboard focus (outline removed)"),
    "focus-trap-drawer": (False, "after adding to the cart, a drawer keeps the keyboard focus: "
                                 "Tab goes round it, Escape does not close it (classic theme)"),
    "no-skip-link": (False, "no skip link, in front of a header that links every product "
                            "(a mega menu always in the Tab order; classic theme)"),
    "image-only-price": (False, "the product page's price is drawn in an image hidden from "
                                "screen readers, with no text beside it (classic, modern and "
                                "bootstrap themes)"),
    "silent-form-errors": (False, "the checkout checks the card in the page and shows its error "
                                  "beside the field, announced to no screen reader (classic)"),
}


@dataclass(frozen=True)
class Flaws:
    """Which flaws are switched on, with their delays in seconds."""

    delays: dict[str, float]
    switches: frozenset[str]

    def on(self, name: str) -> bool:
        return name in self.switches or name in self.delays

    def delay(self, name: str) -> float:
        return self.delays.get(name, 0.0)


def parse_flaws(specs: list[str] | tuple[str, ...]) -> Flaws:
    """Parse `NAME` or `NAME=SECONDS` specs; unknown names or bad values are user errors."""
    delays: dict[str, float] = {}
    switches: set[str] = set()
    known = ", ".join(sorted(KNOWN_FLAWS))
    for spec in specs:
        name, _, value = spec.partition("=")
        name = name.strip()
        if name not in KNOWN_FLAWS:
            raise AuditorError(f"unknown flaw '{name}'; known flaws: {known}")
        takes_seconds, _ = KNOWN_FLAWS[name]
        if takes_seconds:
            delays[name] = _seconds(name, value)
        elif value:
            raise AuditorError(f"flaw '{name}' takes no value (got '{value}')")
        else:
            switches.add(name)
    return Flaws(delays, frozenset(switches))


def _seconds(name: str, value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise AuditorError(
            f"flaw '{name}' needs a delay in seconds, e.g. {name}=2 (got '{value}')"
        ) from None
    if not 0 <= seconds <= 600:
        raise AuditorError(f"flaw '{name}' delay must be between 0 and 600 seconds")
    return seconds
