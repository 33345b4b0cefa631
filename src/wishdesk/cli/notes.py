"""``wishdesk note``."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from wishdesk.cli.context import app_context
from wishdesk.cli.errors import epilog
from wishdesk.cli.options import Ticket
from wishdesk.i18n import _

commands = typer.Typer()

Message = Annotated[Optional[str], typer.Option("--message", "-m", help="The note.")]
BodyFile = Annotated[
    Optional[str], typer.Option("--body-file", help="Read the note from a file; - reads stdin.")
]


@commands.command(
    epilog=epilog(
        'wishdesk note TICKET -m "Warehouse checks the parcel on Monday."',
        "wishdesk show TICKET            # notes apart from the thread",
        codes="Exit codes: 0 kept; 2 trouble (usage, an empty note, unknown ticket, store).",
    )
)
def note(
    ctx: typer.Context, ticket: Ticket, message: Message = None, body_file: BodyFile = None
) -> None:
    """Keep an internal note on a ticket: never sent, never linted.

    Signed with `user.name` (this machine's config; default: your login name) and shown by
    `show` apart from the thread."""
    from wishdesk.clock import now
    from wishdesk.render.safe import clean
    from wishdesk.services.notes import add_note

    kept = add_note(app_context(ctx).store(), ticket, message, body_file, now())
    said = _("note kept on {ticket} (by {author})")
    print(said.format(ticket=kept.ticket_id, author=clean(kept.author, one_line=True)))
