"""``wishdesk demo``."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from wishdesk.cli.context import app_context
from wishdesk.cli.errors import epilog
from wishdesk.i18n import _

commands = typer.Typer()

Tickets = Annotated[int, typer.Option("--tickets", "-n", help="How many tickets.", min=0)]
Seed = Annotated[int, typer.Option(help="Random seed: same seed and now, same data.")]
Quiet = Annotated[bool, typer.Option("--quiet", help="Do not show the inbox afterwards.")]


@commands.command(
    epilog=epilog(
        "wishdesk --db demo.db demo",
        "wishdesk demo --tickets 1000 --seed 7 --quiet",
    )
)
def demo(ctx: typer.Context, tickets: Tickets = 200, seed: Seed = 1, quiet: Quiet = False) -> None:
    """Fill a store with realistic synthetic tickets and orders, then show the inbox.

    Refuses a store that holds real tickets; re-running on a demo store replaces its data.
    """
    from wishdesk.cli.options import resolve_format
    from wishdesk.cli.progress import progress
    from wishdesk.clock import now
    from wishdesk.render.listing import write_listing
    from wishdesk.services.demo import fill, inbox_preview

    app = app_context(ctx)
    store = app.store(create=True)
    moment = now()
    with progress(app, _("generating demo tickets"), total=tickets) as advance:
        counts = fill(store, tickets, seed, moment, advance)
    said = _("demo store {path}: {tickets} tickets, {messages} messages, {orders} orders")
    print(
        said.format(
            path=store.location,
            tickets=counts.tickets["new"],
            messages=counts.messages,
            orders=counts.orders["new"],
        ),
        file=sys.stderr,
    )
    if not quiet:
        listing = inbox_preview(store, moment)
        fmt = resolve_format(None, False)
        title = _("Awaiting you (top 20 of {total})")
        write_listing(
            listing, fmt, moment, app.console, lambda shown, total: title.format(total=total)
        )
