"""The step clock: from the persona's action to the page being ready, as a person lives it.

The clock starts at the action (click, Enter, address typed) and stops when the page is
ready: the new document's load event, or, for in-page updates, the end of the last network
response once the page has gone quiet.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from playwright.sync_api import Error
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from auditor.gather import filmstrip, script
from auditor.gather.failures import StepFailed
from auditor.gather.secrets import SECRET_SELECTOR
from auditor.model import StepEvidence

if TYPE_CHECKING:
    from auditor.gather.lookahead import LookAhead
    from auditor.gather.session import PersonaSession

QUIET_MS = 150  # an in-page update is over after this long without network activity
LONG_POLL_MS = 5000  # requests older than this (long polls, streams) do not hold a step open


class Step:
    """The evidence of one step being gathered; actions call act() around what the user does."""

    def __init__(self, session: PersonaSession, evidence: StepEvidence,
                 ahead: LookAhead | None = None) -> None:
        self.session = session
        self.page = session.page
        self.evidence = evidence
        self.ahead = ahead
        self.since = 0.0  # the page's clock (performance.now) when this step's metrics start
        self.hard_navigation = False
        self.soft_navigation = False
        self.filmed_ms = 0.0  # the wait whose filmstrip the step keeps

    def begin(self) -> None:
        t = self.session.traffic
        t.begin_step()
        loads, now = self.session.last_reading
        if loads == t.loads:  # same document as the last reading: go on from its time
            self.since = now
            return
        try:
            self.since = self.page.evaluate(script("now.js"))
        except Error:
            self.since = 0.0

    def act(self, action: Callable[[], Any]) -> Any:
        """Run a user action and wait like the persona: from the action to the page being ready."""
        start_url = self.page.url
        t = self.session.traffic
        cast = self.session.screencast
        secret_typed = any(n == t.loads for n, _ in self.session.secret_fields)
        if cast:
            cast.start()
        t0 = time.time() * 1000
        try:
            with self.session.persona_cpu():
                t.last_end, loads = 0.0, t.loads
                result = action()
                acted = time.time() * 1000  # a busy page may take long to take a click
                end = self._settle(t0, loads, acted)
            while (load_end := self._moved_on(loads)) is None:  # read at full speed: our call
                with self.session.persona_cpu():
                    end = self._settle(t0, loads, acted)
            if t.loads > loads:
                end = self._loaded_at(end, load_end)
            self._film(t0, end, secret_typed)
        except PlaywrightTimeout as exc:  # she waited all that time, and gave up
            self.evidence.wait_ms += time.time() * 1000 - t0
            self._film(t0, time.time() * 1000, secret_typed)
            if str(exc).startswith("the page never"):  # _settle's own words
                raise
            raise PlaywrightTimeout(self._still_loading(list(t.inflight))) from exc
        finally:
            if cast:
                cast.stop()
        # A browser error page may report no load event: it is a new document all the same.
        error_page = self.page.url.startswith("chrome-error:") and self.page.url != start_url
        navigated = t.loads > loads or error_page
        self.evidence.wait_ms += max(0.0, end - t0)
        if navigated:
            self.hard_navigation = True
            self.since = 0.0
            self._check_document()
        elif self.page.url != start_url:
            self.soft_navigation = True
        return result

    def _film(self, t0: float, end: float, secret_typed: bool) -> None:
        """Keep what she saw during a wait longer than she finds fine (the longest of the
        step's), unless the page held a secret she typed."""
        s = self.session
        if (not s.screencast or s.out_dir is None or end - t0 <= s.persona.patience_fine_ms
                or end - t0 <= self.filmed_ms or secret_typed or self._secret_shown()):
            return
        self.filmed_ms = end - t0
        frames = s.screencast.stop(painted_after=end, wait=self.page.wait_for_timeout)
        shown = filmstrip.moments(frames, t0, end)
        self.evidence.filmstrip = filmstrip.save(
            shown, s.out_dir, f"{s.slug}-{self.evidence.index:02d}")

    def _secret_shown(self) -> bool:
        """Whether the page now shows a secret field with something in it, or a card frame.
        A page still loading shows the one before it, which `secret_typed` already covers."""
        if self.session.traffic.navigating:
            return False
        try:
            return self.page.evaluate(script("secret_shown.js"), SECRET_SELECTOR)
        except Error:
            return True

    def _check_document(self) -> None:
        """A navigation that ends on an error page, or off the store, fails the step."""
        t, redact = self.session.traffic, self.session.redact
        host = urlparse(t.document_url).hostname or ""
        off_site = bool(self.session.site_host and host and host != self.session.site_host)
        if off_site and self.page.url.startswith("chrome-error:"):
            raise StepFailed(f"the page sent the persona off the store to {host}, "
                             "which could not be loaded")
        if off_site:
            self.evidence.off_site = host
        if t.document_status and t.document_status >= 400:
            raise StepFailed(f"the store answered HTTP {t.document_status} "
                             f"for {redact(t.document_url)}")

    def _settle(self, t0: float, loads: int, acted: float) -> float:
        """Wait, on the browser's own events, until the page is ready; return epoch ms of then.

        Ready is a new document's load event with no request in flight, or, when no document
        came, 150 ms without network activity since the action was carried out (`acted`: a
        click on a busy page is delivered late, and its requests start after). Nothing runs
        in the page meanwhile, so the auditor never takes the persona's CPU while it works.
        """
        t = self.session.traffic
        deadline = t0 + self.session.step_timeout_ms
        while True:
            now = time.time() * 1000
            if t.crashed:
                raise StepFailed("the browser tab crashed")
            busy = self._busy(now)
            quiet_for = now - max(acted, t.last_end)
            if not busy and not t.navigating:
                if t.loads > loads:
                    return t.last_end
                if quiet_for >= QUIET_MS:
                    return max(t0, t.last_end)
            if now > deadline:
                raise PlaywrightTimeout(self._still_loading(list(t.inflight)))
            if t.navigating:
                self._wake_on("load", 100)
            elif busy:
                self._wake_on("requestfinished", 25)  # a failed one ends the wait by timeout
            else:
                self._wake_on("request", QUIET_MS - quiet_for)

    def _busy(self, now: float) -> list[Any]:
        """Requests in flight, but for long polls and streams."""
        return [r for r, started in self.session.traffic.inflight.items()
                if now - started < LONG_POLL_MS]

    def _wake_on(self, event: str, timeout_ms: float) -> None:
        """Sleep until the page's next `event` or the timeout, whichever is first: woken by
        the browser itself, so a step is over as soon as it is, not at the next poll."""
        with suppress(PlaywrightTimeout):
            self.page.wait_for_event(event, timeout=max(1.0, timeout_ms))

    def _still_loading(self, pending: list[Any]) -> str:
        """Why a step never settled, in words: the document that never loaded, and the
        requests still pending, by host and kind (a script or stylesheet holds the page's
        rendering back)."""
        redact, t = self.session.redact, self.session.traffic
        named = [f"{urlparse(r.url).hostname or r.url[:40]} ({r.resource_type})"
                 for r in pending[:3]]
        waiting = (f": still waiting for {len(pending)} request(s): {', '.join(named)}"
                   if pending else "")
        if any(r.resource_type in ("script", "stylesheet") for r in pending):
            waiting += "; a script or stylesheet still loading holds the page back"
        if t.navigating:
            return f"the page never finished loading {redact(t.document_url)}{waiting}"
        return f"the page never went quiet on {redact(self.page.url)}{waiting}"

    def _moved_on(self, before: int) -> float | bool | None:
        """None when the page went on just as it seemed ready: a script redirect, or, where
        no new document came (`before`: the load count before the action), a request that a
        busy renderer made late, after a click or a fetch's reply. A call into the page
        (there, answered after its next frame) waits until such a navigation has begun.
        Else the document's load end in epoch ms, read by that same call (False if not yet).
        After a new document's load event, later requests (its icon, beacons) are not hers."""
        t = self.session.traffic
        loads, last_end, same_document = t.loads, t.last_end, t.loads == before
        load_end: float | bool = False  # only a new document's is read: none came otherwise
        with suppress(Error):
            if same_document:
                self.page.evaluate(script("after_a_frame.js"))
            else:
                load_end = self.page.evaluate(script("load_event_end.js")) or False
        late = same_document and (t.last_end != last_end or self._busy(time.time() * 1000))
        return None if t.loads != loads or t.navigating or late else load_end

    def _loaded_at(self, last_end: float, load_end: float | bool) -> float:
        """Epoch ms when the new document's load event ended (or its last response, if later).

        loadEventEnd is written just after the load event is reported: awaited if not yet."""
        if not load_end:
            try:
                load_end = self.page.wait_for_function(
                    script("load_event_end.js"), timeout=1000).json_value()
            except Error:
                return last_end or time.time() * 1000
        return max(load_end, last_end)

    def fail(self, message: str) -> None:
        self.evidence.status = "failed"
        self.evidence.error = self.session.redact(message)
