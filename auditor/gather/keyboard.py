"""A keyboard user's way to a control: Tab, an in-page skip link where one leads to it,
Escape out of a dialog that holds the focus; never the mouse. A screen-reader user moves the
same way, and first needs the control said as what it is (hearing.py). Her presses are her
effort on the step and, at her typing speed, her time.

What stops her is said as a tester would write it: a control the keyboard cannot reach at
all (WCAG 2.1.1), or one the Tab order never comes to, or a focus trap Escape does not open.
"""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING

from playwright.sync_api import ElementHandle, Error, Locator

from auditor.gather import script
from auditor.gather.failures import Lost, StepFailed
from auditor.gather.hearing import heard_or_fail
from auditor.model import KeyboardUse

if TYPE_CHECKING:
    from auditor.gather.session import PersonaSession
    from auditor.gather.step import Step

MOST_PRESSES = 400  # presses before she gives up on reaching one control (ours: minutes)
MOST_OPTIONS = 300  # arrow presses through a drop-down's options


def reach(session: PersonaSession, target: Locator) -> str | None:
    """Move the focus to `target` with the keys a keyboard user presses; returns the key that
    presses the control (Space for a box to tick, Enter for the rest, None for a field to
    type in: reaching it is all there is to do)."""
    return _reach(session, target)[0]


def reach_field(session: PersonaSession, field: Locator) -> int:
    """Tab to a field to type in; returns the presses it took, whose time the caller counts
    with the typing: actions add what `type_keys` returns (`typing_ms += type_keys(...)`), so
    time added to typing_ms during that call would be overwritten."""
    return _reach(session, field, timed=False)[2]


def press_reached(session: PersonaSession, step: Step, target: Locator) -> None:
    """Reach `target` and press its key on the step's clock. When the page then changed in
    place (no new page, the same address) and left her focus on the page itself, she must
    start again from its top: kept as `KeyboardUse.dropped` (WCAG 2.4.3)."""
    key, called, _ = _reach(session, target)
    where = session.page.url, session.traffic.loads
    step.act(lambda: session.page.keyboard.press(key or "Enter"))
    if (session.page.url, session.traffic.loads) != where or step.evidence.keyboard is None:
        return
    try:
        dropped = session.page.evaluate(script("focus_dropped.js"))
    except Error:
        return
    if dropped:
        step.evidence.keyboard.dropped.append(called)


def _reach(session: PersonaSession, target: Locator,
           timed: bool = True) -> tuple[str | None, str, int]:
    """reach(), with what the control is called and the presses it took; their time is added
    to the step's typing unless not `timed` (then only if she was stopped on the way)."""
    found = target.element_handle()  # found once: a locator is looked for again at each read
    try:
        return _reach_found(session, target, found, timed)
    finally:
        with suppress(Error):
            found.dispose()


def _reach_found(session: PersonaSession, target: Locator, found: ElementHandle,
                 timed: bool) -> tuple[str | None, str, int]:
    """_reach() on the element `target` found: read through its handle while she tabs
    (focus_state.js needs only its document), through the locator where a list may draw its
    options again."""
    step = session.current_step
    probe = found.evaluate(script("keyboard_target.js"))
    called = f"“{probe['name']}”" if probe["name"] else f"the <{probe['tag']}>"
    if probe.get("hidden"):  # gone from the page since it was found: no one could press it
        raise Lost(f"the auditor found {called} on the page, but it is not shown there any "
                   "more (a panel closed while the persona moved)")
    if session.persona.listens:
        heard_or_fail(step, _marked(target) if probe["resolved"] else target, called,
                      probe["tag"])
    if not probe["reachable"]:
        raise StepFailed(f"{called} cannot be reached by keyboard (WCAG 2.1.1): "
                         f"{probe['why']}")
    use = step.evidence.keyboard if step and step.evidence.keyboard else KeyboardUse()
    if step:
        step.evidence.keyboard = use  # kept when she is stopped on the way, too
    before, reached = use.presses, False
    try:
        if probe["option"]:
            _choose_option(session, target, called, probe["name"], use)
        else:
            _tab_to(session, found, called, probe["stops"], use)
        reached = True
    finally:
        if step and (timed or not reached):
            step.evidence.typing_ms += ((use.presses - before)
                                        * session.persona.typing_ms_per_key)
    return probe["key"], called, use.presses - before


def _marked(target: Locator) -> Locator:
    """The element keyboard_target.js marked as the one that takes the focus for `target` (a
    label's field, a wrapper's button), looked up in `target`'s own document."""
    return target.locator("xpath=ancestor-or-self::*[last()]").locator(
        "[data-auditor-key-target]")


def _tab_to(session: PersonaSession, target: ElementHandle, called: str, stops: int,
            use: KeyboardUse) -> None:
    """Tab (or arrow, in a radio group) until the focus is on `target`, counting each press
    in `use`; a way that never comes to it fails the step, in words."""
    seen: set[int] = set()
    escaped, pressed = False, 0
    while True:
        state = target.evaluate(script("focus_state.js"))
        if state["on"]:
            break
        if pressed >= MOST_PRESSES:
            raise StepFailed(f"{called} was not reached after {MOST_PRESSES} presses of Tab")
        key = "Tab"
        if state["group"]:  # its radio group has the focus: arrows move within it
            key = "ArrowDown"
        elif state["skip"] and not use.skip_link:
            key, use.skip_link = "Enter", True  # the skip link leads to the part that holds it
        elif state["id"] in seen and pressed > stops:  # round the page, and not met
            if state["dialog"] and not escaped:
                key, escaped, seen = "Escape", True, set()
                use.escaped.append(state["called"])
            elif state["dialog"]:
                raise StepFailed(f"the focus is trapped in a dialog at {state['called']}: "
                                 f"Tab never leaves it and Escape does not close it, so "
                                 f"{called} cannot be reached (WCAG 2.1.2)")
            else:
                raise StepFailed(f"{called} is never reached with Tab: the Tab order goes "
                                 "round the page without it (WCAG 2.1.1)")
        elif not state["body"]:
            seen.add(state["id"])
        session.page.keyboard.press(key)
        use.presses, pressed = use.presses + 1, pressed + 1
    if state["visible"] is False and called not in use.unseen:
        use.unseen.append(called)


def _choose_option(session: PersonaSession, option: Locator, called: str, name: str,
                   use: KeyboardUse) -> None:
    """Come to an option of an open drop-down built from other elements, as a keyboard user
    does: arrow down to it, or type its name into a box that filters; each key counted."""
    page, arrows, was = session.page, 0, None
    while arrows <= MOST_OPTIONS:
        state = option.evaluate(script("option_state.js"))
        if state["on"]:
            return
        if state["where"] == was:  # the arrows move nothing here
            break
        was = state["where"]
        page.keyboard.press("ArrowDown")
        use.presses, arrows = use.presses + 1, arrows + 1
    if not state["typable"]:
        raise StepFailed(f"{called} cannot be chosen by keyboard (WCAG 2.1.1): the list opens, "
                         "but its options take neither the arrow keys nor typing")
    page.keyboard.type(name)  # a box that filters as she types: her choice comes first
    use.presses += len(name)
