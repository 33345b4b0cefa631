"""``wishdesk import``."""

from __future__ import annotations

from typing import Annotated

import typer

from wishdesk.cli.context import app_context
from wishdesk.cli.errors import epilog
from wishdesk.i18n import _

commands = typer.Typer()

Paths = Annotated[
    list[str], typer.Argument(help="JSON / JSON Lines files; - reads stdin.", show_default=False)
]
SkipInvalid = Annotated[
    bool, typer.Option("--skip-invalid", help="Import the valid records, report the rest.")
]


@commands.command(
    "import",
    epilog=epilog(
        "wishdesk import tickets.jsonl orders.json",
        "wishdesk import --skip-invalid export.json",
        "wishdesk import -  < tickets.jsonl",
    ),
)
def import_(ctx: typer.Context, paths: Paths, skip_invalid: SkipInvalid = False) -> None:
    """Import Wish API v3 tickets and orders (array, envelope or JSON Lines).

    Idempotent: a newer updated_at wins, replies are de-duplicated. A file with an invalid
    record imports nothing (exit 2) unless --skip-invalid.
    """
    from wishdesk.cli.progress import progress
    from wishdesk.render.ingest import report
    from wishdesk.services.ingest import import_sources, sources

    app = app_context(ctx)
    files = sources(paths)
    store = app.store(create=True)
    with progress(app, _("importing")) as advance:
        result = import_sources(store, files, skip_invalid=skip_invalid, progress=advance)
    report(result, skip_invalid)
    if result.failed:  # a file that could not be read, or was rejected whole
        raise typer.Exit(2)
