"""The commands that spread a run past one machine: `auditor merge` joins CI shards into one
run, judged as a whole."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from auditor.cli_reports import history_options, print_summary
from auditor.errors import AuditorError


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
    from auditor.audit import exit_code, now
    from auditor.judge import gates, judge_run
    from auditor.model import RunResult
    from auditor.report import linked_files, load_results, write_report
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
    judge_run(run, walks, budget=rules, baseline=load_results(baseline) if baseline else None)
    try:
        out.mkdir(parents=True, exist_ok=True)
        for path, part in saved:
            copy_assets(linked_files(part), path.parent, out / f"shard-{part.shard['number']}")
    except OSError as exc:
        raise AuditorError(f"cannot write to --out {out}: {exc.strerror}") from None
    if database is not None:
        run_id = recorded.record(database, run, out)
        run.history = recorded.recall(database, run_id, [j.key for j in run.journeys])
    write_report(run, out)
    print_summary(run, out / "index.html")
    sys.exit(int(exit_code(run)))
