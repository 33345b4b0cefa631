"""``wishdesk orders`` and ``orders show``: the orders the store knows, filtered for the
merchant and for scripts that feed ``notify``; one order with the tickets about it.

The listing streams from the store (``store/order_listing.py``); the request is what the
command line typed, turned into the store's query here.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from wishdesk.clock import iso, parse_time
from wishdesk.domain.durations import read_duration
from wishdesk.errors import NotFoundError, UsageError
from wishdesk.services.inbox import Listing, resolve_order
from wishdesk.store import order_listing as queries
from wishdesk.store.db import Store

ORDER_FIELDS = (
    "id",
    "state",
    "product",
    "sku",
    "size",
    "color",
    "quantity",
    "buyer_name",
    "country_code",
    "tracking_number",
    "carrier",
    "tracking_url",
    "expected_ship_at",
    "expected_delivery_at",
    "shipped_at",
    "delivered_at",
    "released_at",
    "updated_at",
    "late_ship",
    "late_delivery",
    "open_ticket_ids",
)
# csv names the id column ``order_id``: the column ``notify --orders-file`` reads.
CSV_FIELDS = ("order_id", *ORDER_FIELDS[1:])
STATE_NAMES = {
    "approved": "APPROVED",
    "shipped": "SHIPPED",
    "refunded": "REFUNDED",
    "require-review": "REQUIRE_REVIEW",
    "declined": "DECLINED",
}
SORTS = ("updated", "expected-ship", "expected-delivery")
_URL_AT = ORDER_FIELDS.index("tracking_url")


@dataclass(frozen=True)
class OrdersRequest:
    """What ``wishdesk orders`` asks for, as typed on the command line."""

    states: Sequence[str] = ()
    unshipped: bool = False
    late_ship: bool = False
    late_delivery: bool = False
    no_tracking: bool = False
    carrier: str | None = None
    with_ticket: bool | None = None
    updated_since: str | None = None
    search: str | None = None
    limit: int = 50
    sort: str = "updated"
    reverse: bool = False


def states_for(names: Sequence[str]) -> tuple[str, ...]:
    """Wish states for the ``--state`` names; empty (any state) for none or ``any``."""
    out: list[str] = []
    for name in names:
        key = name.strip().lower()
        if key == "any":
            return ()
        if key not in STATE_NAMES:
            raise UsageError(
                "unknown order state {name!r}: use {choices} or any",
                name=name,
                choices=", ".join(STATE_NAMES),
            )
        if STATE_NAMES[key] not in out:
            out.append(STATE_NAMES[key])
    return tuple(out)


def since(text: str, now: datetime) -> str:
    """``--updated-since``: an ISO-8601 date or time (UTC unless it says otherwise), or a
    duration back from now (``30m``, ``12h``, ``7d``, ``2w``)."""
    try:
        return iso(parse_time(text))
    except ValueError:
        pass
    try:
        window = read_duration(text)
    except UsageError:  # longer than any store's history: said as a bad value here
        window = None
    if window is None or window.unit == "bd":
        raise UsageError(
            "bad --updated-since {text!r}: use a date or time (2026-11-20, "
            "2026-11-20T08:00Z) or a duration back from now (12h, 7d, 2w)",
            text=text,
        )
    return iso(now - window.span())


def orders_query(req: OrdersRequest, now: datetime) -> queries.OrderQuery:
    """The store's query for an ``orders`` request."""
    if req.sort not in SORTS:
        raise UsageError(
            "unknown sort {sort!r}: use {choices}", sort=req.sort, choices=", ".join(SORTS)
        )
    carrier = req.carrier.strip() if req.carrier is not None else None
    if carrier == "":
        raise UsageError("--carrier needs a carrier name")
    return queries.OrderQuery(
        states=states_for(req.states),
        unshipped=req.unshipped,
        late_ship_at=iso(now) if req.late_ship else None,
        late_delivery_at=iso(now) if req.late_delivery else None,
        no_tracking=req.no_tracking,
        carrier=carrier,
        with_ticket=req.with_ticket,
        updated_since=None if req.updated_since is None else since(req.updated_since, now),
        search=tuple((req.search or "").split()),
        limit=req.limit,
        sort=req.sort,
        reverse=req.reverse,
    )


def _values(row: Sequence[Any]) -> list[Any]:
    """A listing row's values in ``ORDER_FIELDS`` order (the tracking page put in)."""
    from wishdesk.domain.carriers import tracking_url

    values = list(row)
    values.insert(_URL_AT, tracking_url(row[_URL_AT - 1], row[_URL_AT - 2]))
    values[-3] = bool(values[-3])
    values[-2] = bool(values[-2])
    values[-1] = values[-1].split(",") if values[-1] else []
    return values


def record(row: Sequence[Any]) -> dict[str, Any]:
    """A listing row as the documented JSON record."""
    return dict(zip(ORDER_FIELDS, _values(row), strict=True))


def cells(row: Sequence[str]) -> tuple[str, ...]:
    """A text row (``TEXT_COLUMNS``) as the TSV cells, the tracking page put in."""
    from wishdesk.domain.carriers import tracking_url

    url = tracking_url(row[_URL_AT - 1], row[_URL_AT - 2]) or ""
    return (*row[:_URL_AT], url, *row[_URL_AT:])


def listing(store: Store, query: queries.OrderQuery, now: datetime) -> Listing:
    """The orders a query selects, streamed in whichever form the output wants."""
    now_iso = iso(now)

    def records() -> Iterator[dict[str, Any]]:
        return map(record, queries.iter_rows(store, query, now_iso))

    def text() -> Iterator[tuple[str, ...]]:
        return map(cells, queries.iter_text_rows(store, query, now_iso))

    total = lambda: queries.count(store, query)  # noqa: E731
    return Listing(records, text, total, query.limit, ORDER_FIELDS, CSV_FIELDS)


# One order ------------------------------------------------------------------------------
def listed(store: Store, order_id: str, now: datetime) -> dict[str, Any] | None:
    """One order's listing record (None when the store does not hold it)."""
    query = queries.OrderQuery(order_id=order_id)
    found = next(queries.iter_rows(store, query, iso(now)), None)
    return None if found is None else record(found)


@dataclass(frozen=True)
class OrderView:
    """What ``orders show`` shows: the documented record, and the merchant's time zone."""

    record: dict[str, Any]
    timezone: str


def show_order(store: Store, ref: str, now: datetime) -> dict[str, Any]:
    """The listing record plus the order's details and every ticket about it."""
    from wishdesk.services import inbox
    from wishdesk.store import orders
    from wishdesk.store.listing import TicketQuery

    order_id = resolve_order(store, ref)
    if not order_id:
        raise UsageError("empty order id")
    row = orders.get(store, order_id)
    if row is None:
        linked = queries.has_tickets(store, order_id)
        if linked:
            raise NotFoundError(
                "no order {order_id!r} in the store: `wishdesk list --order {order_id} --state "
                "any` lists its tickets",
                order_id=order_id,
            )
        raise NotFoundError("no order {order_id!r} in the store", order_id=order_id)
    out = listed(store, order_id, now)
    assert out is not None
    details = inbox.order_record(row)
    for key in ("transaction_id", "product_id", "variation_id", "tracking", "fulfillment"):
        out[key] = details[key]
    out["shipping_address"] = details["shipping_address"]
    about = TicketQuery(
        states=(), order_id=order_id, limit=0, sort="opened", reverse=True
    )  # oldest first
    out["tickets"] = list(inbox.listing(store, about, now).records())
    return out


def view_order(store: Store, ref: str, now: datetime) -> OrderView:
    from wishdesk.services.config import current

    return OrderView(show_order(store, ref, now), current(store)["calendar.timezone"])
