"""Which Chromium an audit drives."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.errors import BrowserMissing
from auditor.gather import browser


def _executable(path: Path) -> str:
    path.write_text("#!/bin/sh\n")
    path.chmod(0o755)
    return str(path)


@pytest.fixture
def binaries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """A headless shell and a full browser, both present, in place of the system's."""
    shell, full = _executable(tmp_path / "shell"), _executable(tmp_path / "full")
    monkeypatch.setattr(browser, "HEADLESS_SHELL_PATHS", (str(tmp_path / "missing"), shell))
    monkeypatch.setattr(browser, "KNOWN_PATHS", (full,))
    monkeypatch.delenv("AUDITOR_CHROMIUM", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))  # nothing of the system's on PATH either
    return shell, full


def test_a_headless_audit_prefers_the_headless_shell(binaries: tuple[str, str]) -> None:
    shell, full = binaries
    assert browser.find_chromium(headless_shell=True) == shell
    assert browser.find_chromium() == full


def test_the_full_browser_serves_when_there_is_no_shell(binaries: tuple[str, str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(browser, "HEADLESS_SHELL_PATHS", ())
    assert browser.find_chromium(headless_shell=True) == binaries[1]


def test_a_shell_on_path_comes_before_the_full_browser(
        binaries: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(browser, "HEADLESS_SHELL_PATHS", ())
    shell = _executable(tmp_path / "chromium-headless-shell")
    assert browser.find_chromium(headless_shell=True) == shell
    assert browser.find_chromium() == binaries[1]


def test_the_users_choice_wins(binaries: tuple[str, str], tmp_path: Path,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    mine = _executable(tmp_path / "mine")
    monkeypatch.setenv("AUDITOR_CHROMIUM", mine)
    assert browser.find_chromium(headless_shell=True) == mine
    monkeypatch.setenv("AUDITOR_CHROMIUM", str(tmp_path / "gone"))
    with pytest.raises(BrowserMissing, match="AUDITOR_CHROMIUM=.*gone is not an executable"):
        browser.find_chromium(headless_shell=True)


def test_the_debian_binary_comes_before_its_wrapper_script() -> None:
    assert browser.KNOWN_PATHS.index("/usr/lib/chromium/chromium") < \
        browser.KNOWN_PATHS.index("/usr/bin/chromium")


def test_no_browser_at_all_says_how_to_get_one(binaries: tuple[str, str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(browser, "HEADLESS_SHELL_PATHS", ())
    monkeypatch.setattr(browser, "KNOWN_PATHS", ())
    with pytest.raises(BrowserMissing, match="no Chromium found; install one with 'apt-get"):
        browser.find_chromium(headless_shell=True)
