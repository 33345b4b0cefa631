"""The inbox as a person sees it: the rich ticket table and the ``show`` view.

Everything that came from a buyer (or from Wish) is passed to rich as ``Text`` built from
``clean``-ed strings, so neither escape sequences nor rich markup in it can take effect.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from rich import box
from rich.console import Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from wishdesk.domain.outbox import TICKET_STATE_FOR
from wishdesk.render.assign import agent_width, team_rows
from wishdesk.render.order import field_table as _field_table
from wishdesk.render.order import order_panel
from wishdesk.render.reason import BAND_STYLES, confidence_words
from wishdesk.render.safe import clean
from wishdesk.render.timefmt import ago, labelled, readable, until

STATE_LABELS = {
    "AWAITING_MERCHANT": ("you", "bold"),
    "AWAITING_USER": ("buyer", "dim"),
    "AWAITING_WISH": ("wish", "magenta"),
    "CLOSED": ("closed", "dim"),
    "PERMANENTLY_CLOSED": ("closed", "dim"),
}
SENDER_STYLES = {
    "USER": ("Buyer", "bold cyan"),
    "MERCHANT": ("You", "bold green"),
    "WISH_SUPPORT": ("Wish support", "bold magenta"),
    "WISH_AUTOMATED_SUPPORT": ("Wish (automated)", "magenta"),
    "LIVE_CHAT": ("Buyer (live chat)", "bold cyan"),
}
SOON = timedelta(hours=24)
MIN_TEXT = 8  # the narrowest buyer and subject columns


def _t(value: Any, style: str = "", *, one_line: bool = True) -> Text:
    return Text(clean("" if value is None else str(value), one_line=one_line), style=style)


def _clock(stamp: str | None, now: datetime, late_word: str) -> Text:
    moment = readable(stamp) if stamp else None
    if moment is None:
        return Text("-" if not stamp else "?", style="dim")
    if moment < now:
        return Text(f"{late_word} {until(stamp, now).removesuffix(' ago')}", style="bold red")
    style = "yellow" if moment - now <= SOON else "green"
    return Text(until(stamp, now), style=style)


def ticket_table(
    records: Sequence[Mapping[str, Any]], now: datetime, title: str, width: int = 120
) -> Table:
    """The inbox. The columns that matter most (id, state, reason, waiting, due, escalation)
    keep their full width at any terminal width; buyer and subject take what is left, the
    buyer up to a third of it, and are shortened first."""
    show_state = len({r["state"] for r in records}) > 1
    rows = [_ticket_cells(r, now, show_state) for r in records]
    fixed = ["ID", *(["State"] if show_state else []), "Reason", "Waiting", "Due", "Escalates"]
    widths = {name: max([len(name), *(row[name].cell_len for row in rows)]) for name in fixed}
    # Each column but the last is followed by two spaces (padding and the box's divider).
    free = width - sum(widths.values()) - 2 * (len(fixed) + 1)
    if free < 2 * MIN_TEXT:  # too narrow for everything: "Waiting" gives way first
        free += widths.pop("Waiting") + 2
    agent = agent_width(rows, free - 2 * MIN_TEXT)  # only on a store with assignments
    free -= agent + 2 if agent else 0
    longest = max((row["Buyer"].cell_len for row in rows), default=5)
    buyer_width = min(longest, max(free // 3, MIN_TEXT))
    subject_width = max(free - buyer_width, MIN_TEXT)
    table = Table(
        title=title,
        box=box.SIMPLE_HEAD,
        title_justify="left",
        padding=(0, 1, 0, 0),
        title_style="bold",
        header_style="bold",
        pad_edge=False,
        show_edge=False,
    )
    for name in ("ID", "State", "Reason"):
        if name in widths:
            table.add_column(name, no_wrap=True, min_width=widths[name])
    table.add_column("Buyer", no_wrap=True, width=buyer_width, overflow="ellipsis")
    table.add_column("Subject", no_wrap=True, width=subject_width, overflow="ellipsis")
    if agent:
        table.add_column("Agent", no_wrap=True, width=agent, overflow="ellipsis")
    for name in ("Waiting", "Due", "Escalates"):
        if name in widths:
            justify: Any = "right" if name == "Waiting" else "left"
            table.add_column(name, no_wrap=True, min_width=widths[name], justify=justify)
    for row in rows:
        table.add_row(*(row[c.header] for c in table.columns))  # type: ignore[index]
    return table


def _ticket_cells(r: Mapping[str, Any], now: datetime, show_state: bool) -> dict[str, Text]:
    buyer = _t(r["buyer_name"] or "?")
    if r["buyer_locale"]:
        buyer.append(f" {clean(r['buyer_locale'], one_line=True)}", style="dim")
    cells = {"ID": _t(r["id"][:10], "dim")}
    if show_state:
        label, style = STATE_LABELS.get(r["state"], (r["state"].lower(), ""))
        cells["State"] = Text(clean(label, one_line=True), style=style)
    cells["Reason"] = _t(r["reason"])
    cells["Buyer"] = buyer
    cells["Subject"] = _t(r["subject"] or r["last_message"] or "")
    cells["Agent"] = _t(r.get("assignee") or "-", "" if r.get("assignee") else "dim")
    waiting = ago(r["awaiting_since"] or r["opened_at"], now).removesuffix(" ago")
    cells["Waiting"] = Text(waiting if r["awaiting_since"] else "-")
    cells["Due"] = _clock(r["due_at"], now, "late")
    cells["Escalates"] = _clock(r["escalates_at"], now, "since")
    return cells


def print_ticket_table(
    console: Console, records: Sequence[Mapping[str, Any]], now: datetime, title: str
) -> None:
    if not records:
        console.print(Text("No tickets to show.", style="dim"))
        return
    console.print(ticket_table(records, now, title, console.width))


def _header(t: Mapping[str, Any], tz: str, now: datetime) -> Panel:
    grid = _field_table()
    label, style = STATE_LABELS.get(t["state"], (t["state"], ""))
    grid.add_row("Ticket", _t(t["id"]))
    grid.add_row("State", Text(f"{t['state']} (waiting on {label})", style=style))
    reason = _t(t["reason"])
    band_style = BAND_STYLES.get(t.get("reason_confidence_band") or "", "dim")
    reason.append(f"  ({t['reason_source']}, {confidence_words(t)})", style=band_style)
    grid.add_row("Reason", reason)
    buyer = _t(t["buyer_name"] or "?")
    if t["buyer_locale"]:
        buyer.append(f"  {clean(t['buyer_locale'], one_line=True)}", style="dim")
    grid.add_row("Buyer", buyer)
    grid.add_row("Opened", Text(f"{labelled(t['opened_at'], tz)} ({ago(t['opened_at'], now)})"))
    if t["due_at"]:
        due = _clock(t["due_at"], now, "late")
        grid.add_row("Answer by", Text.assemble(f"{labelled(t['due_at'], tz)}  ", due))
        grid.add_row(
            "Wish steps in",
            Text.assemble(
                f"{labelled(t['escalates_at'], tz)}  ", _clock(t["escalates_at"], now, "since")
            ),
        )
    if t.get("snoozed_until"):
        ends = t["snoozed_until"]
        grid.add_row(
            "Snoozed", Text(f"until {labelled(ends, tz)} ({until(ends, now)})", style="cyan")
        )
    for name, value in team_rows(t, now):  # who works it, who is replying
        grid.add_row(name, value)
    return Panel(
        grid, title=_t(t["subject"] or "(no subject)", "bold"), title_align="left", box=box.HEAVY
    )


def _thread(messages: Sequence[Mapping[str, Any]], tz: str, now: datetime) -> Group:
    parts: list[Any] = [Text("Thread", style="bold underline")]
    for m in messages:
        who, style = SENDER_STYLES.get(m["sender"], (m["sender"], "bold"))
        head = Text(who, style=style)
        head.append(f"  {labelled(m['sent_at'], tz)} ({ago(m['sent_at'], now)})", style="dim")
        if m.get("queued"):
            head.append("  queued, not sent", style="bold yellow")
        body = Padding(_t(m["text"] or "", one_line=False), (0, 0, 0, 2))
        parts += [Text(""), head, body]
        for f in m.get("files") or []:  # buyer photos: the local copy, or why there is none
            where = f.get("path") or f"not downloaded: {f.get('note') or 'link expired'}"
            parts.append(_t(f"  photo: {f.get('file_name') or '?'}  {where}", "dim"))
    if not messages:
        parts.append(Text("(no messages)", style="dim"))
    return Group(*parts)


def notes_panel(notes: Sequence[Mapping[str, Any]], tz: str, now: datetime) -> Panel:
    """The merchant's internal notes, apart from the thread: never sent to the buyer."""
    parts: list[Any] = []
    for n in notes:
        if parts:
            parts.append(Text(""))
        head = _t(n["author"], "bold")
        head.append(f"  {labelled(n['created_at'], tz)} ({ago(n['created_at'], now)})", style="dim")
        parts += [head, Padding(_t(n["text"], one_line=False), (0, 0, 0, 2))]
    return Panel(
        Group(*parts),
        title=Text("Notes (internal, never sent)"),
        title_align="left",
        box=box.ROUNDED,
        border_style="yellow",
    )


def print_ticket(
    console: Console, t: Mapping[str, Any], tz: str, now: datetime, tracking_urls: Mapping[str, str]
) -> None:
    console.print(_header(t, tz, now))
    for order in t["orders"]:
        console.print(order_panel(order, tz, now, tracking_urls.get(order["id"])))
    missing = [o for o in t["order_ids"] if o not in {x["id"] for x in t["orders"]}]
    if missing:
        console.print(_t(f"Orders not in the store yet: {', '.join(missing)}", "yellow"))
    if t.get("notes"):
        console.print(notes_panel(t["notes"], tz, now))
    console.print(_thread(t["messages"], tz, now))
    if t["outbox"]:
        console.print(Text("\nOutbox", style="bold underline"))
        for item in t["outbox"]:
            line = Text(f"#{item['id']} {item['kind']} [{item['status']}] ", style="bold")
            asks = TICKET_STATE_FOR.get(item["kind"])
            line.append(_t(f"asks Wish for {asks}" if asks else item["body"] or ""))
            console.print(line)
    if t.get("audit_log"):
        console.print(Text("\nAudit log", style="bold underline"))
        for entry in t["audit_log"]:
            what = " ".join(filter(None, (entry["action"], entry["rule"])))
            line = Text(f"{labelled(entry['at'], tz)}  {what}: ")
            line.append(_t(entry["reason"] or ""))
            if entry.get("agent"):  # who did it
                line.append_text(_t(f"  ({entry['agent']})", "dim"))
            console.print(line)
    if t["drafts"]:
        console.print(Text("\nDrafts", style="bold underline"))
        for d in t["drafts"]:
            when = f"{labelled(d['created_at'], tz)}  "
            console.print(Text.assemble((when, "dim"), _t(d["text"])))
