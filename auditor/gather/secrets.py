"""Secrets a persona types (card numbers, security codes, passwords) never leave memory."""

from __future__ import annotations

import re

SECRET_FIELDS = ("cc-number", "cc-csc", "new-password", "current-password")
# What screenshots cover: secret inputs, and frames that may hold card fields.
SECRET_SELECTOR = ", ".join(
    ['input[type="password"]', *(f'[autocomplete~="{token}"]' for token in SECRET_FIELDS),
     *(f'input[{attr}*="{word}" i]' for attr in ("name", "id")
       for word in ("card", "cvc", "cvv", "csc")),
     'iframe[src*="pay" i]', 'iframe[name*="card" i]', 'iframe[title*="card" i]'])


class Redactor:
    """Removes what a persona typed into secret fields from any text before it is kept."""

    def __init__(self) -> None:
        self._secrets: set[str] = set()

    def add(self, value: str) -> None:
        value = value.strip()
        if len(value) >= 6:
            self._secrets.add(value)
            self._secrets.add(re.sub(r"[\s-]", "", value))

    def __call__(self, text: str | None) -> str | None:
        if not text:
            return text
        for secret in sorted(self._secrets, key=len, reverse=True):
            text = text.replace(secret, "•••")
        return re.sub(r"((?:card|cc|cvc|cvv|csc|pass)[\w-]*=)[^&#\s]*", r"\1•••", text, flags=re.I)
