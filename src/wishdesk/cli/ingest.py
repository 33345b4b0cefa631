"""``wishdesk import``."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from wishdesk.cli.context import app_context
from wishdesk.cli.errors import EXIT_CODES_EPILOG


def import_(
    ctx: typer.Context,
    paths: Annotated[
        list[str],
        typer.Argument(help="JSON / JSON Lines files; - reads stdin.", show_default=False),
    ],
    skip_invalid: Annotated[
        bool, typer.Option("--skip-invalid", help="Import the valid records, report the rest.")
    ] = False,
) -> None:
    """Import Wish API v3 tickets and orders (array, envelope or JSON Lines).

    Idempotent: a newer updated_at wins, replies are de-duplicated. A file with an invalid
    record imports nothing (exit 2) unless --skip-invalid.
    """
    from wishdesk.cli.progress import progress
    from wishdesk.render.safe import clean
    from wishdesk.services.ingest import import_sources, sources

    app = app_context(ctx)
    if paths.count("-") > 1:
        from wishdesk.errors import UsageError

        raise UsageError("standard input (-) can be read only once")
    store = app.store(create=True)
    with progress(app, "importing") as advance:
        result = import_sources(store, sources(paths), skip_invalid=skip_invalid, progress=advance)
    c = result.counts
    t, o = c.tickets, c.orders
    print(
        f"tickets: {t['new']} new, {t['updated']} updated, {t['unchanged']} unchanged; "
        f"messages: {c.messages} new; "
        f"orders: {o['new']} new, {o['updated']} updated, {o['unchanged']} unchanged"
    )
    for f in result.files:
        if f.error:
            error = clean(f.error, one_line=True)
            print(f"wishdesk: {error}; nothing imported from it", file=sys.stderr)
            continue
        if not f.bad_total:
            continue
        name = clean(f.name, one_line=True)  # file names and bad values are quoted: cleaned
        if skip_invalid:
            print(f"wishdesk: {name}: skipped {_records(f.bad_total)}", file=sys.stderr)
        else:
            print(
                f"wishdesk: {name}: {_records(f.bad_total)}; nothing imported from it",
                file=sys.stderr,
            )
        for line in f.bad:
            print(f"  {clean(line, one_line=True)}", file=sys.stderr)
        if f.bad_total > len(f.bad):
            print(f"  ... and {f.bad_total - len(f.bad)} more", file=sys.stderr)
    if result.failed:  # a file that could not be read, or was rejected whole
        raise typer.Exit(2)


def _records(n: int) -> str:
    return f"{n} invalid record{'s' if n != 1 else ''}"


def register(app: typer.Typer) -> None:
    app.command("import", epilog=EXIT_CODES_EPILOG)(import_)
