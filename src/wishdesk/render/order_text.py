"""One order (``orders show``) in any format: panels on a terminal; in a pipe the same
content as plain text, as ``show`` does (``field:<TAB>value`` lines for the order, then
``--`` and the tickets about it, a blank line between them). Every value is cleaned."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from typing import IO, TYPE_CHECKING, Any

from wishdesk.render.ticket_text import field, order_lines

if TYPE_CHECKING:
    from rich.console import Console

    from wishdesk.services.orders import OrderView


def _yes(value: Any) -> str:
    return "yes" if value else "no"


def lines(o: Mapping[str, Any]) -> Iterator[str]:
    yield from order_lines(o, o["tracking_url"])
    yield field("late to ship", _yes(o["late_ship"]))
    yield field("late to deliver", _yes(o["late_delivery"]))
    yield field("shipped", o["shipped_at"])
    yield field("delivered", o["delivered_at"])
    yield field("buyer", o["buyer_name"])
    yield field("country", o["country_code"])
    yield field("released", o["released_at"])
    yield field("updated", o["updated_at"])
    yield field("open tickets", ", ".join(o["open_ticket_ids"]))
    yield "--"
    for i, t in enumerate(o["tickets"]):
        if i:
            yield ""
        yield field("ticket", t["id"])
        yield field("state", t["state"])
        yield field("reason", t["reason"])
        yield field("title", t["subject"])
        yield field("opened", t["opened_at"])
        yield field("due", t["due_at"])


def write_plain(out: IO[str], o: Mapping[str, Any]) -> None:
    for line in lines(o):
        out.write(line)
        out.write("\n")


def write_order(view: OrderView, fmt: str, now: datetime, console: Callable[[], Console]) -> None:
    from wishdesk.services.orders import CSV_FIELDS, ORDER_FIELDS

    if fmt in ("json", "jsonl"):
        from wishdesk.render.formats import dumps

        print(dumps(view.record, indent=2 if fmt == "json" else None))
    elif fmt == "plain":
        write_plain(sys.stdout, view.record)
    elif fmt in ("tsv", "csv"):
        from wishdesk.render.formats import write_records

        write_records(sys.stdout, fmt, [view.record], ORDER_FIELDS, CSV_FIELDS)
    else:
        from wishdesk.render.order import print_order

        print_order(console(), view.record, view.timezone, now)
