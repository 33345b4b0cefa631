"""``wishdesk close`` and ``wishdesk appeal``."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from wishdesk.cli import candidates
from wishdesk.cli.context import app_context
from wishdesk.cli.errors import epilog
from wishdesk.cli.options import ticket_argument
from wishdesk.i18n import N_, _

commands = typer.Typer()

CODES = N_(
    "Exit codes: 0 queued; 2 trouble (usage, unknown ticket, a ticket Wish would not move "
    "(closed, permanently closed, already with Wish support), a change already waiting, store)."
)
# what ``close`` and ``appeal`` say they queued
QUEUED = {
    "close": N_(
        "queued close of {ticket} (outbox #{id}): {state} here now, was {was}; "
        "`wishdesk sync` sends it"
    ),
    "appeal": N_(
        "queued appeal of {ticket} (outbox #{id}): {state} here now, was {was}; "
        "`wishdesk sync` sends it"
    ),
}
Closable = Annotated[str, ticket_argument(candidates.closable)]
Appealable = Annotated[str, ticket_argument(candidates.appealable)]
Reason = Annotated[
    Optional[str], typer.Option("--reason", help="Why, for the audit log (never sent).")
]


def _queue(ctx: typer.Context, ticket: str, kind: str, reason: str | None = None) -> None:
    from wishdesk.clock import now
    from wishdesk.services.state_change import change

    done = change(app_context(ctx).store(), ticket, kind, now(), reason)
    said = _(QUEUED[kind])
    print(said.format(ticket=done.ticket_id, id=done.outbox_id, state=done.state, was=done.was))


@commands.command(
    epilog=epilog(
        "wishdesk close TICKET",
        "wishdesk outbox --status queued   # the close waits here for sync",
        codes=CODES,
    )
)
def close(ctx: typer.Context, ticket: Closable) -> None:
    """Close a ticket that needs nothing more (queued for `sync`).

    The ticket is CLOSED here at once and leaves the inbox and `overdue`; `outbox cancel`
    takes the close back and puts the ticket back as it was."""
    _queue(ctx, ticket, "close")


@commands.command(
    epilog=epilog(
        'wishdesk appeal TICKET --reason "The buyer insults our staff."',
        "wishdesk appeal TICKET",
        codes=CODES,
    )
)
def appeal(ctx: typer.Context, ticket: Appealable, reason: Reason = None) -> None:
    """Hand a ticket to Wish support (queued for `sync`).

    For an abusive buyer, or a claim you dispute. The ticket is AWAITING_WISH here at once;
    --reason is kept in the audit log; `outbox cancel` takes the appeal back."""
    _queue(ctx, ticket, "appeal", reason)
