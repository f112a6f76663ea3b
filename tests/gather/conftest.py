"""Pages written here for the gather stage's tests, and a persona session to measure on."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from helpers import PageHandler, serve

from auditor.gather.session import PersonaSession
from auditor.model import Persona

KEY_LOG = (b"<input id=f><script>window.keys = [];"
           b"f.addEventListener('keydown', (e) => keys.push([e.key, performance.now()]));"
           b"</script>")
FRAMED_FORM = b"<h1>Pay</h1><iframe id=box src=/inner style='width:600px;height:200px'></iframe>"
INNER_FORM = b"<input name=n style='width:500px;height:80px;font-size:40px'>"
CARD_FORM = b"<input autocomplete=cc-number style='width:500px;height:80px'>"
# A busy page: a press is delivered 300 ms late (the main thread is taken); the click then
# asks the server (400 ms) and goes to the next page with its answer.
BUSY = (b"<button id=b style='width:300px;height:80px'>Pay now</button><script>"
        b"b.onpointerdown = () => { const t = performance.now(); while (performance.now() - t"
        b" < 300) {} };"
        b"b.onclick = () => setTimeout(() => fetch('/data').then(() => { location = '/next'; })"
        b", 50);</script>")
LONG = (b"<meta name=viewport content='width=device-width'><body style='margin:0'>"
        b"<div style='height:1500px;background:#f00'></div>"
        b"<div style='height:1500px;background:#00f'></div>")


class Pages(PageHandler):
    def do_GET(self):  # noqa: N802 (http.server's naming)
        if self.path == "/slow.css":
            time.sleep(0.6)
            self.send_response(200)
            self.send_header("Content-Type", "text/css")
            self.end_headers()
            return
        if self.path == "/data":
            time.sleep(0.4)
            return self.send_page(b"[]")
        if self.path == "/nothing":
            self.send_response(204)
            self.end_headers()
            return
        pages = {
            "/": b"<a href=/next>next</a> <a href=/nothing>nothing</a>"
                 b"<button onclick=\"fetch('/data')\">load</button>",
            "/next": b"<link rel=stylesheet href=/slow.css><h1>Next</h1>",
            "/keys": KEY_LOG,
            "/framed": FRAMED_FORM,
            "/inner": INNER_FORM,
            "/framed-card": FRAMED_FORM.replace(b"/inner", b"/card"),
            "/card": CARD_FORM,
            "/plain": b"<h1>Card</h1><input id=secret style='width:500px;height:80px'>",
            "/busy": BUSY,
            "/long": LONG,
            "/long-zoomed": LONG.split(b">", 1)[1],  # no viewport of its own: a phone zooms out
            "/late": b"<h1>Loading</h1>"
                     b"<script>setTimeout(() => { document.querySelector('h1').textContent"
                     b" = 'Your basket'; }, 100);</script>",
        }
        self.send_page(pages.get(self.path, b"missing"), 200 if self.path in pages else 404)


@pytest.fixture
def site() -> Iterator[str]:
    with serve(Pages) as url:
        yield url


@pytest.fixture
def open_session(browser) -> Iterator[Callable[..., PersonaSession]]:
    """A persona session on the test browser (no look, 10 s steps unless told); closed after
    the test. open_session(tmp_path, typing_ms_per_key=60)"""
    opened: list[PersonaSession] = []

    def open_one(out_dir: Path | None = None, dwell_ms: float = 0,
                 **persona) -> PersonaSession:
        opened.append(PersonaSession(browser, Persona("tester", "Tester", **persona),
                                     out_dir=out_dir, dwell_ms=dwell_ms,
                                     step_timeout_ms=10_000))
        return opened[-1]

    yield open_one
    for s in opened:
        s.close()
