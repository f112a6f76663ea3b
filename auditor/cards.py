"""Card-number arithmetic shared by the demo store and the persona's slips."""

from __future__ import annotations


def luhn_ok(digits: str) -> bool:
    """The Luhn checksum every card number carries."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2 == 1:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0
