"""Every kind of finding in one table: its id, what to do about it, the source of its
thresholds, and the thresholds themselves. Scoring, the to-do list and the map all read it.
"""

from __future__ import annotations

from dataclasses import dataclass

SEVERITIES = ("minor", "major", "critical")  # from least to most
# How much a finding weighs in the to-do list ("impact"), and the same in words for readers.
WEIGHT = {"critical": 3.0, "major": 2.0, "minor": 1.0}
HURT_FACTOR = 2.0  # where the persona was sad or angry
GAVE_UP_BONUS = 3.0  # on the step where she gave up
IMPACT_RULE = (f"Impact adds up every place a finding was met: its severity (critical "
               f"{WEIGHT['critical']:g}, major {WEIGHT['major']:g}, minor "
               f"{WEIGHT['minor']:g}), {HURT_FACTOR:g}× where the persona was sad or angry, "
               f"and {GAVE_UP_BONUS:g} more on the step where she gave up.")

# Where the numbers come from.
NIELSEN_RESPONSE = "Nielsen, Response times: the 3 important limits (0.1 s / 1 s / 10 s)"
NIELSEN_ERRORS = "Nielsen heuristic 9: help users recognize, diagnose, and recover from errors"
NIELSEN_VISIBILITY = "Nielsen heuristic 1: visibility of system status"
WCAG_FORMS = "WCAG 2.2 SC 1.3.5 Identify Input Purpose and SC 3.3.2 Labels or Instructions"
NIELSEN_FLEXIBILITY = "Nielsen heuristic 7: flexibility and efficiency of use"
WCAG_FOCUS = "WCAG 2.1 SC 2.4.7 Focus Visible (EN 301 549 9.2.4.7)"
WCAG_BYPASS = "WCAG 2.1 SC 2.4.1 Bypass Blocks (EN 301 549 9.2.4.1)"
WCAG_NAME = "WCAG 2.1 SC 4.1.2 Name, Role, Value (EN 301 549 9.4.1.2)"
WCAG_STRUCTURE = "WCAG 2.1 SC 1.3.1 Info and Relationships (EN 301 549 9.1.3.1)"


# What a finding does to the score of the step it is found on: a cap puts the step in an
# emotion band (judge/step.py BANDS: below 25 angry, below 50 sad, below 75 neutral) by what
# the finding costs a shopper there (a dead end: angry; a refusal that hides why: sad); a
# penalty takes points off for each occurrence, so several small faults add up. The numbers
# are ours, set so that the three stories of PRODUCT.md read as their shoppers told them
# (tests/judge); within the angry band, the worse the dead end, the lower the cap.
ANGRY, SAD, NEUTRAL = 15, 40, 70  # a cap in each band
BySeverity = float | dict[str, float]  # one value, or one per severity


@dataclass(frozen=True)
class FindingKind:
    """One kind of finding. `minor`/`major`/`critical`: where a number decides it, the value
    a measurement must exceed for a finding of that severity (no-autocomplete: the share
    of fields it must fall below)."""

    id: str
    title: str  # the fix, as the to-do list names it
    pain: str  # the pain point in a few words, as the map's chip names it
    advice: str  # the opportunity, in a sentence
    source: str = ""  # the research or standard it rests on
    minor: float | None = None
    major: float | None = None
    critical: float | None = None
    cap: BySeverity | None = None  # the highest score a step with it keeps
    penalty: BySeverity = 0  # points it costs the step, each time it is met there
    most: float | None = None  # the most points it costs one step in all
    title_if_page: str = ""  # the fix where the page, not its server, took the wait

    def cost(self, severity: str, count: int = 1) -> tuple[float | None, float]:
        """The cap (None: none) and the points a step loses for `count` of it."""
        points = (_of(self.penalty, severity) or 0) * count
        return _of(self.cap, severity), min(points, self.most) if self.most else points


def _of(value: BySeverity | None, severity: str) -> float | None:
    return value.get(severity) if isinstance(value, dict) else value


KINDS: dict[str, FindingKind] = {k.id: k for k in (
    # Waits are judged against each persona's own patience; past 10 s attention is lost.
    FindingKind("slow-load", "Make slow pages answer faster", "slow page",
                "Cache or speed up the slowest responses so each page is ready within the "
                "shoppers' patience.", NIELSEN_RESPONSE, critical=10_000,
                title_if_page="Make slow pages load and draw sooner"),
    FindingKind("slow-lcp", "Show the main content sooner", "late main content",
                "Serve the largest image or heading early; keep LCP under 2.5 s.",
                "Core Web Vitals: LCP good ≤ 2.5 s, poor > 4 s (web.dev/lcp)", major=4000),
    FindingKind("layout-shift", "Stop the page from jumping", "page jumps",
                "Reserve space for banners and images that arrive late.",
                "Core Web Vitals: CLS good ≤ 0.1, poor > 0.25 (web.dev/cls)",
                minor=0.1, major=0.25, penalty={"minor": 10, "major": 30}),
    FindingKind("slow-interaction", "Make the page react to input faster", "slow reaction to input",
                "Break up long scripts so taps and keys paint within 200 ms.",
                "Core Web Vitals: INP good ≤ 200 ms, poor > 500 ms (web.dev/inp)",
                minor=200, major=500, penalty={"major": 15}),
    FindingKind("zero-results", "Make search find what the store sells", "search found nothing",
                "Match product names, synonyms and typos; never show an empty results page "
                "without suggestions.",
                "Baymard Institute search research: a search for what the store sells must "
                "find it, and a no-results page must offer ways on",
                cap=10),  # she came for one thing and the store says it has none
    FindingKind("form-cleared", "Keep every field after a checkout error", "form wiped",
                "Re-show the form with what the customer typed and ask only for the field "
                "that was wrong.",
                "Baymard Institute checkout research: keep every field's value after a "
                "validation error; ask only for the wrong field", cap=ANGRY),
    FindingKind("much-effort", "Ask for less before taking the order", "too much to do",
                "Pre-select the usual delivery and payment method and open the next "
                "section by itself, so a customer answers only what matters.",
                "Baymard Institute checkout research: a too long or complicated checkout is "
                "among the top reasons for abandoned orders",
                minor=5, penalty=3),  # extra presses a step; 3 points each from the 5th
    FindingKind("unclear-error", "Say which field is wrong", "unclear error",
                "Name the field and how to fix it, next to the field.", NIELSEN_ERRORS, cap=SAD),
    FindingKind("http-error", "Fix server errors on the journey", "server error",
                "The store answered with an error page where a customer needed to go on.",
                NIELSEN_ERRORS, cap={"major": ANGRY, "critical": 5}),  # 4xx; 5xx
    FindingKind("step-failed", "Unblock the step customers could not complete", "could not go on",
                "Make the control findable and working, or add it to the site profile.",
                cap=5),  # she could not go on at all
    FindingKind("broken-resource", "Fix broken images, styles and scripts", "broken files",
                "Every failed resource degrades the page a customer sees.", NIELSEN_VISIBILITY,
                penalty=10, most=20),
    FindingKind("console-error", "Fix script errors", "script errors",
                "Errors in page scripts can break buttons and forms.", penalty=5, most=15),
    FindingKind("incomplete-product", "Complete the product descriptions", "incomplete description",
                "Give price, sizes, material and care on every product page.",
                "Baymard Institute product page research: full specs, sizes and care details",
                major=2, penalty=8),  # parts missing; 8 points for each
    FindingKind("unlabeled-fields", "Label every form field", "unlabelled fields",
                "Visible labels help everyone, and screen readers need them.", WCAG_FORMS,
                penalty=15),
    FindingKind("no-autocomplete", "Let the browser fill the form", "no autofill",
                "Add autocomplete tokens so returning customers type nothing twice.",
                WCAG_FORMS, minor=0.5, penalty=10),  # below this share declaring one
    FindingKind("no-guest-checkout", "Offer guest checkout", "no guest checkout",
                "Let customers buy without creating an account first.",
                "Baymard Institute: forced account creation is a top reason to abandon"),
    FindingKind("no-search", "Offer a search box", "no search",
                "Give every page a search box that finds products by name, so a shopper "
                "who knows what she wants gets there at once.",
                "Nielsen heuristic 7: flexibility and efficiency of use (accelerators for "
                "the experienced); Baymard Institute search research"),
    FindingKind("no-category-menu", "Let shoppers browse by category", "no category menu",
                "Link each category from the menu, so a shopper goes straight to the kind of "
                "thing she wants instead of scrolling one long page.", NIELSEN_FLEXIBILITY),
    FindingKind("no-price-filter", "Add a price filter", "no price filter",
                "Shoppers with a budget want to narrow by price.",
                NIELSEN_FLEXIBILITY),
    FindingKind("no-clearance-filter", "Let shoppers find what is on sale", "no sale filter",
                "Mark clearance and sale items and offer a filter or a link to them.",
                NIELSEN_FLEXIBILITY),
    FindingKind("no-newsletter", "Invite customers to hear from you again", "no newsletter",
                "Offer a newsletter sign-up (one e-mail field) where customers finish, so a "
                "first order can become a second.",
                "Court et al., The consumer decision journey, McKinsey Quarterly (2009): "
                "after a purchase, the loyalty loop (a journey map's retention stage)"),
    FindingKind("no-advocacy", "Let customers recommend what they bought", "no way to recommend",
                "Take reviews on product pages, or offer a share link, so happy customers "
                "can speak for the store.",
                "Reichheld, The One Number You Need to Grow, Harvard Business Review (2003): "
                "customers who recommend a store drive its growth (the advocacy stage)"),
    FindingKind("consent-blocks", "Let visitors see the shop before the cookie question",
                "cookie box in the way",
                "Show the consent box as a banner that leaves the page readable and usable, "
                "small on phones: a box over the page stands between every new visitor and "
                "the store.",
                "Google Search Central: avoid intrusive interstitials and dialogs that hide "
                "the main content on mobile; Nielsen Norman Group, Popups: 10 problematic "
                "trends and alternatives (2019)",
                major=0.3, penalty={"minor": 5, "major": 15}),  # share of a phone's screen
    FindingKind("consent-no-reject", "Offer “Reject all” beside “Accept all”", "no “Reject all”",
                "Put a reject button on the cookie box's first layer, as easy to press as "
                "accept.",
                "EDPB Cookie Banner Taskforce report (2023): no reject button on the first "
                "layer (type A practice)", penalty=15),
    FindingKind("consent-returns", "Remember the visitor's cookie answer", "cookie box came back",
                "Keep the answer for the whole site (the cookie's path and domain) so the box "
                "asks once, not on every page.",
                "Article 29 Working Party / EDPB Guidelines on consent (WP259): repeated "
                "consent requests cause click fatigue", penalty=20),
    FindingKind("account-asks-again", "Fill the checkout from the customer's account",
                "asked again",
                "Prefill the e-mail, name and address a signed-in customer's account holds, "
                "so a returning customer only confirms them.",
                "Baymard Institute checkout research: returning customers expect a store to "
                "remember their details; every field typed again is effort and a reason to "
                "leave", major=4, penalty=6, most=40),  # fields asked again: 6 points each
    FindingKind("dialog", "Do not interrupt with dialogs", "dialog",
                "Alerts and confirms stop the customer; show messages in the page.",
                NIELSEN_VISIBILITY, penalty=10),
    FindingKind("left-store", "Keep the journey on the store", "left the store",
                "Check why the page sent customers away."),
    # What keeps a keyboard user from a control, or makes reaching it long.
    FindingKind("focus-invisible", "Show where the keyboard focus is", "focus not shown",
                "Give every control a visible focus style (outline or contrast change) so "
                "keyboard users see where they are.", WCAG_FOCUS, cap=SAD),
    FindingKind("many-key-presses", "Let keyboard users skip to what they need",
                "many key presses", "Offer a skip link to the main content and keep the tab "
                "order short before a page's main control.",
                f"{WCAG_BYPASS}; the counts are ours", minor=20, major=50,
                penalty={"minor": 10, "major": 25}),
    FindingKind("focus-lost", "Keep the keyboard focus where the customer was", "focus lost",
                "After an update in the page, keep the focus on the control or move it to "
                "what changed (the message, the dialog); never drop it to the page itself.",
                "WCAG 2.1 SC 2.4.3 Focus Order (EN 301 549 9.2.4.3)", penalty=10),
    # What a screen reader never said, or said so that she could not go on.
    FindingKind("control-unnamed", "Name every control and field", "unnamed control",
                "Give each icon button an aria-label and each field a <label>, and make each "
                "clickable element a real <button> or <a>: a screen reader says a control's "
                "role and name, nothing else.", f"{WCAG_NAME}; {WCAG_STRUCTURE}"),
    FindingKind("error-not-announced", "Announce form errors", "error not announced",
                "Put the message in a role=\"alert\" region, tie it to its field with "
                "aria-describedby and move the focus to the first field in error.",
                "WCAG 2.1 SC 4.1.3 Status Messages and 3.3.1 Error Identification "
                "(EN 301 549 9.4.1.3, 9.3.3.1)"),
    FindingKind("price-not-said", "Say the price in text", "price not said",
                "Show the price as text, or give its image an alt text that says it, so a "
                "screen reader reads it out.",
                "WCAG 2.1 SC 1.1.1 Non-text Content (EN 301 549 9.1.1.1)", cap=SAD),
    FindingKind("no-main-landmark", "Mark the page's main content", "no main landmark",
                "Wrap the page's own content in <main>: screen-reader users jump past the "
                "header and menus with one key.", f"{WCAG_STRUCTURE}; {WCAG_BYPASS}",
                penalty=5),
    FindingKind("no-top-heading", "Give each page a top heading", "no top heading",
                "Start the content with one <h1> that names the page: screen-reader users "
                "move by headings to learn where they are.",
                f"{WCAG_STRUCTURE}; WebAIM Screen Reader User Survey: headings are how most "
                "screen-reader users find their way in a page", penalty=5),
    FindingKind("wcag-barrier", "Fix the WCAG failures on the way to the order",
                "WCAG barrier", "Fix the axe-core rules the map's accessibility section lists "
                "for the steps of the purchase, the critical ones first.",
                "axe-core (Deque) rules mapped to WCAG 2.2 A and AA success criteria; "
                "the weights are ours", penalty=5, most=20),
    FindingKind("huge-page", "Slim the page down", "huge page",
                "Send far less HTML; paginate long lists.",
                NIELSEN_RESPONSE, penalty=20),
)}


def kind(finding_id: str) -> FindingKind:
    """The table's entry, or a plain one for an id it does not know (from an older file)."""
    return KINDS.get(finding_id) or FindingKind(finding_id, f"Fix '{finding_id}'",
                                                "See the finding for details.")
