"""The demo catalogues."""

from auditor.demo_store.catalog import RENAMED, STANDARD
from auditor.scenario import load_journeys


def test_the_renamed_catalogue_carries_nothing_a_built_in_persona_names():
    names = " ".join([*RENAMED.categories.values(), *(p.name for p in RENAMED.products)]).lower()
    for journey in load_journeys().values():
        for key in ("category", "product", "search"):
            if journey.inputs.get(key):
                assert journey.inputs[key].lower() not in names, (key, journey.inputs[key])
    assert len(RENAMED.products) == len(STANDARD.products)
    assert [p.price for p in RENAMED.products] == [p.price for p in STANDARD.products]
