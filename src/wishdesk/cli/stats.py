"""``wishdesk stats``."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from wishdesk.cli.context import app_context
from wishdesk.cli.errors import epilog
from wishdesk.cli.options import BomOption, FormatOption, JsonOption, resolve_format, within
from wishdesk.i18n import _

commands = typer.Typer()

Weeks = Annotated[
    int, typer.Option("--weeks", "-w", help="How many weeks back (1-520).", callback=within(1, 520))
]


@commands.command(epilog=epilog("wishdesk stats", "wishdesk stats --weeks 12 --json"))
def stats(
    ctx: typer.Context,
    weeks: Weeks = 8,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
    bom: BomOption = False,
) -> None:
    """Weekly figures: opened, replies, median first reply, share within SLA, escalations.

    JSON (the default in a pipe) holds the weeks and the counts by reason; tsv, csv and
    jsonl list the weeks, one row each.
    """
    from wishdesk.clock import now
    from wishdesk.services.stats import WEEK_FIELDS, weekly

    app = app_context(ctx)
    out_format = resolve_format(fmt, as_json, piped="json")
    data, damaged = weekly(app.store(), now(), weeks)
    if damaged:
        said = _(
            "stats: {count} tickets or messages left out: a time of theirs in the store is damaged"
        )
        print(said.format(count=damaged), file=sys.stderr)
    if out_format == "table":
        from wishdesk.render.stats import print_stats

        print_stats(app.console(), data)
    elif out_format == "json":
        from wishdesk.render.formats import write_json

        write_json(sys.stdout, data)
    else:
        from wishdesk.render.formats import write_records

        write_records(sys.stdout, out_format, data["weeks"], WEEK_FIELDS)
