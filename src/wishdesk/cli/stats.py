"""``wishdesk stats``."""

from __future__ import annotations

from typing import Annotated

import typer

from wishdesk.cli.context import app_context, stdout_is_tty
from wishdesk.cli.errors import EXIT_CODES_EPILOG


def stats(
    ctx: typer.Context,
    weeks: Annotated[
        int, typer.Option("--weeks", "-w", help="How many weeks back.", min=1, max=520)
    ] = 8,
    fmt: Annotated[
        str, typer.Option("--format", "-F", help="table or json (default: table on a terminal)")
    ] = "",
    as_json: Annotated[bool, typer.Option("--json", help="Short for --format json.")] = False,
) -> None:
    """Weekly figures: opened, replies, median first reply, share within SLA, escalations."""
    from wishdesk.clock import now
    from wishdesk.errors import UsageError
    from wishdesk.services.stats import weekly

    app = app_context(ctx)
    out_format = "json" if as_json else fmt or ("table" if stdout_is_tty() else "json")
    if out_format not in ("table", "json"):
        raise UsageError(f"stats supports --format table or json, not {out_format!r}")
    data = weekly(app.store(), now(), weeks)
    if out_format == "json":
        from wishdesk.render.formats import dumps

        print(dumps(data, indent=2))
        return
    from wishdesk.render.stats import print_stats

    print_stats(app.console(), data)


def register(app: typer.Typer) -> None:
    app.command(epilog=EXIT_CODES_EPILOG)(stats)
