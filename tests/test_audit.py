"""A whole audit run: personas at once share one browser and all reach the report."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from auditor.gather.browser import find_chromium


def _browsers_and_drivers_under(root: int) -> tuple[int, int]:
    """Chromium browser processes (not renderers or helpers) and Playwright drivers descending
    from `root`.

    A process the browser or the driver has just forked (a helper, the browser itself) still
    shows its parent's command line until it starts; it is not counted, being a descendant of
    one already counted.
    """
    parents, commands = {}, {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            commands[int(entry.name)] = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])

    def ancestors(pid: int) -> list[int]:
        line = []
        while pid > 1:
            pid = parents.get(pid, 0)
            line.append(pid)
        return line

    # Chromium's helpers rewrite their command line into one string: look for --type= in it.
    audited = os.path.basename(find_chromium(headless_shell=True)).encode()
    browsers = {pid for pid, line in commands.items()
                if os.path.basename(line.split(b"\0")[0].split(b" ")[0]) == audited
                and b"--type=" not in line and root in ancestors(pid)}
    drivers = {pid for pid, line in commands.items()
               if b"run-driver" in line and root in ancestors(pid)}
    return tuple(sum(1 for pid in kind if not kind & set(ancestors(pid)))
                 for kind in (browsers, drivers))


@pytest.mark.serial  # three walks at once already share the CPU: no other test's load on top
def test_personas_at_once_share_one_browser_and_one_driver(demo_store, tmp_path):
    store = demo_store()
    three = [f"--persona={p}" for p in ("delighted-shopper", "novice-checkout",
                                          "stressed-parent")]
    run = subprocess.Popen([sys.executable, "-m", "auditor", "run", store.url, "--parallel",
                            *three, "--fast-typing", "--quiet", "--out", str(tmp_path)],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    most_browsers = most_drivers = 0
    while run.poll() is None:
        browsers, drivers = _browsers_and_drivers_under(run.pid)
        most_browsers, most_drivers = max(most_browsers, browsers), max(most_drivers, drivers)
    out, err = run.communicate()
    assert run.returncode == 0, out + err
    assert (most_browsers, most_drivers) == (1, 1)
    results = json.loads((tmp_path / "results.json").read_text())
    journeys = results["journeys"]
    assert sorted(j["persona"] for j in journeys) == [
        "delighted-shopper", "novice-checkout", "stressed-parent"]
    assert {j["outcome"] for j in journeys} == {"completed"}
    shared = [note for note in results["notes"] if "walked at once" in note]
    assert len(shared) == (1 if (os.cpu_count() or 1) <= 3 else 0)  # 3 journeys, few cores
    program = os.path.basename(find_chromium(headless_shell=True))
    assert re.fullmatch(rf"{re.escape(program)} \d+\.\d+\.\d+\.\d+", results["browser"])
    assert f"measured in {results['browser']}" in (tmp_path / "index.html").read_text()


def test_a_browser_that_will_not_start_is_one_line_with_exit_3_at_once_too(tmp_path):
    env = {**os.environ, "AUDITOR_CHROMIUM": "/bin/false"}
    done = subprocess.run([sys.executable, "-m", "auditor", "run", "http://127.0.0.1:1",
                           "--parallel", "--out", str(tmp_path)], capture_output=True,
                          text=True, env=env, timeout=120)
    assert done.returncode == 3, done.stderr
    assert "cannot start Chromium at /bin/false" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
