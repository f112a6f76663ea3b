"""The persona's look at the page once a step is over: what she saw, and what it held.

In the first moments of the look the auditor takes the screenshot, reads the page facts,
makes the next step's first read (see lookahead.py) and runs axe-core while time is left,
so they cost no extra time; the metrics are read after the look, so late layout shifts
count, and the facts and axe again if the page changed while the persona looked.
"""

from __future__ import annotations

import time
from contextlib import suppress
from typing import TYPE_CHECKING, Any

from playwright.sync_api import Error, Frame, Locator

from auditor.gather import script
from auditor.gather.accessibility import check
from auditor.gather.hearing import listen
from auditor.gather.page_facts import page_facts, read_facts, wanted
from auditor.gather.secrets import SECRET_SELECTOR
from auditor.model import AxeViolation

if TYPE_CHECKING:
    from auditor.gather.step import Step

Changes = tuple[float, int, int]  # the document (its time origin) and its change counts


def look(step: Step) -> None:
    """The page as the persona found it (screenshot), their look at it, then what it held."""
    s, ev, t = step.session, step.evidence, step.session.traffic
    if step.ahead:
        step.ahead.forget()
    read_ahead_on = None
    if not t.crashed:
        look_ends = time.monotonic() + s.dwell_ms / 1000
        seen = _read_page(step)
        ev.screenshot = _screenshot(step, seen is None or seen["secret"])
        _ready_selectors(step)
        read_ahead_on = _read_ahead(step, look_ends)
        if s.axe_source is not None and time.monotonic() < look_ends:
            _check_in_look(step)
        if time.monotonic() < look_ends:
            with s.persona_cpu(), suppress(Error):  # the slowdown's own call is in the look
                step.page.wait_for_timeout(max(1.0, (look_ends - time.monotonic()) * 1000))
    ev.url = s.redact(step.page.url) or ""
    ev.http_status = t.document_status
    ev.http_errors = list(t.http_errors)
    ev.console_errors = list(t.console_errors)
    ev.dialogs = list(t.dialogs)
    ev.navigation = "hard" if step.hard_navigation else (
        "soft" if step.soft_navigation else "none")
    ev.failed_requests = t.failed[:10]
    if t.crashed:
        ev.crashed = True
        return
    state = _read_metrics(step)
    if step.ahead and (state is None or state != read_ahead_on):
        step.ahead.forget()  # the page changed since: the next step reads again
    if state is None or seen is None or state[1] != seen["changes"]:
        _read_page(step)  # the page changed while the persona looked
    if s.axe_source is not None:
        ev.axe = _accessibility(step, state)
    if s.persona.listens:
        ev.heard = listen(step)


def _accessibility(step: Step, state: Changes | None) -> list[AxeViolation] | None:
    """axe-core's verdict on the page, checked again only when the page has changed."""
    s = step.session
    if state is not None and s.last_axe[0] == state:
        return list(s.last_axe[1])
    fresh = state is not None and (s.last_axe[0] is None or s.last_axe[0][0] != state[0])
    found = check(step, s.axe_source or "", fresh)
    if found is not None and state is not None:
        s.last_axe = (state, found)
    return found


def _check_in_look(step: Step) -> None:
    """axe-core while the persona still looks, in time her look spends waiting anyway; kept
    for the page as it was then, so the check after the look costs nothing unless the page
    changed in between."""
    try:
        now = step.page.evaluate(script("change_counts.js"))
    except Error:
        return
    if now:
        _accessibility(step, tuple(now))


def _read_ahead(step: Step, look_ends: float) -> Changes | None:
    """The next step's first read while the persona looks, when the look has time left;
    returns the document and its change counts from just before, so that what was found is
    kept only if the page stays the same to the look's end."""
    if step.ahead is None or time.monotonic() >= look_ends:
        return None
    try:
        before = step.page.evaluate(script("change_counts.js"))
        if before:  # else the page's changes are not watched: nothing could be kept
            step.ahead.read_during_look()
    except Exception:  # the next step reads again, and meets any error there, in its step
        step.ahead.forget()
        return None
    return tuple(before) if before else None


def _ready_selectors(step: Step) -> None:
    """Have Playwright set up its selector engine in this document now, while the persona
    looks, rather than in the next step's first lookups: it does so once per document in
    each of two worlds, ~25 ms each."""
    root = step.page.locator(":root")
    with suppress(Error):
        root.count()  # the isolated world: actions, waits
        root.evaluate_all(script("nothing.js"))  # the page's own world: discovery's reads


def _read_page(step: Step) -> dict[str, Any] | None:
    """What the page says (title, product facts, the form), kept in the evidence; returns
    the raw facts, with the page's DOM change count and whether it shows a secret-looking
    field. A page over MAX_ANALYSED_HTML characters is measured, but only its size kept."""
    ev = step.evidence
    try:
        facts = read_facts(step.page, wanted(ev.action))
    except Error:
        return None
    ev.page = page_facts(facts)
    return facts


def _read_metrics(step: Step) -> Changes | None:
    """Timings, shifts, bytes; returns the document (its time origin) and its change
    counts, of its content and of anything (None if unknown)."""
    try:
        state = step.page.evaluate(script("page_metrics.js"), step.since)
    except Error:
        return None  # the document is being replaced
    if not state:
        return None
    session = step.session
    session.last_reading = (session.traffic.loads, state["now"])
    m: dict[str, Any] = {"requests": session.traffic.requests, "cls": round(state["cls"], 4)}
    if state["inp"]:
        m["inp_ms"] = round(state["inp"])
    if step.hard_navigation and state["nav"]:
        nav = state["nav"]
        m.update(ttfb_ms=round(nav["ttfb"]), dcl_ms=round(nav["dcl"]),
                 load_ms=round(nav["load"]), bytes=nav["bytes"] + state["resourceBytes"])
        if state["fcp"] is not None:
            m["fcp_ms"] = round(state["fcp"])
        if state["lcp"] is not None:
            m["lcp_ms"] = round(state["lcp"])
    else:
        m["bytes"] = state["resourceBytes"]
    step.evidence.metrics.update(m)
    if state["changes"] is None:
        return None
    return state["document"], state["changes"], state["touched"]


def _secret_masks(step: Step, secret_in_page: bool) -> list[Locator]:
    """What a screenshot must cover: the fields the persona typed secrets into, inputs that
    look secret, and any frame holding one (card fields often live in a payment frame)."""
    s, page = step.session, step.page
    masks = [field for loads, field in s.secret_fields if loads == s.traffic.loads]
    if secret_in_page:
        masks.append(page.locator(SECRET_SELECTOR))
    for frame in page.frames[1:]:
        if _has_secret(frame):
            while frame.parent_frame and frame.parent_frame != page.main_frame:
                frame = frame.parent_frame
            with suppress(Error):
                frame.frame_element().evaluate(script("mark_mask.js"))
    if page.frames[1:]:
        masks.append(page.locator("iframe[data-auditor-mask]"))
    return masks


def _has_secret(frame: Frame) -> bool:
    try:
        return frame.evaluate(script("has_match.js"), SECRET_SELECTOR)
    except Error:
        return False


def _screenshot(step: Step, secret_in_page: bool) -> str | None:
    s = step.session
    if s.out_dir is None:
        return None
    rel = f"screenshots/{s.slug}-{step.evidence.index:02d}.jpg"
    path = s.out_dir / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        step.page.screenshot(path=str(path), type="jpeg", quality=70, animations="disabled",
                             mask=_secret_masks(step, secret_in_page), scale="css",
                             timeout=10_000)
    except Error:
        return None
    return rel
