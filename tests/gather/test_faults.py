"""The fault matrix: every kind of broken store, each against a local server the test starts.

For each fault the run finishes, names the failure at the right step with a clear reason,
prints no traceback, and exits with the code DESIGN.md gives.
"""

from __future__ import annotations

import json
import shutil
import socket
import ssl
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from helpers import PageHandler, serve

STOP = threading.Event()
PAGE = (b"<!doctype html><html><head><title>Fault</title></head><body><main>"
        b"<h1>Fault store</h1>%s</main></body></html>")


class FaultStore(PageHandler):
    """Each path is one fault a real staging store shows."""

    def do_GET(self):  # noqa: N802 (http.server's naming)
        route = {
            "/": lambda: self._page(b"<p>Welcome</p>"),
            "/hang": self._hang,
            "/trickle": self._trickle,
            "/loop": lambda: self.send_redirect("/loop", 302),
            "/jserror": lambda: self._page(b"<script>throw new Error('boom')</script>"),
            "/alert": lambda: self._page(b"<script>alert('Cookies!')</script>"),
            "/offsite": lambda: self._page(
                b"<script>location.href='http://shop.example.invalid/'</script>"),
            "/big": lambda: self._page(b"<p>" + b"x" * 20_000_000 + b"</p>"),
            "/checkout": lambda: self._page(b"<h1>Server error</h1>", 500),
        }.get(self.path, lambda: self._page(b"<h1>Not found</h1>", 404))
        route()

    def _page(self, body: bytes, status: int = 200) -> None:
        self.send_page(PAGE % body, status)

    def _hang(self) -> None:
        STOP.wait(60)

    def _trickle(self) -> None:
        html = PAGE % (b"<p>" + b"." * 40 + b"</p>")
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(html)))
        self.end_headers()
        step = len(html) // 40 + 1
        for i in range(0, len(html), step):
            self.wfile.write(html[i:i + step])
            self.wfile.flush()
            time.sleep(0.05)


@pytest.fixture(scope="module")
def fault_store():
    STOP.clear()
    with serve(FaultStore) as url:
        yield url
        STOP.set()


def audit(tmp_path: Path, url: str, first_step: str, *extra: str):
    """Run the CLI with a two-step journey: the faulty step, then the home page again."""
    scenarios = tmp_path / "scenarios"
    scenarios.mkdir(exist_ok=True)
    (scenarios / "probe.yaml").write_text(
        "persona: {id: probe, name: Pat}\njourney:\n"
        f"  - {first_step}\n  - {{action: visit, name: Back home}}\n")
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "auditor", "run", url, "--persona", "probe",
                           "--scenarios", str(scenarios), "--quiet", "--out", str(out), *extra],
                          capture_output=True, text=True, timeout=180)
    assert "Traceback" not in done.stderr + done.stdout
    results = json.loads((out / "results.json").read_text())
    return done, results["journeys"][0]["steps"]


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("path, code, status, words", [
    ("/product/missing", 1, "failed", "HTTP 404"),
    ("/checkout", 1, "failed", "HTTP 500"),
    ("/loop", 1, "failed", "redirect loop"),
    ("/offsite", 1, "failed", "off the store to shop.example.invalid"),
])
def test_store_faults_fail_the_right_step(tmp_path, fault_store, path, code, status, words):
    done, steps = audit(tmp_path, fault_store, f"{{action: visit, path: {path}}}")
    assert done.returncode == code, done.stdout + done.stderr
    assert steps[0]["status"] == status and words in steps[0]["error"]
    assert steps[0]["emotion"] == "angry"
    assert steps[1]["status"] == "ok"  # the run went on


def test_a_page_that_never_answers_times_out_at_the_step_limit(tmp_path, fault_store):
    started = time.monotonic()
    done, steps = audit(tmp_path, fault_store, "{action: visit, path: /hang}",
                        "--step-timeout", "3")
    assert time.monotonic() - started < 60
    assert done.returncode == 1
    assert steps[0]["status"] == "failed" and "timed out after 3 s" in steps[0]["error"]
    assert steps[0]["wait_ms"] >= 3000  # she waited the whole time
    assert "still waiting for 1 request(s): 127.0.0.1 (document)" in steps[0]["error"]
    assert steps[1]["status"] == "ok"


def test_a_trickling_page_is_waited_for_and_measured(tmp_path, fault_store):
    done, steps = audit(tmp_path, fault_store, "{action: visit, path: /trickle}")
    assert steps[0]["status"] == "ok"
    assert steps[0]["wait_ms"] >= 1900  # 40 chunks, 50 ms apart
    assert "slow-load" in {f["id"] for f in steps[0]["findings"]}


@pytest.mark.parametrize("path, finding", [
    ("/jserror", "console-error"), ("/alert", "dialog"), ("/big", "huge-page")])
def test_page_misbehaviour_becomes_a_finding(tmp_path, fault_store, path, finding):
    done, steps = audit(tmp_path, fault_store, f"{{action: visit, path: {path}}}")
    assert done.returncode in (0, 1)
    assert finding in {f["id"] for f in steps[0]["findings"]}
    assert steps[1]["status"] == "ok"


def test_connection_refused_and_unknown_host_exit_3(tmp_path):
    for url, words in ((f"http://127.0.0.1:{_closed_port()}", "connection refused"),
                       ("http://shop.example.invalid", "outside this machine")):
        done, steps = audit(tmp_path, url, "visit")
        assert done.returncode == 3, (url, done.stdout)
        assert steps[0]["status"] == "failed" and words in steps[0]["error"]
        assert steps[1]["status"] == "failed"  # going home again cannot work either


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl not installed")
def test_tls_error_on_a_self_signed_store_exits_3(tmp_path):
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                    str(key), "-out", str(cert), "-days", "1", "-subj", "/CN=127.0.0.1"],
                   check=True, capture_output=True)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    with serve(FaultStore, context) as url:
        done, steps = audit(tmp_path, url, "visit")
    assert done.returncode == 3
    assert "TLS error" in steps[0]["error"]


def test_a_crashed_tab_fails_its_step_and_the_run_finishes(tmp_path, fault_store):
    scenarios = tmp_path / "scenarios"
    scenarios.mkdir()
    (scenarios / "crash.py").write_text(
        "from auditor.gather.actions import action\n\n"
        "@action('crash_tab', 'Crash the tab', 'consideration')\n"
        "def crash_tab(ctx, step, params):\n"
        "    step.act(lambda: ctx.page.goto('chrome://crash'))\n")
    done, steps = audit(tmp_path, fault_store, "crash_tab")
    assert done.returncode == 1
    assert steps[0]["status"] == "failed" and "crashed" in steps[0]["error"]
    assert steps[1]["status"] == "ok"  # a new tab carries the journey on
