"""``wishdesk tag``: correct a ticket's reason by hand, or hand it back to the classifier."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from wishdesk.cli.context import app_context
from wishdesk.cli.errors import epilog
from wishdesk.cli.options import Ticket

commands = typer.Typer()

Reason = Annotated[
    Optional[str],
    typer.Option("--reason", "-r", help="The reason to file it under (a manual correction)."),
]
Auto = Annotated[bool, typer.Option("--auto", help="Back to automatic classification.")]


@commands.command(
    epilog=epilog(
        "wishdesk tag TICKET --reason change-address",
        "wishdesk tag TICKET --auto",
    )
)
def tag(ctx: typer.Context, ticket: Ticket, reason: Reason = None, auto: Auto = False) -> None:
    """Set a ticket's reason by hand (kept across imports), or give it back to the classifier."""
    from wishdesk.errors import UsageError
    from wishdesk.services.tickets import retag

    if (reason is None) == (not auto):
        raise UsageError("give exactly one of --reason R or --auto")
    row = retag(app_context(ctx).store(), ticket, reason)
    print(f"{row.id}\t{row.reason}\t{row.reason_source}")
