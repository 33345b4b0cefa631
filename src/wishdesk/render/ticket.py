"""One ticket (``show``) in any format."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from wishdesk.services.inbox import TicketView


def write_ticket(view: TicketView, fmt: str, now: datetime, console: Callable[[], Console]) -> None:
    if fmt in ("json", "jsonl"):
        from wishdesk.render.formats import dumps

        print(dumps(view.record, indent=2 if fmt == "json" else None))
        return
    if fmt == "plain":
        from wishdesk.render.ticket_text import write_plain

        write_plain(sys.stdout, view.record, view.tracking_urls)
        return
    if fmt in ("tsv", "csv"):
        from wishdesk.render.formats import write_records

        write_records(sys.stdout, fmt, [view.record], view.fields)
        return
    from wishdesk.render.inbox import print_ticket

    print_ticket(console(), view.record, view.timezone, now, view.tracking_urls)
