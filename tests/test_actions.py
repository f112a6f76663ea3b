"""The action table: one declaration per action, read by scenarios, profiles, the look and the
map; loading scenarios loads no browser code."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from auditor.actions import ACTIONS, FACTS, locator_keys
from auditor.model import STAGES

GIFT_CARD = '''
from auditor.actions import action
from auditor.gather.actions import press


@action("redeem_gift_card", "Redeem a gift card", "retention", touchpoint="the gift card box",
        moment_of_truth=True, locators=("gift_card",))
def redeem_gift_card(ctx, step, params):
    box = ctx.page.locator(ctx.locators.get("gift_card") or "input[name=q]").first
    step.evidence.typing_ms += ctx.session.type_keys(box, params.get("code", "GIFT-2026"))
    press(ctx, step, box)
'''
GIVER = """
persona: {id: gift-giver, name: Gita, pronoun: she}
journey:
  - {action: visit, moment_of_truth: false}
  - redeem_gift_card
"""


def test_every_built_in_action_is_declared_whole():
    for name, declared in ACTIONS.items():
        assert declared.name == name and declared.stage in STAGES
        assert declared.title and declared.touchpoint.startswith(("the ", "a "))
        assert set(declared.facts) <= set(FACTS)
        assert callable(declared.reads_first() or callable)  # resolves to its function
    assert {"search", "category", "place_order", "newsletter", "review"} <= set(locator_keys())


def test_loading_the_built_in_scenarios_loads_no_browser_code():
    probe = ("import sys\nfrom auditor.scenario import load_journeys\n"
             "from auditor.profile import load_profile\nload_journeys()\n"
             "print(sorted(m for m in sys.modules if m.split('.')[0] in "
             "('playwright', 'greenlet') or m.startswith('auditor.gather')))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "[]", done.stdout


def test_a_made_up_action_shows_on_the_map_with_its_touchpoint_stage_and_moment(
        demo_store, tmp_path: Path):
    scenarios = tmp_path / "scenarios"
    scenarios.mkdir()
    (scenarios / "gift_card.py").write_text(GIFT_CARD)
    (scenarios / "giver.yaml").write_text(GIVER)
    profile = tmp_path / "profile.yaml"
    profile.write_text("locators: {gift_card: 'input[name=q]'}\n")
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "auditor", "run", demo_store().url, "--scenarios", str(scenarios),
         "--persona", "gift-giver", "--profile", str(profile), "--fast-typing", "--dwell", "0",
         "--quiet", "--no-history", "--out", str(out)],
        capture_output=True, text=True, timeout=300)
    assert done.returncode in (0, 1), done.stderr
    soup = BeautifulSoup((out / "index.html").read_text(), "html.parser")
    stages = [p.get_text(strip=True) for p in soup.select("ol.map .stage:not(.same)")]
    assert stages == ["awareness", "retention"]
    cells = soup.select("ol.map li.step")
    redeem = cells[1]
    assert "Redeem a gift card" in redeem.get_text()
    assert redeem.select_one(".touchpoint").get_text(strip=True) == "at the gift card box"
    assert redeem.select_one(".moment") is not None
    assert cells[0].select_one(".moment") is None  # the scenario's own say wins
