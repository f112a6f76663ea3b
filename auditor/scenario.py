"""Load personas and journeys from YAML files: the built-in ones and the user's own."""

from __future__ import annotations

import dataclasses
import importlib.util
from importlib import resources
from pathlib import Path
from typing import Any

from auditor.actions import ACTIONS, DEFAULT_EXPECTATION
from auditor.errors import ScenarioError, read_yaml
from auditor.model import (
    EMOTIONS,
    NAVIGATION,
    STAGES,
    Device,
    Journey,
    Mistake,
    Network,
    Persona,
    StepSpec,
)

DEVICES = {
    "desktop": Device(),
    "laptop": Device("laptop", 1440, 900),
    "phone": Device(
        "phone", 390, 844, touch=True, mobile=True, scale=3.0,
        user_agent="Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
        "(KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36",
    ),
}

# Throughput in kbit/s. slow-4g follows Lighthouse's mobile preset (150 ms RTT, 1.6 Mbps).
NETWORKS = {
    "unthrottled": Network(),
    "cable": Network("cable", 28, 5000, 1000),
    "slow-4g": Network("slow-4g", 150, 1600, 750),
    "3g": Network("3g", 300, 700, 400),
}

DEFAULT_INPUTS: dict[str, Any] = {
    "search": "wooden toy train",
    "product": None,
    "category": None,
    "payment": None,  # "card": pays by card even where a store offers ways without one
    "customer": {
        "email": "ada.lovelace@example.com", "given-name": "Ada", "family-name": "Lovelace",
        "name": "Ada Lovelace", "address-line1": "12 Analytical Street",
        "house-number": "12", "address-level2": "Berlin", "address-level1": "Berlin",
        "postal-code": "10115", "country": "Germany",
        "tel": "+49 30 1234567", "cc-name": "Ada Lovelace",
        "cc-number": "4242 4242 4242 4242", "cc-exp": "12/34", "cc-csc": "123",
        "new-password": "correct-horse-battery-9",
    },
}


def builtin_dir() -> Path:
    """Where the built-in scenarios live, in a checkout or after `pip install`."""
    return Path(str(resources.files("auditor.scenarios")))


def load_journeys(extra_dirs: list[Path] | tuple[Path, ...] = ()) -> dict[str, Journey]:
    """Every persona's journey, built-in first; a user's file with the same id replaces it."""
    journeys: dict[str, Journey] = {}
    seen: set[Path] = set()
    for folder in (builtin_dir(), *extra_dirs):
        folder = Path(folder)
        if not folder.is_dir():
            raise ScenarioError(f"{folder}: scenario folder not found")
        if folder.resolve() in seen:
            continue
        seen.add(folder.resolve())
        if folder != builtin_dir():
            _load_python_actions(folder)
        for path in sorted(folder.glob("*.y*ml")):
            journey = load_journey_file(path)
            journeys[journey.persona.id] = journey
    return journeys


def _load_python_actions(folder: Path) -> None:
    """Import the user's *.py files, so their declared actions (auditor.actions.action) can be
    used in journeys."""
    for path in sorted(folder.glob("*.py")):
        spec = importlib.util.spec_from_file_location(f"auditor_user_{path.stem}", path)
        if spec is None or spec.loader is None:
            continue
        module = importlib.util.module_from_spec(spec)
        try:
            spec.loader.exec_module(module)
        except Exception as exc:  # user code: report it as a scenario error, not a crash
            raise ScenarioError(f"{path}: cannot load journey actions: {exc!r}") from None


def load_journey_file(path: Path) -> Journey:
    """Parse one scenario file; any mistake becomes a one-line ScenarioError naming it."""
    data = read_yaml(path, "YAML")
    if not isinstance(data, dict) or "persona" not in data or "journey" not in data:
        raise ScenarioError(f"{path}: needs a 'persona' mapping and a 'journey' list")
    persona = _persona(path, data["persona"])
    steps = tuple(_step(path, i, raw) for i, raw in enumerate(_list(path, "journey", data)))
    inputs = merge_inputs(DEFAULT_INPUTS, data.get("inputs") or {})
    return Journey(persona, steps, inputs)


def merge_inputs(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """Inputs with the override's keys winning; the customer mapping merges key by key."""
    merged = {**base, **{k: v for k, v in override.items() if k != "customer"}}
    merged["customer"] = {**base.get("customer", {}), **(override.get("customer") or {})}
    return merged


def _list(path: Path, key: str, data: dict) -> list:
    value = data[key]
    if not isinstance(value, list) or not value:
        raise ScenarioError(f"{path}: '{key}' must be a non-empty list of steps")
    return value


_PERSONA_KEYS = {f.name for f in dataclasses.fields(Persona)} | {"patience"}
CONSENT_ANSWERS = ("reject", "accept")  # a persona's answer to a cookie box


def _persona(path: Path, raw: Any) -> Persona:
    if not isinstance(raw, dict):
        raise ScenarioError(f"{path}: 'persona' must be a mapping")
    unknown = set(raw) - _PERSONA_KEYS
    if unknown:
        raise ScenarioError(f"{path}: unknown persona key(s) {sorted(unknown)}; "
                            f"known: {sorted(_PERSONA_KEYS)}")
    for key in ("id", "name"):
        if not isinstance(raw.get(key), str) or not raw[key]:
            raise ScenarioError(f"{path}: persona.{key} is required (a string)")
    values = dict(raw)
    patience = values.pop("patience", {}) or {}
    for key, default in (("fine_ms", 1000), ("poor_ms", 4000)):
        values[f"patience_{key}"] = float(patience.get(key, values.get(f"patience_{key}", default)))
    if values["patience_poor_ms"] <= values["patience_fine_ms"]:
        raise ScenarioError(f"{path}: persona.patience.poor_ms must be above fine_ms")
    values["device"] = _preset(path, "device", values.get("device", "desktop"), DEVICES, Device)
    values["network"] = _preset(path, "network", values.get("network", "unthrottled"),
                                NETWORKS, Network)
    values["mistakes"] = tuple(_mistake(path, m) for m in values.get("mistakes") or ())
    if values.get("consent", "reject") not in CONSENT_ANSWERS:
        raise ScenarioError(f"{path}: persona.consent '{values['consent']}' is unknown; use "
                            f"{' or '.join(CONSENT_ANSWERS)}")
    if values.get("navigation", "pointer") not in NAVIGATION:
        raise ScenarioError(f"{path}: persona.navigation '{values['navigation']}' is unknown; "
                            f"use {' or '.join(NAVIGATION)}")
    for key in ("motivations", "pain_points"):
        values[key] = tuple(values.get(key) or ())
    try:
        return Persona(**values)
    except TypeError as exc:
        raise ScenarioError(f"{path}: persona: {exc}") from None


def _preset(path: Path, key: str, value: Any, presets: dict, cls: type) -> Any:
    if isinstance(value, str):
        if value not in presets:
            raise ScenarioError(f"{path}: persona.{key} '{value}' is unknown; "
                                f"use one of {sorted(presets)} or a mapping")
        return presets[value]
    if isinstance(value, dict):
        try:
            return cls(**value)
        except TypeError as exc:
            raise ScenarioError(f"{path}: persona.{key}: {exc}") from None
    raise ScenarioError(f"{path}: persona.{key} must be a name or a mapping")


def _mistake(path: Path, raw: Any) -> Mistake:
    if not isinstance(raw, dict):
        raise ScenarioError(f"{path}: each persona.mistakes entry must be a mapping")
    values = dict(raw)
    if "fallback_fields" in values:
        values["fallback_fields"] = tuple(values["fallback_fields"])
    try:
        mistake = Mistake(**values)
    except TypeError as exc:
        raise ScenarioError(f"{path}: persona.mistakes: {exc}") from None
    if mistake.kind not in ("drop-digit",):
        raise ScenarioError(f"{path}: mistake kind '{mistake.kind}' is unknown; use drop-digit")
    return mistake


def _step(path: Path, index: int, raw: Any) -> StepSpec:
    if isinstance(raw, str):
        raw = {"action": raw}
    if not isinstance(raw, dict) or "action" not in raw:
        raise ScenarioError(f"{path}: journey step {index + 1} needs an 'action'")
    params = dict(raw)
    action = params.pop("action")
    if action not in ACTIONS:
        raise ScenarioError(f"{path}: journey step {index + 1}: unknown action '{action}'; "
                            f"known: {', '.join(sorted(ACTIONS))}")
    stage = params.pop("stage", ACTIONS[action].stage)
    if stage not in STAGES:
        raise ScenarioError(f"{path}: journey step {index + 1}: unknown stage '{stage}'; "
                            f"known: {', '.join(STAGES)}")
    name = str(params.pop("name", ACTIONS[action].title))
    if params.get("expect", DEFAULT_EXPECTATION) not in EMOTIONS:
        raise ScenarioError(f"{path}: journey step {index + 1}: expect '{params['expect']}' "
                            f"is no emotion; known: {', '.join(EMOTIONS)}")
    return StepSpec(action, name, stage, params)
