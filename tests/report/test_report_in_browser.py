"""The `make demo` report as a team reads it every day: from disk, in Chromium, at 1440 and
390 px, in light and dark, and printed to A4; one live demo audit serves every test here."""

import fcntl
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from helpers import images_that_load

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "lighthouse" / "node_modules" / "axe-core" / "axe.min.js"
# The demo's whole report at 1440×900 with the passing journeys folded (the floor).
MOST_PX_AT_1440 = 8_000
PAGES_A_JOURNEY = 2  # printed on A4 landscape

pytestmark = pytest.mark.browser


def auditor(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "auditor", *args], capture_output=True,
                          text=True, timeout=600, cwd=cwd)


@pytest.fixture(scope="session")
def report(tmp_path_factory, worker_id) -> Path:
    """`auditor demo`: every built-in persona on the flawed store beside the well-made one,
    walked once for the whole session, whichever pytest-xdist worker asks first."""
    if worker_id == "master":
        out = tmp_path_factory.mktemp("demo")
    else:  # the run's temporary folder, shared by its workers
        out = tmp_path_factory.getbasetemp().parent / "demo-report"
    with open(f"{out}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (out / "index.html").is_file():
            out.mkdir(exist_ok=True)
            done = auditor("demo", "--fast-typing", "--quiet", "--no-history", "--out",
                           str(out), cwd=out)
            assert done.returncode == 0, done.stdout + done.stderr
    return out


@pytest.fixture(scope="session")
def results(report) -> dict:
    return json.loads((report / "results.json").read_text())


def _open(page, folder: Path, width=1440, height=900, scheme="light"):
    errors, outside = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: None if r.url.startswith(folder.as_uri())
            else outside.append(r.url))
    page.set_viewport_size({"width": width, "height": height})
    page.emulate_media(color_scheme=scheme)
    page.goto((folder / "index.html").as_uri())
    page.wait_for_load_state("load")
    return errors, outside


# Words the browser broke inside themselves: a word whose letters sit on two lines, not at a
# hyphen. Only what is shown counts (a folded <details> is not).
BROKEN_WORDS = """() => { const broken = [];
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const top = (node, at) => { const r = document.createRange(); r.setStart(node, at);
    r.setEnd(node, at + 1); const box = [...r.getClientRects()].find(b => b.width > 0);
    return box ? Math.round(box.top) : null; };
  while (walk.nextNode()) { const node = walk.currentNode, el = node.parentElement;
    if (!el || !el.checkVisibility({contentVisibilityAuto: true, visibilityProperty: true}))
      continue;
    for (const m of node.data.matchAll(/\\S+/g)) { let first = null;
      for (let k = 0; k < m[0].length; k++) { const t = top(node, m.index + k);
        if (t === null) continue; if (first === null) { first = t; continue; }
        if (t !== first) { if (!'-–'.includes(m[0][k - 1])) broken.push(m[0]); break; } } } }
  return broken; }"""


@pytest.mark.slow  # started first, it walks the demo that the other tests here read
def test_report_opens_from_disk_with_no_errors_or_outside_requests(page, report):
    errors, outside = _open(page, report)
    assert errors == [] and outside == []


def test_the_report_is_short_with_the_passing_journeys_folded(page, report, results):
    _open(page, report)
    assert page.evaluate("document.documentElement.scrollHeight") <= MOST_PX_AT_1440
    journeys = page.locator("section.journey")
    assert journeys.count() == len(results["journeys"]) == 8
    for i, j in enumerate(results["journeys"]):
        gated = any(g["journey"] == f"{j['label']}/{j['persona']}"
                    for g in results["gates"])
        attention = not j["competitor"] and (j["outcome"] != "completed" or gated)
        is_open = journeys.nth(i).locator("details").first.get_attribute("open") is not None
        assert is_open == attention, j["persona"]
        if not attention:  # one line, with her faces
            assert journeys.nth(i).locator("summary .faces svg.face").count() == len(
                [s for s in j["steps"] if not s["after_dropoff"]])


def test_every_failing_journey_is_one_click_from_the_status_strip(page, report, results):
    _open(page, report)
    links = page.locator("nav.strip .counts a[href^='#j-']")
    attention = page.locator("section.journey.attention")
    assert links.count() == attention.count() == 4  # three left, one completed with a failed gate
    for k in range(links.count()):
        anchor = links.nth(k).get_attribute("href")
        links.nth(k).click()
        first_step = page.locator(f"{anchor} ol.map li.step").first
        assert first_step.is_visible()
    strip = page.locator("nav.strip").inner_text()
    assert "1 completed" in strip and "3 abandoned" in strip and "root cause" in strip
    assert page.locator("section.journey.attention .badge.gated").inner_text() == (
        "completed, 1 gate(s) failed")  # not a green "completed"


def test_a_filter_lives_in_the_url_and_needs_no_script(browser, report):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1440,
                                                                        "height": 900})
    page = context.new_page()
    page.goto((report / "index.html").as_uri() + "#only-attention")
    shown = page.locator("section.journey").evaluate_all(
        "all => all.filter(s => s.checkVisibility()).map(s => s.className)")
    assert len(shown) == 4 and all("attention" in c for c in shown)
    page.goto((report / "index.html").as_uri() + "#only-p0")  # the first persona alone
    shown = page.locator("section.journey").evaluate_all(
        "all => all.filter(s => s.checkVisibility()).map(s => s.dataset.persona)")
    assert len(shown) == 2 and len(set(shown)) == 1  # on both stores
    context.close()


def test_every_face_drop_off_and_screenshot_is_on_the_map(page, report, results):
    _open(page, report)
    for i, journey in enumerate(results["journeys"]):
        section = page.locator("section.journey").nth(i)
        steps = section.locator("ol.map li.step")
        assert steps.count() == len(journey["steps"])
        lived = [s for s in journey["steps"] if not s["after_dropoff"]]
        faces = section.locator(".lane [data-emotion]")
        assert [faces.nth(k).get_attribute("data-emotion") for k in range(faces.count())] == [
            s["emotion"] for s in lived]  # no face for a step measured after she left
        assert section.locator("li.step.after").count() == len(journey["steps"]) - len(lived)
        if journey["abandoned_at"] is not None:
            left = section.locator("li.step.dropped")
            assert left.get_attribute("data-step") == str(journey["abandoned_at"] + 1)
            assert "left here" in left.inner_text()
    loaded, total = images_that_load(page)
    assert total >= 60 and loaded == total


@pytest.mark.parametrize("width, height", [(1440, 900), (390, 844)])
def test_no_word_is_broken_and_only_the_map_scrolls_sideways(page, report, width, height):
    _open(page, report, width, height)
    for details in page.locator("details").all():  # everything shown, folded parts too
        details.evaluate("d => d.open = true")
    assert page.evaluate(BROKEN_WORDS) == []
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_serious_light_or_dark(page, report, scheme):
    _open(page, report, scheme=scheme)
    page.evaluate(AXE.read_text())
    found = page.evaluate("axe.run(document).then(r => r.violations.map(v =>"
                          " [v.id, v.impact, v.nodes.length]))")
    assert [v for v in found if v[1] in ("serious", "critical")] == []


# WCAG 2.1 relative luminance and contrast, computed in the page from computed colours.
CONTRAST = """(pair) => { const lum = c => { const [r, g, b] = c.match(/\\d+(\\.\\d+)?/g)
    .slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92
    : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const [a, b] = pair.map(lum); return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); }"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_face_stands_out_from_the_page_and_shows_its_feeling(page, report, scheme):
    _open(page, report, scheme=scheme)
    card = page.locator("section.journey").first.evaluate(
        "e => getComputedStyle(e).backgroundColor")
    for symbol in page.locator("symbol[id^='face-']").all():
        edge, fill = symbol.locator("circle.face-edge").evaluate(
            "c => [getComputedStyle(c).stroke, getComputedStyle(c).fill]")
        features = symbol.locator("circle").nth(1).evaluate("c => getComputedStyle(c).fill")
        assert page.evaluate(CONTRAST, [edge, card]) >= 3, symbol.get_attribute("id")
        assert page.evaluate(CONTRAST, [fill, features]) >= 3, symbol.get_attribute("id")
    emoji = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F]")
    assert not emoji.search((report / "index.html").read_text())  # no emoji font needed


def test_the_phone_shows_what_the_desktop_shows(page, report):
    seen = {}
    for width, height in ((1440, 900), (390, 844)):
        _open(page, report, width, height)
        seen[width] = page.evaluate("""() => ['ul.pains > li', 'ul.opps > li', 'a.thumb img',
          'li.step'].map(s => [...document.querySelectorAll('section.journey.attention ' + s)]
          .filter(e => e.checkVisibility()).length)""")
    assert seen[390] == seen[1440] and all(seen[1440])


def test_each_journey_prints_on_at_most_two_pages_with_its_screenshots(page, report, results):
    _open(page, report)
    page.emulate_media(media="print")
    thumbs = page.locator("section.journey.attention a.thumb img")
    assert thumbs.count() > 20 and all(
        img.evaluate("i => i.complete && i.naturalWidth > 0 && i.getBoundingClientRect()"
                     ".width >= 120") for img in thumbs.all())
    for j in page.locator("section.journey").evaluate_all("all => all.map(s => s.id)"):
        page.add_style_tag(content=f"body>*:not(main), main>*:not(section.journey), "
                                   f"section.journey:not(#{j}){{display:none!important}} "
                                   f"#{j}{{break-before:auto!important}}")
        pdf = page.pdf(format="A4", landscape=True, prefer_css_page_size=True)
        assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) <= PAGES_A_JOURNEY, j
        page.reload()


@pytest.mark.parametrize(("width", "height"), [(1440, 900), (390, 844)])
def test_the_verdict_and_the_first_fix_are_on_the_first_screen(page, report, width, height):
    _open(page, report, width, height)
    verdict = page.locator("#verdict")
    assert "left at step" in verdict.inner_text()
    box = page.locator("#verdict .fixes li").first.bounding_box()
    assert box and box["y"] + box["height"] <= height, box


def test_moments_of_truth_the_ideal_line_and_gaps_are_on_the_map(page, report):
    """The parent leaves at the search, a moment of truth; the map marks the moments (not
    arriving), draws the ideal journey dashed, and says where she fell short of it."""
    _open(page, report)
    parent = page.locator("section.journey[data-persona=stressed-parent]").first
    moments = parent.locator("li.step:has(.moment) h3").all_inner_texts()
    assert moments and not any("Arrive" in m or "Open the store" in m for m in moments)
    assert parent.locator("line.ideal").count() > 0
    assert "expected happy, felt angry" in parent.inner_text()
    assert "Not felt: measured after she left" in parent.inner_text()
    verdict = page.locator("#verdict").inner_text()
    assert "“Search for the toy instead”, a moment of truth" in verdict
    assert "Furthest from the ideal journey" in verdict


def test_report_command_reproduces_the_same_files(report, tmp_path):
    done = auditor("report", str(report / "results.json"), "--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    for name in ("index.html", "summary.md", "junit.xml", "ctrf.json"):
        assert (tmp_path / name).read_text() == (report / name).read_text()


def test_a_report_rendered_elsewhere_still_shows_every_screenshot(page, report, tmp_path):
    again = tmp_path / "again"
    done = auditor("report", str(report / "results.json"), "--out", str(again))
    assert done.returncode == 0, done.stderr
    _open(page, again)
    loaded, total = images_that_load(page)
    assert total >= 60 and loaded == total


def test_report_files_can_be_read_by_anyone_they_are_shared_with(report):
    for name in ("index.html", "results.json", "junit.xml", "summary.md", "ctrf.json"):
        assert (report / name).stat().st_mode & 0o777 == 0o644, name


def test_junit_and_ctrf_attach_the_failing_steps_screenshots(report, results):
    root = ET.parse(report / "junit.xml").getroot()
    suites = list(root)
    assert [len([c for c in s if c.get("name") != "journey"]) for s in suites] == [
        len(j["steps"]) for j in results["journeys"]]
    ids = [(c.get("classname"), c.get("name")) for c in root.iter("testcase")]
    assert len(ids) == len(set(ids))  # the store is in the classname
    for suite, journey in zip(suites, results["journeys"], strict=True):
        if journey["competitor"]:  # context: nothing of it fails
            assert suite.get("failures") == "0"
    attached = [c.find("system-out").text for c in root.iter("testcase")
                if c.find("failure") is not None and c.get("name") != "journey"]
    assert attached and all(re.fullmatch(r"\[\[ATTACHMENT\|screenshots/.+\.jpg]]", a)
                            for a in attached)
    assert all((report / a[13:-2]).is_file() for a in attached)
    tests = json.loads((report / "ctrf.json").read_text())["results"]["tests"]
    shots = [t["attachments"][0]["path"] for t in tests if t["status"] == "failed"
             and t.get("attachments")]
    assert sorted(shots) == sorted(a[13:-2] for a in attached)
