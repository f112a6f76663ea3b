import pytest

from auditor.demo_store.flaws import parse_flaws
from auditor.errors import AuditorError


def test_flaws_parse_switches_and_delays():
    flaws = parse_flaws(["slow-product=2.5", "broken-search"])
    assert flaws.delay("slow-product") == 2.5
    assert flaws.on("broken-search") and not flaws.on("checkout-500")


@pytest.mark.parametrize("spec, words", [
    ("nope", "known flaws: account-forgets, broken-search"),
    ("slow-product=fast", "needs a delay in seconds"),
    ("broken-search=3", "takes no value"),
])
def test_bad_flaw_specs_are_user_errors(spec, words):
    with pytest.raises(AuditorError, match=words):
        parse_flaws([spec])
