"""Gatherers: in-page scripts and parsers that turn a page into plain evidence."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def script(name: str) -> str:
    """The source of one in-page script shipped beside this module (read once)."""
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
