"""Find the system Chromium and the flags that keep it quiet and off the network."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from auditor.errors import BrowserMissing

KNOWN_PATHS = (
    "/usr/bin/chromium",
    "/usr/lib/chromium/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
)

# Why each flag: see ENVIRONMENT.md. The proxy points at a closed port so that any request
# leaving loopback fails fast; Chromium bypasses proxies for loopback by itself.
CHROMIUM_ARGS = [
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


def find_chromium() -> str:
    """The browser to drive: $AUDITOR_CHROMIUM, then the usual system paths."""
    configured = os.environ.get("AUDITOR_CHROMIUM")
    if configured:
        if Path(configured).is_file() and os.access(configured, os.X_OK):
            return configured
        raise BrowserMissing(f"AUDITOR_CHROMIUM={configured} is not an executable file; "
                             + INSTALL_HINT)
    for path in KNOWN_PATHS:
        if Path(path).is_file() and os.access(path, os.X_OK):
            return path
    found = shutil.which("chromium") or shutil.which("google-chrome")
    if found:
        return found
    raise BrowserMissing("no Chromium found; " + INSTALL_HINT)


def cache_node_code() -> None:
    """Let Node keep the Playwright driver's compiled code between runs, so each start of the
    driver is quicker (NODE_COMPILE_CACHE, a standard Node setting; a user's own value wins,
    and Node carries on uncached when the folder cannot be written)."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    os.environ.setdefault("NODE_COMPILE_CACHE", str(base / "journey-auditor" / "node"))
