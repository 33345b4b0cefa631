"""The ``orders`` table: one order, a ticket's orders, the facts the linter checks against,
and the upsert of Wish's copy. Writers run inside the caller's transaction."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import Any

from wishdesk.clock import iso, parse_time
from wishdesk.domain.models import Order, OrderFacts
from wishdesk.store.db import Store


@dataclass(frozen=True, slots=True)
class OrderRow:
    """A stored order; ``tracking``, ``fulfillment``, ``shipping_address`` and ``refunds``
    are JSON text."""

    id: str
    transaction_id: str | None
    state: str | None
    released_at: str | None
    updated_at: str
    product_id: str | None
    variation_id: str | None
    sku: str | None
    product_name: str | None
    size: str | None
    color: str | None
    quantity: int | None
    expected_ship_at: str | None
    expected_delivery_at: str | None
    tracking_number: str | None
    carrier: str | None
    tracking: str | None
    fulfillment: str | None
    shipping_address: str | None
    refunds: str | None
    buyer_name: str | None  # m007: the shipping name and country, the last shipping and
    country_code: str | None  # delivery events (see ``Order.shipped_at``, ``delivered_at``)
    shipped_at: str | None
    delivered_at: str | None


_COLUMNS = tuple(f.name for f in fields(OrderRow))
_SELECT = ", ".join(_COLUMNS)
_UPSERT = (
    f"INSERT INTO orders ({_SELECT}) VALUES ({', '.join('?' for _ in _COLUMNS)}) "
    "ON CONFLICT(id) DO UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in _COLUMNS[1:])
)
_FOR_TICKET = (
    "FROM ticket_orders l JOIN orders o ON o.id = l.order_id "
    "WHERE l.ticket_num = (SELECT num FROM tickets WHERE id = ?) ORDER BY l.position"
)
_FACT_COLUMNS = (
    "id",
    "state",
    "expected_delivery_at",
    "expected_ship_at",
    "tracking_number",
    "carrier",
)
_FACT_SELECT = ", ".join(_FACT_COLUMNS)
_JOINED_SELECT = ", ".join("o." + c for c in _COLUMNS)
_JOINED_FACT_SELECT = ", ".join("o." + c for c in _FACT_COLUMNS)


def ids_with_prefix(store: Store, prefix: str, limit: int = 11) -> list[str]:
    """Order ids equal to or starting with ``prefix``, among the orders the store holds and
    those its tickets name (an exact match comes alone)."""
    for sql in ("SELECT id FROM orders WHERE id = ?", _LINKED_EXACT):
        exact = store.one(sql, (prefix,))
        if exact:
            return [exact[0]]
    rows = store.all(
        _BY_PREFIX, (prefix, prefix + "\U0010ffff", prefix, prefix + "\U0010ffff", limit)
    )
    return [r[0] for r in rows]


_LINKED_EXACT = "SELECT order_id FROM ticket_orders WHERE order_id = ? LIMIT 1"
_BY_PREFIX = (
    "SELECT id FROM orders WHERE id >= ? AND id < ? UNION "
    "SELECT order_id FROM ticket_orders WHERE order_id >= ? AND order_id < ? ORDER BY 1 LIMIT ?"
)


def get(store: Store, order_id: str) -> OrderRow | None:
    row = store.one(f"SELECT {_SELECT} FROM orders WHERE id = ?", (order_id,))
    return None if row is None else OrderRow(*row)


def for_ticket(store: Store, ticket_id: str) -> list[OrderRow]:
    """The ticket's orders that are in the store, in the ticket's order."""
    rows = store.all(f"SELECT {_JOINED_SELECT} {_FOR_TICKET}", (ticket_id,))
    return [OrderRow(*row) for row in rows]


def _time(value: Any) -> Any:
    if not value:
        return None
    try:
        return parse_time(str(value))
    except ValueError:
        return None


def _facts(row: Any) -> OrderFacts:
    """The current tracking only (the ``tracking_number`` column): a replaced number, from
    before a reshipment, is no longer one to give a buyer."""
    order_id, state, eta, ship, number, carrier = row
    return OrderFacts(
        id=order_id,
        state=state,
        expected_delivery_at=_time(eta),
        expected_ship_at=_time(ship),
        tracking_numbers=(str(number),) if number else (),
        carrier=carrier,
    )


def facts(store: Store, order_id: str) -> OrderFacts | None:
    """What the linter's ``truth.*`` rules check a message about this order against."""
    row = store.one(f"SELECT {_FACT_SELECT} FROM orders WHERE id = ?", (order_id,))
    return _facts(row) if row else None


def facts_for_ticket(store: Store, ticket_id: str) -> list[OrderFacts]:
    """The facts of a ticket's orders, in the ticket's order (orders not imported yet are
    left out)."""
    rows = store.all(f"SELECT {_JOINED_FACT_SELECT} {_FOR_TICKET}", (ticket_id,))
    return [_facts(row) for row in rows]


def present(store: Store, ids: Iterable[str]) -> set[str]:
    """The ids, of these, that the store holds."""
    out: set[str] = set()
    unique = sorted(set(ids))
    for i in range(0, len(unique), 500):
        chunk = unique[i : i + 500]
        marks = ", ".join("?" for _ in chunk)
        out.update(r[0] for r in store.all(f"SELECT id FROM orders WHERE id IN ({marks})", chunk))
    return out


def version(store: Store, order_id: str) -> str | None:
    """The stored ``updated_at`` of an order, or None when it is new."""
    row = store.conn.execute("SELECT updated_at FROM orders WHERE id = ?", (order_id,)).fetchone()
    return None if row is None else str(row[0])


def _opt(moment: Any) -> str | None:
    return None if moment is None else iso(moment)


def _json(value: Any) -> str | None:
    return json.dumps(value, ensure_ascii=False) if value else None


def upsert(store: Store, order: Order, updated_at: str) -> None:
    """Insert or replace Wish's copy of an order."""
    tracking = [
        {
            "tracking_number": t.tracking_number,
            "carrier": t.carrier,
            "origin_country": t.origin_country,
            "ship_note": t.ship_note,
        }
        for t in order.tracking
    ]
    fulfillment = [{"event_type": e, "event_time": iso(t)} for e, t in order.fulfillment]
    store.conn.execute(
        _UPSERT,
        (
            order.id,
            order.transaction_id,
            order.state,
            _opt(order.released_at),
            updated_at,
            order.product_id,
            order.variation_id,
            order.sku,
            order.product_name,
            order.size,
            order.color,
            order.quantity,
            _opt(order.expected_ship_at),
            _opt(order.expected_delivery_at),
            order.tracking_number,
            order.carrier,
            _json(tracking),
            _json(fulfillment),
            _json(order.shipping_address),
            _json(list(order.refunds)),
            order.shipping_address.get("name"),
            (order.shipping_address.get("country_code") or "").upper() or None,
            _opt(order.shipped_at),
            _opt(order.delivered_at),
        ),
    )


_WITH_PREFIX = "SELECT id, product_name FROM orders WHERE id >= ? AND id < ? ORDER BY id"


def with_prefix(
    store: Store, prefix: str, limit: int, *, last: bool = False
) -> list[tuple[str, str | None]]:
    """``(id, product name)`` of the first ``limit`` orders whose id starts with ``prefix``,
    by id (``last``: the last one alone)."""
    if last:
        return store.all(_WITH_PREFIX + " DESC LIMIT 1", (prefix, prefix + "\U0010ffff"))
    return store.all(_WITH_PREFIX + " LIMIT ?", (prefix, prefix + "\U0010ffff", limit))


_DEADLINES = (
    "SELECT state, tracking_number, expected_ship_at, shipped_at, expected_delivery_at, "
    "delivered_at FROM orders WHERE expected_ship_at >= ? OR expected_delivery_at >= ?"
)


def deadlines_since(store: Store, since: str) -> list[tuple[Any, ...]]:
    """``(state, tracking number, expected ship, shipped, expected delivery, delivered)`` of
    the orders with an expected ship or delivery time at or after ``since``."""
    return store.all(_DEADLINES, (since, since))
