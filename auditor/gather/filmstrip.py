"""What the persona saw while she waited: the browser's screencast during each measured
action, kept only for a wait longer than she finds fine, so a reader sees a blank page for
3 s instead of reading "3,120 ms".

Chromium sends a frame whenever the screen changes; each is acknowledged at once without
waiting for the answer, so the page never waits on the auditor. A wait whose page held a
secret she typed (a card number before "Place order") keeps no frames at all: a screencast
frame cannot be masked field by field as a screenshot is.
"""

from __future__ import annotations

import base64
import time
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any

from playwright.sync_api import CDPSession, Error

FRAME_WIDTH = 360  # px: a thumbnail on the map, sharp enough to tell blank from content
QUALITY = 50  # JPEG
POINTS = 6  # moments of the wait shown: its start, its end and evenly between
# A page is ready at its load event, often just before its first paint is on screen: the
# last moment shows what is painted within this long after, waited for off the clock.
LAST_PAINT_MS = 500


class Screencast:
    """Frames of one action's screen, in the browser's own timestamps (epoch ms)."""

    def __init__(self, cdp: CDPSession) -> None:
        self._cdp = cdp
        self.frames: list[tuple[float, str]] = []
        self._on = False
        cdp.on("Page.screencastFrame", self._frame)

    def start(self) -> None:
        self.frames = []
        try:
            self._cdp.send("Page.startScreencast", {
                "format": "jpeg", "quality": QUALITY, "maxWidth": FRAME_WIDTH,
                "maxHeight": FRAME_WIDTH * 2, "everyNthFrame": 1})
            self._on = True
        except Error:
            self._on = False

    def stop(self, painted_after: float | None = None,
             wait: Callable[[float], None] | None = None) -> list[tuple[float, str]]:
        """The frames; with `painted_after` (epoch ms), first up to LAST_PAINT_MS for a frame
        painted after then, sleeping with `wait(ms)`."""
        deadline = time.time() * 1000 + LAST_PAINT_MS
        while (self._on and painted_after is not None and wait and time.time() * 1000 < deadline
               and not any(t >= painted_after for t, _ in self.frames)):
            wait(50)
        if self._on:
            self._on = False
            with suppress(Error):
                self._cdp.send("Page.stopScreencast")
        return self.frames

    def _frame(self, event: dict[str, Any]) -> None:
        if self._on:
            self.frames.append((event["metadata"]["timestamp"] * 1000, event["data"]))
        impl = self._cdp._impl_obj  # acknowledged without waiting: the next frame may come
        sent = impl._loop.create_task(
            impl.send("Page.screencastFrameAck", {"sessionId": event["sessionId"]}, 2000))
        sent.add_done_callback(lambda task: task.cancelled() or task.exception())


def moments(frames: list[tuple[float, str]], start: float, end: float
            ) -> list[tuple[float, str]]:
    """The screen at POINTS moments of the wait from `start` to `end` (epoch ms): at each,
    the last frame painted by then, as (ms into the wait, frame); a moment that shows the
    same frame as the one before is left out."""
    shown: list[tuple[float, str]] = []
    for k in range(POINTS):
        at = start + (end - start) * k / (POINTS - 1)
        by = at + (LAST_PAINT_MS if k == POINTS - 1 else 0)
        painted = [data for t, data in frames if t <= by]
        if painted and (not shown or shown[-1][1] is not painted[-1]):
            shown.append((at - start, painted[-1]))
    return shown


def save(shown: list[tuple[float, str]], out_dir: Path, stem: str) -> list[dict[str, Any]]:
    """Write the frames beside the screenshots; their place in the report and their time."""
    folder = out_dir / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    kept = []
    for n, (at_ms, data) in enumerate(shown):
        rel = f"screenshots/{stem}-wait-{n}.jpg"
        (out_dir / rel).write_bytes(base64.b64decode(data))
        kept.append({"at_ms": round(at_ms), "path": rel})
    return kept
