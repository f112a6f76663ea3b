"""pytest plugin: walk persona journeys on pytest-playwright's browser, assert on emotions.

    def test_novice_can_buy(audit_journey, demo_store):
        journey = audit_journey("novice-checkout", demo_store().url)
        journey.assert_completed()
        journey.assert_emotion("Place the order", at_least="neutral")
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from auditor import __version__, access
from auditor.demo_store.flaws import parse_flaws
from auditor.demo_store.server import StoreServer
from auditor.errors import AuditorError
from auditor.finish import now
from auditor.gather.walk import RunOptions, walk
from auditor.judge.journey import judge_journey
from auditor.judge.recommendations import recommend
from auditor.judge.step import at_least as feels_at_least
from auditor.model import JourneyResult, RunResult, StepResult
from auditor.scenario import load_journeys

_SESSION_JOURNEYS: list[JourneyResult] = []


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("journey-auditor", "customer journey audits")
    group.addoption("--auditor-report", metavar="DIR", default=None,
                    help="write the journey map (index.html, results.json, ...) of every "
                         "audited journey in this session to DIR")
    group.addoption("--auditor-scenarios", metavar="DIR", action="append", default=[],
                    help="extra folder of persona/journey YAML files")
    group.addoption("--auditor-http-credentials", metavar="USER:PASS", default=None,
                    help="HTTP basic auth for the audited store (or AUDITOR_HTTP_CREDENTIALS)")
    group.addoption("--auditor-header", metavar="NAME:VALUE", action="append", default=[],
                    help="an extra request header for the audited store (repeatable)")
    group.addoption("--auditor-storage-state", metavar="FILE", default=None,
                    help="cookies and local storage to start from (Playwright's JSON)")


def pytest_configure(config: pytest.Config) -> None:
    if config.pluginmanager.hasplugin("playwright"):
        from auditor import pytest_chromium

        config.pluginmanager.register(pytest_chromium, "journey-auditor-chromium")


@pytest.fixture
def demo_store() -> Iterator[Callable[..., StoreServer]]:
    """Start the demo store with flaws on a free loopback port; stopped after the test.

    store = demo_store("slow-product=2", "broken-search", theme="bootstrap")
    `catalogue="renamed"`: a store where none of the built-in personas' named inputs fits;
    `basic_auth=("user", "pass")`: a staging store that asks for a login; `hosted_card=True`:
    card fields from a payment provider on another origin, then 3-D Secure.
    """
    servers: list[StoreServer] = []

    def start(*flaws: str, theme: str = "classic", catalogue: str = "standard",
              basic_auth: tuple[str, str] | None = None,
              hosted_card: bool = False) -> StoreServer:
        server = StoreServer(parse_flaws(list(flaws)), theme=theme, catalogue=catalogue,
                             basic_auth=basic_auth, card_provider=hosted_card).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


class AuditedJourney:
    """A walked journey with assertions that explain themselves when they fail."""

    def __init__(self, result: JourneyResult) -> None:
        self.result = result

    def __getattr__(self, name: str) -> Any:
        return getattr(self.result, name)

    def step(self, name: str) -> StepResult:
        for s in self.result.steps:
            if s.evidence.name == name:
                return s
        names = ", ".join(repr(s.evidence.name) for s in self.result.steps)
        raise AssertionError(f"no step named {name!r}; steps: {names}")

    def assert_completed(self) -> None:
        r = self.result
        assert r.outcome == "completed", (
            f"{r.persona.id} did not complete the journey: {r.outcome} — {r.reason}")

    def assert_emotion(self, step_name: str, at_least: str) -> None:
        s = self.step(step_name)
        assert feels_at_least(s.emotion, at_least), (
            f"{self.result.persona.id} felt {s.emotion} at {step_name!r} "
            f"(expected at least {at_least}): {'; '.join(s.reasons)}")


@pytest.fixture
def audit_journey(browser: Any, pytestconfig: pytest.Config,
                  tmp_path: Path) -> Callable[..., AuditedJourney]:
    """Walk a persona's journey on the test's browser (pytest-playwright's `browser`), with
    the session's --auditor-http-credentials, --auditor-header and --auditor-storage-state
    unless the call gives `access=`."""
    extra = [Path(p) for p in pytestconfig.getoption("--auditor-scenarios")]
    state = pytestconfig.getoption("--auditor-storage-state")
    report_dir = pytestconfig.getoption("--auditor-report")
    shots = Path(report_dir) if report_dir else tmp_path

    def audit(persona: str, url: str, fast_typing: bool = True,
              **options: Any) -> AuditedJourney:
        journeys = load_journeys(extra)
        if persona not in journeys:
            raise AuditorError(f"unknown persona '{persona}'; known: {', '.join(journeys)}")
        if "access" not in options:
            url, options["access"] = access.for_store(
                url, pytestconfig.getoption("--auditor-http-credentials"),
                tuple(pytestconfig.getoption("--auditor-header")), Path(state) if state else None,
                option="--auditor-http-credentials")
        run_options = RunOptions(typing_scale=0.0 if fast_typing else 1.0, **options)
        result = judge_journey(walk(browser, journeys[persona], url, shots, run_options))
        _SESSION_JOURNEYS.append(result)
        return AuditedJourney(result)

    return audit


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    report_dir = session.config.getoption("--auditor-report", None)
    if not report_dir or not _SESSION_JOURNEYS:
        return
    from auditor.report import write_report

    started = now()
    run = RunResult(__version__, started, now(), list(_SESSION_JOURNEYS),
                    recommend(_SESSION_JOURNEYS))
    write_report(run, Path(report_dir))
