from pathlib import Path

import pytest

from auditor.errors import ScenarioError
from auditor.scenario import load_journey_file, load_journeys

MINIMAL = """
persona: {id: %s, name: Zoe, device: phone, network: slow-4g}
journey:
  - visit
  - {action: search, query: "lamp", stage: consideration}
"""


def test_builtin_personas_are_there_with_their_traits():
    journeys = load_journeys()
    assert {"delighted-shopper", "stressed-parent", "novice-checkout"} <= set(journeys)
    parent = journeys["stressed-parent"].persona
    assert parent.device.touch and parent.network.latency_ms == 150
    novice = journeys["novice-checkout"].persona
    assert novice.mistakes[0].field == "cc-number" and novice.mistakes[0].times == 3


def test_user_folder_adds_and_replaces_personas(tmp_path: Path):
    (tmp_path / "zoe.yaml").write_text(MINIMAL % "zoe")
    (tmp_path / "parent.yaml").write_text(MINIMAL % "stressed-parent")
    journeys = load_journeys([tmp_path])
    assert journeys["zoe"].steps[1].params == {"query": "lamp"}
    assert journeys["stressed-parent"].persona.name == "Zoe"


@pytest.mark.parametrize("text, message", [
    ("persona: {id: x, name: y\njourney: [visit]", r"bad\.yaml:\d+: invalid YAML"),
    ("persona: {id: x, name: y}\njourney: [fly]", "unknown action 'fly'; known:"),
    ("persona: {id: x, name: y, speed: 3}\njourney: [visit]", r"unknown persona key\(s\)"),
    ("persona: {id: x, name: y, network: 5g}\njourney: [visit]", "network '5g' is unknown"),
    ("persona: {id: x, name: y}\njourney: [{action: visit, stage: lunch}]", "unknown stage"),
])
def test_scenario_mistakes_name_the_file_and_what_is_wrong(tmp_path, text, message):
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    with pytest.raises(ScenarioError, match=message):
        load_journey_file(path)


def test_a_persona_moves_by_pointer_or_keyboard(tmp_path: Path):
    path = tmp_path / "voice.yaml"
    path.write_text(MINIMAL.replace("network: slow-4g", "network: slow-4g, navigation: voice")
                    % "vee")
    with pytest.raises(ScenarioError, match="persona.navigation 'voice' is unknown; use "
                                            "pointer or keyboard"):
        load_journey_file(path)
    assert load_journeys()["stressed-parent"].persona.navigation == "pointer"
