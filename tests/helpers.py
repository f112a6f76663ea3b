"""Small local web servers for tests: stores with faults or markup we did not write."""

from __future__ import annotations

import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class PageHandler(BaseHTTPRequestHandler):
    """A request handler with one way to answer a page, and no request log on stderr."""

    def send_page(self, body: bytes, status: int = 200) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def send_redirect(self, to: str, status: int = 303) -> None:
        self.send_response(status)
        self.send_header("Location", to)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def serve(handler: type[BaseHTTPRequestHandler],
          tls: ssl.SSLContext | None = None) -> Iterator[str]:
    """Serve `handler` on a free port of 127.0.0.1; yields the store's URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    if tls:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"{'https' if tls else 'http'}://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def masked_pixels(page, image: Path) -> int:
    """Count the magenta pixels Playwright paints over masked fields, decoding in Chromium."""
    page.goto(image.as_uri())
    return page.evaluate("""() => {
        const img = document.images[0], c = document.createElement('canvas');
        c.width = img.naturalWidth; c.height = img.naturalHeight;
        const g = c.getContext('2d'); g.drawImage(img, 0, 0);
        const d = g.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4)
            if (d[i] > 200 && d[i + 1] < 80 && d[i + 2] > 200) n++;
        return n;
    }""")
