"""``wishdesk tag``: correct a ticket's reason by hand, or hand it back to the classifier."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from wishdesk.cli.context import app_context
from wishdesk.cli.errors import EXIT_CODES_EPILOG


def tag(
    ctx: typer.Context,
    ticket: Annotated[str, typer.Argument(help="Ticket id or a unique prefix of it.")],
    reason: Annotated[
        Optional[str],
        typer.Option("--reason", "-r", help="The reason to file it under (a manual correction)."),
    ] = None,
    auto: Annotated[bool, typer.Option("--auto", help="Back to automatic classification.")] = False,
) -> None:
    """Set a ticket's reason by hand (kept across imports), or return it to --auto."""
    from wishdesk.errors import UsageError
    from wishdesk.services.tagging import retag

    if (reason is None) == (not auto):
        raise UsageError("give exactly one of --reason R or --auto")
    ticket_id, new_reason, source = retag(app_context(ctx).store(), ticket, reason)
    print(f"{ticket_id}\t{new_reason}\t{source}")


def register(app: typer.Typer) -> None:
    app.command(epilog=EXIT_CODES_EPILOG)(tag)
