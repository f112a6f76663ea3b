"""What a persona picks from the store itself when her scenario names what it does not carry.

A scenario names a category, a product and a search term ("toys", "wooden toy train"); on a
book shop none of them fits. A person then picks what is closest to her wish, else what the
store puts first (its popular choice), and searches for what she picked. Named inputs win
whenever the store shows them; what was chosen instead, and why, goes in the evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from auditor.gather.vocabulary import WISH_FILLER


@dataclass(frozen=True)
class Choice:
    """What the persona takes, by its words on the store, and why (None: the named input)."""

    name: str
    why: str | None = None
    index: int | None = None  # its place among what was offered


def wish(inputs: dict[str, Any], goal: str) -> set[str]:
    """The words of what the persona wants: her named inputs and her goal."""
    text = " ".join(str(inputs.get(k) or "") for k in ("product", "search", "category"))
    return {w for w in _words(f"{text} {goal}") if w not in WISH_FILLER}


def choose(named: str | None, offered: list[str], wanted: set[str], what: str,
           where: str) -> Choice | None:
    """The named input when the store offers it; else what is closest to her wish; else the
    first offered. None when the store offers nothing at all."""
    if named:
        pattern = re.compile(re.escape(named), re.I)
        match = next((i for i, name in enumerate(offered) if pattern.search(name)), None)
        if match is not None:
            return Choice(named, None, match)
    if not offered:
        return None
    scores = [len(wanted & set(_words(name))) for name in offered]
    best = max(range(len(offered)), key=lambda i: (scores[i], -i))
    instead = f"no {what} named “{named}” {where}; " if named else ""
    why = ("closest to her wish" if scores[best] else f"the first {what} {where}")
    return Choice(offered[best], f"chose “{offered[best]}”: {instead}{why}", best)


def search_words(named: str, product: Choice | None) -> Choice:
    """The words to search for: the named term, unless the persona chose another product
    than the one named, which she then searches for by (the start of) its name."""
    if product is None or product.why is None or set(_words(named)) & set(_words(product.name)):
        return Choice(named)
    short = " ".join(product.name.split()[:4])
    return Choice(short, f"searched for “{short}”, the product she chose, instead of “{named}”")


def _words(text: str) -> list[str]:
    """Lower-case words of three letters or more, singular (a plain trailing s dropped)."""
    return [re.sub(r"(?<=[^s])s$", "", w) for w in re.findall(r"\w{3,}", text.lower())]
