"""The inbox as a person sees it: the rich ticket table and the ``show`` view.

Everything that came from a buyer (or from Wish) is passed to rich as ``Text`` built from
``clean``-ed strings, so neither escape sequences nor rich markup in it can take effect.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from rich import box
from rich.console import Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from wishdesk.domain.outbox import TICKET_STATE_FOR
from wishdesk.i18n import N_, _
from wishdesk.render.assign import agent_width, team_rows
from wishdesk.render.order import field_table as _field_table
from wishdesk.render.order import order_panel
from wishdesk.render.outbox import kind_name, status_name
from wishdesk.render.reason import BAND_STYLES, how_sure, reason_name
from wishdesk.render.safe import clean
from wishdesk.render.timefmt import labelled, late, readable, span, until, with_relative

# Whose turn it is, as the inbox's State column says it.
STATE_LABELS = {
    "AWAITING_MERCHANT": (N_("you"), "bold"),
    "AWAITING_USER": (N_("buyer"), "dim"),
    "AWAITING_WISH": (N_("wish"), "magenta"),
    "CLOSED": (N_("closed"), "dim"),
    "PERMANENTLY_CLOSED": (N_("closed"), "dim"),
}
# The same, as ``show`` says it after the state's id.
WAITING = {
    "AWAITING_MERCHANT": N_("waiting on you"),
    "AWAITING_USER": N_("waiting on buyer"),
    "AWAITING_WISH": N_("waiting on wish"),
    "CLOSED": N_("closed"),
    "PERMANENTLY_CLOSED": N_("closed"),
}
SENDER_STYLES = {
    "USER": (N_("Buyer"), "bold cyan"),
    "MERCHANT": (N_("You"), "bold green"),
    "WISH_SUPPORT": (N_("Wish support"), "bold magenta"),
    "WISH_AUTOMATED_SUPPORT": (N_("Wish (automated)"), "magenta"),
    "LIVE_CHAT": (N_("Buyer (live chat)"), "bold cyan"),
}
# The inbox's columns: the key each row's cells are kept under, and the header shown.
HEADERS = {
    "ID": N_("ID"),
    "State": N_("State"),
    "Reason": N_("Reason"),
    "Buyer": N_("Buyer"),
    "Subject": N_("Subject"),
    "Waiting": N_("Waiting"),
    "Due": N_("Due"),
    "Escalates": N_("Escalates"),
    "Agent": N_("Agent"),
}
SOON = timedelta(hours=24)
MIN_TEXT = 8  # the narrowest buyer and subject columns


def _t(value: Any, style: str = "", *, one_line: bool = True) -> Text:
    return Text(clean("" if value is None else str(value), one_line=one_line), style=style)


def since(delta: timedelta) -> str:
    """Wish took over ``delta`` ago: ``since 2d`` (``已升级2天``)."""
    return _("since {span}").format(span=span(delta))


def _clock(stamp: str | None, now: datetime, gone: Callable[[timedelta], str] = late) -> Text:
    """A deadline: ``in 5h`` (yellow within a day), or ``gone(how long ago)`` in red."""
    moment = readable(stamp) if stamp else None
    if moment is None:
        return Text("-" if not stamp else "?", style="dim")
    if moment < now:
        return Text(gone(now - moment), style="bold red")
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
    heads = {key: Text(_(label)) for key, label in HEADERS.items()}
    fixed = ["ID", *(["State"] if show_state else []), "Reason", "Waiting", "Due", "Escalates"]
    widths = {n: max([heads[n].cell_len, *(row[n].cell_len for row in rows)]) for n in fixed}
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
    shown: list[str] = [n for n in ("ID", "State", "Reason") if n in widths]
    for name in shown:
        table.add_column(heads[name], no_wrap=True, min_width=widths[name])
    table.add_column(heads["Buyer"], no_wrap=True, width=buyer_width, overflow="ellipsis")
    table.add_column(heads["Subject"], no_wrap=True, width=subject_width, overflow="ellipsis")
    shown += ["Buyer", "Subject"]
    if agent:
        table.add_column(heads["Agent"], no_wrap=True, width=agent, overflow="ellipsis")
        shown.append("Agent")
    for name in ("Waiting", "Due", "Escalates"):
        if name in widths:
            justify: Any = "right" if name == "Waiting" else "left"
            table.add_column(heads[name], no_wrap=True, min_width=widths[name], justify=justify)
            shown.append(name)
    for row in rows:
        table.add_row(*(row[name] for name in shown))
    return table


def _ticket_cells(r: Mapping[str, Any], now: datetime, show_state: bool) -> dict[str, Text]:
    buyer = _t(r["buyer_name"] or "?")
    if r["buyer_locale"]:
        buyer.append(f" {clean(r['buyer_locale'], one_line=True)}", style="dim")
    cells = {"ID": _t(r["id"][:10], "dim")}
    if show_state:
        label, style = STATE_LABELS.get(r["state"], (r["state"].lower(), ""))
        shown = _(label) if r["state"] in STATE_LABELS else label
        cells["State"] = Text(clean(shown, one_line=True), style=style)
    cells["Reason"] = _t(reason_name(r["reason"]))
    cells["Buyer"] = buyer
    cells["Subject"] = _t(r["subject"] or r["last_message"] or "")
    cells["Agent"] = _t(r.get("assignee") or "-", "" if r.get("assignee") else "dim")
    started = readable(r["awaiting_since"]) if r["awaiting_since"] else None
    waiting = "-" if not r["awaiting_since"] else "?" if started is None else span(now - started)
    cells["Waiting"] = Text(waiting)
    cells["Due"] = _clock(r["due_at"], now)
    cells["Escalates"] = _clock(r["escalates_at"], now, since)
    return cells


def print_ticket_table(
    console: Console, records: Sequence[Mapping[str, Any]], now: datetime, title: str
) -> None:
    if not records:
        console.print(Text(_("No tickets to show."), style="dim"))
        return
    console.print(ticket_table(records, now, title, console.width))


def _header(t: Mapping[str, Any], tz: str, now: datetime) -> Panel:
    grid = _field_table()
    style = STATE_LABELS.get(t["state"], ("", ""))[1]
    waiting = WAITING.get(t["state"])
    state = t["state"]
    if waiting is not None:
        state = _("{state} ({waiting})").format(state=state, waiting=_(waiting))
    grid.add_row(_("Ticket"), _t(t["id"]))
    grid.add_row(_("State"), _t(state, style))
    reason = _t(reason_name(t["reason"]))
    if reason.plain != (t["reason"] or ""):  # a translated name: the id that --reason takes
        reason.append(f" {clean(t['reason'], one_line=True)}", style="dim")
    band_style = BAND_STYLES.get(t.get("reason_confidence_band") or "", "dim")
    reason.append(f"  {how_sure(t)}", style=band_style)
    grid.add_row(_("Reason"), reason)
    buyer = _t(t["buyer_name"] or "?")
    if t["buyer_locale"]:
        buyer.append(f"  {clean(t['buyer_locale'], one_line=True)}", style="dim")
    grid.add_row(_("Buyer"), buyer)
    grid.add_row(_("Opened"), Text(with_relative(t["opened_at"], tz, now)))
    if t["due_at"]:
        due = _clock(t["due_at"], now)
        grid.add_row(_("Answer by"), Text.assemble(f"{labelled(t['due_at'], tz)}  ", due))
        escalates = _clock(t["escalates_at"], now, since)
        grid.add_row(
            _("Wish steps in"), Text.assemble(f"{labelled(t['escalates_at'], tz)}  ", escalates)
        )
    if t.get("snoozed_until"):
        ends = t["snoozed_until"]
        snoozed = _("until {time} ({relative})").format(
            time=labelled(ends, tz), relative=until(ends, now)
        )
        grid.add_row(_("Snoozed"), Text(snoozed, style="cyan"))
    for name, value in team_rows(t, now):  # who works it, who is replying
        grid.add_row(name, value)
    title = _t(t["subject"] or _("(no subject)"), "bold")
    return Panel(grid, title=title, title_align="left", box=box.HEAVY)


def _photo(f: Mapping[str, Any]) -> str:
    """A buyer photo: the local copy, or why there is none."""
    where = f.get("path") or _("not downloaded: {why}").format(
        why=f.get("note") or _("link expired")
    )
    return _("  photo: {name}  {where}").format(name=f.get("file_name") or "?", where=where)


def _thread(messages: Sequence[Mapping[str, Any]], tz: str, now: datetime) -> Group:
    parts: list[Any] = [Text(_("Thread"), style="bold underline")]
    for m in messages:
        who, style = SENDER_STYLES.get(m["sender"], (m["sender"], "bold"))
        head = Text(_(who) if m["sender"] in SENDER_STYLES else who, style=style)
        head.append(f"  {with_relative(m['sent_at'], tz, now)}", style="dim")
        if m.get("queued"):
            head.append(_("  queued, not sent"), style="bold yellow")
        body = Padding(_t(m["text"] or "", one_line=False), (0, 0, 0, 2))
        parts += [Text(""), head, body]
        parts += [_t(_photo(f), "dim") for f in m.get("files") or []]
    if not messages:
        parts.append(Text(_("(no messages)"), style="dim"))
    return Group(*parts)


def notes_panel(notes: Sequence[Mapping[str, Any]], tz: str, now: datetime) -> Panel:
    """The merchant's internal notes, apart from the thread: never sent to the buyer."""
    parts: list[Any] = []
    for n in notes:
        if parts:
            parts.append(Text(""))
        head = _t(n["author"], "bold")
        head.append(f"  {with_relative(n['created_at'], tz, now)}", style="dim")
        parts += [head, Padding(_t(n["text"], one_line=False), (0, 0, 0, 2))]
    return Panel(
        Group(*parts),
        title=Text(_("Notes (internal, never sent)")),
        title_align="left",
        box=box.ROUNDED,
        border_style="yellow",
    )


def _heading(text: str) -> Text:
    return Text(f"\n{text}", style="bold underline")


def _outbox_line(item: Mapping[str, Any]) -> Text:
    kind, status = kind_name(item["kind"]), status_name(item["status"])
    line = Text(f"#{item['id']} {kind} [{status}] ", style="bold")
    asks = TICKET_STATE_FOR.get(item["kind"])
    line.append(_t(_("asks Wish for {state}").format(state=asks) if asks else item["body"] or ""))
    return line


def print_ticket(
    console: Console, t: Mapping[str, Any], tz: str, now: datetime, tracking_urls: Mapping[str, str]
) -> None:
    console.print(_header(t, tz, now))
    for order in t["orders"]:
        console.print(order_panel(order, tz, now, tracking_urls.get(order["id"])))
    missing = [o for o in t["order_ids"] if o not in {x["id"] for x in t["orders"]}]
    if missing:
        text = _("Orders not in the store yet: {ids}").format(ids=", ".join(missing))
        console.print(_t(text, "yellow"))
    if t.get("notes"):
        console.print(notes_panel(t["notes"], tz, now))
    console.print(_thread(t["messages"], tz, now))
    if t["outbox"]:
        console.print(_heading(_("Outbox")))
        for item in t["outbox"]:
            console.print(_outbox_line(item))
    if t.get("audit_log"):
        console.print(_heading(_("Audit log")))
        for entry in t["audit_log"]:
            what = " ".join(filter(None, (entry["action"], entry["rule"])))
            line = Text(f"{labelled(entry['at'], tz)}  {what}: ")
            line.append(_t(entry["reason"] or ""))
            if entry.get("agent"):  # who did it
                line.append_text(_t(f"  ({entry['agent']})", "dim"))
            console.print(line)
    if t["drafts"]:
        console.print(_heading(_("Drafts")))
        for d in t["drafts"]:
            when = f"{labelled(d['created_at'], tz)}  "
            console.print(Text.assemble((when, "dim"), _t(d["text"])))
