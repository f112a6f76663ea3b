"""Exit codes and the one error type that carries a user-facing message and its code."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Every exit status of the `auditor` command, in one place."""

    OK = 0
    GATE_FAILED = 1
    USAGE = 2
    UNREACHABLE = 3
    INTERRUPTED = 130


class AuditorError(Exception):
    """A problem the user can fix: printed as one line, never as a traceback."""

    def __init__(self, message: str, code: ExitCode = ExitCode.USAGE) -> None:
        super().__init__(message)
        self.code = code


class ScenarioError(AuditorError):
    """A persona, journey, profile or budget file is wrong."""


class BrowserMissing(AuditorError):
    """No Chromium could be found or launched."""

    def __init__(self, message: str) -> None:
        super().__init__(message, ExitCode.UNREACHABLE)
