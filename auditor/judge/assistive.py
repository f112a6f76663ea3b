"""What a keyboard or screen-reader user met on a step, beyond what every persona meets: a
focus she could not see, Tab pressed many times over, a page she could not jump through, a
price never said, and the page's WCAG failures (axe-core) that stand in her way.

For the other personas axe-core's failures are listed on the map, not felt.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from auditor.judge.findings import KINDS
from auditor.model import Persona, StepEvidence

if TYPE_CHECKING:
    from auditor.judge.step import Judgement

# The WCAG success criteria whose failure stands in the way of each kind of user: keys only
# (operable by keyboard, focus order and focus shown), and a screen reader besides (names,
# roles, text alternatives, structure, labels and announcements). 2.5.3 Label in Name is a
# speech-input user's, whom no persona plays yet.
KEYBOARD_CRITERIA = frozenset({"2.1.1", "2.1.2", "2.4.3", "2.4.7", "2.4.11"})
SCREEN_READER_CRITERIA = KEYBOARD_CRITERIA | {"1.1.1", "1.3.1", "2.4.2", "2.4.4", "2.4.6",
                                              "3.1.1", "3.3.1", "3.3.2", "4.1.2", "4.1.3"}
AXE_FELT = ("serious", "critical")  # axe impacts she feels; the lesser ones are listed


def judge_assistive(persona: Persona, ev: StepEvidence, j: Judgement,
                    met: frozenset[str] = frozenset()) -> None:
    """`met`: axe-core's rules and the findings of her earlier steps: a fault of every page
    (a header's unnamed button, a template with no main landmark) is felt where first met."""
    if not persona.keyboard_only:
        return
    _judge_keys(persona, ev, j)
    _judge_hearing(persona, ev, j, met)
    _judge_barriers(persona, ev, j, met)


def _judge_keys(persona: Persona, ev: StepEvidence, j: Judgement) -> None:
    """Her way to the step's controls: a focus she could not see, many presses."""
    keys = ev.keyboard
    if keys is None:
        return
    for called in keys.unseen:
        j.find("focus-invisible", "major", f"'{ev.name}': the focus on {called} shows nothing",
               f"{persona.pronoun} could not see the focus on {called}")
    for called in keys.dropped:
        j.find("focus-lost", "minor", f"'{ev.name}': after {called} the focus fell back to "
               "the page itself", f"after {called} {persona.pronoun} had to start again "
               "from the top")
    many = KINDS["many-key-presses"]
    severity = ("major" if keys.presses > (many.major or 0) else
                "minor" if keys.presses > (many.minor or 0) else None)
    if severity:
        j.find("many-key-presses", severity, f"'{ev.name}': {keys.presses} key presses to reach "
               "its controls", f"{keys.presses} key presses to get there")


def _judge_hearing(persona: Persona, ev: StepEvidence, j: Judgement,
                   before: frozenset[str]) -> None:
    """What her screen reader said of the page, and what it never said."""
    heard = ev.heard
    if heard is None:
        return
    if heard.unnamed:
        j.find("control-unnamed", "critical", f"'{ev.name}': {heard.unnamed}",
               f"{heard.unnamed}: {persona.pronoun} could not tell what it was")
    if heard.unannounced:
        j.find("error-not-announced", "critical",
               f"'{ev.name}': the error “{heard.unannounced}” was shown, never announced",
               "the error was shown and never announced")
    if heard.price is False:
        j.find("price-not-said", "major", f"'{ev.name}': no price is said on the product page",
               f"{persona.pronoun} never heard the price")
    if not heard.main and "no-main-landmark" not in before:
        j.find("no-main-landmark", "minor", f"'{ev.name}': the page has no main landmark",
               "no main landmark to jump to")
    if not heard.h1 and "no-top-heading" not in before:
        j.find("no-top-heading", "minor", f"'{ev.name}': the page has no top-level heading",
               "no top heading to start from")


def _judge_barriers(persona: Persona, ev: StepEvidence, j: Judgement,
                    before: frozenset[str]) -> None:
    """axe-core's serious and critical failures on the page, where their WCAG criterion is
    one her way of using the page depends on, on the first page she meets each: one finding
    a step, weighed by how many."""
    hers = SCREEN_READER_CRITERIA if persona.listens else KEYBOARD_CRITERIA
    new = [v for v in ev.axe or [] if v.impact in AXE_FELT and v.rule not in before
           and hers.intersection(v.criteria)]
    if not new:
        return
    severity = "major" if any(v.impact == "critical" for v in new) else "minor"
    rules = ", ".join(f"{v.rule} ({v.impact}, WCAG {', '.join(v.criteria)})" for v in new)
    j.find("wcag-barrier", severity, f"'{ev.name}': axe-core: {rules}",
           f"{len(new)} WCAG failure(s) in {persona.possessive} way "
           f"({', '.join(v.rule for v in new)})", count=len(new))
