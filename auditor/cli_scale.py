"""The commands that spread a run past one machine: `auditor merge` joins CI shards into one
run, judged as a whole; `auditor worker` and `auditor submit` walk journeys on a Celery
fleet."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import click

from auditor.cli_reports import DEFAULT_URL, check_url, history_options, print_summary
from auditor.errors import AuditorError, ExitCode


@click.command("merge")
@click.argument("results", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", required=True, type=click.Path(path_type=Path),
              help="Folder for the merged report.")
@click.option("--budget", type=click.Path(path_type=Path), help="Gates file (YAML or JSON).")
@click.option("--baseline", type=click.Path(path_type=Path),
              help="An earlier results.json to compare with.")
@history_options
def merge_command(results: tuple[Path, ...], out: Path, budget: Path | None,
                  baseline: Path | None, history: str, no_history: bool) -> None:
    """Join the results.json of every shard of a run (auditor run --shard I/N) into one run:
    one map, results.json, JUnit, CTRF and summary.md, with the gates and the baseline
    comparison judged over every journey."""
    from auditor import history as recorded
    from auditor.finish import exit_code, finish_run, now
    from auditor.judge import gates
    from auditor.model import RunResult
    from auditor.report import linked_files, load_results
    from auditor.report.files import copy_assets
    from auditor.shard import merge_runs

    paths = [p / "results.json" if p.is_dir() else p for p in results]
    saved = [(path, load_results(path)) for path in paths]
    walks, identity = merge_runs(saved)
    rules = gates.load_budget(budget) if budget else gates.Budget()
    database = None if no_history else recorded.open_history(history)
    run = RunResult(identity["tool_version"], min(r.started_at for _, r in saved), now(), [],
                    browser=saved[0][1].browser,
                    notes=list(dict.fromkeys(n for _, r in saved for n in r.notes)))
    try:
        out.mkdir(parents=True, exist_ok=True)
        for path, part in saved:
            copy_assets(linked_files(part), path.parent, out / f"shard-{part.shard['number']}")
    except OSError as exc:
        raise AuditorError(f"cannot write to --out {out}: {exc.strerror}") from None
    finish_run(run, walks, out, budget=rules,
               baseline=load_results(baseline) if baseline else None, database=database)
    print_summary(run, out / "index.html")
    sys.exit(int(exit_code(run)))


DEFAULT_BROKER = "redis://127.0.0.1:6379/0"
broker_option = click.option("--broker", default=DEFAULT_BROKER, show_default=True,
                             envvar="AUDITOR_BROKER", metavar="URL",
                             help="The fleet's Redis broker (or AUDITOR_BROKER).")


@click.command("worker")
@broker_option
@click.option("--concurrency", type=click.IntRange(1, 64), default=None,
              help="Journeys walked at once (default: one per two cores, the most this "
                   "machine measures honestly; see docs/scale.md).")
@click.option("--store", "stores", multiple=True, metavar="URL",
              help="Listen to this store's queue from the start (repeatable).")
@click.option("--redeliver-after", type=click.IntRange(5, 86_400), default=None,
              help="Seconds after which a journey whose worker vanished is walked again "
                   "(default 900, longer than any journey).")
def worker_command(broker: str, concurrency: int | None, stores: tuple[str, ...],
                   redeliver_after: int | None) -> None:
    """Walk the fleet's journeys: one at a time per process, each acknowledged only once
    it is recorded, each store's from its own queue."""
    from auditor.fleet.app import DEFAULT_QUEUE, REDELIVER_AFTER_S, configure, queue_for
    from auditor.fleet.submit import check_broker

    check_broker(broker)
    app = configure(broker, redeliver_after or REDELIVER_AFTER_S)
    queues = [DEFAULT_QUEUE, *(queue_for(s) for s in stores)]  # and, once ready, every store's
    processes = concurrency or max(1, (os.cpu_count() or 2) // 2)
    app.worker_main(["worker", "--loglevel=WARNING", f"--concurrency={processes}",
                     "--pool=prefork", "-Q", ",".join(dict.fromkeys(queues)),
                     "-n", f"auditor-{os.getpid()}@%h"])


@click.command("submit")
@click.argument("urls", nargs=-1, required=True)
@broker_option
@click.option("--persona", "personas", multiple=True, help="Persona id (repeatable).")
@click.option("--runs", default=1, show_default=True, type=click.IntRange(1, 50))
@click.option("--history", default=DEFAULT_URL, show_default=True, metavar="URL",
              help="Where the fleet records: PostgreSQL for a fleet on many machines.")
@click.option("--out", type=click.Path(path_type=Path),
              help="Report folder every worker can write (default reports/fleet-<run>).")
@click.option("--budget", type=click.Path(path_type=Path), help="Gates file (YAML or JSON).")
@click.option("--baseline", type=click.Path(path_type=Path),
              help="An earlier results.json to compare with (read by the worker that "
                   "finishes the run: give a path every worker can read).")
@click.option("--scenarios", "scenario_dirs", multiple=True, type=click.Path(path_type=Path),
              help="Extra folder of persona/journey files, the same on every worker.")
@click.option("--per-store", default=1, show_default=True, type=click.IntRange(1, 100),
              help="Journeys walked on one store at once, across the fleet.")
@click.option("--fast-typing", is_flag=True, help="Type each text at once.")
@click.option("--wait", is_flag=True, help="Wait for the run and write its report.")
@click.option("--timeout", default=3600, show_default=True, type=click.IntRange(1, 86_400),
              help="Seconds --wait waits.")
def submit_command(urls: tuple[str, ...], broker: str, personas: tuple[str, ...], runs: int,
                   history: str, out: Path | None, budget: Path | None,
                   baseline: Path | None, scenario_dirs: tuple[Path, ...], per_store: int,
                   fast_typing: bool, wait: bool, timeout: int) -> None:
    """Put journeys on the fleet: each persona on each store at URL..., --runs times. Prints
    the run's id, or with --wait its report once every journey is recorded."""
    from auditor.fleet.app import configure
    from auditor.fleet.submit import Submission, check_broker, submit
    from auditor.judge import gates
    from auditor.report import load_results

    for url in urls:
        check_url(url)
    if budget:
        gates.load_budget(budget)
    if baseline:
        load_results(baseline)  # a wrong file is said now, not by the worker that finishes
    check_broker(broker)
    configure(broker)
    fleet_run, folder, listening = submit(Submission(
        list(urls), list(personas), runs, history, str(out or ""),
        str(budget) if budget else None, [str(d) for d in scenario_dirs], per_store,
        {"typing_scale": 0.0 if fast_typing else 1.0}, str(baseline) if baseline else None))
    click.echo(f"Run {fleet_run}: queued on {len(urls)} store(s); {listening} worker(s) "
               "listening" + ("" if listening else ": the journeys wait until one starts "
                                                   "(auditor worker)"))
    if not wait:
        click.echo(f"Its report: {folder / 'index.html'} once every journey is recorded.")
        return
    _await(history, fleet_run, timeout)


def _await(history: str, fleet_run: str, timeout: int) -> None:
    from auditor import history as recorded
    from auditor.finish import exit_code
    from auditor.fleet import ledger
    from auditor.report import load_results

    engine = recorded.open_history(history)
    deadline = time.monotonic() + timeout
    while (report := ledger.finished(engine, fleet_run)) is None:
        if time.monotonic() > deadline:
            done = len(ledger.walkers(engine, fleet_run))
            raise AuditorError(f"run {fleet_run}: {done} of "
                               f"{len(ledger.plan_of(engine, fleet_run)['units'])} journeys "
                               f"recorded after {timeout} s; are workers running?",
                               ExitCode.INTERRUPTED)
        time.sleep(1)
    run = load_results(Path(report).parent / "results.json")
    print_summary(run, Path(report))
    sys.exit(int(exit_code(run)))


@click.command("schedule")
@click.argument("file", type=click.Path(path_type=Path))
@broker_option
def schedule_command(file: Path, broker: str) -> None:
    """Walk stores on a timetable for monitoring (Celery beat): FILE lists each store, how
    often and with whom; the fleet's workers walk them and record every run."""
    from auditor.fleet.app import configure
    from auditor.fleet.schedule import load_schedule, run_beat
    from auditor.fleet.submit import check_broker

    entries = load_schedule(file)
    check_broker(broker)
    configure(broker)
    click.echo(f"Walking on a timetable: {', '.join(entries)} (Ctrl-C to stop)")
    run_beat(file, file.resolve().parent / f".{file.stem}-beat")
