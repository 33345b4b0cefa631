"""The ``templates list`` table as a person sees it on a terminal."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from wishdesk.i18n import N_, _
from wishdesk.render.safe import clean

KIND_STYLES = {"proactive": "cyan", "reply": "green", "custom": "magenta"}
KIND_NAMES = {"proactive": N_("proactive"), "reply": N_("reply"), "custom": N_("custom")}


def _kind(kind: str) -> str:
    name = KIND_NAMES.get(kind)
    return clean(kind, one_line=True) if name is None else _(name)


def print_template_table(console: Console, records: Sequence[Mapping[str, Any]]) -> None:
    table = Table(
        box=box.SIMPLE_HEAD,
        padding=(0, 1, 0, 0),
        header_style="bold",
        pad_edge=False,
        show_edge=False,
    )
    table.add_column(_("Name"), no_wrap=True)
    table.add_column(_("Kind"), no_wrap=True)
    table.add_column(_("Languages"), no_wrap=True)
    table.add_column(_("Description"), ratio=1, overflow="fold")
    for r in records:
        table.add_row(
            Text(clean(r["name"], one_line=True), style="bold"),
            Text(_kind(r["kind"]), style=KIND_STYLES.get(r["kind"], "")),
            Text(clean(" ".join(r["languages"]), one_line=True)),
            Text(clean(_(r["description"]), one_line=True), style="dim"),
        )
    console.print(table)
