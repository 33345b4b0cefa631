"""``wishdesk list``, ``show`` and ``overdue``."""

from __future__ import annotations

import enum
import itertools
import sys
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from wishdesk.cli.context import AppContext, app_context
from wishdesk.cli.errors import EXIT_CODES_EPILOG
from wishdesk.cli.options import SQLITE_MAX_INT, FormatOption, JsonOption, resolve_format

if TYPE_CHECKING:
    from wishdesk.store.inbox import TicketQuery


class Sort(str, enum.Enum):
    due = "due"
    updated = "updated"
    opened = "opened"


class Clock(str, enum.Enum):
    sla = "sla"
    escalation = "escalation"
    any = "any"


def show_query(
    app: AppContext,
    query: TicketQuery,
    moment: datetime,
    out_format: str,
    title: Callable[[int], str],
    *,
    quiet_if_none: bool = False,
) -> bool:
    """Run a listing and write it in any format (shared by list, overdue and demo); returns
    whether any ticket was listed. The machine formats stream from the store (flat memory,
    however many tickets); the table, for people, is built whole."""
    from wishdesk.services.inbox import LIST_FIELDS, iter_ticket_records, ticket_cells

    store = app.store()
    if out_format == "tsv":
        from wishdesk.render.formats import write_tsv_cells

        cells = ticket_cells(store, query, moment)
        first = next(cells, None)
        if first is not None:
            write_tsv_cells(sys.stdout, itertools.chain([first], cells))
        return first is not None
    records = iter_ticket_records(store, query, moment)
    if out_format == "table":
        from wishdesk.render.inbox import print_ticket_table

        tickets = list(records)
        if tickets or not quiet_if_none:
            print_ticket_table(app.console(), tickets, moment, title(len(tickets)))
        return bool(tickets)
    from wishdesk.render.formats import write_records

    head = next(records, None)
    if head is not None or not quiet_if_none:
        rest = itertools.chain([head], records) if head is not None else records
        write_records(sys.stdout, out_format, rest, LIST_FIELDS)
    return head is not None


def _calendar(app: AppContext) -> Any:
    from wishdesk.domain.settings import sla_settings
    from wishdesk.domain.sla import BusinessCalendar
    from wishdesk.store.settings import load

    return BusinessCalendar(sla_settings(load(app.store())).calendar)


def list_(
    ctx: typer.Context,
    state: Annotated[
        list[str],
        typer.Option(
            "--state",
            "-s",
            help="awaiting-merchant (default), awaiting-user, awaiting-wish, "
            "closed or any; repeatable.",
            show_default=False,
        ),
    ] = [],  # noqa: B006
    reason: Annotated[
        list[str],
        typer.Option("--reason", "-r", help="Only these reasons; repeatable.", show_default=False),
    ] = [],  # noqa: B006
    overdue: Annotated[
        bool, typer.Option("--overdue", help="Only tickets past their SLA.")
    ] = False,
    due_within: Annotated[
        Optional[str],
        typer.Option(
            "--due-within", help="Only tickets due within 12h, 1d, 2bd (business days)..."
        ),
    ] = None,
    search: Annotated[
        Optional[str], typer.Option("--search", "-q", help="Full text over subjects and messages.")
    ] = None,
    order: Annotated[
        Optional[str], typer.Option("--order", help="Tickets about this order.")
    ] = None,
    limit: Annotated[
        int,
        typer.Option(
            "--limit", "-n", help="At most N tickets; 0 for all.", min=0, max=SQLITE_MAX_INT
        ),
    ] = 50,
    sort: Annotated[
        Sort, typer.Option(help="Sort by SLA due time, last update or opening.")
    ] = Sort.due,
    reverse: Annotated[bool, typer.Option("--reverse", help="Reverse the sort.")] = False,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
) -> None:
    """List tickets: by default those awaiting you, most urgent first."""
    from wishdesk.clock import iso, now
    from wishdesk.domain.models import REASONS
    from wishdesk.errors import UsageError
    from wishdesk.services.inbox import parse_duration, states_for
    from wishdesk.store.inbox import TicketQuery

    app = app_context(ctx)
    out_format = resolve_format(fmt, as_json)
    for r in reason:
        if r not in REASONS:
            raise UsageError(f"unknown reason {r!r}: use one of {', '.join(REASONS)}")
    moment = now()
    query = TicketQuery(
        states=states_for(state),
        reasons=tuple(reason),
        search=search,
        order_id=order,
        limit=limit,
        sort=sort.value,
        reverse=reverse,
    )
    if due_within is not None:
        window = parse_duration(due_within)
        query.due_before = iso(
            window.deadline(moment, _calendar(app) if window.unit == "bd" else None)
        )
    if overdue:
        query.due_before = (
            iso(moment) if query.due_before is None else min(query.due_before, iso(moment))
        )
    show_query(app, query, moment, out_format, lambda n: _title(state, n))


def _title(states: list[str], count: int) -> str:
    if not states or states == ["awaiting-merchant"]:
        return f"Awaiting you: {count} ticket{'s' if count != 1 else ''}"
    return f"{count} ticket{'s' if count != 1 else ''}"


def overdue(
    ctx: typer.Context,
    within: Annotated[
        Optional[str], typer.Option("--within", help="Also tickets due within 12h, 1d, 2bd...")
    ] = None,
    clock: Annotated[
        Clock, typer.Option(help="Which deadline: sla, escalation or any.")
    ] = Clock.any,
    limit: Annotated[
        int,
        typer.Option(
            "--limit", "-n", help="At most N tickets; 0 for all.", min=0, max=SQLITE_MAX_INT
        ),
    ] = 0,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
) -> None:
    """Tickets awaiting you past (or near) a deadline. Silent with exit 0 when there are none,
    the list with exit 1 when there are: made for cron."""
    from wishdesk.clock import iso, now
    from wishdesk.services.inbox import parse_duration
    from wishdesk.store.inbox import TicketQuery

    app = app_context(ctx)
    out_format = resolve_format(fmt, as_json)
    moment = now()
    cutoff = moment
    if within is not None:
        window = parse_duration(within)
        cutoff = window.deadline(moment, _calendar(app) if window.unit == "bd" else None)
    query = TicketQuery(limit=limit, either_clock=clock is Clock.any)
    if clock in (Clock.sla, Clock.any):
        query.due_before = iso(cutoff)
    if clock in (Clock.escalation, Clock.any):
        query.escalates_before = iso(cutoff)
    shown = show_query(
        app, query, moment, out_format, lambda n: f"Overdue or due soon: {n}", quiet_if_none=True
    )
    if shown:
        raise typer.Exit(1)


def show(
    ctx: typer.Context,
    ticket: Annotated[str, typer.Argument(help="Ticket id or a unique prefix of it.")],
    fmt: FormatOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show one ticket: header, orders, thread, outbox and drafts."""
    from wishdesk.clock import now
    from wishdesk.services.inbox import show_ticket

    app = app_context(ctx)
    out_format = resolve_format(fmt, as_json)
    moment = now()
    data = show_ticket(app.store(), ticket, moment)
    if out_format in ("json", "jsonl"):
        from wishdesk.render.formats import dumps

        print(dumps(data, indent=2 if out_format == "json" else None))
        return
    if out_format in ("tsv", "csv"):
        from wishdesk.render.formats import write_records
        from wishdesk.services.inbox import LIST_FIELDS

        write_records(sys.stdout, out_format, [data], LIST_FIELDS)
        return
    from wishdesk.domain.carriers import tracking_url
    from wishdesk.render.inbox import print_ticket
    from wishdesk.services.settings import current

    tz = current(app.store())["calendar.timezone"]
    urls = {o["id"]: tracking_url(o["carrier"], o["tracking_number"]) for o in data["orders"]}
    print_ticket(app.console(), data, tz, moment, {k: v for k, v in urls.items() if v})


def register(app: typer.Typer) -> None:
    app.command("list", epilog=EXIT_CODES_EPILOG)(list_)
    app.command(epilog=EXIT_CODES_EPILOG)(show)
    app.command(epilog=EXIT_CODES_EPILOG)(overdue)
