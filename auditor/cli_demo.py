"""`auditor store`: the demo store served in the foreground, with its themes, flaws and
catalogues listed in its --help, and, as a staging site, behind basic auth."""

from __future__ import annotations

import click

from auditor.errors import AuditorError


class _StoreCommand(click.Command):
    """`auditor store --help` lists the themes and flaws (imported only when asked for)."""

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        from auditor.demo_store.app import THEMES
        from auditor.demo_store.flaws import KNOWN_FLAWS

        with formatter.section("Themes"):
            formatter.write_dl(list(THEMES.items()))
        with formatter.section("Flaws"):
            formatter.write_dl([(f"{name}=SECONDS" if timed else name, what)
                                for name, (timed, what) in KNOWN_FLAWS.items()])


@click.command("store", cls=_StoreCommand)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port on 127.0.0.1 (0: any free).")
@click.option("--flaw", "flaws", multiple=True,
              help="Switch on a flaw, NAME or NAME=SECONDS (repeatable).")
@click.option("--theme", default="classic", show_default=True,
              help="Markup theme: classic, modern, platform, bootstrap or accordion.")
@click.option("--catalogue", type=click.Choice(["standard", "renamed"]), default="standard",
              show_default=True,
              help="renamed: other categories and products, none that a built-in persona names.")
@click.option("--basic-auth", metavar="USER:PASS",
              help="Ask for these HTTP basic-auth credentials, as a staging site does.")
@click.option("--hosted-card", is_flag=True,
              help="Take cards through a payment provider on another origin (localhost): "
                   "each card field in its own iframe, then 3-D Secure (classic theme).")
def store_command(port: int, flaws: tuple[str, ...], theme: str, catalogue: str,
          basic_auth: str | None, hosted_card: bool) -> None:
    """Serve the demo store in the foreground until Ctrl-C."""
    from auditor import access
    from auditor.demo_store.accounts import DEMO_ACCOUNT
    from auditor.demo_store.app import THEMES
    from auditor.demo_store.flaws import KNOWN_FLAWS, parse_flaws
    from auditor.demo_store.server import StoreServer

    if theme not in THEMES:
        raise AuditorError(f"unknown theme '{theme}'; known themes: {', '.join(THEMES)}")
    parsed = parse_flaws(list(flaws))
    login = access.pair(basic_auth, "--basic-auth", "USER:PASS") if basic_auth else None
    if hosted_card and theme != "classic":
        raise AuditorError("--hosted-card is the classic theme's checkout; drop --theme")
    server = StoreServer(parsed, port, theme, log_requests=True, catalogue=catalogue,
                         basic_auth=login, card_provider=hosted_card)
    click.echo(f"Demo store at {server.url}, {catalogue} catalogue, theme {theme}: "
               f"{THEMES[theme]}")
    click.echo(f"  its account: {DEMO_ACCOUNT[0]}, password {DEMO_ACCOUNT[1]} "
               f"(AUDITOR_ACCOUNT={':'.join(DEMO_ACCOUNT)} for the returning customer)")
    if login:
        click.echo(f"  behind basic auth: user {login[0]} (auditor run --http-credentials)")
    if hosted_card:
        click.echo("  cards: hosted fields of a payment provider on localhost, then 3-D Secure")
    for name in sorted(parsed.switches | set(parsed.delays)):
        click.echo(f"  flaw {name}: {KNOWN_FLAWS[name][1]}"
                   + (f" ({parsed.delays[name]:g} s)" if name in parsed.delays else ""))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("stopped")
