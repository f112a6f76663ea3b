"""WCAG success criteria, and the EN 301 549 clause that asks for each on a web page.

EN 301 549 (V3.2.1), the standard the European Accessibility Act points to, repeats WCAG 2.1
levels A and AA as its clause 9: criterion 1.4.3 is clause 9.1.4.3. Criteria new in WCAG 2.2
have no clause there yet.
"""

from __future__ import annotations

NEW_IN_WCAG_22 = frozenset({"2.4.11", "2.4.12", "2.4.13", "2.5.7", "2.5.8", "3.2.6", "3.3.7",
                            "3.3.8", "3.3.9"})


def en_301_549(criterion: str) -> str | None:
    """EN 301 549's clause for a WCAG success criterion ("1.4.3" → "9.1.4.3"), if any."""
    return None if criterion in NEW_IN_WCAG_22 else f"9.{criterion}"
