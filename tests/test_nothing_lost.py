"""Nothing lost, nothing leaked: interrupted runs still report, secrets never leave memory."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest
from helpers import masked_pixels

from auditor.report.files import atomic_write

SECRETS = ("4242424242424242", "4242 4242 4242 4242", "4242 4242 4242 442", "424242424242442",
           "correct-horse-battery-9")


def run_cli(*args, **kw):
    return subprocess.run([sys.executable, "-m", "auditor", *args], capture_output=True,
                          text=True, timeout=600, **kw)


@pytest.mark.parametrize("flaws", [(), ("clear-form-on-error",)])
def test_typed_secrets_never_reach_any_output(page, demo_store, tmp_path, flaws):
    store = demo_store(*flaws)
    out = tmp_path / "out"
    done = run_cli("run", store.url, "--persona", "novice-checkout", "--persona",
                   "delighted-shopper", "--fast-typing", "--out", str(out))
    assert done.returncode in (0, 1), done.stderr
    texts = [done.stdout, done.stderr] + [p.read_text(errors="replace") for p in out.rglob("*")
                                          if p.is_file() and p.suffix != ".jpg"]
    for secret in SECRETS:
        assert not any(secret in text for text in texts), secret
    results = json.loads((out / "results.json").read_text())
    novice = next(j for j in results["journeys"] if j["persona"] == "novice-checkout")
    typed = next(s for s in novice["steps"] if s["name"] == "Type his details and card")
    assert masked_pixels(page, out / typed["screenshot"]) > 500


@pytest.mark.parametrize("who", [("--persona", "delighted-shopper"), ("--parallel",)])
def test_an_interrupted_run_still_writes_the_steps_so_far(demo_store, tmp_path, who):
    store = demo_store()
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "auditor", "run", store.url, *who,
                             "--out", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen = []
    for line in proc.stdout:
        seen.append(line)
        if line.strip().startswith("3 "):
            proc.send_signal(signal.SIGTERM)
            break
    rest, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, "".join(seen) + rest + err
    assert "Traceback" not in err
    results = json.loads((out / "results.json").read_text())
    assert results["incomplete"] is True
    journeys = results["journeys"]
    assert all("interrupted" in journey["reason"] for journey in journeys)
    steps = [step for journey in journeys for step in journey["steps"]]
    assert 3 <= len(steps) < 10 * len(journeys)
    assert {step["status"] for step in steps} == {"ok"}  # the stop fails no step of its own
    assert "Incomplete run" in (out / "index.html").read_text()


def test_atomic_write_leaves_no_half_written_file(tmp_path):
    target = tmp_path / "index.html"
    atomic_write(target, "old")

    with pytest.raises(TypeError):
        atomic_write(target, 42)  # type: ignore[arg-type]  # fails mid-write
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["index.html"]


def test_unwritable_out_and_missing_browser_are_one_line_errors(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    done = run_cli("run", "http://127.0.0.1:1", "--out", str(blocker / "sub"))
    assert done.returncode == 2 and "cannot write to --out" in done.stderr
    env = {**os.environ, "AUDITOR_CHROMIUM": str(tmp_path / "no-chromium")}
    done = run_cli("run", "http://127.0.0.1:1", "--out", str(tmp_path / "o"), env=env)
    assert done.returncode == 3
    assert "AUDITOR_CHROMIUM" in done.stderr and "apt-get install chromium" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
