"""What a screen-reader user hears: each control as its role and accessible name, the page as
its landmarks and headings, an error only when the page announces it.

Names and roles are Playwright's ARIA snapshot of the element (the accessible-name rules of
the W3C's accname spec), never its CSS, position or pixels. What stops her is said as a tester
would write it: a control said only as "button", a field with no label, an element the
accessibility tree leaves out, an error shown but never announced.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from playwright.sync_api import Error, Locator

from auditor.gather import script
from auditor.gather.failures import StepFailed
from auditor.gather.vocabulary import PAGE_PATTERNS
from auditor.model import Hearing

if TYPE_CHECKING:
    from auditor.gather.step import Step

# The roles a screen reader announces as something to press, tick, choose or type into.
CONTROL_ROLES = frozenset({
    "button", "link", "textbox", "searchbox", "combobox", "listbox", "option", "checkbox",
    "radio", "switch", "spinbutton", "slider", "menuitem", "menuitemcheckbox",
    "menuitemradio", "tab", "treeitem"})
# How a screen reader says a control with no name: its role alone.
SAID_AS = {"textbox": "edit text", "searchbox": "search edit", "combobox": "combo box"}
# A line of Playwright's ARIA snapshot: "- role "name" [attributes]", in single quotes when
# YAML needs them (a name with a colon).
_FIRST_LINE = re.compile(r"""- '?(?P<role>[\w-]+)(?: "(?P<name>(?:[^"\\]|\\.)*)")?""")
_PRICE = re.compile(PAGE_PATTERNS["price"], re.IGNORECASE)
WCAG_NAME = "WCAG 4.1.2"  # Name, Role, Value (EN 301 549 9.4.1.2)
WCAG_LABEL = "WCAG 1.3.1, 4.1.2"  # Info and Relationships; Name, Role, Value


def announced(control: Locator) -> tuple[str, str]:
    """The role and accessible name her screen reader says for `control` ("", "" when the
    accessibility tree leaves it out)."""
    snapshot = control.aria_snapshot()
    first = _FIRST_LINE.match(snapshot.lstrip())
    if not first:
        return "", ""
    return first["role"], (first["name"] or "").replace('\\"', '"').strip()


def heard_or_fail(step: Step | None, control: Locator, called: str, tag: str) -> None:
    """Nothing, when she would know `control` for what it is; else her step fails, saying what
    her screen reader said instead. `control` is the element that takes the focus."""
    try:
        role, name = announced(control)
    except Error:
        return  # the page changed under it: reaching it says what happened
    if role in CONTROL_ROLES and name:
        return
    if not role:
        said, why = "nothing", (f"{called} is hidden from screen readers (aria-hidden, or a "
                                f"presentational role): a screen-reader user cannot find it "
                                f"({WCAG_NAME})")
    elif role not in CONTROL_ROLES:
        said, why = role, (f"{called} is said as “{role}”, not as a control: a <{tag}> with "
                           f"no role a screen reader announces ({WCAG_NAME})")
    else:
        said = SAID_AS.get(role, role)
        what = "a field with no label" if role in SAID_AS else f"a {role} with no name"
        why = (f"{called} is said only as “{said}”: {what}, so a screen-reader user cannot "
               f"tell what it is ({WCAG_LABEL if role in SAID_AS else WCAG_NAME})")
    if step is not None:
        _hearing(step).unnamed = f"{called} said as “{said}”"
    raise StepFailed(why)


def _hearing(step: Step) -> Hearing:
    """The step's hearing, made when a block is met before the look (kept by listen)."""
    if step.evidence.heard is None:
        step.evidence.heard = Hearing()
    return step.evidence.heard


def listen(step: Step) -> Hearing | None:
    """The page's outline as her screen reader gives it: a main landmark, a top heading and,
    on a product page, whether any price is said; unchanged while the page is replaced."""
    try:
        said = step.page.locator("body").aria_snapshot()
    except Error:
        return step.evidence.heard
    hearing = _hearing(step)
    main = bool(re.search(r"^\s*- '?main\b", said, re.MULTILINE))
    if not main and re.search(r"^- '?dialog\b", said, re.MULTILINE):
        return hearing  # a modal dialog hides the page from her now: its outline is unknown
    hearing.main = main
    hearing.h1 = bool(re.search(r"^\s*- '?heading\b.*\[level=1\]", said, re.MULTILINE))
    product = step.evidence.page.product
    if product is not None and product.price:  # shown: is it said too?
        hearing.price = bool(_PRICE.search(said))
    return hearing


def fail_if_unannounced(step: Step) -> None:
    """Her order was refused on the same page: unless the page announced why (in an alert or
    live region, tied to a field by aria-describedby or aria-errormessage, or the focus moved
    to it or to a field marked invalid), she hears nothing happen and cannot know what to
    fix, which stops her."""
    try:
        shown = step.session.redact(step.page.evaluate(script("error_announced.js")))
    except Error:
        return
    if shown:
        _hearing(step).unannounced = shown
        raise StepFailed(f"the page shows “{shown}” but does not announce "
                         "it (no role=alert or live region, not tied to its field, the focus "
                         "left where it was): a screen-reader user hears nothing happen "
                         "(WCAG 4.1.3, 3.3.1)")
