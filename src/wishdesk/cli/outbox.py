"""``wishdesk outbox``: what is waiting to go out, and cancelling or retrying it."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from wishdesk.cli.context import app_context
from wishdesk.cli.errors import epilog
from wishdesk.cli.options import BomOption, FormatOption, JsonOption, resolve_format, within
from wishdesk.i18n import _

ItemId = Annotated[
    int, typer.Argument(metavar="ID", help="The item's number (see `outbox`).", callback=within(0))
]
outbox_app = typer.Typer(
    help="Replies, closes and notifications waiting for `sync`.",
    invoke_without_command=True,
    epilog=epilog(
        "wishdesk outbox                 # what still waits, or needs you",
        "wishdesk outbox --status failed --status manual --json",
        "wishdesk outbox cancel ID",
    ),
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


@outbox_app.command(
    epilog=epilog("wishdesk outbox --status queued   # the IDs", "wishdesk outbox cancel ID")
)
def cancel(ctx: typer.Context, item_id: ItemId) -> None:
    """Cancel an item that has not gone out (a cancelled reply leaves the thread)."""
    from wishdesk.clock import now
    from wishdesk.services.outbox import cancel as cancel_item

    item = cancel_item(app_context(ctx).store(), item_id, now())
    print(_("outbox #{id} cancelled").format(id=item.id))


@outbox_app.command(
    epilog=epilog("wishdesk outbox --status failed   # the IDs", "wishdesk outbox retry ID")
)
def retry(ctx: typer.Context, item_id: ItemId) -> None:
    """Queue a failed or manual item again."""
    from wishdesk.clock import now
    from wishdesk.services.outbox import retry as retry_item

    item = retry_item(app_context(ctx).store(), item_id, now())
    print(_("outbox #{id} queued again").format(id=item.id))


commands = typer.Typer()
commands.add_typer(outbox_app, name="outbox")
