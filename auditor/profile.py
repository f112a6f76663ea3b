"""Site profiles: a short YAML file that fixes whatever discovery misses on one store.

    locators:            # CSS selectors that win over discovery
      search: "#header-search input"
      add_to_cart: "button.buy"
    inputs:              # what the personas type and look for on this store
      search: espresso cups
      product: Espresso Cup Set
      customer: {postal-code: "00-950", country: Poland}
      three_d_secure: fail   # answer the bank's challenge so (default: complete)
    access:              # a closed store (see auditor.access); $NAME: from the environment
      http_credentials: $STAGING_AUTH
      headers: {X-Preview-Token: $PREVIEW_TOKEN}
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from auditor.actions import locator_keys
from auditor.errors import ScenarioError, read_yaml
from auditor.model import Journey
from auditor.scenario import merge_inputs

THREE_D_SECURE = ("complete", "fail")  # how a persona answers her bank's challenge


def load_profile(path: Path) -> dict[str, Any]:
    data = read_yaml(path, "profile") or {}
    if not isinstance(data, dict) or set(data) - {"locators", "inputs", "access"}:
        raise ScenarioError(f"{path}: a profile is a mapping with 'locators', 'inputs' and "
                            "'access'")
    locators = data.get("locators") or {}
    if not isinstance(locators, dict):
        raise ScenarioError(f"{path}: 'locators' must be a mapping")
    unknown = set(locators) - set(locator_keys())
    if unknown:
        raise ScenarioError(f"{path}: unknown locator '{sorted(unknown)[0]}'; "
                            f"known: {', '.join(locator_keys())}")
    inputs = data.get("inputs") or {}
    if not isinstance(inputs, dict):
        raise ScenarioError(f"{path}: 'inputs' must be a mapping")
    if inputs.get("three_d_secure", "complete") not in THREE_D_SECURE:
        raise ScenarioError(f"{path}: inputs.three_d_secure must be "
                            f"{' or '.join(THREE_D_SECURE)}")
    return data


def apply_profile(journey: Journey, profile: dict[str, Any] | None) -> Journey:
    """The journey with the profile's inputs taking precedence."""
    if not profile or not profile.get("inputs"):
        return journey
    return dataclasses.replace(journey, inputs=merge_inputs(journey.inputs, profile["inputs"]))
