"""The ``tickets`` table and its links to orders (``ticket_orders``): one ticket, its
lookups, and the writes the services decide on (the listing query is ``store.listing``).

Every value reaches SQLite as a bound parameter. Writers run inside the caller's transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, fields
from typing import Any

from wishdesk.clock import iso
from wishdesk.domain.models import Ticket
from wishdesk.store.db import Store

LIST_COLUMNS = (
    "id",
    "state",
    "reason",
    "reason_source",
    "subject",
    "buyer_name",
    "buyer_locale",
    "order_ids",
    "opened_at",
    "updated_at",
    "awaiting_since",
    "due_at",
    "escalates_at",
    "last_message",
    "product",  # of the first order (position 0), where the store holds it
    "tracking_number",
    "carrier",
    "snoozed_until",  # the listing shows it only while it lies ahead
    "assignee",  # who works it (``store/assignment.py``)
)


@dataclass(frozen=True, slots=True)
class TicketRow:
    """A stored ticket: Wish's fields and the columns derived from them."""

    num: int
    id: str
    merchant_id: str | None
    type: str | None
    state: str
    subject: str | None
    sub_label: str | None
    refund_reason: str | None
    buyer_name: str | None
    buyer_locale: str | None
    opened_at: str
    updated_at: str
    closed_at: str | None
    closed_by: str | None
    order_ids: str | None  # JSON list
    product_ids: str | None  # JSON list
    reason: str
    reason_source: str
    reason_confidence: float | None
    awaiting_since: str | None
    due_at: str | None
    escalates_at: str | None
    last_message: str | None
    last_message_at: str | None
    message_count: int
    product: str | None
    tracking_number: str | None
    carrier: str | None
    snoozed_until: str | None
    snoozed_at: str | None  # when the snooze was set
    assignee: str | None  # the agent who works it

    def listing_row(self) -> tuple[Any, ...]:
        """The row as the listing selects it (``LIST_COLUMNS``)."""
        return tuple(getattr(self, c) for c in LIST_COLUMNS)


_ROW_COLUMNS = ", ".join(f.name for f in fields(TicketRow))


def ids_with_prefix(store: Store, prefix: str, limit: int = 11) -> list[str]:
    """Ticket ids equal to or starting with ``prefix`` (an exact match comes alone)."""
    exact = store.one("SELECT id FROM tickets WHERE id = ?", (prefix,))
    if exact:
        return [exact[0]]
    rows = store.all(
        "SELECT id FROM tickets WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
        (prefix, prefix + "\U0010ffff", limit),
    )
    return [r[0] for r in rows]


def get(store: Store, ticket_id: str) -> TicketRow | None:
    row = store.one(f"SELECT {_ROW_COLUMNS} FROM tickets WHERE id = ?", (ticket_id,))
    return None if row is None else TicketRow(*row)


def state(store: Store, ticket_id: str) -> str | None:
    row = store.one("SELECT state FROM tickets WHERE id = ?", (ticket_id,))
    return None if row is None else str(row[0])


def exists(store: Store, ticket_id: str) -> bool:
    return store.one("SELECT 1 FROM tickets WHERE id = ?", (ticket_id,)) is not None


def any_stored(store: Store) -> bool:
    return store.one("SELECT 1 FROM tickets LIMIT 1") is not None


def awaiting_merchant_ids(store: Store) -> list[str]:
    """Tickets that have SLA clocks (awaiting the merchant)."""
    return [r[0] for r in store.all("SELECT id FROM tickets WHERE state = 'AWAITING_MERCHANT'")]


def awaiting_for_order(store: Store, order_id: str) -> str | None:
    """The most recently updated ticket about this order that awaits the merchant."""
    row = store.one(
        # The order's few tickets first (ticket_orders by order_id), never a scan of every
        # ticket awaiting the merchant: CROSS JOIN keeps SQLite to that order.
        "SELECT t.id FROM ticket_orders l CROSS JOIN tickets t ON t.num = l.ticket_num "
        "WHERE l.order_id = ? AND t.state = 'AWAITING_MERCHANT' "
        "ORDER BY t.updated_at DESC LIMIT 1",
        (order_id,),
    )
    return None if row is None else str(row[0])


def buyer_for_order(store: Store, order_id: str) -> tuple[str | None, str | None]:
    """(buyer name, locale) from the latest ticket about the order, if any."""
    row = store.one(
        "SELECT t.buyer_name, t.buyer_locale FROM ticket_orders l CROSS JOIN tickets t "
        "ON t.num = l.ticket_num WHERE l.order_id = ? ORDER BY t.updated_at DESC LIMIT 1",
        (order_id,),
    )
    return (None, None) if row is None else (row[0], row[1])


def versions(store: Store, ids: Sequence[str]) -> dict[str, str]:
    """``{ticket id: stored updated_at}`` for the ids the store holds."""
    out: dict[str, str] = {}
    unique = sorted(set(ids))
    for i in range(0, len(unique), 500):
        chunk = unique[i : i + 500]
        marks = ", ".join("?" for _ in chunk)
        out.update(store.all(f"SELECT id, updated_at FROM tickets WHERE id IN ({marks})", chunk))
    return out


def opened_since(store: Store, since: str) -> Iterator[tuple[str, str, str, str | None]]:
    """(opened_at, reason, state, first merchant reply time) for tickets opened since, in
    the order they were opened (SQLite's index order, which PostgreSQL is told too)."""
    return store.rows(
        "SELECT t.opened_at, t.reason, t.state, "
        "(SELECT min(m.sent_at) FROM messages m WHERE m.ticket_num = t.num "
        " AND m.sender = 'MERCHANT' AND m.sent_at >= t.opened_at) "
        "FROM tickets t WHERE t.opened_at >= ? ORDER BY t.opened_at, t.num",
        (since,),
    )


# Writes (the caller holds the transaction) -------------------------------------------------
_WISH_COLUMNS = (
    "id",
    "merchant_id",
    "type",
    "state",
    "subject",
    "sub_label",
    "refund_reason",
    "buyer_name",
    "buyer_locale",
    "opened_at",
    "updated_at",
    "closed_at",
    "closed_by",
    "order_ids",
    "product_ids",
)
_DERIVED_COLUMNS = (
    "awaiting_since",
    "due_at",
    "escalates_at",
    "last_message",
    "last_message_at",
    "message_count",
)
_INSERT_COLUMNS = (
    *_WISH_COLUMNS,
    "reason",
    "reason_source",
    "reason_confidence",
    *_DERIVED_COLUMNS,
)
_INSERT = (
    f"INSERT INTO tickets ({', '.join(_INSERT_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in _INSERT_COLUMNS)})"
)
_UPDATE = "UPDATE tickets SET " + ", ".join(f"{c} = ?" for c in _WISH_COLUMNS[1:]) + " WHERE id = ?"
_UPDATE_DERIVED = (
    "UPDATE tickets SET " + ", ".join(f"{c} = ?" for c in _DERIVED_COLUMNS) + " WHERE id = ?"
)
# What recomputing a ticket's derived columns reads.
_DERIVE_INPUTS = (
    "SELECT num, state, opened_at, subject, sub_label, refund_reason, reason_source, type "
    "FROM tickets WHERE id = ?"
)
# derived column values, in ``_DERIVED_COLUMNS`` order
Derived = tuple[str | None, str | None, str | None, str | None, str | None, int]
Reason = tuple[str, str, float]  # (reason, source, confidence)


def _opt(moment: Any) -> str | None:
    return None if moment is None else iso(moment)


def _wish_values(t: Ticket, updated_at: str) -> tuple[object, ...]:
    return (
        t.id,
        t.merchant_id,
        t.type,
        t.state,
        t.subject,
        t.sub_label,
        t.refund_reason,
        t.buyer_name,
        t.buyer_locale,
        iso(t.opened_at),
        updated_at,
        _opt(t.closed_at),
        t.closed_by,
        json.dumps(list(t.order_ids)),
        json.dumps(list(t.product_ids)),
    )


def version(store: Store, ticket_id: str) -> tuple[int, str, bool] | None:
    """(row number, stored updated_at, has a snooze) of a ticket, or None when it is new."""
    row = store.conn.execute(
        "SELECT num, updated_at, snoozed_until IS NOT NULL FROM tickets WHERE id = ?",
        (ticket_id,),
    ).fetchone()
    return None if row is None else (row[0], row[1], bool(row[2]))


def insert(store: Store, t: Ticket, updated_at: str, reason: Reason, derived: Derived) -> int:
    """A new ticket with its derived columns; returns its row number."""
    cursor = store.conn.execute(_INSERT, (*_wish_values(t, updated_at), *reason, *derived))
    return int(cursor.lastrowid or 0)


def update(store: Store, t: Ticket, updated_at: str) -> None:
    """Wish's newer copy of a stored ticket (derived columns are refreshed apart)."""
    store.conn.execute(_UPDATE, (*_wish_values(t, updated_at)[1:], t.id))


def derive_inputs(store: Store, ticket_id: str) -> tuple[Any, ...]:
    """(num, state, opened_at, subject, sub_label, refund_reason, reason_source, type)."""
    row: tuple[Any, ...] = store.conn.execute(_DERIVE_INPUTS, (ticket_id,)).fetchone()
    return row


def set_derived(store: Store, ticket_id: str, derived: Derived) -> None:
    store.conn.execute(_UPDATE_DERIVED, (*derived, ticket_id))


def set_reason(store: Store, ticket_id: str, reason: Reason) -> None:
    store.conn.execute(
        "UPDATE tickets SET reason = ?, reason_source = ?, reason_confidence = ? WHERE id = ?",
        (*reason, ticket_id),
    )


def set_snooze(store: Store, ticket_id: str, until: str | None, at: str | None) -> None:
    """Snooze a ticket until ``until`` (set at ``at``), or end its snooze (None)."""
    store.execute(
        "UPDATE tickets SET snoozed_until = ?, snoozed_at = ? WHERE id = ? "
        "AND (snoozed_until IS NOT NULL OR ? IS NOT NULL)",
        (until, at, ticket_id, until),
    )


def set_state(store: Store, ticket_id: str, new_state: str) -> None:
    """A state change made here. ``updated_at`` stays Wish's, so that any later snapshot
    from Wish still counts as newer and wins."""
    store.execute("UPDATE tickets SET state = ? WHERE id = ?", (new_state, ticket_id))


def link_orders(store: Store, num: int, t: Ticket, *, replace: bool = False) -> None:
    """The ticket's orders, in the ticket's order; the first one's product and tracking are
    copied onto the ticket (the listing shows them)."""
    if replace:
        store.conn.execute("DELETE FROM ticket_orders WHERE ticket_num = ?", (num,))
    if t.order_ids:
        store.conn.executemany(
            "INSERT OR IGNORE INTO ticket_orders (ticket_num, ticket_id, order_id, position) "
            "VALUES (?, ?, ?, ?)",
            [(num, t.id, order_id, i) for i, order_id in enumerate(t.order_ids)],
        )
    store.conn.execute(_COPY_FIRST_ORDER + " WHERE num = ?", (num,))


# A ticket's first listed order (position 0), where the store holds it, copied onto it.
_COPY_FIRST_ORDER = (
    "UPDATE tickets SET (product, tracking_number, carrier) = (SELECT o.product_name, "
    "o.tracking_number, o.carrier FROM ticket_orders l JOIN orders o ON o.id = l.order_id "
    "WHERE l.ticket_num = tickets.num AND l.position = 0)"
)
# After a bulk load: the tickets written before their first order, in one pass.
FIRST_ORDER_CATCH_UP = (
    _COPY_FIRST_ORDER + " WHERE product IS NULL AND num IN (SELECT l.ticket_num FROM "
    "ticket_orders l JOIN orders o ON o.id = l.order_id WHERE l.position = 0)"
)
_ORDER_CHANGED = (
    "UPDATE tickets SET product = ?, tracking_number = ?, carrier = ? WHERE num IN "
    "(SELECT ticket_num FROM ticket_orders WHERE order_id = ? AND position = 0)"
)


def order_changed(store: Store, order_id: str, fields: tuple[str | None, ...]) -> None:
    """An order written: the tickets that list it first show its product and tracking.
    While bulk loading (the order_id index is gone) this waits for the one catch-up pass
    at its end (``bulk.FIRST_ORDER_CATCH_UP``)."""
    if not store.bulk_loading:
        store.conn.execute(_ORDER_CHANGED, (*fields, order_id))


_WITH_PREFIX = "SELECT id, state, subject FROM tickets WHERE id >= ? AND id < ?"


def with_prefix(
    store: Store, prefix: str, limit: int, *, last: bool = False, states: Sequence[str] = ()
) -> list[tuple[str, str, str | None]]:
    """``(id, state, subject)`` of the first ``limit`` tickets whose id starts with
    ``prefix`` (and whose state is one of ``states``, when given), by id (``last``: the
    last one alone)."""
    sql, params = _WITH_PREFIX, [prefix, prefix + "\U0010ffff"]
    if states:
        sql += f" AND state IN ({', '.join('?' for _ in states)})"
        params += states
    if last:
        return store.all(sql + " ORDER BY id DESC LIMIT 1", params)
    return store.all(sql + " ORDER BY id LIMIT ?", [*params, limit])


def snoozed_with_prefix(
    store: Store, prefix: str, now: str, limit: int
) -> list[tuple[str, str, str | None]]:
    """``(id, snoozed_until, subject)`` of the tickets snoozed beyond ``now`` whose id starts
    with ``prefix``, by id."""
    return store.all(
        "SELECT id, snoozed_until, subject FROM tickets WHERE snoozed_until > ? "
        "AND id >= ? AND id < ? ORDER BY id LIMIT ?",
        (now, prefix, prefix + "\U0010ffff", limit),
    )
