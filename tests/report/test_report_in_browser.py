"""The journey map as a product manager opens it: from disk, in Chromium, on any screen."""

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from auditor.demo_store.flaws import parse_flaws
from auditor.demo_store.server import StoreServer

pytestmark = pytest.mark.browser  # every test here reads a report a live audit wrote


def auditor(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "auditor", *args], capture_output=True,
                          text=True, timeout=600, cwd=cwd)


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    """One real audit: the stressed parent on the flawed store beside the well-made one."""
    out = tmp_path_factory.mktemp("report")
    flaws = parse_flaws(["slow-product=4", "broken-search"])
    with StoreServer(flaws) as bad, StoreServer() as good:
        done = auditor("run", bad.url, "--compare", good.url, "--persona", "stressed-parent",
                       "--fast-typing", "--quiet", "--out", str(out))
    assert done.returncode == 1, done.stdout + done.stderr
    return out


def _open(page, folder: Path, width=1440, height=900):
    errors, outside = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: None if r.url.startswith(folder.as_uri())
            else outside.append(r.url))
    page.set_viewport_size({"width": width, "height": height})
    page.goto((folder / "index.html").as_uri())
    return errors, outside


def test_report_opens_from_disk_with_no_errors_or_outside_requests(page, report):
    errors, outside = _open(page, report)
    page.wait_for_load_state("load")
    assert errors == [] and outside == []


def test_every_curve_emotion_dropoff_and_screenshot_is_there(page, report):
    _open(page, report)
    results = json.loads((report / "results.json").read_text())
    journeys = page.locator("section.journey")
    assert journeys.count() == len(results["journeys"]) == 2
    for i, journey in enumerate(results["journeys"]):
        section = journeys.nth(i)
        assert section.locator("svg.curve").count() == 1
        assert section.locator("svg.curve g.point").count() == len(journey["steps"])
        faces = section.locator(".emo[data-emotion]")
        assert [faces.nth(k).get_attribute("data-emotion") for k in range(faces.count())] == [
            s["emotion"] for s in journey["steps"]]
    flawed = journeys.nth(0)
    assert flawed.locator("line.dropoff").count() == 1
    assert flawed.locator("text.dropoff-label").is_visible()
    assert "abandoned at step 4" in flawed.locator(".badge").inner_text()
    images = page.locator("a.thumb img")
    assert images.count() >= 8
    for k in range(images.count()):
        images.nth(k).scroll_into_view_if_needed()
        width = images.nth(k).evaluate(
            "i => i.complete ? i.naturalWidth : new Promise(done => {"
            " i.onload = () => done(i.naturalWidth); i.onerror = () => done(0); })")
        assert width > 0, images.nth(k).get_attribute("src")


def test_comparison_and_recommendations_are_on_top(page, report):
    _open(page, report)
    assert page.locator("#gates").is_visible()
    first_rec = page.locator("#recommendations li").first.inner_text()
    assert "Make search find what the store sells" in first_rec or "faster" in first_rec
    rows = page.locator("section.comparison tbody tr")
    assert rows.count() == 8
    assert "worse" in page.locator("section.comparison").inner_text()


@pytest.mark.parametrize("width, height", [(1440, 900), (390, 844)])
def test_no_horizontal_overflow(page, report, width, height):
    _open(page, report, width, height)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert page.evaluate("document.body.scrollWidth <= window.innerWidth")


def test_report_command_reproduces_the_same_files(report, tmp_path):
    done = auditor("report", str(report / "results.json"), "--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    for name in ("index.html", "summary.md", "junit.xml"):
        assert (tmp_path / name).read_text() == (report / name).read_text()


def test_junit_has_a_suite_per_journey_and_a_case_per_step(report):
    root = ET.parse(report / "junit.xml").getroot()
    results = json.loads((report / "results.json").read_text())
    suites = [s for s in root if s.get("name") != "gates"]
    assert [len(s) for s in suites] == [len(j["steps"]) for j in results["journeys"]]
    gates = next(s for s in root if s.get("name") == "gates")
    assert int(gates.get("failures")) == len(results["gates"]) > 0


def test_print_stylesheet_lays_the_map_out_on_landscape_pages(page, report):
    _open(page, report)
    page.emulate_media(media="print")
    assert page.locator(".lightbox").first.evaluate("e => getComputedStyle(e).display") == "none"
    assert "landscape" in (report / "index.html").read_text()
