"""A browser kept elsewhere: a real Playwright browser server (`playwright run-server`) on
127.0.0.1 running the system Chromium, driven through --browser-endpoint; an endpoint out of
reach and a server of another Playwright version are one-line errors."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import free_port
from playwright.sync_api import Error

from auditor.gather.browser import _why_not_started, find_chromium

AUDITOR = [sys.executable, "-m", "auditor"]


@pytest.fixture
def browser_server(tmp_path):
    """`playwright run-server`, its headless shell being the system's (no browser download:
    the revision folder Playwright looks for links to it)."""
    package = Path(importlib.util.find_spec("playwright").origin).parent
    listed = package / "driver" / "package" / "browsers.json"
    shell = next(b for b in json.loads(listed.read_text())["browsers"]
                 if b["name"] == "chromium-headless-shell")
    folder = (tmp_path / "browsers" / f"chromium_headless_shell-{shell['revision']}"
              / "chrome-headless-shell-linux64")
    folder.mkdir(parents=True)
    (folder / "chrome-headless-shell").symlink_to(find_chromium(headless_shell=True))
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "playwright", "run-server", "--port", str(port), "--host",
         "127.0.0.1", "--unsafe"], env={**os.environ,
                                        "PLAYWRIGHT_BROWSERS_PATH": str(tmp_path / "browsers")},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert "Listening on" in server.stdout.readline()
    yield f"ws://127.0.0.1:{port}/"
    server.terminate()
    server.wait(timeout=20)


def test_a_journey_walked_in_a_remote_browser_is_marked_remote(browser_server, demo_store,
                                                               tmp_path):
    done = subprocess.run([*AUDITOR, "run", demo_store().url, "--persona", "stressed-parent",
                           "--fast-typing", "--quiet", "--no-history", "--out",
                           str(tmp_path / "out"), "--browser-endpoint", browser_server],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    run = json.loads((tmp_path / "out" / "results.json").read_text())
    assert run["journeys"][0]["outcome"] == "completed"
    assert run["browser"].startswith(f"remote Chromium at {browser_server}")
    assert any("remote browser" in note for note in run["notes"])


def test_an_endpoint_out_of_reach_is_one_line_and_exit_3(tmp_path):
    started = time.monotonic()
    done = subprocess.run([*AUDITOR, "run", "http://127.0.0.1:9", "--no-history", "--out",
                           str(tmp_path), "--browser-endpoint", f"ws://127.0.0.1:{free_port()}/"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 3 and "cannot reach the browser server" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and time.monotonic() - started < 60


def test_a_server_of_another_playwright_version_is_said_in_one_line(playwright,
                                                                     browser_server):
    """The server refuses a client of another minor version; what it says becomes one line
    naming both versions (the client here claims 1.40 as an older one would)."""
    with pytest.raises(Error) as refused:
        playwright.chromium.connect(browser_server, timeout=15_000,
                           headers={"User-Agent": "Playwright/1.40.0 (x64; debian 12) python/3.11"})
    said = _why_not_started(refused.value, None, browser_server)
    assert said.startswith(f"the browser server at {browser_server} runs Playwright 1.")
    assert "run a server of the same minor version" in said and "\n" not in said
