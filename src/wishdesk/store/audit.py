"""Queries of the policy linter: order facts for context, merchant messages to re-lint."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from wishdesk.clock import parse_time
from wishdesk.domain.models import OrderFacts
from wishdesk.store.db import Store

_ORDER_COLUMNS = (
    "id, state, expected_delivery_at, expected_ship_at, tracking_number, carrier, tracking"
)


@dataclass(frozen=True)
class SentText:
    """A merchant text in the store: a thread message or an outbox body."""

    id: str  # "message:<id>" or "outbox:<id>"
    ticket_id: str | None
    order_id: str | None
    text: str
    at: str


def _time(value: Any) -> Any:
    if not value:
        return None
    try:
        return parse_time(str(value))
    except ValueError:
        return None


def _facts(row: Any) -> OrderFacts:
    order_id, state, eta, ship, number, carrier, tracking = row
    numbers: list[str] = []
    try:
        for item in json.loads(tracking or "[]"):
            if isinstance(item, dict) and item.get("tracking_number"):
                numbers.append(str(item["tracking_number"]))
    except (ValueError, TypeError):
        pass
    if number and number not in numbers:
        numbers.append(str(number))
    return OrderFacts(
        id=order_id,
        state=state,
        expected_delivery_at=_time(eta),
        expected_ship_at=_time(ship),
        tracking_numbers=tuple(numbers),
        carrier=carrier,
    )


def order_facts(store: Store, order_id: str) -> OrderFacts | None:
    row = store.execute(f"SELECT {_ORDER_COLUMNS} FROM orders WHERE id = ?", (order_id,)).fetchone()
    return _facts(row) if row else None


def ticket_exists(store: Store, ticket_id: str) -> bool:
    return store.execute("SELECT 1 FROM tickets WHERE id = ?", (ticket_id,)).fetchone() is not None


def ticket_order_facts(store: Store, ticket_id: str) -> list[OrderFacts]:
    """The orders of a ticket, in the ticket's order (orders not imported yet are left out)."""
    rows = store.execute(
        f"SELECT {', '.join('o.' + c.strip() for c in _ORDER_COLUMNS.split(','))} "
        "FROM ticket_orders t JOIN orders o ON o.id = t.order_id "
        "WHERE t.ticket_num = (SELECT num FROM tickets WHERE id = ?) ORDER BY t.position",
        (ticket_id,),
    ).fetchall()
    return [_facts(row) for row in rows]


def merchant_texts(store: Store, since: str | None = None) -> Iterator[SentText]:
    """Merchant messages of every thread, then queued and sent outbox bodies, oldest first;
    ``since`` is a store timestamp (text order is time order)."""
    bound = since or ""
    for row in store.execute(
        "SELECT id, ticket_id, text, sent_at FROM messages "
        "WHERE sender = 'MERCHANT' AND sent_at >= ? ORDER BY sent_at, id",
        (bound,),
    ):
        yield SentText(f"message:{row[0]}", row[1], None, row[2] or "", row[3])
    for row in store.execute(
        "SELECT id, ticket_id, order_id, body, COALESCE(sent_at, created_at) AS at FROM outbox "
        "WHERE status IN ('queued', 'sent') AND body IS NOT NULL "
        "AND COALESCE(sent_at, created_at) >= ? ORDER BY at, id",
        (bound,),
    ):
        yield SentText(f"outbox:{row[0]}", row[1], row[2], row[3] or "", row[4])
