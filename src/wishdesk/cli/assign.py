"""``wishdesk assign``."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from wishdesk.cli.context import app_context
from wishdesk.cli.errors import epilog
from wishdesk.cli.options import Ticket, agent_option

commands = typer.Typer()

To = Annotated[Optional[str], agent_option("--to", help="The agent who works it.")]
Me = Annotated[bool, typer.Option("--me", help="You (user.name) work it.")]
Nobody = Annotated[bool, typer.Option("--none", help="Nobody works it any more.")]


@commands.command(
    epilog=epilog(
        "wishdesk assign TICKET --me",
        "wishdesk assign TICKET --to Ana",
        "wishdesk list --mine            # the tickets you work",
        codes="Exit codes: 0 done; 2 trouble (usage, unknown ticket, store).",
    )
)
def assign(
    ctx: typer.Context, ticket: Ticket, to: To = None, me: Me = False, none: Nobody = False
) -> None:
    """Set who works a ticket: another agent, you, or nobody.

    One of --to NAME, --me or --none. Your name is `user.name` (this machine's config;
    default: your login name). Kept in the store and the audit log only: Wish has no
    assignment, and sync leaves it alone. `list` can show only yours."""
    from wishdesk.clock import now
    from wishdesk.render.assign import assigned_line
    from wishdesk.services.assign import assign as assign_ticket

    done = assign_ticket(app_context(ctx).store(), ticket, to=to, me=me, none=none, now=now())
    print(assigned_line(done))
