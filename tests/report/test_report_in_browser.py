"""The journey map as a product manager opens it: from disk, in Chromium, on any screen."""

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from helpers import images_that_load

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
        lived = [s for s in journey["steps"] if not s["after_dropoff"]]
        assert [faces.nth(k).get_attribute("data-emotion") for k in range(faces.count())] == [
            s["emotion"] for s in lived]  # no face for a step measured after she left
        after = len(journey["steps"]) - len(lived)
        assert section.locator("svg.curve g.point.after").count() == after
        assert section.locator("td.after >> text=after she left").count() >= after
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


def test_a_report_rendered_elsewhere_still_shows_every_screenshot(page, report, tmp_path):
    again = tmp_path / "again"
    done = auditor("report", str(report / "results.json"), "--out", str(again))
    assert done.returncode == 0, done.stderr
    _open(page, again)
    loaded, total = images_that_load(page)
    assert total >= 8 and loaded == total


def test_report_files_can_be_read_by_anyone_they_are_shared_with(report):
    for name in ("index.html", "results.json", "junit.xml", "summary.md"):
        assert (report / name).stat().st_mode & 0o777 == 0o644, name


def test_junit_follows_the_gates_with_unique_ids(report):
    root = ET.parse(report / "junit.xml").getroot()
    results = json.loads((report / "results.json").read_text())
    journeys, suites = results["journeys"], list(root)
    assert [len([c for c in s if c.get("name") != "journey"]) for s in suites] == [
        len(j["steps"]) for j in journeys]
    ids = [(c.get("classname"), c.get("name")) for c in root.iter("testcase")]
    assert len(ids) == len(set(ids))  # the site is in the classname
    failed = {(s.get("name"), c.get("name")) for s in suites for c in s
              if c.find("failure") is not None}
    assert failed and len(failed) <= len(results["gates"])
    ours, theirs = suites  # the competitor is context: nothing of it fails
    assert theirs.get("failures") == "0" and ours.get("failures") != "0"
    dropped = [f"{s['index'] + 1:02d} {s['name']}" for s in journeys[0]["steps"]
               if s["after_dropoff"]]
    assert dropped and not {n for _, n in failed} & set(dropped)


def test_print_stylesheet_lays_the_map_out_on_landscape_pages(page, report):
    _open(page, report)
    page.emulate_media(media="print")
    assert page.locator(".lightbox").first.evaluate("e => getComputedStyle(e).display") == "none"
    assert "landscape" in (report / "index.html").read_text()


@pytest.mark.parametrize(("width", "height"), [(1440, 900), (390, 844)])
def test_the_verdict_and_the_first_fix_are_on_the_first_screen(page, report, width, height):
    _open(page, report, width, height)
    verdict = page.locator("#verdict")
    assert "left at step" in verdict.inner_text()
    first_fix = page.locator("#verdict .fixes li").first
    box = (first_fix if width > 400 else verdict.locator("li").first).bounding_box()
    assert box and box["y"] + box["height"] <= height, box


def test_moments_of_truth_the_ideal_line_and_gaps_are_on_the_map(page, report):
    """On the flawed store: the parent leaves at the search, a moment of truth; the map marks
    the moments, draws the ideal journey dashed, and says where she fell short of it."""
    _open(page, report)
    parent = page.locator("section.journey").first
    assert parent.locator("table.map .moment").count() == 4  # arrive, product, search, order
    assert parent.locator("polyline.ideal").count() == 1
    assert "expected happy, felt angry" in parent.inner_text()
    assert "measured for completeness" in parent.inner_text()  # a step after she left
    verdict = page.locator("#verdict").inner_text()
    assert "“Search for the toy instead”, a moment of truth" in verdict
    assert "Furthest from the ideal journey" in verdict


def test_every_built_in_journey_fits_1440_px_without_sideways_scroll(page, tmp_path):
    """The saved demo run (every built-in persona, up to 10 steps), rendered again."""
    from auditor.report import load_results, write_report

    write_report(load_results(Path(__file__).parents[1] / "data" / "demo-schema-2.json"),
                 tmp_path)
    _open(page, tmp_path)
    maps = page.locator("table.map")
    assert maps.count() == 6
    for i in range(maps.count()):
        sizes = maps.nth(i).evaluate("t => [t.scrollWidth, t.parentElement.clientWidth]")
        assert sizes[0] <= sizes[1], (i, sizes)


def test_the_emotion_lane_points_sit_in_their_steps_columns(page, tmp_path):
    from auditor.report import load_results, write_report

    run = load_results(Path(__file__).parents[1] / "data" / "demo-schema-2.json")
    write_report(run, tmp_path)
    _open(page, tmp_path)
    for lane, journey in zip(page.locator("tr.emotion-lane").all(), run.journeys, strict=True):
        cells = lane.locator("td.lane-cell")
        assert cells.count() == len(journey.steps)
        lived = [s for s in journey.steps if not s.after_dropoff]
        assert lane.locator(".lane-face").count() == len(lived)
        for i, step in enumerate(journey.steps):
            cell = cells.nth(i).bounding_box()
            face = cells.nth(i).locator(".lane-face")
            if step.after_dropoff:
                assert face.count() == 0
                continue
            assert face.get_attribute("data-emotion") == step.emotion
            box = face.bounding_box()
            middle = box["x"] + box["width"] / 2
            assert cell["x"] <= middle <= cell["x"] + cell["width"], (i, cell, box)


def test_the_printed_map_has_every_screenshot_and_a_page_per_journey(page, report):
    import re

    results = json.loads((report / "results.json").read_text())
    shots = {s["screenshot"] for j in results["journeys"] for s in j["steps"] if s["screenshot"]}
    page.goto((report / "index.html").as_uri())
    pdf = page.pdf(format="A4", landscape=True, print_background=True)
    assert len(re.findall(rb"/Subtype\s*/Image", pdf)) >= len(shots) > 0
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) >= 1 + len(results["journeys"])


def test_a_phone_gets_a_vertical_timeline_and_nothing_overflows(page, report):
    _open(page, report, 390, 844)
    results = json.loads((report / "results.json").read_text())
    timelines = page.locator("ol.timeline")
    assert timelines.first.is_visible() and not page.locator("table.map").first.is_visible()
    assert timelines.first.locator("li").count() == len(results["journeys"][0]["steps"])
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
    assert "left here" in timelines.first.inner_text()
    _open(page, report)  # a desktop keeps the wide map
    assert page.locator("table.map").first.is_visible()
    assert not page.locator("ol.timeline").first.is_visible()


def test_escape_closes_an_open_screenshot(page, report):
    errors, _ = _open(page, report)
    page.locator("a.thumb").first.click()
    box = page.locator(".lightbox:target")
    assert box.count() == 1 and box.is_visible()
    page.keyboard.press("Escape")
    assert page.locator(".lightbox:target").count() == 0
    assert errors == []  # the script ran under the page's own policy, nothing refused
