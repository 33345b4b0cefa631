"""Outbox items and notify results on a terminal."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from wishdesk.render.safe import clean

STATUS_STYLES = {
    "queued": "cyan",
    "sending": "yellow",
    "sent": "green",
    "failed": "bold red",
    "manual": "magenta",
    "cancelled": "dim",
    "skipped": "dim",
    "blocked": "bold red",
    "not_found": "red",
    "dry_run": "cyan",
}


def _status(value: str) -> Text:
    return Text(value, style=STATUS_STYLES.get(value, ""))


def _cell(value: Any) -> Text:
    return Text(clean("" if value is None else str(value), one_line=True))


def print_notify_table(console: Console, rows: Sequence[Mapping[str, Any]]) -> None:
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    for name in ("Order", "Status", "Ticket", "Outbox", "Findings"):
        table.add_column(name, no_wrap=True)
    for r in rows:
        table.add_row(
            _cell(r["order_id"]),
            _status(r["status"]),
            _cell(r["ticket_id"] or ""),
            _cell(r["outbox_id"] or ""),
            _cell(", ".join(r["findings"])),
        )
    console.print(table)


def print_outbox_table(console: Console, items: Sequence[Mapping[str, Any]], tz: str) -> None:
    if not items:
        console.print(Text("The outbox is empty.", style="dim"))
        return
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False, show_edge=False)
    table.add_column("#", justify="right", no_wrap=True, min_width=3)
    table.add_column("Kind", no_wrap=True, min_width=12)
    table.add_column("Status", no_wrap=True, min_width=9)
    table.add_column("Ticket / order", no_wrap=True, min_width=12)
    table.add_column("Created", no_wrap=True, min_width=16)
    table.add_column("Body", ratio=1, no_wrap=True, overflow="ellipsis", min_width=10)
    table.add_column("Error", no_wrap=True, max_width=24, overflow="ellipsis")
    for i in items:
        table.add_row(
            str(i["id"]),
            i["kind"],
            _status(i["status"]),
            _cell((i["ticket_id"] or i["order_id"] or "")[:12]),
            _cell(i["created_at"]),
            _cell(i["body"] or ""),
            Text(clean(i["error"] or "", one_line=True), style="red"),
        )
    console.print(table)
