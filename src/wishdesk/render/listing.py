"""A ticket listing in any format: the writer that ``list``, ``overdue`` and ``demo``
share. The machine formats stream (flat memory, however many tickets); the table, for
people, is built whole."""

from __future__ import annotations

import itertools
import sys
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from wishdesk.services.inbox import Listing


def write_listing(
    listing: Listing,
    fmt: str,
    now: datetime,
    console: Callable[[], Console],
    title: Callable[[int, int], str],
    *,
    quiet_if_none: bool = False,
    cut: Callable[[int, int], str] | None = None,
    table: Callable[..., None] | None = None,
) -> bool:
    """Write the listing in ``fmt``; returns whether any ticket was listed. With
    ``quiet_if_none`` nothing at all is written when there is none (``overdue``). A table
    that ``--limit`` cut says so in its title (``title(shown, total)``) and on stderr
    (``cut(shown, total)``); a machine format never does. ``table`` prints the table
    (``table(console, records, now, title)``; default: the ticket table)."""
    if fmt == "tsv":
        from wishdesk.render.formats import write_tsv_cells

        cells = listing.cells()
        first = next(cells, None)
        if first is not None:
            write_tsv_cells(sys.stdout, itertools.chain([first], cells))
        return first is not None
    records = listing.records()
    if fmt == "table":
        if table is None:
            from wishdesk.render.inbox import print_ticket_table

            table = print_ticket_table
        tickets = list(records)
        shown = total = len(tickets)
        if listing.limit and shown == listing.limit:
            total = listing.total()
        if tickets or not quiet_if_none:
            table(console(), tickets, now, title(shown, total))
        if cut is not None and total > shown:
            print(cut(shown, total), file=sys.stderr)
        return bool(tickets)
    from wishdesk.render.formats import write_records

    head = next(records, None)
    if head is not None or not quiet_if_none:
        rest = itertools.chain([head], records) if head is not None else records
        write_records(sys.stdout, fmt, rest, listing.fields, listing.csv_fields or None)
    return head is not None
