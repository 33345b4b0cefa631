"""``wishdesk demo``."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from wishdesk.cli.context import app_context
from wishdesk.cli.errors import EXIT_CODES_EPILOG


def demo(
    ctx: typer.Context,
    tickets: Annotated[int, typer.Option("--tickets", "-n", help="How many tickets.", min=0)] = 200,
    seed: Annotated[int, typer.Option(help="Random seed: same seed and now, same data.")] = 1,
    quiet: Annotated[
        bool, typer.Option("--quiet", help="Do not show the inbox afterwards.")
    ] = False,
) -> None:
    """Fill a store with realistic synthetic tickets and orders, then show the inbox.

    Refuses a store that holds real tickets; re-running on a demo store replaces its data.
    """
    from wishdesk.cli.inbox import show_query
    from wishdesk.cli.options import resolve_format
    from wishdesk.cli.progress import progress
    from wishdesk.clock import now
    from wishdesk.services.demo_store import fill
    from wishdesk.store.inbox import TicketQuery

    app = app_context(ctx)
    store = app.store(create=True)
    moment = now()
    with progress(app, "generating demo tickets", total=tickets) as advance:
        counts = fill(store, tickets, seed, moment, advance)
    print(
        f"demo store {store.path}: {counts.tickets['new']} tickets, {counts.messages} "
        f"messages, {counts.orders['new']} orders",
        file=sys.stderr,
    )
    if quiet:
        return
    show_query(
        app,
        TicketQuery(limit=20),
        moment,
        resolve_format(None, False),
        lambda _: "Awaiting you (top 20)",
    )


def register(app: typer.Typer) -> None:
    app.command(epilog=EXIT_CODES_EPILOG)(demo)
