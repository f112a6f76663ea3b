"""Start the system Chromium with the flags that keep it quiet and off the network."""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from weakref import WeakKeyDictionary

from playwright.sync_api import Browser, Error, sync_playwright

from auditor.errors import BrowserMissing
from auditor.gather.signals import stops_where_the_walk_waits

# The binary itself before Debian's /usr/bin/chromium, a shell script that spawns a few
# programs and adds flags we do not want (~70 ms a start here).
KNOWN_PATHS = (
    "/usr/lib/chromium/chromium",
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
)
# Chromium's headless shell: the same Blink and V8 without the browser's windowing layer, and
# what Playwright itself runs for headless Chromium. Measured here against the full browser:
# launch 140 ms instead of 330, first tab 140 instead of 390, close 80 instead of 150-230.
HEADLESS_SHELL_PATHS = (
    "/usr/lib/chromium/chromium-headless-shell",
    "/usr/bin/chromium-headless-shell",
)

# Why each flag: see ENVIRONMENT.md. The proxy points at a closed port so that any request
# leaving loopback fails fast; Chromium bypasses proxies for loopback by itself. The browser
# does not say it is automated (navigator.webdriver stays false, as in a person's browser):
# consent libraries and analytics hide from browsers that do, and the personas must meet
# what people meet (RunOptions.announce_automation says it again, per context).
CHROMIUM_ARGS = [
    "--disable-blink-features=AutomationControlled",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--proxy-server=http://127.0.0.1:9",
]

INSTALL_HINT = (
    "install one with 'apt-get install chromium' (Debian/Ubuntu, as root) "
    "or point AUDITOR_CHROMIUM at a Chromium or Chrome binary"
)


def find_chromium(headless_shell: bool = False) -> str:
    """The browser to drive: $AUDITOR_CHROMIUM, then (for headless audits) the system's
    headless shell, then the usual system paths of the full browser."""
    configured = os.environ.get("AUDITOR_CHROMIUM")
    if configured:
        if Path(configured).is_file() and os.access(configured, os.X_OK):
            return configured
        raise BrowserMissing(f"AUDITOR_CHROMIUM={configured} is not an executable file; "
                             + INSTALL_HINT)
    kinds = [(KNOWN_PATHS, ("chromium", "google-chrome"))]
    if headless_shell:
        kinds.insert(0, (HEADLESS_SHELL_PATHS, ("chromium-headless-shell",)))
    for paths, commands in kinds:
        if found := _first_executable(paths, commands):
            return found
    raise BrowserMissing("no Chromium found; " + INSTALL_HINT)


def _first_executable(paths: tuple[str, ...], commands: tuple[str, ...]) -> str | None:
    """The first of `paths` that can be run, else the first of `commands` on PATH."""
    for path in paths:
        if Path(path).is_file() and os.access(path, os.X_OK):
            return path
    return next(filter(None, map(shutil.which, commands)), None)


def cache_node_code() -> None:
    """Let Node keep the Playwright driver's compiled code between runs, so each start of the
    driver is quicker (NODE_COMPILE_CACHE, a standard Node setting; a user's own value wins,
    and Node carries on uncached when the folder cannot be written)."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    os.environ.setdefault("NODE_COMPILE_CACHE", str(base / "journey-auditor" / "node"))


_PROGRAMS: WeakKeyDictionary[Browser, str] = WeakKeyDictionary()  # browser → its binary


@contextmanager
def open_browser(headless: bool = True, endpoint: str | None = None) -> Iterator[Browser]:
    """Start Playwright and the system Chromium, or connect to a Playwright browser server
    at `endpoint` (ws://...); a browser missing or out of reach is exit code 3."""
    executable = None if endpoint else find_chromium(headless_shell=headless)
    cache_node_code()
    with sync_playwright() as playwright:
        try:
            if endpoint:  # our flags apply where the server allows them (--unsafe)
                browser = playwright.chromium.connect(endpoint, timeout=15_000, headers={
                    "x-playwright-launch-options": json.dumps({"args": CHROMIUM_ARGS})})
            else:
                browser = playwright.chromium.launch(
                    executable_path=executable, args=CHROMIUM_ARGS, headless=headless
                )
        except Error as exc:
            raise BrowserMissing(_why_not_started(exc, executable, endpoint)) from None
        _PROGRAMS[browser] = f"remote Chromium at {endpoint}," if endpoint else Path(
            executable).name
        try:
            with stops_where_the_walk_waits(browser):
                yield browser
        finally:
            browser.close()


def _why_not_started(exc: Error, executable: str | None, endpoint: str | None) -> str:
    """In one line: why the browser could not be started or reached."""
    message = str(exc)
    if endpoint and "version mismatch" in message:
        server = re.search(r"server version: v?([\d.]+)", message)
        return (f"the browser server at {endpoint} runs Playwright "
                f"{server[1] if server else 'of another version'}, this auditor "
                f"{_playwright_version()}: run a server of the same minor version")
    first = next((line.strip(" ╔═╗║╚╝") for line in message.splitlines()
                  if line.strip(" ╔═╗║╚╝")), message)
    if endpoint:
        return f"cannot reach the browser server at {endpoint}: {first}"
    return f"cannot start Chromium at {executable}: {first}"


def _playwright_version() -> str:
    from importlib.metadata import version

    return version("playwright")


def remote_note() -> str | None:
    """What a report says of waits measured through a browser elsewhere, if it is."""
    grid = os.environ.get("SELENIUM_REMOTE_URL")
    return (f"Chromium ran on the Selenium Grid at {grid} (SELENIUM_REMOTE_URL): waits "
            "include the network between that machine and the store") if grid else None


def browser_label(browser: Browser) -> str:
    """Which browser measured, as a report names it: its program and version."""
    return f"{_PROGRAMS.get(browser, 'Chromium')} {browser.version}"


def person_user_agent(browser: Browser) -> str:
    """The user agent of a person's desktop Chrome of this version: headless Chromium's own
    says "HeadlessChrome", which consent libraries and analytics read as a bot."""
    return (f"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            f"Chrome/{browser.version} Safari/537.36")
