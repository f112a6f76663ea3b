"""The only module that drives Playwright: one browser, a context per persona, measured steps.

A step is measured the way a person lives it: the clock starts at the action (click, Enter,
address typed) and stops when the page is ready: the new document's load event, or, for
in-page updates, the end of the last network response once the page has gone quiet.
"""

from __future__ import annotations

import asyncio
import re
import signal
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse
from weakref import WeakKeyDictionary

from greenlet import greenlet
from playwright._impl._greenlets import wait_for_future
from playwright.sync_api import Browser, Error, Locator, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from auditor.browser import CHROMIUM_ARGS, cache_node_code, find_chromium
from auditor.errors import BrowserMissing
from auditor.gatherers import script
from auditor.gatherers.heuristics import PATTERNS, read_page, wanted
from auditor.model import Persona, StepEvidence, StepSpec

QUIET_MS = 150  # an in-page update is over after this long without network activity
DEVTOOLS_TIMEOUT_MS = 5000  # a DevTools command to the tab, unanswered if its renderer died
LONG_POLL_MS = 5000  # requests older than this (long polls, streams) do not hold a step open
LOAD_EVENT_END = """() => { const nav = performance.getEntriesByType('navigation')[0];
  return nav && nav.loadEventEnd > 0 ? performance.timeOrigin + nav.loadEventEnd : false; }"""
# Which document this is (its time origin) and its change counts (see observers.js).
CHANGE_COUNTS = """() => window.__auditor
  ? [performance.timeOrigin, __auditor.changes, __auditor.touched] : null"""
MAX_ANALYSED_HTML = 3_000_000  # characters of HTML; bigger pages are measured but not read
SECRET_FIELDS = ("cc-number", "cc-csc", "new-password", "current-password")
# What screenshots cover: secret inputs, and frames that may hold card fields.
SECRET_SELECTOR = ", ".join(
    ['input[type="password"]', *(f'[autocomplete~="{token}"]' for token in SECRET_FIELDS),
     *(f'input[{attr}*="{word}" i]' for attr in ("name", "id")
       for word in ("card", "cvc", "cvv", "csc")),
     'iframe[src*="pay" i]', 'iframe[name*="card" i]', 'iframe[title*="card" i]'])


class StepFailed(Exception):
    """An action could not be carried out; the message says what was looked for and why."""


class Redactor:
    """Removes what a persona typed into secret fields from any text before it is kept."""

    def __init__(self) -> None:
        self._secrets: set[str] = set()

    def add(self, value: str) -> None:
        value = value.strip()
        if len(value) >= 6:
            self._secrets.add(value)
            self._secrets.add(re.sub(r"[\s-]", "", value))

    def __call__(self, text: str | None) -> str | None:
        if not text:
            return text
        for secret in sorted(self._secrets, key=len, reverse=True):
            text = text.replace(secret, "•••")
        return re.sub(r"((?:card|cc|cvc|cvv|csc|pass)[\w-]*=)[^&#\s]*", r"\1•••", text, flags=re.I)


_PROGRAMS: WeakKeyDictionary[Browser, str] = WeakKeyDictionary()  # browser → its binary


@contextmanager
def open_browser(headless: bool = True) -> Iterator[Browser]:
    """Start Playwright and the system Chromium; a missing browser is exit code 3."""
    executable = find_chromium(headless_shell=headless)
    cache_node_code()
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(
                executable_path=executable, args=CHROMIUM_ARGS, headless=headless
            )
        except Error as exc:
            first = str(exc).strip().splitlines()[0]
            raise BrowserMissing(f"cannot start Chromium at {executable}: {first}") from None
        _PROGRAMS[browser] = Path(executable).name
        try:
            with stops_where_the_walk_waits(browser):
                yield browser
        finally:
            browser.close()


def browser_label(browser: Browser) -> str:
    """Which browser measured, as a report names it: its program and version."""
    return f"{_PROGRAMS.get(browser, 'Chromium')} {browser.version}"


@contextmanager
def stops_where_the_walk_waits(browser: Browser) -> Iterator[None]:
    """Ctrl-C and SIGTERM become a KeyboardInterrupt in the walk, raised in the Playwright call
    it is waiting on, from Playwright's event loop, between two messages of the driver.

    Python's own handler raises wherever the signal lands, which can be half-way through
    Playwright's code: a call sent but not yet registered, whose reply then breaks the next
    call, or the loop's reader of the driver's pipe, after which every call waits forever
    (seen: interrupted runs that hung in browser.close() or ended with a traceback). A second
    signal while the walk stops changes nothing.
    """
    loop, walk = browser._impl_obj._loop, greenlet.getcurrent()
    stopping = False

    def interrupt() -> None:
        if not walk.dead:
            walk.throw(KeyboardInterrupt)

    def on_signal(_signum: int, _frame: object) -> None:
        nonlocal stopping
        if not stopping:
            stopping = True
            with suppress(RuntimeError):  # the loop has closed: nothing left to stop
                loop.call_soon_threadsafe(interrupt)

    try:
        previous = {number: signal.signal(number, on_signal)
                    for number in (signal.SIGINT, signal.SIGTERM)}
    except ValueError:  # not the main thread, whose signals are not ours to take
        yield
        return
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler if handler is not None else signal.SIG_DFL)


def side_by_side(browser: Browser, tasks: list[Callable[[], None]]) -> list[BaseException]:
    """Run tasks at once over this thread's one Playwright connection; returns their errors.

    Each task runs in a greenlet of its own on the connection's event loop, the way Playwright
    runs the sync API's event callbacks: while one waits for the browser, the others go on.
    One driver serves them all (a thread each would need a driver each, and a browser server
    between them and the browser: ~2 s more CPU for three personas). This uses Playwright's
    loop, dispatcher and wait (`_impl`), hence the pinned Playwright version.

    A Ctrl-C or SIGTERM is passed on to every task still running, so that each closes its tab
    as a run one after another would, then raised here.
    """
    if not tasks:
        return []
    impl = browser._impl_obj
    loop, dispatcher = impl._loop, impl._dispatcher_fiber
    walkers: list[tuple[greenlet, asyncio.Future[None]]] = []
    all_ended: asyncio.Future[None] = loop.create_future()
    stopping = False

    def ended(_future: asyncio.Future[None]) -> None:
        everyone = len(walkers) == len(tasks) and all(f.done() for _, f in walkers)
        if everyone and not all_ended.done():
            all_ended.set_result(None)

    def start(task: Callable[[], None]) -> None:
        if stopping:
            return
        future: asyncio.Future[None] = loop.create_future()

        def body() -> None:
            try:
                future.set_result(task())
            except Exception as exc:  # handed to the caller with the others
                future.set_exception(exc)

        walker = greenlet(body)  # its parent is the dispatcher, whose loop runs this
        walkers.append((walker, future))
        future.add_done_callback(ended)
        walker.switch()

    for task in tasks:
        loop.call_soon(start, task)
    try:
        wait_for_future(loop, dispatcher, all_ended)
    except KeyboardInterrupt:
        stopping = True
        for walker, _ in walkers:
            if walker and not walker.dead:
                walker.parent = greenlet.getcurrent()  # its end comes back here
                with suppress(KeyboardInterrupt):
                    walker.throw(KeyboardInterrupt)
        raise
    return [f.exception() for _, f in walkers if f.exception()]


@dataclass
class _Traffic:
    """Network and console activity seen by the page, reset at each step."""

    inflight: dict[Any, float] = field(default_factory=dict)
    last_end: float = 0.0
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


class PersonaSession:
    """A browser context dressed as one persona: device, network, CPU, typing speed."""

    def __init__(self, browser: Browser, persona: Persona, *, out_dir: Path | None,
                 step_timeout_ms: float = 30_000, typing_scale: float = 1.0,
                 dwell_ms: float = 300, slug: str = "") -> None:
        self.persona = persona
        self.out_dir = out_dir
        self.step_timeout_ms = step_timeout_ms
        self.typing_scale = typing_scale
        self.dwell_ms = dwell_ms
        self.slug = slug or persona.id
        self.redact = Redactor()
        self.secret_fields: list[tuple[int, Locator]] = []  # (document number, field)
        self.site_host = ""
        self.traffic = _Traffic()
        self.last_reading = (-1, 0.0)  # (document number, performance.now()) of the last metrics
        # The next step's first reads of the page, run during the persona's look at it (see
        # Step.finish); what they found, by read, while the page stays as it was.
        self.foresee: Callable[[], None] | None = None
        self.foreseen: dict[Any, Any] = {}
        d = persona.device
        self.context = browser.new_context(
            viewport={"width": d.width, "height": d.height}, device_scale_factor=d.scale,
            is_mobile=d.mobile, has_touch=d.touch, user_agent=d.user_agent, locale="en-US",
        )
        self.context.set_default_timeout(step_timeout_ms)
        self.context.set_default_navigation_timeout(step_timeout_ms)
        self.context.add_init_script(script("observers.js"))
        self.page = self.context.new_page()
        self._throttle()
        self._listen()

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

    def _listen(self) -> None:
        page, t = self.page, self.traffic

        def document(request: Any) -> bool:
            return request.is_navigation_request() and request.frame == page.main_frame

        def started(request: Any) -> None:
            t.inflight[request] = time.time() * 1000
            t.requests += 1
            if document(request):
                t.document_url = request.url
                t.navigating = True

        def ended(request: Any) -> None:
            started_at = t.inflight.pop(request, None)
            timing = request.timing
            end = timing["startTime"] + timing["responseEnd"] if timing["responseEnd"] > 0 else 0
            t.last_end = max(t.last_end, end or (time.time() * 1000 if started_at else 0))

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
                t.failed.append(f"{self.redact(request.url)}: {reason}")

        def responded(response: Any) -> None:
            request = response.request
            if request.is_navigation_request() and request.frame == page.main_frame:
                t.document_status = response.status
            if response.status >= 400:
                t.http_errors.append({
                    "url": self.redact(response.url), "status": response.status,
                    "document": request.is_navigation_request(),
                    "type": request.resource_type,
                })

        def console(message: Any) -> None:
            # "Failed to load resource" repeats an HTTP error already recorded with its URL.
            if message.type == "error" and not message.text.startswith("Failed to load"):
                t.console_errors.append(self.redact(message.text)[:300])

        def dialog(d: Any) -> None:
            t.dialogs.append(f"{d.type}: {self.redact(d.message)[:200]}")
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
            self.redact(f"uncaught {exc.name}: {exc.message}")[:300]))
        page.on("dialog", dialog)
        page.on("crash", lambda _page: setattr(t, "crashed", True))

    @contextmanager
    def step(self, index: int, spec: StepSpec, name: str | None = None) -> Iterator[Step]:
        """Measure one step; whatever goes wrong inside becomes a failed step, never a crash.

        with session.step(3, spec) as step:
            step.act(lambda: page.keyboard.press("Enter"))
        """
        evidence = StepEvidence(index, name or spec.name, spec.stage, spec.action)
        step = Step(self, evidence)
        step.begin()
        try:
            yield step
        except StepFailed as exc:  # the tab's crash can make what was looked for missing
            step.fail(f"the browser tab crashed ({exc})" if self.crashed() else str(exc))
        except PlaywrightTimeout as exc:
            step.fail(f"timed out after {self.step_timeout_ms / 1000:g} s: {_first_line(exc)}")
            self.stop_loading()
        except Error as exc:
            if self.crashed():
                step.fail(f"the browser tab crashed ({_first_line(exc)})")
            else:
                step.fail(_friendly(exc))
                if any(code in str(exc) for code in UNREACHABLE_CODES):
                    step.evidence.page["unreachable"] = True
        except Exception as exc:  # a bug in an action must not lose the rest of the journey
            step.fail(f"internal error in action '{spec.action}': {exc!r}")
            step.evidence.page["traceback"] = traceback.format_exc(limit=3)
        step.finish()

    def type_keys(self, locator: Locator, text: str, secret: bool = False) -> float:
        """Clear the field and type like the persona types; returns their typing time in ms."""
        if secret:
            self.redact.add(text)
            self.secret_fields.append((self.traffic.loads, locator))
        per_key = self.persona.typing_ms_per_key
        if per_key * self.typing_scale <= 0 and text:
            self._type_at_once(locator, text)
        else:
            locator.fill("")  # focuses the field too
            with self.persona_cpu():
                self._type_paced(text, per_key * self.typing_scale)
        return per_key * len(text)

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
                self.page.evaluate("1")
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
        self.traffic = _Traffic()
        self.last_reading = (-1, 0.0)
        self.foreseen.clear()
        self._throttle()
        self._listen()

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
                controls = frame.evaluate(script("fields.js"), f"{n}-")
            except Error:
                continue  # a frame that navigated away or is cross-origin and gone
            found += [{**c, "frame": n} for c in controls]
        return found


class Step:
    """The evidence of one step being gathered; actions call act() around what the user does."""

    def __init__(self, session: PersonaSession, evidence: StepEvidence) -> None:
        self.session = session
        self.page = session.page
        self.evidence = evidence
        self._since = 0.0
        self._hard_navigation = False
        self._soft_navigation = False

    def begin(self) -> None:
        t = self.session.traffic
        t.requests, t.http_errors, t.failed = 0, [], []
        t.console_errors, t.dialogs, t.document_status = [], [], None
        loads, now = self.session.last_reading
        if loads == t.loads:  # same document as the last reading: go on from its time
            self._since = now
            return
        try:
            self._since = self.page.evaluate("performance.now()")
        except Error:
            self._since = 0.0

    def act(self, action: Callable[[], Any]) -> Any:
        """Run a user action and wait like the persona: from the action to the page being ready."""
        start_url = self.page.url
        t = self.session.traffic
        with self.session.persona_cpu():
            t0 = time.time() * 1000
            t.last_end, loads = 0.0, t.loads
            result = action()
            end = self._settle(t0, loads)
        while (load_end := self._moved_on()) is None:  # read at full speed: our call
            with self.session.persona_cpu():
                end = self._settle(t0, loads)
        # A browser error page may report no load event: it is a new document all the same.
        error_page = self.page.url.startswith("chrome-error:") and self.page.url != start_url
        navigated = t.loads > loads or error_page
        if t.loads > loads:
            end = self._loaded_at(end, load_end)
        self.evidence.wait_ms += max(0.0, end - t0)
        if navigated:
            self._hard_navigation = True
            self._since = 0.0
            self._check_document()
        elif self.page.url != start_url:
            self._soft_navigation = True
        return result

    def _check_document(self) -> None:
        """A navigation that ends on an error page, or off the store, fails the step."""
        t, redact = self.session.traffic, self.session.redact
        host = urlparse(t.document_url).hostname or ""
        off_site = bool(self.session.site_host and host and host != self.session.site_host)
        if off_site and self.page.url.startswith("chrome-error:"):
            raise StepFailed(f"the page sent the persona off the store to {host}, "
                             "which could not be loaded")
        if off_site:
            self.evidence.page["off_site"] = host
        if t.document_status and t.document_status >= 400:
            raise StepFailed(f"the store answered HTTP {t.document_status} "
                             f"for {redact(t.document_url)}")

    def _settle(self, t0: float, loads: int) -> float:
        """Wait, on the browser's own events, until the page is ready; return epoch ms of then.

        Ready is a new document's load event with no request in flight, or, when no document
        came, 150 ms without network activity. Nothing runs in the page meanwhile, so the
        auditor never takes the persona's CPU while the page is working.
        """
        t = self.session.traffic
        deadline = t0 + self.session.step_timeout_ms
        while True:
            now = time.time() * 1000
            if t.crashed:
                raise StepFailed("the browser tab crashed")
            busy = [r for r, started in t.inflight.items() if now - started < LONG_POLL_MS]
            quiet_for = now - max(t0, t.last_end)
            if not busy and not t.navigating:
                if t.loads > loads:
                    return t.last_end
                if quiet_for >= QUIET_MS:
                    return max(t0, t.last_end)
            if now > deadline:
                raise PlaywrightTimeout(self._still_loading(busy))
            if t.navigating:
                self._wake_on("load", 100)
            elif busy:
                self._wake_on("requestfinished", 25)  # a failed one ends the wait by timeout
            else:
                self._wake_on("request", QUIET_MS - quiet_for)

    def _wake_on(self, event: str, timeout_ms: float) -> None:
        """Sleep until the page's next `event` or the timeout, whichever is first: woken by
        the browser itself, so a step is over as soon as it is, not at the next poll."""
        with suppress(PlaywrightTimeout):
            self.page.wait_for_event(event, timeout=max(1.0, timeout_ms))

    def _still_loading(self, busy: list[Any]) -> str:
        """Why a step never settled: the document, or the requests that never ended."""
        redact = self.session.redact
        if self.session.traffic.navigating:
            return f"the page never finished loading {redact(self.session.traffic.document_url)}"
        urls = ", ".join(redact(r.url)[:120] for r in busy[:3])
        return f"{len(busy)} request(s) never finished on {redact(self.page.url)}: {urls}"

    def _moved_on(self) -> float | bool | None:
        """None when the page started another document just as it seemed ready (a script
        redirect): a call into the page waits until such a navigation has committed.
        Else the document's load end in epoch ms, read by that same call (False if not yet)."""
        t = self.session.traffic
        loads = t.loads
        load_end: float | bool = False
        with suppress(Error):
            load_end = self.page.evaluate(LOAD_EVENT_END) or False
        return None if t.loads != loads or t.navigating else load_end

    def _loaded_at(self, last_end: float, load_end: float | bool) -> float:
        """Epoch ms when the new document's load event ended (or its last response, if later).

        loadEventEnd is written just after the load event is reported: awaited if not yet."""
        if not load_end:
            try:
                load_end = self.page.wait_for_function(LOAD_EVENT_END, timeout=1000).json_value()
            except Error:
                return last_end or time.time() * 1000
        return max(load_end, last_end)

    def _state(self) -> dict[str, Any] | None:
        try:
            return self.page.evaluate(script("page_metrics.js"), self._since)
        except Error:
            return None  # the document is being replaced

    def fail(self, message: str) -> None:
        self.evidence.status = "failed"
        self.evidence.error = self.session.redact(message)

    def finish(self) -> None:
        """The page as the persona found it (screenshot), their look at it, then what it held.

        Screenshot, page facts and the next step's first reads run in the first moments of
        the look, so they cost no extra time; metrics are read after it, so late shifts
        count, and the facts again if the page changed while the persona looked.
        """
        s, ev, t = self.session, self.evidence, self.session.traffic
        s.foreseen.clear()
        as_foreseen = None
        if not t.crashed:
            look_ends = time.monotonic() + s.dwell_ms / 1000
            seen = self._read_page()
            ev.screenshot = self._screenshot(seen is None or seen["secret"])
            self._ready_selectors()
            as_foreseen = self._foresee(look_ends)
            if time.monotonic() < look_ends:
                with s.persona_cpu(), suppress(Error):  # the slowdown's own call is in the look
                    self.page.wait_for_timeout(max(1.0, (look_ends - time.monotonic()) * 1000))
        ev.url = s.redact(self.page.url) or ""
        ev.http_status = t.document_status
        ev.http_errors = list(t.http_errors)
        ev.console_errors = list(t.console_errors)
        if t.dialogs:
            ev.page["dialogs"] = list(t.dialogs)
        ev.navigation = "hard" if self._hard_navigation else (
            "soft" if self._soft_navigation else "none")
        if t.failed:
            ev.page["failed_requests"] = t.failed[:10]
        if t.crashed:
            ev.page["crashed"] = True
            return
        state = self._read_metrics()
        if state is None or state != as_foreseen:
            s.foreseen.clear()  # read again when needed: the page changed since
        if state is None or seen is None or state[1] != seen["changes"]:
            self._read_page()  # the page changed while the persona looked

    def _foresee(self, look_ends: float) -> tuple[float, int, int] | None:
        """Run the next step's first reads (what the persona will look for) while they look,
        when the look has time left; returns the document and its change counts from just
        before, so what was found is kept only if the page stays the same to the look's end."""
        s = self.session
        if s.foresee is None or time.monotonic() >= look_ends:
            return None
        try:
            before = self.page.evaluate(CHANGE_COUNTS)
            if before:  # else the page's changes are not watched: nothing could be kept
                s.foresee()
        except Exception:  # the next step reads again, and meets any error there, in its step
            s.foreseen.clear()
            return None
        return tuple(before) if before else None

    def _ready_selectors(self) -> None:
        """Have Playwright set up its selector engine in this document now, while the persona
        looks, rather than in the next step's first lookups: it does so once per document in
        each of two worlds, ~25 ms each."""
        root = self.page.locator(":root")
        with suppress(Error):
            root.count()  # the isolated world: actions, waits
            root.evaluate_all("() => 0")  # the page's own world: discovery's evaluations

    def _read_page(self) -> dict[str, Any] | None:
        """What the page says (title, product facts, the form), kept in the evidence; returns
        the facts, with the page's DOM change count and whether it shows a secret-looking
        field. A page over MAX_ANALYSED_HTML characters is measured, but only its size kept."""
        ev = self.evidence
        try:
            facts = self.page.evaluate(script("page_facts.js"), {
                "patterns": PATTERNS, "want": wanted(ev.action), "maxChars": MAX_ANALYSED_HTML,
                "secretSelector": SECRET_SELECTOR})
        except Error:
            return None
        if facts["size"] > MAX_ANALYSED_HTML:
            ev.page["too_large_to_analyse_bytes"] = facts["size"]
        else:
            ev.page.update(read_page(facts))
        return facts

    def _read_metrics(self) -> tuple[float, int, int] | None:
        """Timings, shifts, bytes; returns the document (its time origin) and its change
        counts, of its content and of anything (None if unknown)."""
        state = self._state()
        if not state:
            return None
        self.session.last_reading = (self.session.traffic.loads, state["now"])
        m: dict[str, Any] = {"requests": self.session.traffic.requests,
                             "cls": round(state["cls"], 4)}
        if state["inp"]:
            m["inp_ms"] = round(state["inp"])
        if self._hard_navigation and state["nav"]:
            nav = state["nav"]
            m.update(ttfb_ms=round(nav["ttfb"]), dcl_ms=round(nav["dcl"]),
                     load_ms=round(nav["load"]),
                     bytes=nav["bytes"] + state["resourceBytes"])
            if state["fcp"] is not None:
                m["fcp_ms"] = round(state["fcp"])
            if state["lcp"] is not None:
                m["lcp_ms"] = round(state["lcp"])
        else:
            m["bytes"] = state["resourceBytes"]
        self.evidence.metrics.update(m)
        if state["changes"] is None:
            return None
        return state["document"], state["changes"], state["touched"]

    def _secret_masks(self, secret_in_page: bool) -> list[Locator]:
        """What a screenshot must cover: the fields the persona typed secrets into, inputs that
        look secret, and any frame holding one (card fields often live in a payment frame)."""
        s = self.session
        masks = [field for loads, field in s.secret_fields if loads == s.traffic.loads]
        if secret_in_page:
            masks.append(self.page.locator(SECRET_SELECTOR))
        for frame in self.page.frames[1:]:
            if _has_secret(frame):
                while frame.parent_frame and frame.parent_frame != self.page.main_frame:
                    frame = frame.parent_frame
                with suppress(Error):
                    frame.frame_element().evaluate("(e) => e.setAttribute('data-auditor-mask', '')")
        if self.page.frames[1:]:
            masks.append(self.page.locator("iframe[data-auditor-mask]"))
        return masks

    def _screenshot(self, secret_in_page: bool) -> str | None:
        s = self.session
        if s.out_dir is None:
            return None
        rel = f"screenshots/{s.slug}-{self.evidence.index:02d}.jpg"
        path = s.out_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.page.screenshot(path=str(path), type="jpeg", quality=70, animations="disabled",
                                 mask=self._secret_masks(secret_in_page), scale="css",
                                 timeout=10_000)
        except Error:
            return None
        return rel


def _has_secret(frame: Any) -> bool:
    try:
        return frame.evaluate("(s) => document.querySelector(s) !== null", SECRET_SELECTOR)
    except Error:
        return False


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else exc.__class__.__name__


_FRIENDLY = {
    "ERR_CONNECTION_REFUSED": "connection refused: nothing is listening at that address",
    "ERR_NAME_NOT_RESOLVED": "unknown host: the name does not resolve",
    "ERR_PROXY_CONNECTION_FAILED": "the address is outside this machine and cannot be reached",
    "ERR_CERT": "TLS error: the site's certificate is not trusted",
    "ERR_SSL": "TLS error: the secure connection failed",
    "ERR_UNSAFE_PORT": "the browser refuses that port as unsafe; serve the store on another",
    "ERR_TOO_MANY_REDIRECTS": "redirect loop: the page keeps redirecting",
    "ERR_EMPTY_RESPONSE": "the server closed the connection without answering",
    "ERR_CONNECTION_RESET": "the connection was reset by the server",
    "Target crashed": "the browser tab crashed",
    "Target page, context or browser has been closed": "the browser tab was closed or crashed",
}


# Network errors that mean the store itself could not be reached (exit code 3).
UNREACHABLE_CODES = ("ERR_CONNECTION_REFUSED", "ERR_NAME_NOT_RESOLVED",
                     "ERR_PROXY_CONNECTION_FAILED", "ERR_CERT", "ERR_SSL")


def _friendly(exc: Error) -> str:
    text = str(exc)
    for code, meaning in _FRIENDLY.items():
        if code in text:
            return f"{meaning} ({_first_line(exc)})"
    return _first_line(exc)
