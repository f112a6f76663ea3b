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


def walk_story(browser, site: str, folder: Path, scenario: str):
    """A scenario (YAML text) walked on `site` with quick typing, judged: the journey."""
    from auditor.gather.walk import RunOptions, walk
    from auditor.judge.journey import judge_journey
    from auditor.scenario import load_journey_file

    path = folder / "story.yaml"
    path.write_text(scenario)
    return judge_journey(walk(browser, load_journey_file(path), site, folder,
                              RunOptions(typing_scale=0.05)))


def images_that_load(page) -> tuple[int, int]:
    """How many of the map's screenshots load, of how many (the lightbox copies are hidden
    until opened)."""
    images = page.locator("a.thumb img")
    loaded = 0
    for k in range(images.count()):
        images.nth(k).scroll_into_view_if_needed()
        loaded += images.nth(k).evaluate(
            "i => i.complete ? i.naturalWidth > 0 : new Promise(done => {"
            " i.onload = () => done(true); i.onerror = () => done(false); })")
    return loaded, images.count()


def masked_pixels(page, image: Path) -> int:
    """Count the magenta pixels Playwright paints over masked fields, decoding in Chromium."""
    return pixel_counts(page, image)["magenta"]


def pixel_counts(page, image: Path) -> dict[str, int]:
    """An image's size and how many of its pixels are magenta, red or blue, decoded in
    Chromium (the page is left on the image)."""
    page.goto(image.as_uri())
    return page.evaluate("""() => {
        const img = document.images[0], c = document.createElement('canvas');
        c.width = img.naturalWidth; c.height = img.naturalHeight;
        const g = c.getContext('2d'); g.drawImage(img, 0, 0);
        const d = g.getImageData(0, 0, c.width, c.height).data;
        const n = {width: c.width, height: c.height, magenta: 0, red: 0, blue: 0};
        for (let i = 0; i < d.length; i += 4) {
            const [r, gr, b] = [d[i], d[i + 1], d[i + 2]];
            if (r > 200 && gr < 80 && b > 200) n.magenta++;
            else if (r > 200 && gr < 80 && b < 80) n.red++;
            else if (r < 80 && gr < 80 && b > 200) n.blue++;
        }
        return n;
    }""")


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    """A real Redis server on a free port of 127.0.0.1 that keeps its data on disk (append
    only file), so it can be stopped and started again with what it held."""

    def __init__(self, folder: Path) -> None:
        self.folder, self.port = folder, free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self) -> None:
        import subprocess
        import time

        import redis

        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "yes", "--appendfsync", "always", "--dir", str(self.folder)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while True:
            try:
                redis.Redis.from_url(self.url).ping()
                return
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)


@contextmanager
def postgres_server() -> Iterator[str]:
    """A real PostgreSQL server on a free port of 127.0.0.1, in a throwaway data folder;
    yields its SQLAlchemy URL. Run as the postgres user when the tests run as root."""
    import glob
    import os
    import shutil
    import socket
    import subprocess
    import tempfile

    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        raise RuntimeError("PostgreSQL is not installed: `make test` installs it "
                           "(scripts/ensure-postgres.sh)")
    bin_dir = Path(found[-1]).parent
    data = Path(tempfile.mkdtemp(prefix="auditor-pg-"))
    as_owner: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(data, "postgres")
        as_owner = ["runuser", "-u", "postgres", "--"]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    run = lambda *args: subprocess.run([*as_owner, *args], check=True,  # noqa: E731
                                       capture_output=True, text=True, timeout=120)
    try:
        run(str(bin_dir / "initdb"), "-D", str(data / "db"), "-A", "trust", "-U", "auditor",
            "-E", "UTF8", "--no-sync")
        run(str(bin_dir / "pg_ctl"), "-D", str(data / "db"), "-l", str(data / "log"), "-w",
            "-o", f"-h 127.0.0.1 -p {port} -k {data} -F", "start")
        yield f"postgresql+psycopg://auditor@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*as_owner, str(bin_dir / "pg_ctl"), "-D", str(data / "db"), "-m",
                        "fast", "stop"], capture_output=True, timeout=60)
        shutil.rmtree(data, ignore_errors=True)
