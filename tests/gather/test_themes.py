"""Any store: the built-in personas walk every demo theme with no configuration."""

import pytest

from auditor.model import EMOTIONS

THEMES = ("classic", "modern", "platform")


@pytest.mark.parametrize("theme", THEMES)
def test_every_persona_completes_the_well_made_store(walk_persona, demo_store, theme):
    store = demo_store(theme=theme)
    for persona in ("delighted-shopper", "stressed-parent", "novice-checkout"):
        journey = walk_persona(persona, store.url)
        assert journey.outcome == "completed", (theme, persona, journey.reason)
        low = [(s.evidence.name, s.emotion, s.reasons) for s in journey.steps
               if EMOTIONS.index(s.emotion) < EMOTIONS.index("neutral")]
        assert not low, (theme, persona, low)


@pytest.mark.parametrize("theme", THEMES)
def test_flaws_are_still_caught_in_every_theme(walk_persona, demo_store, theme):
    parent = walk_persona("stressed-parent",
                          demo_store("slow-product=4", "broken-search", theme=theme).url)
    assert parent.outcome == "abandoned", (theme, parent.reason)
    search = next(s for s in parent.steps if s.evidence.search is not None)
    assert search.evidence.search.result_count == 0 and search.emotion == "angry"
    novice = walk_persona("novice-checkout", demo_store("clear-form-on-error", theme=theme).url)
    attempts = [s for s in novice.steps if s.evidence.form is not None]
    assert attempts and all(s.emotion == "angry" for s in attempts), theme
    assert {"email", "tel"} & {k.split("[")[-1].rstrip("]") for k in
                               attempts[0].evidence.form.cleared}
    assert novice.outcome == "abandoned", (theme, novice.reason)
