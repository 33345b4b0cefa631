"""``wishdesk snooze``."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from wishdesk.cli import candidates
from wishdesk.cli.context import app_context
from wishdesk.cli.errors import epilog
from wishdesk.cli.options import ticket_argument
from wishdesk.i18n import _

commands = typer.Typer()

SnoozedTicket = Annotated[str, ticket_argument(candidates.snoozed)]
Until = Annotated[
    Optional[str],
    typer.Option(
        "--until",
        metavar="WHEN",
        help="2026-12-05, 'tomorrow 9:00', 4h, 2d or 3bd (business days), in your time zone.",
    ),
]
Unsnooze = Annotated[bool, typer.Option("--unsnooze", help="End the snooze now.")]


@commands.command(
    epilog=epilog(
        'wishdesk snooze TICKET --until "tomorrow 9:00"',
        "wishdesk snooze TICKET --until 3bd",
        "wishdesk list --snoozed",
        codes="Exit codes: 0 done; 2 trouble (usage, a time in the past or unreadable, a "
        "closed ticket, unknown ticket, store).",
    )
)
def snooze(
    ctx: typer.Context, ticket: SnoozedTicket, until: Until = None, unsnooze: Unsnooze = False
) -> None:
    """Hide a ticket from `list` until WHEN, or until the buyer writes again.

    Its SLA clocks keep running and `overdue` still reports it; `--unsnooze` ends it, and
    `list` has an option to show the snoozed tickets. WHEN is read in calendar.timezone."""
    from wishdesk.clock import now
    from wishdesk.errors import UsageError
    from wishdesk.render.timefmt import labelled
    from wishdesk.services.snooze import snooze as snooze_ticket

    if (until is not None) == unsnooze:  # both, or neither
        raise UsageError("give one of --until WHEN or --unsnooze")
    done = snooze_ticket(app_context(ctx).store(), ticket, until, now())
    if done.until is not None:
        said = _("{ticket} snoozed until {until} (or until the buyer writes)")
        print(said.format(ticket=done.ticket_id, until=labelled(done.until, done.timezone)))
    elif done.was is not None:
        print(_("{ticket} is no longer snoozed").format(ticket=done.ticket_id))
    else:
        print(_("{ticket} was not snoozed").format(ticket=done.ticket_id))
