"""After the order: how a store keeps a customer (news by e-mail) and lets her speak for it (a
review of what she bought, a share). A store without them gets a finding, never a failure;
share links leave the store, so they are noted, not followed."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import Error, Locator

from auditor.gather import discovery, script
from auditor.gather.actions import JourneyContext, back_home, click, press
from auditor.gather.actions.typing import value_for
from auditor.gather.failures import Lost, NotOffered, StepFailed
from auditor.gather.forms import classify_field
from auditor.gather.step import Step
from auditor.gather.vocabulary import REVIEW_TITLE_FIELD, SHARE_HREF, WORDS, words

DEFAULT_REVIEW = "Just what I was looking for, and it came quickly. I would buy here again."
REVIEW_TITLE = "Just what I wanted"
TITLE_FIELD = re.compile(REVIEW_TITLE_FIELD, re.I)


def news_offers(ctx: JourneyContext, _params: dict[str, Any]) -> dict[str, Any]:
    """What the page offers after an order (scripts/news_and_reviews.js); nothing on an error."""
    try:
        return ctx.page.evaluate(script("news_and_reviews.js"), {
            "words": {k: WORDS[k] for k in ("newsletter", "review", "review_form", "rating",
                                            "share")},
            "shareHref": SHARE_HREF})
    except Error:
        return {"newsletter": None, "newsletterLink": None, "reviewForm": None,
                "reviewShown": False, "reviewOpener": None, "share": [], "mentions": {}}


def _tagged(ctx: JourneyContext, name: str) -> Locator:
    return ctx.page.locator(f'[data-auditor-after="{name}"]')


def sign_up_for_news(ctx: JourneyContext, step: Step, params: dict[str, Any]) -> None:
    """Her e-mail into the store's sign-up: on this page, behind a link named for news, or on
    the home page, where most stores keep it."""
    offers = ctx.first_read(news_offers, params)
    override = ctx.locators.get("newsletter")
    if override:
        box = ctx.page.locator(override).first
    else:
        for way in ("link", "home"):
            if offers["newsletter"]:
                break
            if way == "link" and offers["newsletterLink"]:
                press(ctx, step, _tagged(ctx, "newsletter-link"))
                step.evidence.effort.append("followed the newsletter link")
            elif way != "home" or not back_home(ctx, step, "the sign-up"):
                continue
            offers = news_offers(ctx, params)
        if not offers["newsletter"]:
            if offers["mentions"].get("newsletter"):
                raise Lost("the store speaks of a newsletter but the auditor found no e-mail "
                           "box to sign up with; check by hand, or set locators.newsletter to "
                           "a CSS selector for it in a site profile (--profile FILE)")
            raise NotOffered("no-newsletter", "this store offers no way to hear from it "
                             "again: no e-mail sign-up for news on the page or the home page")
        box = _tagged(ctx, "newsletter-email")
    email = value_for(ctx, "email") or "shopper@example.com"
    step.evidence.typing_ms += ctx.session.type_keys(box, email)
    button = _tagged(ctx, "newsletter-button")
    before = _thanks(ctx)
    if not override and button.count():
        press(ctx, step, button)
    else:
        step.act(lambda: box.press("Enter"))
    _acknowledged(ctx, before, "signed up for news")


def recommend(ctx: JourneyContext, step: Step, params: dict[str, Any]) -> None:
    """A review of the product she bought where the store takes one, else a share link or
    button; she goes back to the product's page for it."""
    if ctx.product_url and ctx.page.url != ctx.product_url:
        url = ctx.product_url
        step.act(lambda: ctx.page.goto(url, wait_until="commit"))
    offers = news_offers(ctx, params)
    if override := ctx.locators.get("review"):  # the profile's review form wins
        form = ctx.page.locator(override).first
        if not form.count():
            raise Lost(f"locators.review “{override}” matches nothing on the product page")
        form.evaluate(script("mark_review_form.js"))
        offers = {**offers, "reviewForm": "review-form", "reviewShown": form.is_visible()}
    if offers["reviewForm"] or offers["reviewOpener"]:
        _write_review(ctx, step, offers, str(params.get("review") or ctx.inputs.get(
            "review") or DEFAULT_REVIEW))
        return
    if offers["share"]:
        _share(ctx, step, offers["share"])
        return
    raise NotOffered("no-advocacy", "this store offers no way to recommend what she bought: "
                     "no review form and no share link or button on the product page")


def _write_review(ctx: JourneyContext, step: Step, offers: dict[str, Any], text: str) -> None:
    if not offers["reviewShown"]:
        opener = _tagged(ctx, "review-opener")
        if not offers["reviewOpener"]:
            raise Lost("the review form is folded away and the auditor found nothing named "
                       "“write a review” that opens it; check by hand, or set locators.review "
                       "to a CSS selector for the form, shown, in a site profile")
        named = _words_of(opener)
        press(ctx, step, opener)
        step.evidence.effort.append(f"opened “{named}”")
        offers = news_offers(ctx, {})
        if not offers["reviewShown"]:
            raise StepFailed(f"pressing “{named}” showed no review form to write in")
    form = _tagged(ctx, "review-form")
    _fill_review(ctx, step, form, text)
    button = discovery.own_button(form)
    if button is None:
        raise StepFailed("the review form has no button to send it")
    before = _thanks(ctx)
    press(ctx, step, button.locator)
    _acknowledged(ctx, before, "wrote a review")


def _fill_review(ctx: JourneyContext, step: Step, form: Locator, text: str) -> None:
    """The best rating, her words, her name and e-mail; a required box ticked."""
    controls = ctx.session.fields()  # tags every control, so the form's can be told apart
    inside = set(form.locator("[data-auditor-field]").evaluate_all(script("field_tags.js")))
    fields = [f for f in controls if f["index"] in inside]
    rated = False
    for f in fields:
        locator = form.locator(f'[data-auditor-field="{f["index"]}"]')
        if f["type"] == "radio" and not rated:
            rated = _best_rating(ctx, form, f["name"])
        elif f["tag"] == "select" and words("rating").search(f["name"] or f["label"]):
            # A rating drawn as stars often hides its drop-down: the stars set it, as this does.
            locator.select_option(index=_best_option(f["options"]), force=not f["visible"])
            rated = True
        elif f["type"] == "checkbox" and f["required"] and not f["value"]:
            locator.check(force=True)
        elif f["tag"] == "textarea":
            step.evidence.typing_ms += ctx.session.type_keys(locator, text)
        elif f["visible"] and f["type"] not in ("radio", "checkbox") and f["tag"] != "select":
            value = _answer(ctx, f)
            if value:
                step.evidence.typing_ms += ctx.session.type_keys(locator, value)
    if rated:
        step.evidence.effort.append("gave the best rating")


def _answer(ctx: JourneyContext, field: dict[str, Any]) -> str | None:
    token, _ = classify_field(field)
    if token in ("name", "given-name", "family-name"):
        return value_for(ctx, "given-name") or ctx.session.persona.name
    if token == "email":
        return value_for(ctx, "email")
    if TITLE_FIELD.search(" ".join((field["label"], field["name"], field["placeholder"]))):
        return REVIEW_TITLE
    return "Test" if field["required"] else None


def _best_option(options: list[str]) -> int:
    """The option with the highest number ("5 - Excellent", "★★★★★"), else the last one."""
    def stars(text: str) -> float:
        number = re.search(r"\d+(\.\d+)?", text)
        return float(number.group()) if number else float(text.count("★"))
    return max(range(len(options)), key=lambda i: (stars(options[i]), i))


def _best_rating(ctx: JourneyContext, form: Locator, group: str) -> bool:
    """Tick the highest of a radio group's values (stars are often radios drawn as icons)."""
    radios = form.locator(f'input[type=radio][name="{group}"]')
    try:
        best = radios.evaluate_all(script("best_rating.js"))
        target = radios.nth(best)
        label = form.locator(f'label[for="{target.get_attribute("id") or "-"}"]')
        click(ctx, label if label.count() else target)
        return True
    except Error:
        return False


def _share(ctx: JourneyContext, step: Step, shares: list[list[str]]) -> None:
    """Where to share is noted, not pressed: a share link opens another site, and a Share
    button the system's share sheet, neither of which is the store."""
    names = ", ".join(dict.fromkeys(f"“{name}”" for _, name, _ in shares))
    step.evidence.chose = (f"could share it by {names}; no review form, and share links leave "
                           "the store, so none was followed")


def _thanks(ctx: JourneyContext) -> tuple[int, int]:
    """Which page this is (its load count), and how often it says thanks or done now."""
    try:
        said = ctx.page.evaluate(script("thanks_said.js"), WORDS["thanks"])
    except Error:
        said = 0
    return ctx.session.traffic.loads, said


def _acknowledged(ctx: JourneyContext, before: tuple[int, int], what: str) -> None:
    """The store said it took what she sent, in a new page or more thanks in this one; an
    error next to a field says it did not."""
    loads, said = _thanks(ctx)
    if said > (0 if loads != before[0] else before[1]):
        return
    try:
        errors = [t.strip() for t in ctx.page.evaluate(script("error_texts.js")) if t.strip()]
    except Error:
        errors = []
    if errors:
        raise StepFailed(f"she {what}, and the store refused it: "
                         f"“{ctx.session.redact(' '.join(errors)[:200])}”")
    raise StepFailed(f"she {what}, and the store said nothing back (no thanks, no "
                     "confirmation)")


def _words_of(locator: Locator) -> str:
    try:
        return (locator.inner_text(timeout=1000) or "").strip()[:40] or "review"
    except Error:
        return "review"

