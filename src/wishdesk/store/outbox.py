"""Outgoing work: local merchant messages, outbox items, drafts and the audit log.

Callers hold the transaction; every value is a bound parameter.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from wishdesk.store.db import Store
from wishdesk.store.digest import digest
from wishdesk.store.inbox import dicts as _dicts

OUTBOX_FIELDS = (
    "id",
    "kind",
    "ticket_id",
    "order_id",
    "body",
    "status",
    "created_at",
    "sent_at",
    "error",
)
PENDING = ("queued", "sending", "failed", "manual")


def add_local_message(store: Store, ticket_id: str, text: str, at: str) -> int:
    """A merchant message written here, shown in the thread until Wish's copy replaces it."""
    cursor = store.execute(
        "INSERT INTO messages (ticket_num, ticket_id, sender, sent_at, text, digest, origin) "
        "SELECT num, id, 'MERCHANT', ?, ?, ?, 'local' FROM tickets WHERE id = ?",
        (at, text, digest(text), ticket_id),
    )
    if cursor.rowcount != 1:
        raise LookupError(f"no ticket {ticket_id} in the store")
    return int(cursor.lastrowid or 0)


def set_ticket_state(store: Store, ticket_id: str, state: str) -> None:
    """A state change made here. ``updated_at`` stays Wish's, so that any later snapshot
    from Wish still counts as newer and wins."""
    store.execute("UPDATE tickets SET state = ? WHERE id = ?", (state, ticket_id))


def ticket_state(store: Store, ticket_id: str) -> str | None:
    row = store.execute("SELECT state FROM tickets WHERE id = ?", (ticket_id,)).fetchone()
    return None if row is None else str(row[0])


def message_origin(store: Store, message_id: int) -> str | None:
    row = store.execute("SELECT origin FROM messages WHERE id = ?", (message_id,)).fetchone()
    return None if row is None else str(row[0])


def add_item(
    store: Store,
    *,
    kind: str,
    ticket_id: str | None,
    order_id: str | None,
    body: str | None,
    status: str,
    at: str,
    dedup_key: str | None = None,
    message_id: int | None = None,
) -> int:
    cursor = store.execute(
        "INSERT INTO outbox (kind, ticket_id, order_id, body, status, created_at, updated_at, "
        "dedup_key, message_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (kind, ticket_id, order_id, body, status, at, at, dedup_key, message_id),
    )
    return int(cursor.lastrowid or 0)


def earlier_item(store: Store, dedup_key: str) -> dict[str, Any] | None:
    """The first item ever queued with this key. Cancelled items count too: cancelling is
    how a ``manual`` item is marked as handled by hand, and it must not come back."""
    rows = _dicts(
        store.execute(
            "SELECT id, created_at, status, ticket_id FROM outbox WHERE dedup_key = ? "
            "ORDER BY id LIMIT 1",
            (dedup_key,),
        )
    )
    return rows[0] if rows else None


def items(store: Store, statuses: Sequence[str], limit: int = 0) -> list[dict[str, Any]]:
    sql = f"SELECT {', '.join(OUTBOX_FIELDS)} FROM outbox"
    params: list[Any] = []
    if statuses:
        sql += f" WHERE status IN ({', '.join('?' for _ in statuses)})"
        params += list(statuses)
    sql += " ORDER BY id"
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    return _dicts(store.execute(sql, params))


def item(store: Store, item_id: int) -> dict[str, Any] | None:
    rows = _dicts(
        store.execute(
            f"SELECT {', '.join(OUTBOX_FIELDS)}, message_id FROM outbox WHERE id = ?", (item_id,)
        )
    )
    return rows[0] if rows else None


def set_status(store: Store, item_id: int, status: str, at: str, error: str | None = None) -> None:
    store.execute(
        "UPDATE outbox SET status = ?, error = ?, updated_at = ? WHERE id = ?",
        (status, error, at, item_id),
    )


def cancel_close_with(store: Store, ticket_id: str, created_at: str, at: str) -> None:
    """Cancel the queued close that ``reply --close`` queued together with a reply."""
    store.execute(
        "UPDATE outbox SET status = 'cancelled', updated_at = ? WHERE ticket_id = ? "
        "AND kind = 'close' AND status = 'queued' AND created_at = ?",
        (at, ticket_id, created_at),
    )


def delete_local_message(store: Store, message_id: int) -> None:
    store.execute("DELETE FROM messages WHERE id = ? AND origin = 'local'", (message_id,))


def add_draft(
    store: Store, ticket_id: str, text: str, at: str, findings: list[dict[str, Any]]
) -> int:
    cursor = store.execute(
        "INSERT INTO drafts (ticket_id, text, created_at, findings) VALUES (?, ?, ?, ?)",
        (ticket_id, text, at, json.dumps(findings, ensure_ascii=False)),
    )
    return int(cursor.lastrowid or 0)


def latest_draft(store: Store, ticket_id: str) -> str | None:
    row = store.execute(
        "SELECT text FROM drafts WHERE ticket_id = ? ORDER BY id DESC LIMIT 1", (ticket_id,)
    ).fetchone()
    return None if row is None else str(row[0])


def clear_drafts(store: Store, ticket_id: str) -> None:
    store.execute("DELETE FROM drafts WHERE ticket_id = ?", (ticket_id,))


def add_audit(
    store: Store,
    *,
    at: str,
    action: str,
    ticket_id: str | None,
    outbox_id: int | None,
    rule: str | None,
    reason: str | None,
    detail: dict[str, Any],
) -> None:
    store.execute(
        "INSERT INTO audit_log (at, action, ticket_id, outbox_id, rule, reason, detail) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (at, action, ticket_id, outbox_id, rule, reason, json.dumps(detail, ensure_ascii=False)),
    )


def awaiting_ticket_for_order(store: Store, order_id: str) -> str | None:
    """The most recently updated ticket about this order that awaits the merchant."""
    row = store.execute(
        # The order's few tickets first (ticket_orders by order_id), never a scan of every
        # ticket awaiting the merchant: CROSS JOIN keeps SQLite to that order.
        "SELECT t.id FROM ticket_orders l CROSS JOIN tickets t ON t.num = l.ticket_num "
        "WHERE l.order_id = ? AND t.state = 'AWAITING_MERCHANT' "
        "ORDER BY t.updated_at DESC LIMIT 1",
        (order_id,),
    ).fetchone()
    return None if row is None else str(row[0])


def buyer_for_order(store: Store, order_id: str) -> tuple[str | None, str | None]:
    """(buyer name, locale) from the latest ticket about the order, if any."""
    row = store.execute(
        "SELECT t.buyer_name, t.buyer_locale FROM ticket_orders l CROSS JOIN tickets t "
        "ON t.num = l.ticket_num WHERE l.order_id = ? ORDER BY t.updated_at DESC LIMIT 1",
        (order_id,),
    ).fetchone()
    return (None, None) if row is None else (row[0], row[1])
