"""What ``wishdesk demo`` does to a whole store: tell whether it holds only what an earlier
demo wrote, and clear that data."""

from __future__ import annotations

from wishdesk.store.db import Store

_DATA_TABLES = ("ticket_orders", "messages", "drafts", "audit_log", "outbox", "tickets", "orders")
# Per table: how many rows, the highest row id, the newest update. Any import, reply,
# draft, sync or outbox change since the demo moves at least one of them.
_FINGERPRINT = (
    "SELECT count(*), max(num), max(updated_at) FROM tickets",
    "SELECT count(*), max(updated_at) FROM orders",
    "SELECT count(*), max(id) FROM messages",
    "SELECT count(*), max(id), max(updated_at) FROM outbox",
    "SELECT count(*), max(id) FROM drafts",
    "SELECT count(*), max(id) FROM audit_log",
)
_EMPTY = (
    "SELECT NOT EXISTS (SELECT 1 FROM tickets) AND NOT EXISTS (SELECT 1 FROM orders) "
    "AND NOT EXISTS (SELECT 1 FROM outbox) AND NOT EXISTS (SELECT 1 FROM drafts)"
)


def fingerprint(store: Store) -> str:
    """A summary of the store's data that changes with any write to it."""
    return "|".join(":".join(map(str, store.one(sql) or ())) for sql in _FINGERPRINT)


def is_empty(store: Store) -> bool:
    row = store.one(_EMPTY)
    return bool(row and row[0])


def clear(store: Store) -> None:
    """Delete every ticket, message, order and outbox row (in the caller's transaction)."""
    for table in _DATA_TABLES:
        store.execute(f"DELETE FROM {table}")  # fixed table names, no user input
