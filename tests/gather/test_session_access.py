"""The persona's browser context: what it presents to a closed store (headers, a saved state,
credentials for the store's origin only) and that it looks like a person's browser unless
told to say it is automated."""

from __future__ import annotations

import json

from helpers import PageHandler, serve

from auditor.access import Access
from auditor.gather.session import PersonaSession
from auditor.model import Persona

SEEN: list[dict[str, str]] = []


class Recording(PageHandler):
    def do_GET(self) -> None:  # noqa: N802  (the standard library's name)
        SEEN.append({k.lower(): v for k, v in self.headers.items()})
        self.send_page(b"<title>Shop</title><img src='/logo.png'><p>Welcome</p>")


def _session(browser, **kwargs) -> PersonaSession:
    return PersonaSession(browser, Persona("tester", "Tester"), out_dir=None,
                          step_timeout_ms=10_000, **kwargs)


def test_headers_and_a_saved_state_reach_the_store_with_every_request(browser, tmp_path):
    SEEN.clear()
    with serve(Recording) as url:
        state = tmp_path / "state.json"
        state.write_text(json.dumps({"cookies": [{
            "name": "session", "value": "signed-in", "domain": "127.0.0.1", "path": "/",
            "expires": -1, "httpOnly": True, "secure": False, "sameSite": "Lax"}],
            "origins": []}))
        session = _session(browser, site=url, access=Access(
            headers=(("X-Preview-Token", "tok-123456"),), storage_state=state))
        try:
            session.page.goto(url + "/")
            session.page.wait_for_load_state("load")
        finally:
            session.close()
    assert len(SEEN) >= 2  # the page and its image
    assert all(h.get("x-preview-token") == "tok-123456" for h in SEEN)
    assert all("session=signed-in" in h.get("cookie", "") for h in SEEN)


def test_the_persona_looks_like_a_person_unless_told_to_announce_automation(browser):
    with serve(Recording) as url:
        for announce, webdriver in ((False, False), (True, True)):
            SEEN.clear()
            session = _session(browser, site=url, announce_automation=announce)
            try:
                session.page.goto(url + "/")
                assert session.page.evaluate("navigator.webdriver") is webdriver
            finally:
                session.close()
            assert ("HeadlessChrome" in SEEN[0]["user-agent"]) is announce
