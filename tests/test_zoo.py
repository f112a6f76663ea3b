"""A real store in the test loop: django-oscar, installed from PyPI with its own storefront
pages and our seeded toy and book shop (stores/oscar), walked end to end by every built-in
persona with no profile, as a new user would (its set-up is cached on the machine). Where
she gets to is held here; how she felt is `make stores`' table, run on a quiet machine."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "stores"))
import zoo  # noqa: E402  (the zoo is the repository's, not the package's)


@pytest.mark.slow
@pytest.mark.browser  # Chromium, through the command line
def test_every_persona_buys_on_a_real_store_with_no_profile(tmp_path: Path):
    store = next(s for s in zoo.ZOO if s.name == "oscar")
    with zoo.running(store.name) as url:
        rows = zoo.walk(store, url, tmp_path)
    assert {r["persona"] for r in rows} == set(zoo.PERSONAS)
    for row in rows:  # every step handled and the order placed, whatever the waits felt like
        assert row["handled"] == row["steps"] and row["ordered"], row
        assert not row["failed"] and not row["lost"] and not row["false_alarms"], row
        # Her emotions follow the waits, which follow the machine's load: the parent, on a
        # slow phone with a 4x slower CPU, may leave when the machine is busy.
        assert row["outcome"] in ("completed", "abandoned"), row
