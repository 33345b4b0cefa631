"""``wishdesk stats`` on a terminal: a weekly table with bars, and reasons as bars."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from wishdesk.render.safe import clean

BAR = 16


def _bar(value: float, top: float, style: str) -> Text:
    width = 0 if top <= 0 else round(BAR * value / top)
    return Text("█" * width + "·" * (BAR - width), style=style)


def print_stats(console: Console, stats: dict[str, Any]) -> None:
    weeks = stats["weeks"]
    top = max([w["opened"] for w in weeks] + [w["replies"] for w in weeks] + [1])
    table = Table(
        title="Service by week",
        box=box.SIMPLE_HEAD,
        title_justify="left",
        pad_edge=False,
        title_style="bold",
        header_style="bold",
    )
    for name, justify in (
        ("Week", "left"),
        ("Opened", "right"),
        ("", "left"),
        ("Replies", "right"),
        ("1st reply", "right"),
        ("In SLA", "right"),
        ("Escalated", "right"),
    ):
        table.add_column(name, justify=justify, no_wrap=True)  # type: ignore[arg-type]
    for w in weeks:
        share = w["within_sla"]
        share_text = Text(
            "-" if share is None else f"{share:.0%}",
            style=""
            if share is None
            else "green"
            if share >= 0.9
            else "yellow"
            if share >= 0.7
            else "red",
        )
        median = w["median_first_reply_bd"]
        table.add_row(
            w["week"],
            str(w["opened"]),
            _bar(w["opened"], top, "cyan"),
            str(w["replies"]),
            "-" if median is None else f"{median:g} bd",
            share_text,
            Text(str(w["escalations"]), style="red" if w["escalations"] else "dim"),
        )
    console.print(table)
    reasons = stats["reasons"]
    if reasons:
        most = max(reasons.values())
        chart = Table(
            title="Tickets by reason",
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
            chart.add_row(
                Text(clean(reason, one_line=True)), str(count), _bar(count, most, "magenta")
            )
        console.print(chart)
