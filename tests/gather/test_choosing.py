"""How a persona chooses from the store when her named inputs do not fit (no browser)."""

from auditor.gather.choosing import choose, search_words, wish

MENU = ["Lighting", "Board Games", "Bags & Luggage", "Garden"]


def test_a_named_input_the_store_offers_wins():
    chosen = choose("games", MENU, {"wooden", "toy"}, "category", "in the menu")
    assert (chosen.name, chosen.why, chosen.index) == ("games", None, 1)


def test_otherwise_the_closest_to_her_wish_then_the_first():
    closest = choose("toys", MENU, wish({"product": "garden hose"}, ""), "category",
                     "in the menu")
    assert closest.name == "Garden" and "no category named “toys” in the menu" in closest.why
    assert "closest to her wish" in closest.why
    first = choose("toys", MENU, {"train"}, "category", "in the menu")
    assert first.name == "Lighting" and "the first category in the menu" in first.why
    assert choose("toys", [], {"train"}, "category", "in the menu") is None


def test_her_wish_is_her_inputs_and_goal_without_filler_words():
    wanted = wish({"product": "Wooden Toy Trains", "search": None}, "Order it for Saturday")
    assert {"wooden", "toy", "train"} <= wanted and "saturday" not in wanted


def test_she_searches_for_what_she_chose_not_for_what_the_store_lacks():
    named = choose("teddy bear", ["Walnut Chess Set"], set(), "product", "on this page")
    assert search_words("wooden toy train", named).name == "Walnut Chess Set"
    assert "instead of “wooden toy train”" in search_words("wooden toy train", named).why
    fits = choose("train", ["Wooden Toy Train"], set(), "product", "on this page")
    assert search_words("wooden toy train", fits).why is None
