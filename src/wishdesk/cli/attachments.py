"""``wishdesk attachments TICKET [--save DIR]``: a ticket's buyer photos."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from wishdesk.cli.context import app_context
from wishdesk.cli.errors import epilog
from wishdesk.cli.options import BomOption, FormatOption, JsonOption, Ticket, resolve_format

commands = typer.Typer()

Save = Annotated[
    Optional[Path],
    typer.Option("--save", help="Copy the downloaded photos into DIR.", show_default=False),
]


@commands.command(
    epilog=epilog(
        "wishdesk attachments TICKET",
        "wishdesk attachments TICKET --save ~/claims/TICKET",
        "wishdesk attachments TICKET --json",
    )
)
def attachments(
    ctx: typer.Context,
    ticket: Ticket,
    save: Save = None,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
    bom: BomOption = False,
) -> None:
    """List a ticket's buyer photos (downloaded by `sync`), or copy them into a folder."""
    from wishdesk.clock import now
    from wishdesk.render import attachments as render
    from wishdesk.services import attachments as photos

    store = app_context(ctx).store()
    if save is not None:
        copies, missing = photos.save_copies(store, ticket, save)
        render.saved(sys.stdout, sys.stderr, copies, missing)
        return
    out_format = resolve_format(fmt, as_json)
    render.write(sys.stdout, out_format, photos.of_ticket(store, ticket, now()), photos.FIELDS)
