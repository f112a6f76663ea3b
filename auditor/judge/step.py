"""Judge each step for its persona: a score, an emotion with reasons, findings with sources.

Pure functions over evidence: a saved results.json can be re-scored with no browser.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

from auditor.judge.assistive import judge_assistive
from auditor.judge.findings import KINDS, NEUTRAL
from auditor.model import EMOTIONS, Finding, Persona, StepEvidence, StepResult

# Emotion bands on the 0–100 score; excited also needs a delight signal.
BANDS = ((25, "angry"), (50, "sad"), (75, "neutral"), (101, "happy"))
EXCITED_AT = 90
# How far one walk's wait strays from the median of repeated walks of the same step: on the
# demo store, 5 walks of the stressed parent (slow 4G, waits 0.5-0.8 s) strayed 3-11 %
# (median 8 %). An emotion that changes within it is noise.
WAIT_NOISE = 0.1
SIGN_IN_FIELDS = 4  # a form with a password and this many fields at most is a sign-in form
# What each emotion adds to the frustration that builds towards abandonment.
FRUSTRATION = {"angry": 2.0, "sad": 1.0, "neutral": 0.0, "happy": -0.5, "excited": -1.0}


def log_normal_score(value: float, good: float, median: float) -> float:
    """Lighthouse's curve: 0.9 at `good`, 0.5 at `median`, falling smoothly after."""
    if value <= 0:
        return 1.0
    sigma = (math.log(median) - math.log(good)) / 1.2815516
    z = (math.log(value) - math.log(median)) / (sigma * math.sqrt(2))
    return 0.5 * math.erfc(z)


@dataclass
class Judgement:
    """A step's score under construction: caps and penalties, each with its reason."""

    score: float = 100.0
    reasons: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    delight: list[str] = field(default_factory=list)

    def cap(self, limit: float, reason: str) -> None:
        self.score = min(self.score, limit)
        self.reasons.append(reason)

    def penalise(self, points: float, reason: str) -> None:
        self.score -= points
        self.reasons.append(reason)

    def find(self, id: str, severity: str, message: str, felt: str = "",
             count: int = 1) -> None:
        """The finding, and what it costs the step by its row in the findings table (its cap
        and penalty), with `felt` as the reason: the one rule for every finding."""
        limit, points = KINDS[id].cost(severity, count)
        if limit is not None:
            self.cap(limit, felt)
        if points:
            self.penalise(points, felt)
        self.findings.append(Finding(id, severity, message, KINDS[id].source))


def _seconds(ms: float) -> str:
    return f"{max(ms, 0.0) / 1000:.1f} s"  # never "-0.0 s"


def judge_step(persona: Persona, ev: StepEvidence, frustration: float,
               after_dropoff: bool = False, lost: bool = False,
               met: frozenset[str] = frozenset()) -> StepResult:
    """Score one step for this persona and carry the frustration forward. `lost`: the
    auditor was lost at or before this step, so a failure here is the tool's, not the
    store's (gathered as `ev.lost`, or following from an earlier step's). `met`: what her
    earlier steps met (axe-core's rules, findings): a page-wide fault is felt once."""
    score, emotion, j = _feel(persona, ev, lost or ev.lost, met)
    if after_dropoff:  # what was measured, not what she felt: she had left
        j.reasons = [r.removeprefix("delighted: ") for r in j.reasons]
    elif borderline := _borderline(persona, ev, emotion, lost or ev.lost, met):
        j.reasons.append(borderline)
    frustration = max(0.0, frustration + FRUSTRATION[emotion])
    return StepResult(ev, score, emotion, j.reasons, j.findings, frustration, after_dropoff)


def _feel(persona: Persona, ev: StepEvidence, lost: bool,
          met: frozenset[str] = frozenset()) -> tuple[int, str, Judgement]:
    j = Judgement()
    _judge_wait(persona, ev, j)
    _judge_failure(ev, j, lost)
    _judge_search(persona, ev, j)
    _judge_form(persona, ev, j)
    _judge_page(persona, ev, j)
    _judge_stability(ev, j)
    _judge_consent(persona, ev, j)
    _judge_account(persona, ev, j)
    judge_assistive(persona, ev, j, met)
    _judge_effort(persona, ev, j)
    score = max(0, min(100, round(j.score)))
    emotion = next(name for limit, name in BANDS if score < limit)
    if emotion == "happy" and score >= EXCITED_AT and j.delight:
        emotion = "excited"
        j.reasons.append("delighted: " + "; ".join(j.delight))
    if not j.reasons:
        j.reasons.append("nothing in the way")
    return score, emotion, j


def _borderline(persona: Persona, ev: StepEvidence, emotion: str, lost: bool,
                met: frozenset[str]) -> str | None:
    """Whether the emotion sits on a band's edge, within the noise of the wait: each run's
    own wait with --runs, else the wait ± WAIT_NOISE. Said in words when it does."""
    runs = ev.metrics.get("wait_ms_runs") or []
    waits = runs if len(runs) > 1 else [ev.wait_ms * (1 + d) for d in (-WAIT_NOISE, WAIT_NOISE)]
    felt = {_feel(persona, replace(ev, wait_ms=w), lost, met)[1]
            for w in waits if ev.wait_ms > 0}
    others = sorted(felt - {emotion}, key=EMOTIONS.index)
    if not others:
        return None
    if len(runs) > 1:
        return (f"borderline: the {len(runs)} runs straddle a band's edge ({emotion} at the "
                f"median wait, {' or '.join(others)} in some runs)")
    return (f"borderline: {WAIT_NOISE:.0%} more or less wait would read "
            f"{' or '.join(others)}; --runs 5 tells noise from a real difference")


def _judge_wait(persona: Persona, ev: StepEvidence, j: Judgement) -> None:
    fine, poor = persona.patience_fine_ms, persona.patience_poor_ms
    wait = ev.wait_ms
    if wait <= 0:
        return
    speed = log_normal_score(wait, fine, poor)
    said = (f"waited {_seconds(wait)}; {persona.possessive} patience is {_seconds(fine)} "
            f"({_seconds(poor)} is too long)")
    if speed < 0.9:
        j.cap(100 * speed, said)
    if wait > poor:
        severity = ("critical" if wait > 2 * poor or wait > KINDS["slow-load"].critical
                    else "major")
        j.find("slow-load", severity, f"'{ev.name}' took {_seconds(wait)}; "
               f"{persona.name} finds {_seconds(poor)} too long")
    elif wait > fine:
        j.find("slow-load", "minor", f"'{ev.name}' took {_seconds(wait)}, above "
               f"{persona.name}'s {_seconds(fine)}")
    lcp = ev.metrics.get("lcp_ms")
    if lcp and lcp > KINDS["slow-lcp"].major:
        j.find("slow-lcp", "major", f"largest content painted after {_seconds(lcp)}")


def _judge_effort(persona: Persona, ev: StepEvidence, j: Judgement) -> None:
    """Presses a step took beyond its own (menus opened, checkout questions answered): a
    few are the web; from the finding's threshold on, each costs her some goodwill."""
    extra, many = len(ev.effort), KINDS["much-effort"].minor or 0
    if extra < many:
        return
    j.find("much-effort", "minor", f"'{ev.name}' took {extra} extra presses",
           f"{persona.name} had to press {extra} other things first ({'; '.join(ev.effort)})",
           count=int(extra - many + 1))


def _judge_consent(persona: Persona, ev: StepEvidence, j: Judgement) -> None:
    """A cookie box met: what it covered and blocked, whether it let her say no, whether it
    asked again."""
    box = ev.consent
    if box is None:
        return
    phone = persona.device.mobile and box.covered >= (KINDS["consent-blocks"].major or 1)
    if box.blocks_page or phone:
        said = (f"the cookie box covered {box.covered:.0%} of the screen"
                + (" and blocked the page until answered" if box.blocks_page else ""))
        j.find("consent-blocks", "major" if phone else "minor", f"'{ev.name}': {said}", said)
    if not box.reject_first:
        how = {"reject": "rejected through its settings",
               "accept": "gave in and accepted"}.get(box.answered, "found no answer")
        said = "the cookie box offered no reject on its first layer" + (
            f": {persona.name} {how}" if box.choice == "reject" else "")
        j.find("consent-no-reject", "major", f"'{ev.name}': {said}", said)
    if box.again:
        said = f"the cookie box came back after {persona.name} had answered it"
        j.find("consent-returns", "major", f"'{ev.name}': {said}", said)


def _judge_account(persona: Persona, ev: StepEvidence, j: Judgement) -> None:
    """Signed in, and still asked for what the account holds."""
    again = len(ev.asked_again)
    if not again:
        return
    said = f"signed in, {persona.name} still typed {again} detail(s) the account holds"
    j.find("account-asks-again", "major" if again >= (KINDS["account-asks-again"].major or 4)
           else "minor", f"'{ev.name}': {said}", said, count=again)


def _judge_failure(ev: StepEvidence, j: Judgement, lost: bool) -> None:
    status = ev.http_status or 0
    if status >= 500:
        j.find("http-error", "critical", f"'{ev.name}': the store answered HTTP {status}",
               f"the store answered HTTP {status}")
    elif status >= 400:
        j.find("http-error", "major", f"'{ev.name}': the page answered HTTP {status}",
               f"the page answered HTTP {status}")
    if ev.status == "not-offered" and ev.not_offered:  # the store's lack: nothing broke
        j.cap(NEUTRAL, ev.error or "the store does not offer this")
        j.find(ev.not_offered, "minor", ev.error or "")
    if ev.status == "failed" and lost:  # the tool's failure: nothing the store did
        j.cap(NEUTRAL, f"not felt, not the store's: {ev.error}" if ev.lost else
              f"not the store's: the auditor was lost before this step ({ev.error})")
    elif ev.status == "failed":
        j.find("step-failed", "critical", f"'{ev.name}' failed: {ev.error}",
               f"the step failed: {ev.error}")
    broken = [e for e in ev.http_errors if not e.get("document") and (
        e["status"] >= 500 or e.get("type") not in ("fetch", "xhr"))]
    if broken:
        j.find("broken-resource", "minor", f"{len(broken)} resource(s) failed: "
               + ", ".join(f"{e['status']} {e['url']}" for e in broken[:3]),
               f"{len(broken)} broken resource(s) on the page", len(broken))
    if ev.console_errors:
        j.find("console-error", "minor", f"{len(ev.console_errors)} console error(s): "
               f"{ev.console_errors[0]}",
               f"{len(ev.console_errors)} script error(s) on the page", len(ev.console_errors))


def _judge_search(persona: Persona, ev: StepEvidence, j: Judgement) -> None:
    if ev.search is None or ev.status == "failed":
        return
    s = ev.search
    if s.result_count == 0:
        way = ("the page offered other ways on" if s.way_out
               else "the page offered no way on")
        j.find("zero-results", "major" if s.way_out else "critical",
               f"search for '{s.query}' found no products",
               f"searched for '{s.query}' and found nothing; {way}")
    elif ev.wait_ms <= persona.patience_fine_ms:
        j.delight.append(f"{s.result_count} result{'' if s.result_count == 1 else 's'} "
                         "right away")


def _judge_form(persona: Persona, ev: StepEvidence, j: Judgement) -> None:
    form = ev.form
    if form is None:
        return
    he = persona.pronoun
    wiped = form.wiped
    if wiped:
        names = ", ".join(form.labels.get(k, k) for k in wiped[:6])
        more = f" and {len(wiped) - 6} more" if len(wiped) > 6 else ""
        j.find("form-cleared", "critical",
               f"after an error on attempt {form.attempt} the form cleared {len(wiped)} "
               f"field(s): {names}{more}",
               f"the error wiped {len(wiped)} field(s) {he} had typed ({names}{more}): "
               f"{form.retype_keystrokes} keystrokes, ~{_seconds(form.retype_ms)} to retype")
        return
    if form.browser_blocked:
        j.cap(NEUTRAL, "the browser stopped the form before sending it and named the field")
    elif form.invalid:
        marked = ", ".join(form.labels.get(k, k) for k in form.invalid)
        own = form.mistake_in in form.invalid if form.mistake_in else False
        j.cap(NEUTRAL, f"the store kept {len(form.retained)} field(s) and marked only {marked}"
              + (f" ({persona.possessive} own slip)" if own else ""))
    elif form.error_message:
        j.find("unclear-error", "major", "the error does not name the wrong field",
               "the store refused the order without saying which field was wrong")


def _judge_page(persona: Persona, ev: StepEvidence, j: Judgement) -> None:
    product = ev.page.product
    if product and ev.status == "ok":
        missing = product.missing()
        if missing:
            severity = "major" if len(missing) > KINDS["incomplete-product"].major else "minor"
            j.find("incomplete-product", severity, "product page lacks " + ", ".join(missing),
                   "the product page lacks " + ", ".join(missing), len(missing))
        else:
            j.delight.append("a full description with sizes, material and care")
    form = ev.page.form
    if form and ev.action == "fill_checkout" and form.fields:
        unlabelled = form.fields - form.labelled
        typed = form.fields if form.autofillable is None else form.autofillable
        autofill = form.autocomplete >= typed * KINDS["no-autocomplete"].minor
        if unlabelled:
            j.find("unlabeled-fields", "major", f"{unlabelled} checkout field(s) have no label",
                   f"{unlabelled} of {form.fields} fields have no label")
        if not autofill:
            j.find("no-autocomplete", "minor", f"only {form.autocomplete} of "
                   f"{typed} fields declare autocomplete", "the browser cannot autofill the form")
        if not unlabelled and autofill:
            j.delight.append("a clear, autofill-ready form")
    if ev.action == "go_to_checkout" and persona.guest and _account_required(ev):
        j.find("no-guest-checkout", "major", "checkout asked to sign in, with no way to "
                                             "buy as a guest")
    if ev.page.price_filter is False and ev.action == "open_category":
        j.find("no-price-filter", "minor", "the category page has no price filter")
    for dialog in ev.dialogs:
        j.find("dialog", "minor", f"the page opened a dialog: {dialog}",
               f"the page interrupted with a dialog ({dialog[:60]})")
    if ev.off_site:
        j.find("left-store", "minor", f"the journey left the store for {ev.off_site}")
    if ev.page.too_large_to_analyse_bytes:
        size = ev.page.too_large_to_analyse_bytes / 1e6
        j.find("huge-page", "major", f"'{ev.name}' sent {size:.1f} MB of HTML",
               f"the page is {size:.1f} MB of HTML")
    if ev.order_number or ev.order_placed:
        j.delight.append(f"order {ev.order_number} confirmed" if ev.order_number
                         else "order confirmed")


def _account_required(ev: StepEvidence) -> bool:
    """Whether checkout demanded an account: no guest choice was seen or used, and the page
    is a sign-in form (a password among a few fields), not a form a guest fills in. A store
    that is guest by default says no word about guests: that is no missing guest checkout."""
    form = ev.page.form
    return (ev.page.guest_checkout is False and "guest" not in ev.found and form is not None
            and "password" in form.types and form.fields <= SIGN_IN_FIELDS)


def _judge_stability(ev: StepEvidence, j: Judgement) -> None:
    shift, reaction = KINDS["layout-shift"], KINDS["slow-interaction"]
    cls = ev.metrics.get("cls", 0) or 0
    if cls > shift.major:
        j.find("layout-shift", "major", f"layout shift {cls:.2f} on '{ev.name}'",
               f"the page jumped under the finger (layout shift {cls:.2f})")
    elif cls > shift.minor:
        j.find("layout-shift", "minor", f"layout shift {cls:.2f} on '{ev.name}'",
               f"the page moved while loading (layout shift {cls:.2f})")
    inp = ev.metrics.get("inp_ms", 0) or 0
    if inp > reaction.major:
        j.find("slow-interaction", "major", f"{inp} ms from input to next paint",
               f"the page took {inp} ms to react to input")
    elif inp > reaction.minor:
        j.find("slow-interaction", "minor", f"{inp} ms from input to next paint")


def at_least(emotion: str, floor: str) -> bool:
    """Whether `emotion` is `floor` or better on the five-level scale."""
    return EMOTIONS.index(emotion) >= EMOTIONS.index(floor)
