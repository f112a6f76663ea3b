"""How a persona gets into a closed store (a staging site): HTTP basic-auth credentials, extra
request headers (a preview-bypass token) and a saved browser state (cookies, local storage).
Their values are secrets like a card number: held in memory, given to the persona's browser
context, masked in whatever the run keeps, and never written anywhere.

    auditor run https://staging.example.com --http-credentials "$STAGING_AUTH" \\
        --header "X-Preview-Token: $TOKEN" --storage-state signed-in.json

A profile may hold them as `access:` with `$NAME` values read from the environment, so that
the profile can be committed without them.
"""

from __future__ import annotations

import base64
import json
import os
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

from auditor.errors import AuditorError, ExitCode, ScenarioError

CREDENTIALS_ENV = "AUDITOR_HTTP_CREDENTIALS"
ACCOUNT_ENV = "AUDITOR_ACCOUNT"  # EMAIL:PASSWORD of the store account a persona signs in to
PROFILE_KEYS = ("http_credentials", "headers", "storage_state")
PREFLIGHT_TIMEOUT_S = 10


@dataclass(frozen=True)
class Access:
    """What the persona's browser presents to the store. Its repr shows no value."""

    credentials: tuple[str, str] | None = None  # (user, password), for the store's origin only
    headers: tuple[tuple[str, str], ...] = ()  # sent with every request the page makes
    storage_state: Path | None = None  # Playwright's storage-state JSON

    def __repr__(self) -> str:
        given = [name for name, value in (("credentials", self.credentials),
                                          ("headers", self.headers),
                                          ("storage state", self.storage_state)) if value]
        return f"Access({', '.join(given) or 'none'})"

    def context_options(self, site: str) -> dict[str, Any]:
        """Keyword arguments for Playwright's `new_context`; credentials only for `site`'s
        origin, so that no other host is ever sent them."""
        options: dict[str, Any] = {}
        if self.credentials:
            origin = urlunsplit(urlsplit(site)._replace(path="", query="", fragment=""))
            options["http_credentials"] = {"username": self.credentials[0],
                                           "password": self.credentials[1], "origin": origin}
        if self.headers:
            options["extra_http_headers"] = dict(self.headers)
        if self.storage_state:
            options["storage_state"] = str(self.storage_state)
        return options

    def secrets(self) -> list[str]:
        """Every value to mask wherever the store might echo it back."""
        values = [value for _, value in self.headers]
        if self.credentials:
            values += [self.credentials[1], _basic(*self.credentials)]
        return values


OPEN = Access()  # a store open to anyone: nothing to present


def from_options(credentials: str | None, headers: tuple[str, ...], storage_state: Path | None,
                 profile: dict[str, Any] | None = None, profile_path: Path | None = None) -> Access:
    """The access a run was given: command-line options (or AUDITOR_HTTP_CREDENTIALS) over
    the profile's `access:`. A mistake is one line naming the option or field."""
    saved = _from_profile(profile or {}, profile_path)
    credentials = credentials or os.environ.get(CREDENTIALS_ENV)
    pairs = tuple((name, value.strip()) for name, value in
                  (pair(h, "--header", "NAME:VALUE") for h in headers))
    named = {name.lower() for name, _ in pairs}
    return Access(
        pair(credentials, "--http-credentials", "USER:PASS") if credentials
        else saved.credentials,
        tuple(h for h in saved.headers if h[0].lower() not in named) + pairs,
        _state_file(storage_state, "--storage-state") if storage_state else saved.storage_state)


def account_of(inputs: dict[str, Any]) -> tuple[str, str] | None:
    """The store account a persona signs in with: the journey's `inputs.account` ({email,
    password}, `$NAME` values from the environment), else AUDITOR_ACCOUNT=EMAIL:PASSWORD."""
    given = inputs.get("account") or {}
    if isinstance(given, dict) and given.get("email") and given.get("password"):
        return (secret_value(given["email"], "inputs.account.email"),
                secret_value(given["password"], "inputs.account.password"))
    email, found, password = os.environ.get(ACCOUNT_ENV, "").partition(":")
    return (email.strip(), password) if found and email.strip() else None


def with_accounts(journeys: list[Any], chosen: bool) -> tuple[list[Any], list[str]]:
    """The journeys to walk: one that signs in is left out, said in a line, when no account
    is given, unless it was asked for by name (then its sign-in step says what to set)."""
    kept, notes = [], []
    for journey in journeys:
        signs_in = any(step.action == "sign_in" for step in journey.steps)
        if signs_in and not chosen and account_of(journey.inputs) is None:
            notes.append(f"{journey.persona.id}: not walked, no account to sign in with "
                         f"(set {ACCOUNT_ENV}=EMAIL:PASSWORD or inputs.account in --profile)")
        else:
            kept.append(journey)
    return kept, notes


def for_store(url: str, credentials: str | None, headers: tuple[str, ...],
              storage_state: Path | None, profile: dict[str, Any] | None = None,
              profile_path: Path | None = None,
              option: str = "--http-credentials") -> tuple[str, Access]:
    """The store's address without any credentials written in it, and the access to present
    there, once checked against the store (a 401 stops here, naming `option`)."""
    url, in_url = split_url(url)
    if in_url and not credentials:
        credentials = ":".join(in_url)
    access = from_options(credentials, headers, storage_state, profile, profile_path)
    check_entry(url, access, option)
    return url, access


def split_url(url: str) -> tuple[str, tuple[str, str] | None]:
    """The URL without the user and password it may carry (https://user:pass@host/), which
    would otherwise be printed in every report, and those credentials."""
    parts = urlsplit(url)
    if parts.username is None:
        return url, None
    host = parts.hostname + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=host)), (unquote(parts.username),
                                                     unquote(parts.password or ""))


def check_entry(url: str, access: Access, option: str = "--http-credentials") -> None:
    """Ask the store once, before any browser starts, whether it lets this access in: a 401
    is one line and exit 3 saying which option to give. Anything else is the walk's to see."""
    request = urllib.request.Request(url, headers=dict(access.headers))
    if access.credentials:
        request.add_header("Authorization", _basic(*access.credentials))
    try:
        urllib.request.urlopen(request, timeout=PREFLIGHT_TIMEOUT_S).close()
    except urllib.error.HTTPError as exc:
        if exc.code == 401:
            realm = exc.headers.get("WWW-Authenticate", "").strip()
            asked = f", {realm}" if realm else ""
            if access.credentials:
                raise AuditorError(f"{url} refused the credentials given (HTTP 401{asked}); "
                                   f"check {option} USER:PASS or {CREDENTIALS_ENV}",
                                   ExitCode.UNREACHABLE) from None
            raise AuditorError(f"{url} asks for a login (HTTP 401{asked}); give "
                               f"{option} USER:PASS or set {CREDENTIALS_ENV}",
                               ExitCode.UNREACHABLE) from None
    except (urllib.error.URLError, OSError, ValueError):
        return


def _from_profile(profile: dict[str, Any], path: Path | None) -> Access:
    data = profile.get("access") or {}
    where = f"{path}: access" if path else "access"
    if not isinstance(data, dict) or set(data) - set(PROFILE_KEYS):
        raise ScenarioError(f"{where}: a mapping with {', '.join(PROFILE_KEYS)}")
    credentials = data.get("http_credentials")
    headers = data.get("headers") or {}
    if not isinstance(headers, dict):
        raise ScenarioError(f"{where}.headers: a mapping of header names to values")
    state = data.get("storage_state")
    return Access(
        pair(secret_value(credentials, f"{where}.http_credentials"), f"{where}.http_credentials",
              "USER:PASS") if credentials else None,
        tuple((str(k), secret_value(v, f"{where}.headers.{k}")) for k, v in headers.items()),
        _state_file(Path(str(state)), f"{where}.storage_state") if state else None)


def secret_value(value: Any, field: str) -> str:
    """A profile value, or the environment variable a `$NAME` value names."""
    text = str(value)
    if not text.startswith("$"):
        return text
    name = text[1:].strip("{}")
    if name not in os.environ:
        raise ScenarioError(f"{field}: the environment variable {name} is not set; export it "
                            "or give the value on the command line")
    return os.environ[name]


def pair(text: str, option: str, form: str) -> tuple[str, str]:
    """NAME:VALUE split at its first colon; the value kept as given (a password's spaces)."""
    name, found, value = text.partition(":")
    if not found or not name.strip():
        raise AuditorError(f"{option} must look like {form} (no ':' or nothing before it)")
    return name.strip(), value


def _state_file(path: Path, option: str) -> Path:
    """A Playwright storage-state file, checked before the browser starts."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise AuditorError(f"{option} {path}: cannot read it ({exc.strerror}); save one with "
                           "Playwright's context.storage_state(path=...)") from None
    except (ValueError, UnicodeDecodeError):
        raise AuditorError(f"{option} {path}: not JSON; give a file saved by Playwright's "
                           "context.storage_state(path=...)") from None
    if not isinstance(data, dict) or not {"cookies", "origins"} & set(data):
        raise AuditorError(f"{option} {path}: no 'cookies' or 'origins'; give a file saved by "
                           "Playwright's context.storage_state(path=...)")
    return path


def _basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
