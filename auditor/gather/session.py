"""A persona's browser context: device, network and CPU, typing speed, crash recovery.

Each step is measured by a Step (step.py) and ends with the persona's look (look.py).
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Error, Locator
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from auditor.access import OPEN, Access
from auditor.actions import expectations, touchpoint
from auditor.gather import script
from auditor.gather.browser import person_user_agent
from auditor.gather.failures import (
    Lost,
    NotOffered,
    StepFailed,
    first_line,
    friendly,
    unreachable,
)
from auditor.gather.filmstrip import Screencast
from auditor.gather.keyboard import reach_field
from auditor.gather.look import look
from auditor.gather.lookahead import LookAhead
from auditor.gather.secrets import Redactor
from auditor.gather.step import Step
from auditor.gather.traffic import Traffic, listen
from auditor.gather.vocabulary import ASIDE
from auditor.model import Persona, StepEvidence, StepSpec

DEVTOOLS_TIMEOUT_MS = 5000  # a DevTools command to the tab, unanswered if its renderer died


class PersonaSession:
    """A browser context dressed as one persona: device, network, CPU, typing speed."""

    def __init__(self, browser: Browser, persona: Persona, *, out_dir: Path | None,
                 step_timeout_ms: float = 30_000, typing_scale: float = 1.0,
                 dwell_ms: float = 300, slug: str = "", filmstrip: bool = True,
                 access: Access = OPEN, site: str = "", announce_automation: bool = False,
                 axe_source: str | None = None) -> None:
        self.persona = persona
        self.out_dir = out_dir
        self.step_timeout_ms = step_timeout_ms
        self.typing_scale = typing_scale
        self.dwell_ms = dwell_ms
        self.slug = slug or persona.id
        self.tell: Callable[[str], None] = lambda _what: None  # what she is doing, in words
        self.redact = Redactor()
        for secret in access.secrets():
            self.redact.add(secret)
        self.secret_fields: list[tuple[int, Locator]] = []  # (document number, field)
        self.site_host = ""
        self.traffic = Traffic()
        self.last_reading = (-1, 0.0)  # (document number, performance.now()) of the last metrics
        self.axe_source = axe_source  # axe-core's script, checked on each page (None: off)
        self.current_step: Step | None = None  # the step being walked, for keyboard presses
        self.last_axe: tuple[Any, list] = (None, [])  # the page state it last checked, found
        d = persona.device
        agent = d.user_agent or (None if announce_automation else person_user_agent(browser))
        self.context = browser.new_context(
            viewport={"width": d.width, "height": d.height}, device_scale_factor=d.scale,
            is_mobile=d.mobile, has_touch=d.touch, locale="en-US",
            user_agent=agent,
            **access.context_options(site),
        )
        if announce_automation:
            self.context.add_init_script(script("announce_automation.js"))
        self.context.set_default_timeout(step_timeout_ms)
        self.context.set_default_navigation_timeout(step_timeout_ms)
        self.context.add_init_script(script("observers.js"))
        self.page = self.context.new_page()
        self._throttle()
        self.screencast = Screencast(self._cdp) if filmstrip and out_dir else None
        listen(self.page, self.traffic, self.redact)

    def close(self) -> None:
        with suppress(Error):
            self.context.close()

    def _throttle(self) -> None:
        """Network conditions for the whole visit; the CPU slowdown only while the persona acts."""
        net = self.persona.network
        self._cdp = self.context.new_cdp_session(self.page)
        self._cpu_slow = False
        if net.latency_ms or net.download_kbps:
            self._cdp.send("Network.enable")
            self._cdp.send("Network.emulateNetworkConditions", {
                "offline": False, "latency": net.latency_ms,
                "downloadThroughput": net.download_kbps * 1000 / 8 if net.download_kbps else -1,
                "uploadThroughput": net.upload_kbps * 1000 / 8 if net.upload_kbps else -1,
            })

    @contextmanager
    def persona_cpu(self) -> Iterator[None]:
        """The persona's slow CPU while the page works for them (actions, typing, reading).

        Our own reading of the page (metrics, facts, screenshots) runs at full speed, so the
        auditor's work never inflates what the persona is measured to wait.
        """
        rate = self.persona.cpu_slowdown
        if rate <= 1 or self._cpu_slow:
            yield
            return
        if self._send("Emulation.setCPUThrottlingRate", {"rate": rate}):
            self._cpu_slow = True
        try:
            yield
        finally:
            self._full_speed()

    def _full_speed(self) -> None:
        """Switch the slowdown off without waiting for Chromium's answer: whatever the auditor
        sends next goes after it, and at worst runs a little slower (one round trip saved,
        twice a step). An error, a crashed tab's for one, is read and dropped."""
        if not self._cpu_slow:
            return
        self._cpu_slow = False
        if self.traffic.crashed:
            return
        impl = self._cdp._impl_obj
        sent = impl._loop.create_task(
            impl.send("Emulation.setCPUThrottlingRate", {"rate": 1}, DEVTOOLS_TIMEOUT_MS))
        sent.add_done_callback(lambda task: task.cancelled() or task.exception())

    def _send(self, method: str, params: dict[str, Any] | None = None) -> bool:
        """A DevTools command to the tab; whether it was carried out. Chromium keeps a command
        for a renderer that has just died until a new one comes, which may be never: hence
        the time limit (a command takes a few ms)."""
        if self.traffic.crashed:
            return False
        try:
            self._cdp.send(method, params, timeout=DEVTOOLS_TIMEOUT_MS)
        except Error:
            return False
        return True

    @contextmanager
    def step(self, index: int, spec: StepSpec, name: str | None = None,
             ahead: LookAhead | None = None) -> Iterator[Step]:
        """Measure one step; whatever goes wrong inside becomes a failed step, never a crash.
        `ahead`: the next step's first read, made during the persona's look at the page.

        with session.step(3, spec) as step:
            step.act(lambda: page.keyboard.press("Enter"))
        """
        moment, expected = expectations(spec)
        evidence = StepEvidence(index, name or spec.name, spec.stage, spec.action,
                                moment=moment, expected=expected,
                                touchpoint=touchpoint(spec.action))
        step = Step(self, evidence, ahead)
        self.current_step = step
        step.begin()
        try:
            yield step
        except NotOffered as exc:  # the store's lack, not the auditor's failure
            evidence.status, evidence.not_offered = "not-offered", exc.finding
            evidence.error = str(exc)
        except StepFailed as exc:  # the tab's crash can make what was looked for missing
            crashed = self.crashed()
            step.fail(f"the browser tab crashed ({exc})" if crashed else str(exc))
            evidence.lost = isinstance(exc, Lost) and not crashed
        except PlaywrightTimeout as exc:
            step.fail(f"timed out after {self.step_timeout_ms / 1000:g} s: {first_line(exc)}")
            self.stop_loading()
        except Error as exc:
            if self.crashed():
                step.fail(f"the browser tab crashed ({first_line(exc)})")
            else:
                step.fail(friendly(exc))
                step.evidence.unreachable = unreachable(exc)
        except Exception as exc:  # a bug in an action must not lose the rest of the journey
            step.fail(f"internal error in action '{spec.action}': {exc!r}")
            step.evidence.traceback = traceback.format_exc(limit=3)
        look(step)
        evidence.wait_ms = round(evidence.wait_ms)  # as results.json keeps it
        looked = 0 if self.traffic.crashed else self.dwell_ms
        answering = evidence.consent.answered_ms if evidence.consent else 0
        evidence.duration_ms = round(evidence.wait_ms + evidence.typing_ms + looked + answering)

    def type_keys(self, locator: Locator, text: str, secret: bool = False) -> float:
        """Clear the field and type like the persona types; returns their typing time in ms
        (a keyboard user's presses to reach the field included)."""
        if secret:
            self.redact.add(text)
            self.secret_fields.append((self.traffic.loads, locator))
        per_key, presses = self.persona.typing_ms_per_key, 0
        if self.persona.keyboard_only:  # Tab to the field first: fill() only types into it
            presses = reach_field(self, locator)
        if per_key * self.typing_scale <= 0 and text:
            self._type_at_once(locator, text)
        else:
            locator.fill("")  # focuses the field too
            with self.persona_cpu():
                self._type_paced(text, per_key * self.typing_scale)
        return per_key * (len(text) + presses)

    def _type_at_once(self, locator: Locator, text: str) -> None:
        """--fast-typing: all but the last key land as one input, then the last key is really
        pressed, so the page's key and input handlers still run. Typing time is not measured
        here (it is the persona's speed times the keys), so no CPU slowdown either."""
        locator.fill(text[:-1])
        self.page.keyboard.type(text[-1])

    def _type_paced(self, text: str, per_key: float) -> None:
        """One key every `per_key` ms by the clock: the browser's own time to take each key
        falls inside the persona's interval instead of being added to it."""
        keyboard, started = self.page.keyboard, time.monotonic()
        for n, key in enumerate(text):
            due = (started + n * per_key / 1000 - time.monotonic()) * 1000
            if due > 1:
                self.page.wait_for_timeout(due)
            keyboard.type(key)

    def crashed(self) -> bool:
        """Whether the tab's renderer is gone (the crash event can lag behind the error)."""
        if not self.traffic.crashed:
            try:
                self.page.evaluate(script("now.js"))
            except Error as exc:
                self.traffic.crashed = "crash" in str(exc).lower()
        return self.traffic.crashed

    def reopen_if_crashed(self) -> None:
        """A new tab in the same context after a crash, so the journey can go on."""
        if not self.traffic.crashed:
            return
        with suppress(Error):
            self.page.close()
        self.page = self.context.new_page()
        self.traffic = Traffic()
        self.last_reading = (-1, 0.0)
        self._throttle()
        if self.screencast:
            self.screencast = Screencast(self._cdp)
        listen(self.page, self.traffic, self.redact)

    def stop_loading(self) -> None:
        """Abandon a navigation that never ends, as a person gives up on a spinning page."""
        self._send("Page.stopLoading")

    def lost(self) -> bool:
        """True when the tab shows no store at all (unreachable, crashed): nothing to walk on."""
        url = self.page.url
        return self.traffic.crashed or url == "about:blank" or url.startswith("chrome-error:")

    def fields(self) -> list[dict[str, Any]]:
        """Every form control in the page and its frames (card fields often live in one)."""
        found: list[dict[str, Any]] = []
        for n, frame in enumerate(self.page.frames):
            try:
                controls = frame.evaluate(script("fields.js"), {"prefix": f"{n}-", "aside": ASIDE})
            except Error:
                continue  # a frame that navigated away or is cross-origin and gone
            found += [{**c, "frame": n} for c in controls]
        return found
