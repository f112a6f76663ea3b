"""Any store: the built-in personas walk every demo theme with no configuration, and where
the store carries nothing their scenarios name, they choose from the store itself."""

import pytest
from conftest import NO_LOOK

from auditor.model import EMOTIONS

THEMES = ("classic", "modern", "platform", "bootstrap", "accordion")
PERSONAS = ("delighted-shopper", "stressed-parent", "novice-checkout")
# Every theme with a catalogue where no named input fits; the two newest with the standard
# one as well, where the named inputs fit and must win.
STORES = [(theme, "renamed") for theme in THEMES] + [
    ("bootstrap", "standard"), ("accordion", "standard")]
# After the order, what each theme lets the delighted shopper do: (news, recommend) statuses
# and what recommending was; the Bootstrap stores offer neither, which is a finding.
AFTER_THE_ORDER = {
    "classic": ("ok", "ok", "gave the best rating"), "modern": ("ok", "ok", "gave the best rating"),
    "platform": ("ok", "ok", "could share it by “Share on Facebook”, “Pin it”"),
    "bootstrap": ("not-offered", "not-offered", "no-advocacy"),
    "accordion": ("not-offered", "not-offered", "no-advocacy")}


@pytest.mark.parametrize(("theme", "catalogue"), STORES)
def test_every_persona_completes_the_well_made_store(walk_persona, demo_store, theme,
                                                     catalogue):
    store = demo_store(theme=theme, catalogue=catalogue)
    for persona in PERSONAS:
        journey = walk_persona(persona, store.url, options=NO_LOOK)
        assert journey.outcome == "completed", (theme, persona, journey.reason)
        low = [(s.evidence.name, s.emotion, s.reasons) for s in journey.steps
               if EMOTIONS.index(s.emotion) < EMOTIONS.index("neutral")]
        assert not low, (theme, persona, low)
        category = next(s.evidence for s in journey.steps
                        if s.evidence.action == "open_category")
        if catalogue == "renamed":  # she chose, and the map says what and why
            assert category.chose and "no category named" in category.chose, category.chose
        else:
            assert category.chose is None, category.chose
        if persona == "delighted-shopper":
            news, recommend = (s.evidence for s in journey.steps[-2:])
            said = " ".join([*recommend.effort, recommend.chose or "",
                             recommend.not_offered or ""])
            assert (news.status, recommend.status) == AFTER_THE_ORDER[theme][:2], (
                news.error, recommend.error)
            assert AFTER_THE_ORDER[theme][2] in said, said


@pytest.mark.parametrize("theme", THEMES)
def test_flaws_are_still_caught_in_every_theme(walk_persona, demo_store, theme):
    parent = walk_persona("stressed-parent",
                          demo_store("slow-product=4", "broken-search", theme=theme).url,
                          options=NO_LOOK)
    assert parent.outcome == "abandoned", (theme, parent.reason)
    search = next(s for s in parent.steps if s.evidence.search is not None)
    assert search.evidence.search.result_count == 0 and search.emotion == "angry"
    novice = walk_persona("novice-checkout",
                          demo_store("clear-form-on-error", theme=theme, catalogue="renamed").url,
                          options=NO_LOOK)
    attempts = [s for s in novice.steps if s.evidence.form is not None]
    assert attempts and all(s.emotion == "angry" for s in attempts), theme
    assert {"email", "tel"} & {k.split("[")[-1].rstrip("]") for k in
                               attempts[0].evidence.form.cleared}
    assert novice.outcome == "abandoned", (theme, novice.reason)


def test_a_one_page_checkout_is_answered_and_the_answers_are_effort(walk_persona, demo_store):
    """The accordion checkout asks for a region after the country, a delivery method in a
    modal, a payment method and the terms before its button works: she answers each, pays
    without a card when she may, and each answer is on the map."""
    shopper = walk_persona("delighted-shopper", demo_store(theme="accordion").url)
    filled = next(s.evidence for s in shopper.steps if s.evidence.action == "fill_checkout")
    effort = " | ".join(filled.effort)
    for answer in ("pressed “Continue”", "pressed “Choose”", "chose “Standard delivery",
                   "chose “Cash on delivery”", "ticked “I have read and agree"):
        assert answer in effort, effort
    placed = next(s.evidence for s in shopper.steps if s.evidence.action == "place_order")
    assert placed.order_placed and placed.order_number is None
    novice = walk_persona("novice-checkout", demo_store(theme="accordion").url)
    filled = next(s.evidence for s in novice.steps if s.evidence.action == "fill_checkout")
    assert "chose “Credit or debit card”" in filled.effort  # his scenario: he pays by card

# Where a keyboard and a screen-reader user get to on each well-made theme. The modern
# theme's country box opens with Enter, but its options take no keys and cannot be typed
# into: a true block, kept as the pattern of one.
BY_KEYS = {"classic": "completed", "modern": "abandoned", "platform": "completed",
           "bootstrap": "completed", "accordion": "completed"}


@pytest.mark.parametrize("theme", THEMES)
def test_keyboard_and_screen_reader_shoppers_on_every_theme(walk_persona, demo_store, theme):
    store = demo_store(theme=theme)
    for persona in ("keyboard-shopper", "screen-reader-shopper"):
        journey = walk_persona(persona, store.url, options=NO_LOOK)
        assert journey.outcome == BY_KEYS[theme], (theme, persona, journey.reason)
        failed = [s.evidence.error for s in journey.steps if s.evidence.status == "failed"]
        if BY_KEYS[theme] == "completed":
            assert not failed, (theme, persona, failed)
        else:
            assert failed[0].startswith("“Germany” cannot be chosen by keyboard (WCAG 2.1.1)")
