"""A closed store (a staging site): credentials, headers and a saved browser state are given
as a newcomer gives them, reach the store, and are never written anywhere."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from auditor.access import Access, for_store, from_options, split_url
from auditor.demo_store.server import StoreServer
from auditor.errors import AuditorError, ExitCode, ScenarioError

PASSWORD = "open sesame 42"
TOKEN = "tok-9f8e7d6c5b4a"


def test_options_are_read_and_their_values_never_shown(tmp_path, monkeypatch):
    monkeypatch.delenv("AUDITOR_HTTP_CREDENTIALS", raising=False)
    given = from_options(f"tess:{PASSWORD}", ("X-Preview-Token:  " + TOKEN,), None)
    assert given.credentials == ("tess", PASSWORD)  # a password's spaces are its own
    assert given.headers == (("X-Preview-Token", TOKEN),)
    assert PASSWORD not in repr(given) and TOKEN not in repr(given)
    options = given.context_options("https://staging.example.com/shop/")
    assert options["http_credentials"]["origin"] == "https://staging.example.com"
    monkeypatch.setenv("AUDITOR_HTTP_CREDENTIALS", "ci:from-the-environment")
    assert from_options(None, (), None).credentials == ("ci", "from-the-environment")


def test_a_profile_names_its_secrets_by_environment_variable(tmp_path, monkeypatch):
    state = tmp_path / "state.json"
    state.write_text(json.dumps({"cookies": [], "origins": []}))
    profile = {"access": {"http_credentials": "$STAGING_AUTH",
                          "headers": {"X-Preview-Token": "${PREVIEW}"},
                          "storage_state": str(state)}}
    monkeypatch.setenv("STAGING_AUTH", f"tess:{PASSWORD}")
    monkeypatch.setenv("PREVIEW", TOKEN)
    monkeypatch.delenv("AUDITOR_HTTP_CREDENTIALS", raising=False)
    saved = from_options(None, ("X-Preview-Token: from-the-command-line",), None, profile)
    assert saved.credentials == ("tess", PASSWORD) and saved.storage_state == state
    assert saved.headers == (("X-Preview-Token", "from-the-command-line"),)  # the option wins
    monkeypatch.delenv("PREVIEW")
    with pytest.raises(ScenarioError, match=r"site.yaml: access.headers.X-Preview-Token: the "
                                            r"environment variable PREVIEW is not set"):
        from_options(None, (), None, profile, Path("site.yaml"))


@pytest.mark.parametrize(("kwargs", "said"), [
    ({"credentials": "no-colon"}, "--http-credentials must look like USER:PASS"),
    ({"headers": (":value",)}, "--header must look like NAME:VALUE"),
    ({"storage_state": Path("/nowhere/state.json")}, "--storage-state /nowhere/state.json: "
                                                     "cannot read it"),
])
def test_a_mistake_is_one_line_naming_the_option(kwargs, said, monkeypatch):
    monkeypatch.delenv("AUDITOR_HTTP_CREDENTIALS", raising=False)
    given = {"credentials": None, "headers": (), "storage_state": None, **kwargs}
    with pytest.raises(AuditorError, match=said):
        from_options(given["credentials"], given["headers"], given["storage_state"])


def test_a_storage_state_must_be_playwrights(tmp_path):
    not_json, no_keys = tmp_path / "a.json", tmp_path / "b.json"
    not_json.write_text("cookies=1")
    no_keys.write_text("{}")
    for path, said in ((not_json, "not JSON"), (no_keys, "no 'cookies' or 'origins'")):
        with pytest.raises(AuditorError, match=said):
            from_options(None, (), path)


def test_credentials_written_in_the_url_are_taken_out_of_it():
    assert split_url("http://tess:open%20sesame@127.0.0.1:8000/shop") == (
        "http://127.0.0.1:8000/shop", ("tess", "open sesame"))
    assert split_url("https://shop.example.com/") == ("https://shop.example.com/", None)


def test_a_login_asked_for_is_one_line_and_exit_3():
    with StoreServer(basic_auth=("tess", PASSWORD)) as store:
        with pytest.raises(AuditorError) as asked:
            for_store(store.url, None, (), None)
        assert asked.value.code == ExitCode.UNREACHABLE
        assert "asks for a login (HTTP 401, Basic realm=\"staging\"); give --http-credentials" \
            in str(asked.value)
        with pytest.raises(AuditorError, match="refused the credentials given"):
            for_store(store.url, "tess:wrong", (), None)
        url, access = for_store(store.url.replace("//", f"//tess:{PASSWORD}@"), None, (), None)
        assert url == store.url and access == Access(("tess", PASSWORD))


@pytest.mark.slow
@pytest.mark.browser
def test_a_staging_store_is_audited_with_credentials_that_no_output_keeps(tmp_path):
    """As a newcomer runs it: no credentials (one line, exit 3), then with them (a report,
    an order placed); no output file, history row or screenshot holds the secrets."""
    out, history = tmp_path / "report", tmp_path / "history.sqlite"
    command = [sys.executable, "-m", "auditor", "run"]
    with StoreServer(basic_auth=("tess", PASSWORD)) as store:
        refused = subprocess.run([*command, store.url], capture_output=True, text=True,
                                 timeout=120)
        walked = subprocess.run(
            [*command, store.url, "--persona", "novice-checkout", "--fast-typing",
             "--http-credentials", f"tess:{PASSWORD}", "--header", f"X-Preview-Token: {TOKEN}",
             "--out", str(out), "--history", f"sqlite:///{history}"],
            capture_output=True, text=True, timeout=300)
    assert refused.returncode == 3 and refused.stderr.count("\n") == 1
    assert "--http-credentials USER:PASS" in refused.stderr
    assert walked.returncode in (0, 1), walked.stderr
    results = json.loads((out / "results.json").read_text())
    assert results["journeys"][0]["steps"][-1]["order_placed"]
    secrets = (PASSWORD, TOKEN, "dGVzczpvcGVu")  # the last: "tess:open" in base64
    kept = [p for p in [*out.rglob("*"), history] if p.is_file()]
    assert len(kept) > 5
    for path in kept:
        data = path.read_bytes()
        assert not any(s.encode() in data for s in secrets), path
    rows = sqlite3.connect(history).execute("select count(*) from sqlite_master").fetchone()
    assert rows[0] > 0
    assert not any(s in walked.stdout + walked.stderr for s in secrets)
