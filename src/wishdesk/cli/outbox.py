"""``wishdesk outbox``: what is waiting to go out, and cancelling or retrying it."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from wishdesk.cli.context import app_context
from wishdesk.cli.errors import EXIT_CODES_EPILOG
from wishdesk.cli.options import SQLITE_MAX_INT, BomOption, FormatOption, JsonOption, resolve_format

outbox_app = typer.Typer(
    help="Replies, closes and notifications waiting for `sync`.",
    invoke_without_command=True,
    epilog=EXIT_CODES_EPILOG,
)


@outbox_app.callback()
def outbox(
    ctx: typer.Context,
    status: Annotated[
        list[str],
        typer.Option(
            "--status",
            "-s",
            help="queued, sending, sent, failed, manual, cancelled or any; "
            "repeatable. Default: all but sent and cancelled.",
            show_default=False,
        ),
    ] = [],  # noqa: B006
    fmt: FormatOption = None,
    as_json: JsonOption = False,
    bom: BomOption = False,
) -> None:
    """List outbox items (default: those still waiting or needing you)."""
    if ctx.invoked_subcommand is not None:
        return
    from wishdesk.render.formats import write_records
    from wishdesk.services.outbox import FIELDS, list_items

    app = app_context(ctx)
    out_format = resolve_format(fmt, as_json)
    items = [item.record() for item in list_items(app.store(), status)]
    if out_format == "table":
        from wishdesk.render.outbox import print_outbox_table
        from wishdesk.services.config import current

        tz = current(app.store())["calendar.timezone"]
        print_outbox_table(app.console(), items, tz)
        return
    write_records(sys.stdout, out_format, items, FIELDS)


@outbox_app.command()
def cancel(
    ctx: typer.Context, item_id: Annotated[int, typer.Argument(metavar="ID", max=SQLITE_MAX_INT)]
) -> None:
    """Cancel an item that has not gone out (a cancelled reply leaves the thread)."""
    from wishdesk.clock import now
    from wishdesk.services.outbox import cancel as cancel_item

    item = cancel_item(app_context(ctx).store(), item_id, now())
    print(f"outbox #{item.id} cancelled")


@outbox_app.command()
def retry(
    ctx: typer.Context, item_id: Annotated[int, typer.Argument(metavar="ID", max=SQLITE_MAX_INT)]
) -> None:
    """Queue a failed or manual item again."""
    from wishdesk.clock import now
    from wishdesk.services.outbox import retry as retry_item

    item = retry_item(app_context(ctx).store(), item_id, now())
    print(f"outbox #{item.id} queued again")


commands = typer.Typer()
commands.add_typer(outbox_app, name="outbox")
