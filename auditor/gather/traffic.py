"""What the page did during a step: requests in flight, errors, dialogs, loads, a crash.

Kept from the browser's own events, so a step knows when the page is ready without running
code in it.
"""

from __future__ import annotations

import time
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Any

from playwright.sync_api import Error, Page

from auditor.gather.secrets import Redactor


@dataclass
class Traffic:
    """Network and console activity seen by the page, reset at each step."""

    inflight: dict[Any, float] = field(default_factory=dict)
    last_end: float = 0.0
    last_activity: float = 0.0  # epoch ms a request last started or ended (never reset)
    requests: int = 0
    http_errors: list[dict[str, Any]] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    document_status: int | None = None
    document_url: str = ""
    crashed: bool = False
    loads: int = 0  # main-frame documents that have fired their load event
    navigating: bool = False  # a main-frame document request is on its way

    def begin_step(self) -> None:
        """Forget the last step's requests, errors and dialogs; in-flight requests stay."""
        self.requests, self.http_errors, self.failed = 0, [], []
        self.console_errors, self.dialogs, self.document_status = [], [], None


def listen(page: Page, t: Traffic, redact: Redactor) -> None:
    """Keep `t` up to date from the page's own events, every value redacted."""

    def document(request: Any) -> bool:
        return request.is_navigation_request() and request.frame == page.main_frame

    def started(request: Any) -> None:
        t.inflight[request] = t.last_activity = time.time() * 1000
        t.requests += 1
        if document(request):
            t.document_url = request.url
            t.navigating = True

    def ended(request: Any) -> None:
        started_at = t.inflight.pop(request, None)
        timing = request.timing
        end = timing["startTime"] + timing["responseEnd"] if timing["responseEnd"] > 0 else 0
        t.last_end = max(t.last_end, end or (time.time() * 1000 if started_at else 0))
        t.last_activity = time.time() * 1000

    def finished(request: Any) -> None:
        ended(request)
        if document(request) and t.document_status in (204, 205):
            t.navigating = False  # no content: the browser stays on the page it had

    def loaded(_page: Any) -> None:
        t.loads += 1
        t.navigating = False

    def failed(request: Any) -> None:
        ended(request)
        reason = request.failure or "failed"
        if "ERR_ABORTED" in reason:
            if document(request):
                t.navigating = False  # cancelled; any other failure brings an error page
        else:
            t.failed.append(f"{redact(request.url)}: {reason}")

    def responded(response: Any) -> None:
        request = response.request
        if request.is_navigation_request() and request.frame == page.main_frame:
            t.document_status = response.status
        if response.status >= 400:
            t.http_errors.append({
                "url": redact(response.url), "status": response.status,
                "document": request.is_navigation_request(),
                "type": request.resource_type,
            })

    def console(message: Any) -> None:
        # "Failed to load resource" repeats an HTTP error already recorded with its URL.
        if message.type == "error" and not message.text.startswith("Failed to load"):
            t.console_errors.append(redact(message.text)[:300])

    def dialog(d: Any) -> None:
        t.dialogs.append(f"{d.type}: {redact(d.message)[:200]}")
        with suppress(Error):
            d.dismiss()

    page.on("request", started)
    page.on("requestfinished", finished)
    page.on("load", loaded)
    page.on("download", lambda _download: setattr(t, "navigating", False))
    page.on("requestfailed", failed)
    page.on("response", responded)
    page.on("console", console)
    page.on("pageerror", lambda exc: t.console_errors.append(
        redact(f"uncaught {exc.name}: {exc.message}")[:300]))
    page.on("dialog", dialog)
    page.on("crash", lambda _page: setattr(t, "crashed", True))
