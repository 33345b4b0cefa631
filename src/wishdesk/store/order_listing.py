"""The listing query over the ``orders`` table (``wishdesk orders``): filters, sorts and
each order's open tickets, streamed.

Every value from the user reaches the database as a bound parameter; only fixed fragments
of SQL text are chosen here. Three fragments differ on PostgreSQL (``store.backend``): the
open tickets are joined with ``string_agg`` (SQLite's ``group_concat``), ``--carrier``
compares ``lower()`` (SQLite's ``COLLATE NOCASE``; both fold ASCII letters only on a
``COLLATE "C"`` column) and ``--search`` matches with ``ILIKE`` (SQLite's ``LIKE`` ignores
the case of ASCII letters, as ``ILIKE`` does on such a column).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from wishdesk.store.db import Store
from wishdesk.store.listing import like_pattern
from wishdesk.store.schema_orders import UNDELIVERED, UNSHIPPED

# The ticket states that count as open: a ticket that may still need the merchant.
OPEN_TICKET_STATES = ("AWAITING_MERCHANT", "AWAITING_USER", "AWAITING_WISH")


@dataclass
class OrderQuery:
    states: Sequence[str] = ()  # empty: any state
    order_id: str | None = None
    unshipped: bool = False
    late_ship_at: str | None = None  # ISO UTC "now": expected ship time passed, not shipped
    late_delivery_at: str | None = None  # ISO UTC "now": expected delivery passed, undelivered
    no_tracking: bool = False
    carrier: str | None = None
    with_ticket: bool | None = None  # an open ticket about it (False: none)
    updated_since: str | None = None  # ISO UTC
    search: Sequence[str] = ()  # words; each in the product, buyer or tracking number
    limit: int = 50  # 0: all
    sort: str = "updated"
    reverse: bool = False


_SORTS = {
    # sort key: (ORDER BY ascending form, natural direction is descending?)
    "updated": ("o.updated_at {dir}, o.id {dir}", True),
    "expected-ship": ("o.expected_ship_at IS NULL, o.expected_ship_at {dir}, o.id {dir}", False),
    "expected-delivery": (
        "o.expected_delivery_at IS NULL, o.expected_delivery_at {dir}, o.id {dir}",
        False,
    ),
}
_OPEN = ", ".join(f"'{s}'" for s in OPEN_TICKET_STATES)
_OPEN_TICKET = (
    "SELECT t.id FROM ticket_orders l JOIN tickets t ON t.num = l.ticket_num "
    f"WHERE l.order_id = o.id AND t.state IN ({_OPEN})"
)
_UNSHIPPED = UNSHIPPED.replace("state", "o.state").replace("tracking_number", "o.tracking_number")
_UNDELIVERED = UNDELIVERED.replace("state", "o.state").replace("delivered_at", "o.delivered_at")
# The ids of the order's open tickets, oldest first, comma-joined (None when it has none).
_OPEN_IDS = {
    "sqlite": f"(SELECT group_concat(id, ',') FROM ({_OPEN_TICKET} ORDER BY t.opened_at, t.id))",
    "postgres": (
        "(SELECT string_agg(t.id, ',' ORDER BY t.opened_at, t.id) "
        + _OPEN_TICKET.removeprefix("SELECT t.id ")
        + ")"
    ),
}
# In the documented field order, with ``tracking_url`` left to Python (the carriers' pages)
# and the two flags as 0/1. The open tickets are listed oldest first.
_COLUMNS = (
    "o.id, o.state, o.product_name, o.sku, o.size, o.color, o.quantity, o.buyer_name, "
    "o.country_code, o.tracking_number, o.carrier, o.expected_ship_at, o.expected_delivery_at, "
    "o.shipped_at, o.delivered_at, o.released_at, o.updated_at, "
    f"CASE WHEN {_UNSHIPPED} AND o.expected_ship_at < ? THEN 1 ELSE 0 END, "
    f"CASE WHEN {_UNDELIVERED} AND o.expected_delivery_at < ? THEN 1 ELSE 0 END, "
    "{open_ids}"
)


# The same, as TSV-ready text: every value a string, '' for none, the flags as true/false
# (the carrier's tracking page is left to Python, as in ``COLUMNS``).
_TEXT_COLUMNS = (
    "o.id, coalesce(o.state, ''), coalesce(o.product_name, ''), coalesce(o.sku, ''), "
    "coalesce(o.size, ''), coalesce(o.color, ''), coalesce(CAST(o.quantity AS TEXT), ''), "
    "coalesce(o.buyer_name, ''), coalesce(o.country_code, ''), "
    "coalesce(o.tracking_number, ''), coalesce(o.carrier, ''), "
    "coalesce(o.expected_ship_at, ''), coalesce(o.expected_delivery_at, ''), "
    "coalesce(o.shipped_at, ''), coalesce(o.delivered_at, ''), coalesce(o.released_at, ''), "
    "o.updated_at, "
    f"CASE WHEN {_UNSHIPPED} AND o.expected_ship_at < ? THEN 'true' ELSE 'false' END, "
    f"CASE WHEN {_UNDELIVERED} AND o.expected_delivery_at < ? THEN 'true' ELSE 'false' END, "
    "coalesce({open_ids}, '')"
)
COLUMNS = {name: _COLUMNS.format(open_ids=ids) for name, ids in _OPEN_IDS.items()}
TEXT_COLUMNS = {name: _TEXT_COLUMNS.format(open_ids=ids) for name, ids in _OPEN_IDS.items()}
_CARRIER = {"sqlite": "o.carrier = ? COLLATE NOCASE", "postgres": "lower(o.carrier) = lower(?)"}
_LIKE = {"sqlite": "LIKE", "postgres": "ILIKE"}


def _where(q: OrderQuery, params: list[Any], backend: str) -> list[str]:
    where: list[str] = []
    if q.order_id is not None:
        where.append("o.id = ?")
        params.append(q.order_id)
    if q.states:
        where.append(f"o.state IN ({', '.join('?' for _ in q.states)})")
        params += list(q.states)
    if q.unshipped:
        where.append(_UNSHIPPED)
    if q.late_ship_at is not None:
        where.append(f"{_UNSHIPPED} AND o.expected_ship_at < ?")
        params.append(q.late_ship_at)
    if q.late_delivery_at is not None:
        where.append(f"{_UNDELIVERED} AND o.expected_delivery_at < ?")
        params.append(q.late_delivery_at)
    if q.no_tracking:
        where.append("o.tracking_number IS NULL")
    if q.carrier is not None:
        where.append(_CARRIER[backend])
        params.append(q.carrier)
    if q.with_ticket is not None:
        where.append(("EXISTS" if q.with_ticket else "NOT EXISTS") + f" ({_OPEN_TICKET})")
    if q.updated_since is not None:
        where.append("o.updated_at >= ?")
        params.append(q.updated_since)
    like = _LIKE[backend]
    for word in q.search:
        where.append(
            f"(o.product_name {like} ? ESCAPE '\\' OR o.buyer_name {like} ? ESCAPE '\\' "
            f"OR o.tracking_number {like} ? ESCAPE '\\')"
        )
        params += [like_pattern(word)] * 3
    return where


def list_sql(
    q: OrderQuery, now_iso: str, *, text: bool = False, backend: str = "sqlite"
) -> tuple[str, list[Any]]:
    """The listing query on ``backend``; ``now_iso`` decides the two late flags. ``text``:
    the columns as TSV-ready text (``TEXT_COLUMNS``)."""
    params: list[Any] = [now_iso, now_iso]
    where = _where(q, params, backend)
    order, natural_desc = _SORTS[q.sort]
    if q.late_ship_at is not None:  # the filter leaves no order without the time
        order = order.replace("o.expected_ship_at IS NULL, ", "")
    if q.late_delivery_at is not None:
        order = order.replace("o.expected_delivery_at IS NULL, ", "")
    sql = f"SELECT {(TEXT_COLUMNS if text else COLUMNS)[backend]} FROM orders o"
    if where:
        sql += " WHERE " + " AND ".join(where)
    descending = natural_desc != q.reverse
    sql += " ORDER BY " + order.format(dir="DESC" if descending else "ASC")
    if q.limit:
        sql += " LIMIT ?"
        params.append(q.limit)
    return sql, params


def iter_rows(store: Store, q: OrderQuery, now_iso: str) -> Iterator[tuple[Any, ...]]:
    """The listing's rows (``COLUMNS``), streamed."""
    return store.rows(*list_sql(q, now_iso, backend=store.backend))


def iter_text_rows(store: Store, q: OrderQuery, now_iso: str) -> Iterator[tuple[str, ...]]:
    """The listing's rows as TSV-ready text (``TEXT_COLUMNS``), streamed."""
    return store.rows(*list_sql(q, now_iso, text=True, backend=store.backend))


def count(store: Store, q: OrderQuery) -> int:
    """How many orders the query selects, its limit aside."""
    params: list[Any] = []
    where = _where(q, params, store.backend)
    sql = "SELECT count(*) FROM orders o" + (" WHERE " + " AND ".join(where) if where else "")
    row = store.one(sql, params)
    return int(row[0]) if row else 0


def has_tickets(store: Store, order_id: str) -> bool:
    """Does any ticket name the order (whether or not the store holds the order)?"""
    return (
        store.one("SELECT 1 FROM ticket_orders WHERE order_id = ? LIMIT 1", (order_id,)) is not None
    )
