"""Orders as a person sees them: the order panel (``show`` and ``orders show``) and the
``orders`` table.

Everything that came from a buyer (or from Wish) is passed to rich as ``Text`` built from
``clean``-ed strings, so neither escape sequences nor rich markup in it can take effect.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from rich import box
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from wishdesk.i18n import N_, _, ngettext
from wishdesk.render.safe import address_lines, clean
from wishdesk.render.timefmt import ahead, late, past, readable, with_relative

STATE_LABELS = {
    "APPROVED": (N_("approved"), "bold"),
    "SHIPPED": (N_("shipped"), ""),
    "REFUNDED": (N_("refunded"), "dim"),
    "REQUIRE_REVIEW": (N_("review"), "magenta"),
    "DECLINED": (N_("declined"), "dim"),
}
# The order's state in its panel: the id in English (what ``orders --state`` takes), a
# name in a translation.
STATE_NAMES = {
    "APPROVED": N_("APPROVED"),
    "SHIPPED": N_("SHIPPED"),
    "REFUNDED": N_("REFUNDED"),
    "REQUIRE_REVIEW": N_("REQUIRE_REVIEW"),
    "DECLINED": N_("DECLINED"),
}
LATE = "bold red"
MIN_TEXT = 6  # the narrowest free-text column


def _t(value: Any, style: str = "") -> Text:
    return Text(clean("" if value is None else str(value), one_line=True), style=style)


def field_table() -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="dim", no_wrap=True)
    table.add_column()
    return table


def variant(order: Mapping[str, Any], sep: str = " / ", *, short: bool = False) -> str:
    """Size and colour; ``short`` leaves out a size of "One Size" (most items have no other)."""
    size = order["size"]
    if short and isinstance(size, str) and size.strip().lower() in ("one size", "onesize"):
        size = None
    return sep.join(clean(str(v), one_line=True) for v in (size, order["color"]) if v)


def _expected(stamp: str | None, tz: str, now: datetime, overdue: bool) -> Text:
    if not stamp:
        return Text("-")
    text = Text(with_relative(stamp, tz, now, future=True))
    if overdue:
        text.append(_("  late"), style=LATE)
    return text


def order_panel(
    order: Mapping[str, Any], tz: str, now: datetime, tracking_url: str | None
) -> Panel:
    grid = field_table()
    grid.add_row(_("Product"), _t(order["product"]))
    grid.add_row(_("Size / colour"), Text(variant(order) or "-"))
    grid.add_row(_("Quantity"), _t(order["quantity"] if order["quantity"] is not None else "-"))
    state = STATE_NAMES.get(order["state"] or "")
    grid.add_row(_("Order state"), _t(_(state) if state else order["state"] or "-"))
    grid.add_row(_("Ship to"), Text("\n".join(address_lines(order["shipping_address"]))))
    if order["tracking_number"]:
        grid.add_row(_("Tracking"), _tracking(order))
        if tracking_url:
            grid.add_row(_("Tracking link"), _t(tracking_url, "underline"))
        for old in order.get("tracking", [])[1:]:  # newest first: the rest were replaced
            grid.add_row(_("Replaced tracking"), _tracking(old, "dim"))
    else:
        grid.add_row(_("Tracking"), Text(_("none yet"), style="yellow"))
    for label, key, overdue in (
        (N_("Ships by"), "expected_ship_at", "late_ship"),
        (N_("Delivery by"), "expected_delivery_at", "late_delivery"),
    ):
        grid.add_row(_(label), _expected(order[key], tz, now, bool(order.get(overdue))))
    for label, key in ((N_("Shipped"), "shipped_at"), (N_("Delivered"), "delivered_at")):
        if order.get(key):
            grid.add_row(_(label), Text(with_relative(order[key], tz, now, future=True)))
    title = _("Order {id}").format(id=clean(order["id"], one_line=True))
    return Panel(grid, title=Text(title), title_align="left", box=box.ROUNDED)


def _tracking(t: Mapping[str, Any], style: str = "") -> Text:
    """``LX123  (China Post)``: a tracking number and its carrier."""
    return _t(f"{t['tracking_number']}  ({t['carrier'] or '?'})", style)


# The listing --------------------------------------------------------------------------------
def _when(stamp: str | None, now: datetime, overdue: bool, done: str | None) -> Text:
    """An expected time as a person reads it: ``late 3d`` in red, ``in 5d``, or what
    happened instead (``shipped``, ``arrived``)."""
    if done:
        return Text(done, style="dim")
    moment = readable(stamp) if stamp else None
    if moment is None:
        return Text("-" if not stamp else "?", style="dim")
    if overdue:
        return Text(late(now - moment), style=LATE)
    if moment < now:
        return Text(past(now - moment), style="dim")
    return Text(ahead(moment - now))


def _cells(r: Mapping[str, Any], now: datetime) -> dict[str, Text]:
    label, style = STATE_LABELS.get(r["state"] or "", ((r["state"] or "?").lower(), ""))
    if r["state"] in STATE_LABELS:
        label = _(label)
    tracking = _t(r["carrier"] or ("?" if r["tracking_number"] else "-"))  # cut from the end
    if r["tracking_number"]:
        tracking.append(f" {clean(r['tracking_number'], one_line=True)}", style="dim")
    else:
        tracking.stylize("dim")
    shipped = _("shipped") if r["tracking_number"] or r["shipped_at"] else None
    delivered = _("arrived") if r["delivered_at"] else None
    if r["state"] in ("REFUNDED", "DECLINED"):  # nothing more is expected of it
        shipped, delivered = shipped or "-", delivered or "-"
    tickets = len(r["open_ticket_ids"])
    return {
        "ID": _t(r["id"][:10], "dim"),
        "State": _t(label, style),
        "Product": _t(r["product"] or "?"),
        "Variant": Text(variant(r, "/", short=True) or "-"),
        "To": _t(r["country_code"] or "-"),
        "Tracking": tracking,
        "Ships": _when(r["expected_ship_at"], now, r["late_ship"], shipped),
        "Delivery": _when(r["expected_delivery_at"], now, r["late_delivery"], delivered),
        "Tickets": Text(str(tickets) if tickets else "-", style="bold" if tickets else "dim"),
    }


_ORDER = ("ID", "State", "Product", "Variant", "To", "Tracking", "Ships", "Delivery", "Tickets")
_SHARES = {"Product": 45, "Variant": 20, "Tracking": 35}  # of the width left, in %
HEADERS = {
    "ID": N_("ID"),
    "State": N_("State"),
    "Product": N_("Product"),
    "Variant": N_("Variant"),
    "To": N_("To"),
    "Tracking": N_("Tracking"),
    "Carrier": N_("Carrier"),
    "Ships": N_("Ships"),
    "Delivery": N_("Delivery"),
    "Tickets": N_("Tickets"),
}


def _free_widths(free: int, longest: Mapping[str, int], least: Mapping[str, int]) -> dict[str, int]:
    """Product, variant and tracking share ``free`` columns by ``_SHARES``, none below
    ``least`` (its header's width); what one does not need goes to the others."""
    out = {n: max(free * share // 100, least[n]) for n, share in _SHARES.items()}
    for _round in range(2):
        spare = sum(max(out[n] - longest[n], 0) for n in out)
        out = {n: min(out[n], longest[n]) for n in out}
        wanting = [n for n in out if out[n] < longest[n]]
        for n in wanting:
            out[n] = min(longest[n], out[n] + spare // len(wanting))
    while sum(out.values()) > free and any(out[n] > least[n] for n in out):
        widest = max((n for n in out if out[n] > least[n]), key=lambda n: out[n])
        out[widest] -= 1
    return out


def order_table(
    records: Sequence[Mapping[str, Any]], now: datetime, title: str, width: int
) -> Table:
    """The orders. ID, state (when they differ), country, the two expected times and the
    open tickets keep their full width at any terminal width; product, variant (size and
    colour) and tracking (its carrier first) share what is left and are shortened first."""
    rows = [_cells(r, now) for r in records]
    shown = [n for n in _ORDER if n != "State" or len({r["state"] for r in records}) > 1]
    headers = {n: Text(_(label)) for n, label in HEADERS.items()}
    longest = {n: max([headers[n].cell_len, *(row[n].cell_len for row in rows)]) for n in shown}
    fixed = sum(longest[n] for n in shown if n not in _SHARES)
    free = width - fixed - 2 * (len(shown) - 1)
    least = {n: max(MIN_TEXT, headers[n].cell_len) for n in _SHARES}  # a header is never cut
    if free < sum(least.values()):  # 80 columns: the carrier is what shows of the tracking
        headers["Tracking"] = headers["Carrier"]
        least["Tracking"] = headers["Carrier"].cell_len
    chosen = _free_widths(free, longest, least)
    table = Table(
        title=title, box=box.SIMPLE_HEAD, title_justify="left", padding=(0, 1, 0, 0),
        title_style="bold", header_style="bold", pad_edge=False, show_edge=False,
    )  # fmt: skip
    for name in shown:
        if name in chosen:
            table.add_column(headers[name], no_wrap=True, width=chosen[name], overflow="ellipsis")
        else:
            justify: Any = "right" if name == "Tickets" else "left"
            table.add_column(headers[name], no_wrap=True, min_width=longest[name], justify=justify)
    for row in rows:
        table.add_row(*(row[name] for name in shown))
    return table


def print_order_table(
    console: Any, records: Sequence[Mapping[str, Any]], now: datetime, title: str
) -> None:
    if not records:
        console.print(Text(_("No orders to show."), style="dim"))
        return
    console.print(order_table(records, now, title, console.width))


def print_order(console: Any, order: Mapping[str, Any], tz: str, now: datetime) -> None:
    """``orders show``: the order panel, then the tickets about it."""
    from wishdesk.render.inbox import ticket_table

    console.print(order_panel(order, tz, now, order["tracking_url"]))
    if not order["tickets"]:
        console.print(Text(_("No tickets about this order."), style="dim"))
        return
    count = len(order["tickets"])
    title = ngettext(
        "{count} ticket about this order", "{count} tickets about this order", count
    ).format(count=count)
    console.print(ticket_table(order["tickets"], now, title, console.width))
