"""The command line as users call it: a real process, real exit codes, one-line errors."""

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

AUDITOR = [sys.executable, "-m", "auditor"]


def auditor(*args, cwd=None, timeout=600):
    return subprocess.run([*AUDITOR, *args], capture_output=True, text=True, cwd=cwd,
                          timeout=timeout)


def test_unknown_flaw_exits_2_naming_the_known_flaws():
    done = auditor("store", "--flaw", "nope")
    assert done.returncode == 2
    assert "unknown flaw 'nope'" in done.stderr and "broken-search" in done.stderr
    assert "Traceback" not in done.stderr


def test_user_mistakes_are_one_line_errors_with_exit_2(tmp_path):
    budget = tmp_path / "budget.yaml"
    budget.write_text("rules: [{max_wait: 1}]")
    bank = tmp_path / "bank.yaml"
    bank.write_text("inputs: {three_d_secure: maybe}")
    misspelt = tmp_path / "misspelt.yaml"
    misspelt.write_text("rules: [{step: Open the wodden toy train, max_wait_ms: 3000}]")
    cases = [
        (("run", "http://127.0.0.1:9", "--budget", str(misspelt)),
         "rules[0].step: 'Open the wodden toy train' matches no step of the journeys; "
         "closest: 'Open the wooden toy train'"),
        (("run", "http://127.0.0.1:9", "--step-timeout", "-1"), "'--step-timeout': -1.0 is not"),
        (("run", "http://127.0.0.1:9", "--dwell", "-5"), "'--dwell': -5 is not in the range"),
        (("run", "not-a-url"), "is not a web address"),
        (("run", "http://127.0.0.1:9", "--persona", "ghost"), "unknown persona 'ghost'"),
        (("run", "http://127.0.0.1:9", "--budget", str(budget)), "unknown key 'max_wait'"),
        (("run", "http://127.0.0.1:9", "--profile", str(bank)),
         "inputs.three_d_secure must be complete or fail"),
        (("report", str(tmp_path / "missing.json"), "--out", str(tmp_path)), "cannot read"),
    ]
    for args, words in cases:
        done = auditor(*args)
        assert done.returncode == 2, (args, done.stderr)
        assert words in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_personas_lists_traits():
    done = auditor("personas")
    assert done.returncode == 0
    assert "stressed-parent: Aistė" in done.stdout and "slow-4g" in done.stdout


def test_run_exits_1_on_the_flawed_store_and_0_on_the_well_made_one(demo_store, tmp_path):
    flawed, good = demo_store("slow-product=4", "broken-search"), demo_store()
    bad = auditor("run", flawed.url, "--persona", "stressed-parent", "--fast-typing",
                  "--out", str(tmp_path / "bad"))
    assert bad.returncode == 1, bad.stderr
    assert "GATE FAILED  default: no persona abandons" in bad.stdout
    assert "Search for the toy instead" in bad.stdout  # live progress line
    summary = (tmp_path / "bad" / "summary.md").read_text()
    assert "gate(s) failed" in summary
    ok = auditor("run", good.url, "--persona", "stressed-parent", "--fast-typing", "--quiet",
                 "--out", str(tmp_path / "good"))
    assert ok.returncode == 0, ok.stdout + ok.stderr
    results = json.loads((tmp_path / "good" / "results.json").read_text())
    assert results["schema"] == "journey-auditor/2"
    assert results["journeys"][0]["outcome"] == "completed"
    for name in ("index.html", "junit.xml", "summary.md"):
        assert (tmp_path / "good" / name).stat().st_size > 0


def _closed_port():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.browser
def test_unreachable_store_exits_3_and_still_reports(tmp_path):
    done = auditor("run", f"http://127.0.0.1:{_closed_port()}", "--persona", "stressed-parent",
                   "--fast-typing", "--out", str(tmp_path))
    assert done.returncode == 3
    results = json.loads((tmp_path / "results.json").read_text())
    first = results["journeys"][0]["steps"][0]
    assert first["status"] == "failed" and "connection refused" in first["error"]
    rest = results["journeys"][0]["steps"][1:]
    assert rest and {s["status"] for s in rest} == {"skipped"}
    assert "Traceback" not in done.stderr
    # A short report that says so: no emotions, no map, no to-do list.
    assert results["journeys"][0]["unreachable"] and results["recommendations"] == []
    html = (tmp_path / "index.html").read_text()
    assert "Could not reach" in html and 'class="map"' not in html
    assert "data-emotion" not in html and 'id="recommendations"' not in html
    cases = ET.parse(tmp_path / "junit.xml").getroot().iter("testcase")
    kinds = [[child.tag for child in case if child.tag != "system-out"] for case in cases]
    assert kinds[0] == ["failure"] and all(k == ["skipped"] for k in kinds[1:-1])
    assert kinds[-1] == ["failure"]  # the journey-wide gate: it never completed
    assert "not reached" in done.stdout and "😐" not in done.stdout


def test_default_out_makes_a_run_folder_and_a_latest_link(demo_store, tmp_path):
    store = demo_store()
    for _ in range(2):
        done = auditor("run", store.url, "--persona", "stressed-parent", "--fast-typing",
                       "--quiet", cwd=tmp_path)
        assert done.returncode == 0, done.stderr
    runs = sorted(p for p in (tmp_path / "reports").iterdir() if p.name.startswith("run-"))
    assert len(runs) == 2
    latest = tmp_path / "reports" / "latest"
    assert latest.resolve() == runs[-1].resolve()
    assert Path(latest / "index.html").exists()


def test_store_help_lists_every_theme_and_flaw():
    from auditor.demo_store.app import THEMES
    from auditor.demo_store.flaws import KNOWN_FLAWS

    done = subprocess.run([sys.executable, "-m", "auditor", "store", "--help"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    for name in [*THEMES, *KNOWN_FLAWS]:
        assert f"  {name}" in done.stdout, name


def test_open_prints_the_reports_address_or_says_there_is_none(tmp_path):
    (tmp_path / "run").mkdir()
    (tmp_path / "run" / "index.html").write_text("<!doctype html><title>map</title>")
    done = subprocess.run([sys.executable, "-m", "auditor", "open", str(tmp_path / "run")],
                          capture_output=True, text=True, timeout=60, env={"PATH": "/usr/bin"})
    assert done.returncode == 0 and done.stdout.strip() == (tmp_path / "run" /
                                                            "index.html").as_uri()
    missing = subprocess.run([sys.executable, "-m", "auditor", "open", str(tmp_path / "none")],
                             capture_output=True, text=True, timeout=60)
    assert missing.returncode == 2 and "no report there" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_a_log_says_what_takes_long_instead_of_staying_silent(demo_store, tmp_path):
    """Not a terminal (CI, a pipe): plain lines, and the novice's slow typing is said."""
    done = auditor("run", demo_store().url, "--persona", "novice-checkout", "--no-history",
                   "--out", str(tmp_path / "out"), "--fast-typing", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    said = [i for i, line in enumerate(lines) if "… Tadeusz · filling in the form" in line]
    typed = next(i for i, line in enumerate(lines) if "Type his details and card" in line)
    assert said and said[0] < typed  # said before the step's own line, while it works
    assert "\x1b[" not in done.stdout  # no terminal codes in a log
