"""Exit codes and the one error type that carries a user-facing message and its code."""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path
from typing import Any

import yaml


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


def read_yaml(path: Path, what: str) -> Any:
    """A YAML (or JSON) file's data; a mistake is a ScenarioError naming the file and line."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else "?"
        raise ScenarioError(f"{path}:{line}: invalid {what}: {exc.problem}") from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise ScenarioError(f"{path}: cannot read the {what}: {reason}") from None


class BrowserMissing(AuditorError):
    """No Chromium could be found or launched."""

    def __init__(self, message: str) -> None:
        super().__init__(message, ExitCode.UNREACHABLE)
