"""The `auditor` command: run audits, serve the demo store, list personas, re-render reports."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from urllib.parse import urlparse

import click

from auditor import __version__
from auditor.audit import AuditPlan, run_audit, run_folder
from auditor.cli_demo import store_command
from auditor.cli_reports import (
    access_options,
    check_url,
    history_command,
    history_options,
    open_command,
    print_summary,
    trend_command,
)
from auditor.cli_scale import (
    merge_command,
    schedule_command,
    submit_command,
    worker_command,
)
from auditor.errors import AuditorError, ExitCode
from auditor.finish import exit_code
from auditor.model import RunResult
from auditor.progress import Progress
from auditor.shard import parse_shard

RUN_EXAMPLES = """
\b
Examples:
  auditor run http://127.0.0.1:8000
  auditor run https://staging.example.com --persona stressed-parent --out reports/today
  auditor run URL --budget budget.yaml --baseline reports/last/results.json
  auditor run URL --compare https://competitor.example.com
"""


class AuditorGroup(click.Group):
    """Turns AuditorError into one line and its exit code, never a traceback."""

    def main(self, *args, **kwargs):  # type: ignore[override]
        # Everything imported so far lives until exit: frozen, it is skipped by every later
        # garbage collection, the ones at exit among them (~40 ms a run here).
        gc.freeze()
        kwargs["standalone_mode"] = False
        try:
            return super().main(*args, **kwargs)
        except AuditorError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(int(exc.code))
        except click.exceptions.Abort:
            click.echo("aborted", err=True)
            sys.exit(130)
        except click.ClickException as exc:
            command = next((a for a in sys.argv[1:2] if a in self.commands), None)
            hint = f"auditor {command} --help" if command else "auditor --help"
            click.echo(f"error: {exc.format_message()} (see '{hint}')", err=True)
            sys.exit(int(ExitCode.USAGE))
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)


@click.group(cls=AuditorGroup)
@click.version_option(__version__, prog_name="journey-auditor")
def main() -> None:
    """Audit an online store the way its customers live it.

    Personas walk a store in a real Chromium; every step is measured and turned into an
    emotion on a customer-journey map (index.html, results.json, junit.xml, ctrf.json,
    summary.md).
    """


def _pick(journeys: dict, wanted: tuple[str, ...]) -> list:
    unknown = [p for p in wanted if p not in journeys]
    if unknown:
        raise AuditorError(f"unknown persona '{unknown[0]}'; known personas: "
                           f"{', '.join(sorted(journeys))} (see 'auditor personas')")
    return [journeys[p] for p in (wanted or sorted(journeys))]


def _audit(plan: AuditPlan, quiet: bool) -> RunResult:
    """Run the audit with the live progress display (none with --quiet: no step is then
    judged early)."""
    if quiet:
        return run_audit(plan)
    sites = 2 if plan.compare_site else 1
    progress = Progress(plan.parallel, plan.runs, len(plan.journeys) * sites * plan.runs)
    try:
        return run_audit(plan, progress.step, progress.activity)
    finally:
        progress.close()


def _options(step_timeout: float, fast_typing: bool, profile: dict | None, dwell: int = 300,
             filmstrip: bool = True, access=None, announce_automation: bool = False,
             axe: bool = True):
    from auditor.access import OPEN
    from auditor.gather.walk import RunOptions

    return RunOptions(step_timeout_ms=step_timeout * 1000,
                      typing_scale=0.0 if fast_typing else 1.0, dwell_ms=dwell,
                      locators=(profile or {}).get("locators"), filmstrip=filmstrip,
                      access=access or OPEN, announce_automation=announce_automation, axe=axe)


@main.command(epilog=RUN_EXAMPLES)
@click.argument("url")
@click.option("--persona", "personas", multiple=True,
              help="Persona id (repeatable); all by default.")
@click.option("--out", type=click.Path(path_type=Path),
              help="Report folder. Default: a new reports/run-<time>/ with reports/latest.")
@click.option("--scenarios", "scenario_dirs", multiple=True, type=click.Path(path_type=Path),
              help="Extra folder of persona/journey YAML files (repeatable).")
@click.option("--budget", type=click.Path(path_type=Path), help="Gates file (YAML or JSON).")
@click.option("--baseline", type=click.Path(path_type=Path),
              help="An earlier results.json to compare with.")
@click.option("--compare", "compare_url",
              help="A second store to walk side by side, for context: its results never fail "
                   "a gate unless a budget rule says store: competitor.")
@click.option("--label", help="A name for the audited store in every report (default: URL).")
@click.option("--compare-label", help="A name for the --compare store (default: its URL).")
@click.option("--profile", type=click.Path(path_type=Path),
              help="Site profile (YAML): locators and inputs for this store.")
@click.option("--step-timeout", default=30.0, show_default=True,
              type=click.FloatRange(min=0, min_open=True, max=600),
              help="Seconds a step may take.")
@click.option("--fast-typing", is_flag=True,
              help="Type each text at once in the browser; scores still use the persona's speed.")
@click.option("--runs", default=1, show_default=True, type=click.IntRange(1, 50),
              help="Walk each journey N times; report medians, test baselines for significance.")
@click.option("--parallel", is_flag=True,
              help="Walk the personas at the same time in one browser, a context each.")
@click.option("--dwell", default=300, show_default=True, type=click.IntRange(0, 60_000),
              help="Milliseconds each persona looks at a page once it is ready (late layout "
                   "shifts show up in this time).")
@click.option("--no-filmstrip", is_flag=True,
              help="Keep no frames of what each persona saw during waits too long for her.")
@click.option("--no-axe", is_flag=True,
              help="Do not run axe-core's WCAG checks on each page the personas see.")
@click.option("--lighthouse", is_flag=True,
              help="Also run Lighthouse CI on each distinct page (needs node and lhci).")
@click.option("--lighthouse-pages", default=6, show_default=True, type=click.IntRange(1, 50),
              help="At most this many pages per form factor for Lighthouse.")
@click.option("--quiet", is_flag=True, help="Print only the summary (for CI logs).")
@click.option("--browser-endpoint", metavar="WS_URL",
              help="Drive a Playwright browser server elsewhere (ws://HOST:PORT/) instead of "
                   "the local Chromium; its waits are marked remote.")
@click.option("--shard", metavar="I/N",
              help="Walk only shard I of N of the work (store × persona × run); join the "
                   "shards with 'auditor merge', which judges the whole.")
@click.option("--announce-automation", is_flag=True,
              help="Let the store see an automated browser (navigator.webdriver, a "
                   "HeadlessChrome user agent); by default the personas' browser looks like "
                   "a person's, so consent boxes and analytics meet them as they meet people.")
@access_options
@history_options
def run(url: str, personas: tuple[str, ...], out: Path | None, scenario_dirs: tuple[Path, ...],
        budget: Path | None, baseline: Path | None, compare_url: str | None, label: str | None,
        compare_label: str | None, profile: Path | None, step_timeout: float,
        fast_typing: bool, runs: int, parallel: bool, dwell: int, no_filmstrip: bool,
        no_axe: bool, lighthouse: bool, lighthouse_pages: int, quiet: bool,
        browser_endpoint: str | None,
        shard: str | None, history: str, no_history: bool, http_credentials: str | None,
        headers: tuple[str, ...], storage_state: Path | None,
        announce_automation: bool) -> None:
    """Walk each persona's journey on the store at URL and write the report."""
    from auditor import access
    from auditor.judge import gates
    from auditor.profile import apply_profile, load_profile
    from auditor.report import load_results
    from auditor.scenario import load_journeys

    check_url(url)
    if browser_endpoint and urlparse(browser_endpoint).scheme not in ("ws", "wss"):
        raise AuditorError(f"--browser-endpoint '{browser_endpoint}' is no ws:// address of a "
                           "Playwright browser server (npx playwright run-server)")
    if compare_url:
        check_url(compare_url, "--compare")
    journeys = _pick(load_journeys(scenario_dirs), personas)  # first: they declare actions
    site_profile = load_profile(profile) if profile else None
    journeys = [apply_profile(j, site_profile) for j in journeys]
    journeys, not_walked = access.with_accounts(journeys, chosen=bool(personas))
    url, entry = access.for_store(url, http_credentials, headers, storage_state, site_profile,
                                  profile)
    if lighthouse and entry != access.OPEN:
        raise AuditorError("--lighthouse cannot pass credentials, headers or a storage state "
                           "to Lighthouse yet; audit a closed store without --lighthouse")
    if compare_label and not compare_url:
        raise AuditorError("--compare-label names the --compare store; give --compare URL too")
    if compare_url and (label or url) == (compare_label or compare_url):
        raise AuditorError("--label and --compare-label must differ: they tell the stores apart")
    part = parse_shard(shard) if shard else None
    if part and (budget or baseline or lighthouse):
        raise AuditorError("--budget, --baseline and --lighthouse go to 'auditor merge', which "
                           "judges the whole run; a shard only walks its share")
    rules = gates.load_budget(budget) if budget else gates.Budget()
    if budget:
        gates.check_rules(rules, journeys, budget)
    plan = AuditPlan(
        journeys, url, Path("."),
        compare_site=compare_url,
        labels=(label or (url if compare_url else ""),
                (compare_label or compare_url) if compare_url else ""),
        budget=rules,
        baseline=load_results(baseline) if baseline else None,
        options=_options(step_timeout, fast_typing, site_profile, dwell, not no_filmstrip,
                         entry, announce_automation, not no_axe),
        runs=runs, parallel=parallel, lighthouse=lighthouse, lighthouse_pages=lighthouse_pages,
        history=None if no_history else history, shard=part,
        browser_endpoint=browser_endpoint,
    )
    plan.out = _prepare_out(out)
    for note in not_walked:
        click.echo(note)
    result = _audit(plan, quiet)
    print_summary(result, plan.out / "index.html")
    sys.exit(int(exit_code(result)))


def _prepare_out(out: Path | None) -> Path:
    try:
        if out is None:
            return run_folder(Path("reports"))
        out.mkdir(parents=True, exist_ok=True)
        probe = out / ".write-test"
        probe.write_text("")
        probe.unlink()
        return out
    except OSError as exc:
        raise AuditorError(f"cannot write to --out {out or 'reports'}: {exc.strerror}; "
                           "choose a folder you can write") from None


@main.command()
@click.option("--out", type=click.Path(path_type=Path),
              help="Report folder (default reports/demo).")
@click.option("--fast-typing", is_flag=True,
              help="Type each text at once; scores keep persona speed.")
@click.option("--quiet", is_flag=True)
@history_options
def demo(out: Path | None, fast_typing: bool, quiet: bool, history: str,
         no_history: bool) -> None:
    """Audit the flawed demo store beside the well-made one with the built-in personas who
    use a pointer."""
    from auditor.access import ACCOUNT_ENV
    from auditor.demo_store.accounts import DEMO_ACCOUNT
    from auditor.demo_store.flaws import parse_flaws
    from auditor.demo_store.server import StoreServer
    from auditor.judge import gates
    from auditor.scenario import load_journeys

    flawed = parse_flaws(["slow-product=4", "broken-search", "clear-form-on-error",
                          "unnamed-icon-buttons"])
    os.environ.setdefault(ACCOUNT_ENV, ":".join(DEMO_ACCOUNT))  # the returning customer's
    with StoreServer(flawed) as bad, StoreServer() as good:
        out = _prepare_out(out or Path("reports/demo"))
        # PRODUCT.md's stories, told by the pointer personas; the keyboard and screen-reader
        # shoppers' own are told on any store by `run` (docs/accessibility.md).
        journeys = [j for j in _pick(load_journeys(), ()) if not j.persona.keyboard_only]
        plan = AuditPlan(journeys, bad.url, out,
                         compare_site=good.url, labels=("flawed store", "well-made store"),
                         budget=gates.Budget(), options=_options(30, fast_typing, None),
                         history=None if no_history else history)
        click.echo(f"Demo stores: flawed at {bad.url}, well-made at {good.url}")
        result = _audit(plan, quiet)
    print_summary(result, (plan.out / "index.html").resolve())
    click.echo("The gates above are expected to fail on the flawed store; the demo exits 0.")


@main.command()
@click.option("--scenarios", "scenario_dirs", multiple=True, type=click.Path(path_type=Path))
def personas(scenario_dirs: tuple[Path, ...]) -> None:
    """List the personas with their traits."""
    from auditor.scenario import load_journeys

    for pid, journey in sorted(load_journeys(scenario_dirs).items()):
        p = journey.persona
        click.echo(f"{pid}: {p.name} — {p.story}")
        click.echo(f"    goal: {p.goal}")
        click.echo(f"    device {p.device.name} {p.device.width}×{p.device.height}, "
                   f"network {p.network.name}, CPU ×{p.cpu_slowdown:g}, patience "
                   f"{p.patience_fine_ms / 1000:g}–{p.patience_poor_ms / 1000:g} s, "
                   f"tolerance {p.tolerance:g}, {p.typing_ms_per_key:g} ms per key"
                   + (f", {p.moves}" if p.moves else ""))
        click.echo(f"    journey: {' → '.join(s.name for s in journey.steps)}")


@main.command()
@click.argument("results", type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(path_type=Path), required=True, help="Report folder.")
def report(results: Path, out: Path) -> None:
    """Re-render every report file from a saved results.json, with no browser; the
    screenshots and Lighthouse reports it links to are copied along."""
    from auditor.report import linked_files, load_results, write_report
    from auditor.report.files import copy_assets

    run_result = load_results(results)
    index = write_report(run_result, _prepare_out(out))
    missing = copy_assets(linked_files(run_result), results.parent, out)
    if missing:
        click.echo(f"{missing} screenshot(s) or Lighthouse report(s) named in {results} are "
                   f"not beside it; the report shows them as missing")
    click.echo(f"Report: {index.resolve().as_uri()}")


@main.command()
@click.argument("url")
@click.option("--profile", type=click.Path(path_type=Path),
              help="An existing profile whose locators and inputs to use.")
@click.option("--write", "write_to", type=click.Path(path_type=Path),
              default=Path("site-profile.yaml"), show_default=True,
              help="Where to write the profile skeleton.")
@click.option("--force", is_flag=True, help="Overwrite the profile file if it exists.")
@click.option("--place-order", is_flag=True,
              help="Also fill the checkout and place an order (test stores only).")
@access_options
def discover(url: str, profile: Path | None, write_to: Path, force: bool,
             place_order: bool, http_credentials: str | None, headers: tuple[str, ...],
             storage_state: Path | None) -> None:
    """List what discovery finds on a store, with locators, and write a profile skeleton."""
    from auditor import access
    from auditor.gather import survey
    from auditor.profile import load_profile
    from auditor.report.files import atomic_write

    check_url(url)
    if write_to.exists() and not force:
        raise AuditorError(f"{write_to} exists; pass --force to overwrite or --write another file")
    site = load_profile(profile) if profile else {}
    url, entry = access.for_store(url, http_credentials, headers, storage_state, site, profile)
    found = survey.discover(url, site.get("inputs"), site.get("locators"), place_order,
                            access=entry)
    click.echo(f"What a shopper can find on {url}:")
    for key, hit in found.elements.items():
        click.echo(f"  ✔ {key:<15} {hit['selector'] or '-':<45} {hit['how']} "
                   f"({hit['confidence']:.2f})")
    for name, error in found.missing:
        click.echo(f"  ✘ {name}: {error}")
    if found.choices or found.effort:
        click.echo("What it chose and opened on the way:")
    for name, why in found.choices:
        click.echo(f"  {name}: {why}")
    for name, done in found.effort:
        click.echo(f"  {name}: {done}")
    fields = survey.classified_fields(found.fields)
    if fields:
        click.echo("Checkout fields:")
    for f in fields:
        where = " (in a frame)" if f["frame"] else ""
        click.echo(f"  {f['token']:<15} {f['name']:<40} {f['label'][:30]:<30} {f['how']}{where}")
    if place_order:
        placed = "placed, no order number shown" if found.order_placed else "not confirmed"
        click.echo(f"Order confirmation: {found.order_number or placed}")
    atomic_write(write_to, survey.profile_skeleton(url, found))
    click.echo(f"Profile skeleton: {write_to}")
    sys.exit(int(ExitCode.OK if not found.missing else ExitCode.GATE_FAILED))


main.add_command(store_command)
main.add_command(history_command)
main.add_command(trend_command)
main.add_command(open_command)
main.add_command(merge_command)
main.add_command(worker_command)
main.add_command(submit_command)
main.add_command(schedule_command)
