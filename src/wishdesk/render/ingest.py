"""What ``import`` says: the summary on stdout, each file's problems on stderr."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from wishdesk.i18n import _, ngettext
from wishdesk.render.safe import message_line

if TYPE_CHECKING:
    from wishdesk.services.ingest import Counts, ImportResult


def summary(c: Counts) -> str:
    t, o = c.tickets, c.orders
    return _(
        "tickets: {tickets_new} new, {tickets_updated} updated, {tickets_unchanged} unchanged; "
        "messages: {messages} new; "
        "orders: {orders_new} new, {orders_updated} updated, {orders_unchanged} unchanged"
    ).format(
        tickets_new=t["new"],
        tickets_updated=t["updated"],
        tickets_unchanged=t["unchanged"],
        messages=c.messages,
        orders_new=o["new"],
        orders_updated=o["updated"],
        orders_unchanged=o["unchanged"],
    )


def _records(n: int) -> str:
    return ngettext("{count} invalid record", "{count} invalid records", n).format(count=n)


def report(result: ImportResult, skip_invalid: bool) -> None:
    print(summary(result.counts))
    for f in result.files:
        if f.error:
            said = _("{problem}; nothing imported from it").format(problem=message_line(f.error))
            print(f"wishdesk: {said}", file=sys.stderr)
            continue
        if not f.bad_total:
            continue
        name = message_line(f.name)  # file names and bad values are quoted: cleaned
        if skip_invalid:
            said = _("{file}: skipped {records}")
        else:
            said = _("{file}: {records}; nothing imported from it")
        records = _records(f.bad_total)
        print("wishdesk: " + said.format(file=name, records=records), file=sys.stderr)
        for line in f.bad:
            print(f"  {message_line(line)}", file=sys.stderr)
        if f.bad_total > len(f.bad):
            more = _("  ... and {count} more").format(count=f.bad_total - len(f.bad))
            print(more, file=sys.stderr)
