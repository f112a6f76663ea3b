"""Lighthouse CI on one page (the slowest test: one lhci run, ~15 s)."""

import json
import subprocess
import sys

import pytest

from auditor.gather.lighthouse import find_lhci

HOME_ONLY = """
persona: {id: glance, name: Gil, device: desktop}
journey: [visit]
"""


@pytest.mark.skipif(find_lhci() is None, reason="lhci not installed (make lighthouse)")
def test_lighthouse_scores_the_home_page_beside_our_values(demo_store, tmp_path):
    scenarios = tmp_path / "scenarios"
    scenarios.mkdir()
    (scenarios / "glance.yaml").write_text(HOME_ONLY)
    budget = tmp_path / "budget.yaml"
    budget.write_text("lighthouse:\n  first-contentful-paint: [error, {maxNumericValue: 1}]\n")
    store = demo_store()
    done = subprocess.run([sys.executable, "-m", "auditor", "run", store.url, "--persona",
                           "glance", "--scenarios", str(scenarios), "--lighthouse", "--quiet",
                           "--budget", str(budget), "--out", str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "GATE FAILED  lighthouse: first-contentful-paint" in done.stdout
    results = json.loads((tmp_path / "out" / "results.json").read_text())
    metrics = results["journeys"][0]["steps"][0]["metrics"]
    assert 0 <= metrics["lighthouse_performance"] <= 100
    assert metrics["lighthouse_lcp_ms"] > 0 and "lcp_ms" in metrics
    html = (tmp_path / "out" / "index.html").read_text()
    assert "Lighthouse performance" in html
    report = metrics["lighthouse_report"]  # out of lhci's hidden folder, linked from the step
    assert not any(part.startswith(".") for part in report.split("/"))
    assert "<!doctype html>" in (tmp_path / "out" / report).read_text()[:1000].lower()
    assert f'href="{report}"' in html
