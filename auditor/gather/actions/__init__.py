"""What every action's function is given and uses: the journey's context, finding what it
needs, and pressing as a person does. The actions themselves are declared in
auditor/actions.py; `action` is re-exported here for users' journey files."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from playwright.sync_api import Error, Locator, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from auditor.actions import FirstRead, action  # noqa: F401  (action: for users' journey files)
from auditor.gather import script
from auditor.gather.choosing import Choice
from auditor.gather.discovery import Found
from auditor.gather.failures import Lost, StepFailed
from auditor.gather.keyboard import press_reached, reach
from auditor.gather.lookahead import LookAhead
from auditor.gather.session import PersonaSession
from auditor.gather.step import Step

# How long a control a person sees may take to become pressable (a page still hydrating, an
# animation ending); past it she sees why not (greyed out, covered) and gives up on it.
READY_WAIT_MS = 2500


@dataclass
class JourneyContext:
    """What a persona remembers between steps. Typed values live here in memory only."""

    session: PersonaSession
    base_url: str
    inputs: dict[str, Any]
    locators: dict[str, str] = field(default_factory=dict)
    product_url: str | None = None
    product: Choice | None = None  # the product she opened, named or chosen from the store
    typed: dict[str, str] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)
    slips: dict[str, int] = field(default_factory=dict)
    attempt: int = 1
    retry: bool = False
    order_number: str | None = None
    consent_given: str | None = None  # her answer to the store's cookie box, once given
    signed_in: bool = False  # into her account (sign_in): the store should know her details
    ahead: LookAhead = field(init=False, repr=False)  # the next step's first read

    def __post_init__(self) -> None:
        self.ahead = LookAhead(self)

    @property
    def page(self) -> Page:
        return self.session.page

    def first_read(self, read: FirstRead, params: dict[str, Any]) -> Any:
        """What `read` finds on the page, made during the persona's look at it at the end of
        the last step when the page has not changed since, else now (see lookahead.py)."""
        return self.ahead.first_read(read, params)


def need(step: Step, what: str, found: Found | None, looked_for: str, key: str) -> Locator:
    """The located element, or a step failure that says what was sought and how to fix it."""
    if found is None:
        raise Lost(
            f"the auditor could not find {what} (looked for {looked_for}); check by hand, "
            f"or set locators.{key} to a CSS selector in a site profile (--profile FILE)"
        )
    note(step, key, found)
    return found.locator


def note(step: Step, key: str, found: Found) -> None:
    """Record what discovery found, with a CSS selector a site profile could use for it."""
    selector = found.selector
    if not selector:
        try:
            selector = found.locator.evaluate_all(script("first_visible.js"), 1)[1]
        except Error:
            selector = ""
    step.evidence.found[key] = {"how": found.how, "confidence": found.confidence,
                                "selector": selector}


def click(ctx: JourneyContext, target: Locator, **options: Any) -> None:
    """Tap on touch devices, click elsewhere; unmeasured. A plainly pressable element is
    pressed at its point at once; anything else gets Playwright's waits and `options`. A
    keyboard user tabs to it and presses its key."""
    if ctx.session.persona.keyboard_only:
        key = reach(ctx.session, target)
        if key and not options.get("trial"):
            ctx.page.keyboard.press(key)
        return
    point = None if options else _press_point(target)
    if point is None and ctx.session.persona.device.touch:
        target.tap(**options)
    elif point is None:
        target.click(**options)
    else:
        _reach(ctx, point)
        _land(ctx, point)


def hover(ctx: JourneyContext, target: Locator) -> None:
    """The mouse pointer comes to rest on an element, unmeasured (menus that open on hover);
    a keyboard user's focus comes to it instead."""
    if ctx.session.persona.keyboard_only:
        reach(ctx.session, target)
        return
    point = _press_point(target)
    if point is None:
        target.hover()
    else:
        ctx.page.mouse.move(*point)


def press(ctx: JourneyContext, step: Step, target: Locator) -> None:
    """Click or tap as a measured action. The clock starts when the finger lands: finding the
    element, scrolling to it and checking that a person could press it all happen first; a
    keyboard user's clock starts when she presses the key, once her Tabs have reached it."""
    if ctx.session.persona.keyboard_only:
        press_reached(ctx.session, step, target)
        return
    point = _press_point(target)
    if point is None:  # Playwright's own waits: visible, still, enabled, not covered
        try:
            click(ctx, target, trial=True, timeout=READY_WAIT_MS)
        except PlaywrightTimeout:
            called, why = _why_not(target)
            raise StepFailed(f"could not press “{called}”: {why}") from None
        step.act(lambda: click(ctx, target, force=True))
    else:
        _reach(ctx, point)
        step.act(lambda: _land(ctx, point))


def back_home(ctx: JourneyContext, step: Step, to_find: str) -> bool:
    """Back to the home page, as a person does who cannot find something where she is (a
    checkout's pages often drop the header); False when she is on it already."""
    if ctx.page.url.rstrip("/") == ctx.base_url.rstrip("/"):
        return False
    step.act(lambda: ctx.page.goto(ctx.base_url, wait_until="commit"))
    step.evidence.effort.append(f"went back to the home page to find {to_find}")
    return True


def error_said(ctx: JourneyContext) -> str | None:
    """The error messages the page shows (alerts, messages tied to fields), redacted."""
    try:
        texts = [t.strip() for t in ctx.page.evaluate(script("error_texts.js")) if t.strip()]
    except Error:
        return None
    return ctx.session.redact(" ".join(texts)[:300]) if texts else None


def ready(target: Locator) -> bool:
    """Whether a person could press it now: not greyed out (disabled or aria-disabled)."""
    try:
        return target.is_enabled(timeout=READY_WAIT_MS) and (
            target.get_attribute("aria-disabled", timeout=READY_WAIT_MS) != "true")
    except Error:
        return False


def _why_not(target: Locator) -> tuple[str, str]:
    """What the element is called and why a person could not press it, in words."""
    try:
        called, why = target.evaluate_all(script("why_not_pressable.js"))
    except Error:
        return "it", "it never became ready to press"
    return called, why


def _reach(ctx: JourneyContext, point: tuple[float, float]) -> None:
    """The mouse pointer arrives over the point first, so hover effects run; a finger does
    not hover."""
    if not ctx.session.persona.device.touch:
        ctx.page.mouse.move(*point)


def _land(ctx: JourneyContext, point: tuple[float, float]) -> None:
    if ctx.session.persona.device.touch:
        ctx.page.touchscreen.tap(*point)
    else:
        ctx.page.mouse.click(*point)


def _press_point(target: Locator) -> tuple[float, float] | None:
    """Where a press lands, checked in one call into the page; None when the element is not
    plainly pressable yet (hidden, disabled, covered, moving, inside a frame, zoomed page)."""
    try:  # evaluate_all: one round trip, and no waiting for an element that is not there
        point = target.evaluate_all(script("press_point.js"))
    except Error:
        return None
    return (point[0], point[1]) if point else None

