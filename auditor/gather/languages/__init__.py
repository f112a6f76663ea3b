"""The store languages the personas read, one module each with the same keys: WORDS (a
pattern per key, "" where the language has none yet) and FILLER (words of a wish that name no
product). vocabulary.py joins them into the patterns every stage uses. A new language is one
module here and a line in LANGUAGES; tests/gather/test_vocabulary.py holds each to the keys
and to real phrases from stores in it."""

from __future__ import annotations

from types import ModuleType

from auditor.gather.languages import de, en, fr, lt, pl, zh

LANGUAGES: dict[str, ModuleType] = {"en": en, "de": de, "fr": fr, "pl": pl, "lt": lt, "zh": zh}


def either(key: str, *also: str) -> str:
    """One pattern for `key` in every language (and any language-neutral `also`), each part
    grouped so that its anchors and alternatives stay its own."""
    parts = [*(language.WORDS[key] for language in LANGUAGES.values()), *also]
    return "|".join(f"(?:{part})" for part in parts if part)


def filler() -> frozenset[str]:
    return frozenset(word for language in LANGUAGES.values() for word in language.FILLER.split())
