"""``wishdesk list``, ``show`` and ``overdue``."""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Annotated, Optional

import typer

from wishdesk.cli.context import app_context
from wishdesk.cli.errors import epilog
from wishdesk.cli.options import (
    BomOption,
    FormatOption,
    JsonOption,
    Ticket,
    agent_option,
    order_option,
    resolve_format,
    within,
)
from wishdesk.i18n import N_, _, ngettext

commands = typer.Typer()


class Sort(str, enum.Enum):
    due = "due"
    updated = "updated"
    opened = "opened"


class Clock(str, enum.Enum):
    sla = "sla"
    escalation = "escalation"
    any = "any"


States = Annotated[
    list[str],
    typer.Option(
        "--state",
        "-s",
        help="awaiting-merchant (default), awaiting-user, awaiting-wish, closed or any; "
        "repeatable.",
        show_default=False,
    ),
]
Reasons = Annotated[
    list[str],
    typer.Option("--reason", "-r", help="Only these reasons; repeatable.", show_default=False),
]
Overdue = Annotated[bool, typer.Option("--overdue", help="Only tickets past their SLA.")]
DueWithin = Annotated[
    Optional[str],
    typer.Option("--due-within", help="Only tickets due within 12h, 1d, 2bd (business days)..."),
]
Search = Annotated[
    Optional[str], typer.Option("--search", "-q", help="Full text over subjects and messages.")
]
Order = Annotated[Optional[str], order_option(N_("Tickets about this order."))]
SortOption = Annotated[Sort, typer.Option(help="Sort by SLA due time, last update or opening.")]
Reverse = Annotated[bool, typer.Option("--reverse", help="Reverse the sort.")]
Snoozed = Annotated[bool, typer.Option("--snoozed", help="The snoozed tickets (hidden otherwise).")]
Mine = Annotated[bool, typer.Option("--mine", help="Only the tickets assigned to you.")]
Unassigned = Annotated[bool, typer.Option("--unassigned", help="Only the tickets nobody works.")]
Assignee = Annotated[Optional[str], agent_option("--assignee", help="Only the tickets NAME works.")]
Within = Annotated[
    Optional[str], typer.Option("--within", help="Also tickets due within 12h, 1d, 2bd...")
]
ClockOption = Annotated[Clock, typer.Option(help="Which deadline: sla, escalation or any.")]
Limit = Annotated[
    int,
    typer.Option("--limit", "-n", help="At most N tickets; 0 for all.", callback=within(0)),
]


@commands.command(
    "list",
    epilog=epilog(
        "wishdesk list --overdue --reason shipping-eta",
        "wishdesk list --state any --search tracking --format csv > tickets.csv",
        "wishdesk list -n 0 --due-within 1bd",
    ),
)
def list_(
    ctx: typer.Context,
    state: States = [],  # noqa: B006
    reason: Reasons = [],  # noqa: B006
    overdue: Overdue = False,
    due_within: DueWithin = None,
    search: Search = None,
    order: Order = None,
    limit: Limit = 50,
    sort: SortOption = Sort.due,
    reverse: Reverse = False,
    snoozed: Snoozed = False,
    mine: Mine = False,
    unassigned: Unassigned = False,
    assignee: Assignee = None,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
    bom: BomOption = False,
) -> None:
    """List tickets: by default those awaiting you, most urgent first.

    Snoozed tickets are left out until their snooze ends; --snoozed lists them instead."""
    from wishdesk.clock import now
    from wishdesk.render.listing import write_listing
    from wishdesk.services.assign import AgentFilter
    from wishdesk.services.inbox import ListRequest, list_query, listing

    app = app_context(ctx)
    out_format = resolve_format(fmt, as_json)
    agent = AgentFilter(mine, unassigned, assignee)
    request = ListRequest(
        state, reason, overdue, due_within, search, order, limit, sort.value, reverse, snoozed,
        agent,
    )  # fmt: skip
    moment = now()
    store = app.store()
    query = list_query(store, request, moment)

    found = listing(store, query, moment)
    title, cut = _headings(request.awaiting_merchant, snoozed)
    write_listing(found, out_format, moment, app.console, title, cut=cut)


def _headings(
    mine: bool, snoozed: bool
) -> tuple[Callable[[int, int], str], Callable[[int, int], str]]:
    """The table's title and the line that says ``--limit`` cut the list."""

    def title(shown: int, total: int) -> str:
        if mine and total > shown:
            text = ngettext(
                "Awaiting you: {shown} of {total} ticket",
                "Awaiting you: {shown} of {total} tickets",
                total,
            )
        elif mine:
            text = ngettext("Awaiting you: {total} ticket", "Awaiting you: {total} tickets", total)
        elif snoozed and total > shown:
            text = ngettext(
                "Snoozed: {shown} of {total} ticket", "Snoozed: {shown} of {total} tickets", total
            )
        elif snoozed:
            text = ngettext("Snoozed: {total} ticket", "Snoozed: {total} tickets", total)
        elif total > shown:
            text = ngettext("{shown} of {total} ticket", "{shown} of {total} tickets", total)
        else:
            text = ngettext("{total} ticket", "{total} tickets", total)
        return text.format(shown=shown, total=total)

    def cut(shown: int, total: int) -> str:
        if mine:
            return _("{shown} of {total} awaiting you; --limit 0 for all").format(
                shown=shown, total=total
            )
        return _("{shown} of {total}; --limit 0 for all").format(shown=shown, total=total)

    return title, cut


@commands.command(
    epilog=epilog(
        "wishdesk overdue                # silent, exit 0, when nothing is late",
        "wishdesk overdue --within 4h --format tsv",
        "wishdesk overdue --clock escalation --json",
    )
)
def overdue(
    ctx: typer.Context,
    within: Within = None,
    clock: ClockOption = Clock.any,
    limit: Limit = 0,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
    bom: BomOption = False,
) -> None:
    """Tickets awaiting you past (or near) a deadline: made for cron.

    Silent with exit 0 when there are none, the list with exit 1 when there are."""
    from wishdesk.clock import now
    from wishdesk.render.listing import write_listing
    from wishdesk.services.inbox import OverdueRequest, listing, overdue_query

    app = app_context(ctx)
    out_format = resolve_format(fmt, as_json)
    moment = now()
    store = app.store()
    query = overdue_query(store, OverdueRequest(within, clock.value, limit), moment)
    shown = write_listing(
        listing(store, query, moment),
        out_format,
        moment,
        app.console,
        lambda shown, total: _("Overdue or due soon: {total}").format(total=total),
        quiet_if_none=True,
    )
    if shown:
        raise typer.Exit(1)


@commands.command(
    epilog=epilog(
        "wishdesk show TICKET            # an id, or a unique prefix of one",
        "wishdesk show TICKET --json",
        "wishdesk --no-pager show TICKET",
    )
)
def show(
    ctx: typer.Context,
    ticket: Ticket,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
    bom: BomOption = False,
) -> None:
    """Show one ticket: header, orders, thread, outbox and drafts.

    Panels on a terminal; in a pipe the same as plain text (field lines, the orders, then
    `--` and the thread). --format tsv or csv gives the ticket's list row."""
    from wishdesk.clock import now
    from wishdesk.render.ticket import write_ticket
    from wishdesk.services.inbox import view_ticket

    app = app_context(ctx)
    out_format = resolve_format(fmt, as_json, piped="plain")
    moment = now()
    write_ticket(view_ticket(app.store(), ticket, moment), out_format, moment, app.console)
