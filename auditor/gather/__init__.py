"""Gather: the only stage that touches a browser. A walk returns evidence, never a judgement.

In-page scripts live in scripts/*.js, one file each, read once by `script`.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def script(name: str) -> str:
    """The source of one in-page script from scripts/ (read once)."""
    return resources.files(__package__).joinpath("scripts", name).read_text(encoding="utf-8")
