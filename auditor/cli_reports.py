"""The commands that read what runs left behind: `auditor history` lists recorded runs,
`auditor trend` writes the trend page, `auditor open` opens a report; `history_options`
gives `run` and `demo` their --history / --no-history, `access_options` the options of a
closed store; what every command shares (the URL check, the summary printed after a run)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import click

from auditor.errors import AuditorError
from auditor.model import RunResult

DEFAULT_URL = "sqlite:///reports/history.sqlite"  # here, so --help needs no SQLAlchemy import


def history_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--history URL and --no-history, for the commands that record a run."""
    command = click.option("--no-history", is_flag=True,
                           help="Do not record this run in the history database.")(command)
    return click.option("--history", default=DEFAULT_URL, show_default=True, metavar="URL",
                        help="History database: sqlite:///FILE, or "
                             "postgresql+psycopg://USER@HOST:PORT/DB to share one.")(command)


def access_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--http-credentials, --header and --storage-state, for a closed store (auditor.access):
    secrets, never written anywhere."""
    command = click.option(
        "--storage-state", type=click.Path(path_type=Path), metavar="FILE",
        help="Cookies and local storage to start from (Playwright's storage-state JSON), "
             "e.g. a signed-in session.")(command)
    command = click.option(
        "--header", "headers", multiple=True, metavar="NAME:VALUE",
        help="An extra request header (repeatable), e.g. a preview-bypass token; sent with "
             "every request the store's pages make.")(command)
    return click.option(
        "--http-credentials", metavar="USER:PASS",
        help="HTTP basic auth for the store (its origin only); or set "
             "AUDITOR_HTTP_CREDENTIALS, which keeps it out of the shell's history.")(command)


@click.command("history")
@click.option("--db", default=DEFAULT_URL, show_default=True, metavar="URL",
              help="History database to read.")
@click.option("--store", help="Only stores whose label or URL contains this.")
@click.option("--persona", help="Only this persona.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 10_000))
def history_command(db: str, store: str | None, persona: str | None, limit: int) -> None:
    """List the journeys of recorded runs, newest first."""
    from auditor import history

    rows = history.listing(history.open_history(db), store, persona, limit)
    if not rows:
        click.echo(f"No runs recorded in {db} yet" + (" for that filter" if store or persona
                                                        else "") + ".")
        return
    click.echo(f"{'Run':>4}  {'Started (UTC)':<25} {'Persona':<22} {'Outcome':<12} "
               f"{'Score':>5}  Store")
    for r in rows:
        store_name = r["store"] + (" (compared with)" if r["competitor"] else "")
        click.echo(f"{r['run']:>4}  {r['started_at']:<25} {r['persona']:<22} "
                   f"{r['outcome']:<12} {r['score']:>5}  {store_name}")


@click.command("open")
@click.argument("folder", required=False, type=click.Path(path_type=Path),
                default=Path("reports/latest"))
def open_command(folder: Path) -> None:
    """Open a report's journey map in the browser (default: the latest run's), and print
    its address for a machine with no screen."""
    import webbrowser

    from auditor.errors import AuditorError

    index = folder / "index.html" if folder.is_dir() or not folder.suffix else folder
    if not index.is_file():
        raise AuditorError(f"{index}: no report there; run `auditor run URL` first, or give "
                           "a report folder")
    address = index.resolve().as_uri()
    click.echo(address)
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or sys.platform in (
            "darwin", "win32"):  # with no screen, a text browser would take the terminal
        webbrowser.open(address)


@click.command("trend")
@click.option("--db", default=DEFAULT_URL, show_default=True, metavar="URL",
              help="History database to read.")
@click.option("--out", type=click.Path(path_type=Path), required=True,
              help="Folder for trend.html.")
def trend_command(db: str, out: Path) -> None:
    """Write a trend page: every store and persona's score over the recorded runs."""
    from auditor import history
    from auditor.report.trend import write_trend

    page = write_trend(history.trends(history.open_history(db)), out)
    click.echo(f"Trend: {page}")


def print_summary(run: RunResult, index: Path) -> None:
    """The run's outcome in the terminal: each journey, failed gates, notes, the report."""
    click.echo("\nPersona                    Outcome                 Score  Site")
    for j in run.journeys:
        outcome = ("could not reach" if j.unreachable else f"abandoned at {j.abandoned_at + 1}"
                   if j.abandoned_at is not None else j.outcome)
        context = " (compared with, not gated)" if j.competitor else ""
        score = "—" if j.unreachable else j.score
        click.echo(f"{j.persona.id:<26} {outcome:<23} {score:>5}  {j.label or j.site}{context}")
    for g in run.gates:
        click.echo(f"GATE FAILED  {g.rule} — {g.where}: measured {g.measured}, "
                   f"expected {g.expected}")
    if run.gates:
        from auditor.report.verdict import gates_line

        click.echo(gates_line(run))
    for note in run.notes:
        click.echo(note)
    if run.incomplete:
        click.echo("The run was interrupted: the report holds the steps measured so far.")
    if run.shard:
        click.echo(f"Shard {run.shard['shard']}: walked {len(run.shard['walked'])} of "
                   f"{len(run.shard['units'])} walks; join every shard's results.json with "
                   "'auditor merge', which judges the whole.")
    click.echo(f"\nReport: {index.resolve().as_uri()}  (auditor open)")


def check_url(url: str, option: str = "URL") -> str:
    """The URL, if it is a web address; else a one-line error naming the option."""
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise AuditorError(f"{option} '{url}' is not a web address; give one like "
                           "http://127.0.0.1:8000")
    return url
