"""What ``import`` says: the summary on stdout, each file's problems on stderr."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from wishdesk.errors import said
from wishdesk.render.safe import message_line

if TYPE_CHECKING:
    from wishdesk.services.ingest import Counts, ImportResult


def summary(c: Counts) -> str:
    t, o = c.tickets, c.orders
    return (
        f"tickets: {t['new']} new, {t['updated']} updated, {t['unchanged']} unchanged; "
        f"messages: {c.messages} new; "
        f"orders: {o['new']} new, {o['updated']} updated, {o['unchanged']} unchanged"
    )


def _records(n: int) -> str:
    return f"{n} invalid record{'s' if n != 1 else ''}"


def report(result: ImportResult, skip_invalid: bool) -> None:
    print(summary(result.counts))
    for f in result.files:
        if f.error:
            error = message_line(said(f.error))
            print(f"wishdesk: {error}; nothing imported from it", file=sys.stderr)
            continue
        if not f.bad_total:
            continue
        name = message_line(f.name)  # file names and bad values are quoted: cleaned
        if skip_invalid:
            print(f"wishdesk: {name}: skipped {_records(f.bad_total)}", file=sys.stderr)
        else:
            print(
                f"wishdesk: {name}: {_records(f.bad_total)}; nothing imported from it",
                file=sys.stderr,
            )
        for line in f.bad:
            print(f"  {message_line(line)}", file=sys.stderr)
        if f.bad_total > len(f.bad):
            print(f"  ... and {f.bad_total - len(f.bad)} more", file=sys.stderr)
