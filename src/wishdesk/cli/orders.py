"""``wishdesk orders`` and ``orders show``."""

from __future__ import annotations

import enum
from typing import Annotated, Any, Optional

import typer

from wishdesk.cli import candidates
from wishdesk.cli.context import app_context
from wishdesk.cli.errors import epilog
from wishdesk.cli.options import HUMAN, BomOption, FormatOption, JsonOption, resolve_format, within
from wishdesk.i18n import N_, _, ngettext


class Sort(str, enum.Enum):
    updated = "updated"
    expected_ship = "expected-ship"
    expected_delivery = "expected-delivery"


def _flag(name: str, help: str) -> Any:
    return typer.Option(name, help=help)


States = Annotated[
    list[str],
    typer.Option(
        "--state",
        "-s",
        help="approved, shipped, refunded, require-review, declined or any (the default); "
        "repeatable.",
        show_default=False,
    ),
]
Unshipped = Annotated[bool, _flag("--unshipped", N_("Approved, and no tracking yet."))]
LateShip = Annotated[
    bool,
    _flag("--late-ship", N_("Expected ship time passed, not shipped (approved, no tracking).")),
]
LateDelivery = Annotated[
    bool,
    _flag(
        "--late-delivery",
        N_("Expected delivery time passed, not confirmed delivered (approved or shipped)."),
    ),
]
NoTracking = Annotated[bool, _flag("--no-tracking", N_("Orders without a tracking number."))]
Carrier = Annotated[
    Optional[str], typer.Option("--carrier", help="Only this carrier (any letter case).")
]
WithTicket = Annotated[
    Optional[bool],
    typer.Option(
        "--with-ticket/--without-ticket",
        help="Only orders with (without) an open ticket about them.",
        show_default=False,
    ),
]
UpdatedSince = Annotated[
    Optional[str],
    typer.Option(
        "--updated-since", metavar="WHEN", help="Updated since a date or time, or 12h, 7d, 2w ago."
    ),
]
Search = Annotated[
    Optional[str],
    typer.Option("--search", "-q", help="Words in the product, buyer name or tracking number."),
]
SortOption = Annotated[
    Sort, typer.Option(help="Last update (newest first), expected ship or delivery (soonest).")
]
Reverse = Annotated[bool, _flag("--reverse", N_("Reverse the sort."))]
# A table shows the first 50; a script gets every order, so that the documented pipeline
# `orders --late-delivery --format csv | notify --orders-file -` tells every late buyer.
TABLE_LIMIT = 50
Limit = Annotated[
    Optional[int],
    typer.Option(
        "--limit",
        "-n",
        help="At most N; 0 for all. Default: 50 in a table, all in tsv, csv, json and jsonl.",
        callback=within(0),
    ),
]
Order = Annotated[
    str,
    typer.Argument(
        metavar="ORDER", help="Order id or a unique prefix of it.", autocompletion=candidates.order
    ),
]

orders_app = typer.Typer(
    help="The orders the store knows, for you and for scripts that feed `notify`.",
    invoke_without_command=True,
    epilog=epilog(
        "wishdesk orders --late-ship --with-ticket",
        "wishdesk orders --carrier YunExpress --format csv > yun.csv",
        "wishdesk orders --late-delivery --format csv > late.csv",
        note="The csv's order_id column is what notify reads from an orders file "
        "(docs/orders.md). A table shows 50 orders unless --limit says otherwise; "
        "tsv, csv, json and jsonl give them all.",
    ),
)


def _table(*args: Any) -> None:
    """The orders table, with rich imported only when a table is drawn."""
    from wishdesk.render.order import print_order_table

    print_order_table(*args)


@orders_app.callback()
def orders(
    ctx: typer.Context,
    state: States = [],  # noqa: B006
    unshipped: Unshipped = False,
    late_ship: LateShip = False,
    late_delivery: LateDelivery = False,
    no_tracking: NoTracking = False,
    carrier: Carrier = None,
    with_ticket: WithTicket = None,
    updated_since: UpdatedSince = None,
    search: Search = None,
    limit: Limit = None,
    sort: SortOption = Sort.updated,
    reverse: Reverse = False,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
    bom: BomOption = False,
) -> None:
    """List orders (default: every state, the last updated first)."""
    if ctx.invoked_subcommand is not None:
        return
    from wishdesk.clock import now
    from wishdesk.render.listing import write_listing
    from wishdesk.services.orders import OrdersRequest, listing, orders_query

    app = app_context(ctx)
    out_format = resolve_format(fmt, as_json)
    if limit is None:
        limit = TABLE_LIMIT if out_format == HUMAN else 0
    filters = (state, unshipped, late_ship, late_delivery, no_tracking, carrier, with_ticket)
    request = OrdersRequest(*filters, updated_since, search, limit, sort.value, reverse)
    moment = now()
    found = listing(app.store(), orders_query(request, moment), moment)

    def title(shown: int, total: int) -> str:
        if total > shown:
            text = ngettext("{shown} of {total} order", "{shown} of {total} orders", total)
        else:
            text = ngettext("{shown} order", "{shown} orders", total)
        return text.format(shown=shown, total=total)

    def cut(shown: int, total: int) -> str:
        return _("{shown} of {total} orders; --limit 0 for all").format(shown=shown, total=total)

    write_listing(found, out_format, moment, app.console, title, cut=cut, table=_table)


@orders_app.command(
    epilog=epilog(
        "wishdesk orders show ORDER       # an id, or a unique prefix of one",
        "wishdesk orders show ORDER --json",
    )
)
def show(
    ctx: typer.Context,
    order: Order,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
    bom: BomOption = False,
) -> None:
    """Show one order and the tickets about it.

    A panel on a terminal; in a pipe the same as plain text (field lines, then `--` and the
    tickets). --format tsv or csv gives the order's `orders` row."""
    from wishdesk.clock import now
    from wishdesk.render.order_text import write_order
    from wishdesk.services.orders import view_order

    app = app_context(ctx)
    out_format = resolve_format(fmt, as_json, piped="plain")
    moment = now()
    write_order(view_order(app.store(), order, moment), out_format, moment, app.console)


commands = typer.Typer()
commands.add_typer(orders_app, name="orders")
