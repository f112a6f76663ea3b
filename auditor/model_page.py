"""What one step met on the page, as evidence: a search's outcome, a form's, the page's facts
and a consent box. Part of the contract between stages (auditor.model re-exports it)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


@dataclass
class SearchOutcome:  # what a search found
    query: str
    result_count: int
    way_out: bool = False
    sample: list[str] = field(default_factory=list)


@dataclass
class FormOutcome:
    """What a form kept and lost after a submit; never any value the persona typed."""

    retained: list[str] = field(default_factory=list)
    cleared: list[str] = field(default_factory=list)
    invalid: list[str] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)
    attempt: int = 1
    mistake_in: str | None = None
    error_message: str | None = None
    retype_keystrokes: int = 0
    retype_ms: float = 0
    browser_blocked: bool = False

    @property
    def wiped(self) -> list[str]:
        """The fields the error cleared that the persona had typed right: the one count of
        what she lost (the field she slipped in is hers to retype anyway)."""
        return [k for k in self.cleared if k != self.mistake_in]


@dataclass
class ProductFacts:
    """Which parts of a full product description the page shows."""

    price: bool = False
    description: bool = False
    size: bool = False
    material: bool = False
    care: bool = False
    complete: int = 0
    of: int = 5

    def missing(self) -> list[str]:
        return [f.name for f in fields(self)[:self.of] if not getattr(self, f.name)]


@dataclass
class FormFacts:
    """A page's form controls counted: how many, how many labelled, how many autofillable."""

    fields: int = 0  # the order form's own: never the site's search box
    labelled: int = 0
    autocomplete: int = 0
    types: list[str] = field(default_factory=list)
    autofillable: int | None = None  # fields autocomplete applies to (not boxes and radios)


@dataclass
class PageFacts:
    """What the page showed once the step was over, read in the page (never its text)."""

    title: str = ""
    h1: str = ""
    product: ProductFacts | None = None
    price_filter: bool | None = None  # None: not looked for on this kind of step
    guest_checkout: bool | None = None
    form: FormFacts | None = None
    too_large_to_analyse_bytes: int | None = None

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> PageFacts:
        known = {f.name for f in fields(cls)}
        facts = cls(**{k: v for k, v in d.items() if k in known})
        if isinstance(facts.product, dict):
            facts.product = ProductFacts(**facts.product)
        if isinstance(facts.form, dict):
            facts.form = FormFacts(**facts.form)
        return facts


@dataclass
class ConsentBox:
    """A cookie or consent box the persona met and answered, measured; never its whole text."""

    choice: str  # what she wanted: accept or reject
    pressed: list[str] = field(default_factory=list)  # the buttons' words, in order
    answered: str = ""  # what she ended up giving: accept, reject, or "" (no answer found)
    covered: float = 0.0  # the share of the screen it covered, 0-1
    blocks_page: bool = False  # the page behind it could not be used until it was answered
    answered_ms: float = 0  # from the box seen to the box gone after her last press
    again: bool = False  # it came back after she had answered it on an earlier page
    reject_first: bool = True  # its first layer offered a reject


AXE_IMPACTS = ("minor", "moderate", "serious", "critical")  # axe-core's, least to most


@dataclass
class AxeViolation:
    """One axe-core rule the page broke when the persona looked at it: its WCAG success
    criteria, how much it hinders (axe's impact) and where, never the page's text."""

    rule: str  # axe's rule id, e.g. button-name
    impact: str  # minor, moderate, serious or critical
    help: str  # axe's one-line description
    criteria: list[str] = field(default_factory=list)  # WCAG success criteria, e.g. 4.1.2
    nodes: int = 1  # how many elements break it
    target: str = ""  # the first one's CSS selector


@dataclass
class KeyboardUse:
    """How a keyboard-only persona got to the controls of a step: her presses, and what the
    page did with her focus."""

    presses: int = 0  # Tab, Enter on a skip link, Escape: every key before the control's own
    skip_link: bool = False  # an in-page link took her past what she did not need
    unseen: list[str] = field(default_factory=list)  # controls whose focus looked like nothing
    escaped: list[str] = field(default_factory=list)  # dialogs she had to close with Escape
    dropped: list[str] = field(default_factory=list)  # pressed, then her focus fell to the page


@dataclass
class Hearing:
    """What a screen-reader user learnt of the page from its accessibility tree: the landmark
    and heading she jumps by, and on a product page whether the price is said at all."""

    main: bool = True  # a main landmark to jump to
    h1: bool = True  # a top-level heading
    price: bool | None = None  # a product page: a price among what is said (None: not asked)
    unnamed: str = ""  # the control she needed, as her screen reader said it (it stopped her)
    unannounced: str = ""  # an error the page showed her and never said (it stopped her)
