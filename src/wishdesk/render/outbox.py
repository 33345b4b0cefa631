"""Outbox items and notify results on a terminal."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from wishdesk.i18n import N_, _
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


# Statuses and kinds as a person reads them (``outbox --status`` and the machine formats
# take and give the ids).
STATUS_NAMES = {
    "queued": N_("queued"),
    "sending": N_("sending"),
    "sent": N_("sent"),
    "failed": N_("failed"),
    "manual": N_("manual"),
    "cancelled": N_("cancelled"),
    "skipped": N_("skipped"),
    "blocked": N_("blocked"),
    "not_found": N_("not_found"),
    "dry_run": N_("dry_run"),
}
KIND_NAMES = {
    "reply": N_("reply"),
    "notification": N_("notification"),
    "close": N_("close"),
    "appeal": N_("appeal"),
}


def status_name(value: str) -> str:
    name = STATUS_NAMES.get(value)
    return clean(value, one_line=True) if name is None else _(name)


def kind_name(value: str) -> str:
    name = KIND_NAMES.get(value)
    return clean(value, one_line=True) if name is None else _(name)


def _status(value: str) -> Text:
    return Text(status_name(value), style=STATUS_STYLES.get(value, ""))


def _cell(value: Any) -> Text:
    return Text(clean("" if value is None else str(value), one_line=True))


def print_notify_table(console: Console, rows: Sequence[Mapping[str, Any]]) -> None:
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    for name in (_("Order"), _("Status"), _("Ticket"), _("Outbox"), _("Findings")):
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
    """Every item with what ``outbox cancel ID`` and a person need: id, kind, status, the
    ticket (or order), when it was queued (the merchant's time) and the error; the body
    takes what width is left."""
    from wishdesk.render.timefmt import local, zone_label

    if not items:
        console.print(Text(_("The outbox is empty."), style="dim"))
        return
    heads = {
        "#": Text("#"),
        "Kind": Text(_("Kind")),
        "Status": Text(_("Status")),
        "Ticket / order": Text(_("Ticket / order")),
        "Created": Text(_("Created ({zone})").format(zone=zone_label(tz))),
        "Error": Text(_("Error")),
        "Body": Text(_("Body")),
    }
    rows = [
        {
            "#": Text(str(i["id"])),
            "Kind": Text(kind_name(i["kind"])),
            "Status": _status(i["status"]),
            "Ticket / order": _cell((i["ticket_id"] or i["order_id"] or "-")[:10]),
            "Created": Text(local(i["created_at"], tz)),
            "Error": Text(clean(i["error"] or "", one_line=True), style="red"),
            "Body": _cell(i["body"] or ""),
        }
        for i in items
    ]
    fixed = ["#", "Kind", "Status", "Ticket / order", "Created"]
    widths = {n: max([heads[n].cell_len, *(r[n].cell_len for r in rows)]) for n in fixed}
    free = max(console.width - sum(widths.values()) - 2 * (len(fixed) + 1), 2 * MIN_TEXT)
    longest_error = max(r["Error"].cell_len for r in rows)
    error_width = min(max(longest_error, heads["Error"].cell_len), max(free // 2, MIN_TEXT))
    table = Table(
        box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False, show_edge=False,
        padding=(0, 1, 0, 0),
    )  # fmt: skip
    for name in fixed:
        justify: Any = "right" if name == "#" else "left"
        table.add_column(heads[name], no_wrap=True, min_width=widths[name], justify=justify)
    table.add_column(heads["Error"], no_wrap=True, width=error_width, overflow="ellipsis")
    body_width = max(free - error_width, MIN_TEXT)
    table.add_column(heads["Body"], no_wrap=True, width=body_width, overflow="ellipsis")
    for r in rows:
        table.add_row(*(r[name] for name in [*fixed, "Error", "Body"]))
    console.print(table)


MIN_TEXT = 8
