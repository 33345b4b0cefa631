"""``wishdesk stats`` on a terminal: a weekly table with bars, and reasons as bars."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from wishdesk.i18n import N_, _
from wishdesk.render.reason import reason_name
from wishdesk.render.safe import clean

BAR = 16  # the widest bar
# Every other column of the weekly table, with its width, and what the gaps take.
_WEEK_COLUMNS = ((N_("Week"), 10), (N_("Opened"), 6), (N_("Replies"), 7), (N_("1st reply"), 9),
                 (N_("In SLA"), 6), (N_("Escalated"), 9), (N_("Late"), 7))  # fmt: skip
_NOTE = N_(
    "Opened: tickets opened that week (the bar: against the busiest week). 1st reply: "
    "median business days (bd) from opening to the first reply. In SLA: share answered "
    "by the deadline. Escalated: not answered within the escalation hours. Late: "
    "orders due to ship / to arrive that week that did so late, or not yet (ship / arrive)."
)


def _bar(value: float, top: float, style: str, width: int = BAR) -> Text:
    filled = 0 if top <= 0 else round(width * value / top)
    return Text("█" * filled + "·" * (width - filled), style=style)


def _share(share: float | None) -> Text:
    if share is None:
        return Text("-")
    style = "green" if share >= 0.9 else "yellow" if share >= 0.7 else "red"
    return Text(f"{share:.0%}", style=style)


def _late_orders(ship: int, deliver: int) -> Text:
    text = Text(str(ship), style="red" if ship else "dim")
    text.append(" / ", style="dim")
    text.append(str(deliver), style="red" if deliver else "dim")
    return text


def print_stats(console: Console, stats: dict[str, Any]) -> None:
    weeks = stats["weeks"]
    top = max([w["opened"] for w in weeks] + [1])  # the bar shows opened tickets only
    columns = [(Text(_(name)), width) for name, width in _WEEK_COLUMNS]
    columns = [(head, max(width, head.cell_len)) for head, width in columns]  # never cut
    used = sum(width for _head, width in columns) + 2 * len(columns)  # gaps: 2 each
    bar = max(4, min(BAR, console.width - used))
    table = Table(
        title=_("Service by week"),
        caption=_(_NOTE),
        caption_justify="left",
        box=box.SIMPLE_HEAD,
        title_justify="left",
        pad_edge=False,
        show_edge=False,
        padding=(0, 1, 0, 0),
        title_style="bold",
        header_style="bold",
    )
    for i, (head, width) in enumerate(columns[:2]):
        table.add_column(head, justify="right" if i else "left", min_width=width)
    table.add_column(_("Opened, bar"), no_wrap=True, width=bar)
    for head, width in columns[2:]:
        table.add_column(head, justify="right", no_wrap=True, min_width=width)
    for w in weeks:
        median = w["median_first_reply_bd"]
        table.add_row(
            w["week"],
            str(w["opened"]),
            _bar(w["opened"], top, "cyan", bar),
            str(w["replies"]),
            "-" if median is None else _("{days} bd").format(days=f"{median:g}"),
            _share(w["within_sla"]),
            Text(str(w["escalations"]), style="red" if w["escalations"] else "dim"),
            _late_orders(w["late_to_ship"], w["late_to_deliver"]),
        )
    console.print(table)
    reasons = stats["reasons"]
    if reasons:
        most = max(reasons.values())
        chart = Table(
            title=_("Tickets by reason"),
            box=None,
            title_justify="left",
            title_style="bold",
            show_header=False,
        )
        chart.add_column(no_wrap=True)
        chart.add_column(justify="right")
        chart.add_column()
        for reason, count in reasons.items():
            # Reason names come from the store: shown as plain text, never as markup.
            name = Text(clean(reason_name(reason), one_line=True))
            chart.add_row(name, str(count), _bar(count, most, "magenta"))
        console.print(chart)
