"""How a step fails: the exceptions an action raises (it could not, or the store does not
offer it) and the browser's errors told in words a person would use, not error codes."""

from __future__ import annotations

from playwright.sync_api import Error


class StepFailed(Exception):
    """An action could not be carried out; the message says what was looked for and why."""


class Lost(StepFailed):
    """The auditor could not find what the step needs, on a page a person could use: the
    tool's failure, never the store's (a customer meets no error there)."""


class NotOffered(Exception):
    """The store does not offer what the step needs (a price filter, say): a finding about
    the store, named by its finding id, not a failure of the auditor."""

    def __init__(self, finding: str, message: str) -> None:
        super().__init__(message)
        self.finding = finding


_FRIENDLY = {
    "ERR_CONNECTION_REFUSED": "connection refused: nothing is listening at that address",
    "ERR_NAME_NOT_RESOLVED": "unknown host: the name does not resolve",
    "ERR_CONNECTION_TIMED_OUT": "the connection timed out: nothing answered at that address",
    "ERR_ADDRESS_UNREACHABLE": "the address cannot be reached from this machine",
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
                     "ERR_NAME_RESOLUTION_FAILED", "ERR_ADDRESS_UNREACHABLE",
                     "ERR_ADDRESS_INVALID", "ERR_CONNECTION_TIMED_OUT",
                     "ERR_PROXY_CONNECTION_FAILED", "ERR_CERT", "ERR_SSL", "ERR_UNSAFE_PORT")


def first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else exc.__class__.__name__


def friendly(exc: Error) -> str:
    """The browser's error in words, with its own first line after it."""
    text = str(exc)
    for code, meaning in _FRIENDLY.items():
        if code in text:
            return f"{meaning} ({first_line(exc)})"
    return first_line(exc)


def unreachable(exc: Error) -> bool:
    """Whether the error says the store itself cannot be reached."""
    return any(code in str(exc) for code in UNREACHABLE_CODES)
