"""``wishdesk store copy SRC DST``: a whole store moved between backends."""

from __future__ import annotations

from typing import Annotated

import typer

from wishdesk.cli.context import app_context
from wishdesk.cli.errors import epilog
from wishdesk.i18n import N_, _

CODES = N_(
    "Exit codes: 0 copied, counts match; 2 trouble (DST not empty, counts differ, a store "
    "that cannot be opened, read or written: nothing copied)."
)
store_app = typer.Typer(
    no_args_is_help=True,
    help="The store itself: copying it whole, between a file and PostgreSQL.",
    epilog=epilog(
        "wishdesk store copy store.db spare.db",
        "wishdesk store copy store.db postgresql://ana@db.example.internal/shop",
        codes=CODES,
    ),
)
commands = typer.Typer()
commands.add_typer(store_app, name="store")

Source = Annotated[
    str,
    typer.Argument(
        metavar="SRC",
        help="The store to copy: a file, or a postgresql:// URL. Migrated to the current "
        "schema first, as any command would.",
        show_default=False,
    ),
]
Target = Annotated[
    str,
    typer.Argument(
        metavar="DST",
        help="Where to: a path with no file yet, an empty store, or an empty PostgreSQL "
        "database (postgresql:// URL).",
        show_default=False,
    ),
]


@store_app.command(
    "copy",
    epilog=epilog(
        "wishdesk store copy store.db postgresql://ana@db.example.internal/shop",
        "wishdesk store copy postgresql://ana@db.example.internal/shop laptop.db",
        "wishdesk store copy store.db backup.db   # a checked copy of a file store",
        note="Every table is copied (settings and the audit log too), in one transaction: "
        "a copy that fails leaves DST as it was. The rows of each table are counted on "
        "both sides; DST is committed only if they match.",
        codes=CODES,
    ),
)
def copy(ctx: typer.Context, source: Source, target: Target) -> None:
    """Copy a whole store into a new or empty one (SQLite file or PostgreSQL, either way).

    Streams the rows in batches, rebuilds SQLite's search index and PostgreSQL's id
    counters, and prints the row count of each table."""
    from wishdesk.cli.progress import progress
    from wishdesk.render.store_copy import copy_lines
    from wishdesk.services.store_copy import copy_store

    app = app_context(ctx)
    result = copy_store(source, target, lambda total: progress(app, _("copying"), total))
    print("\n".join(copy_lines(result)))
