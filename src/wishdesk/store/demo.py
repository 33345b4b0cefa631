"""What ``wishdesk demo`` does to a whole store: tell whether it holds only what an earlier
demo wrote, and clear that data."""

from __future__ import annotations

from wishdesk.store.db import Store

_DATA_TABLES = (
    *("ticket_orders", "messages", "drafts", "audit_log", "outbox", "notes", "tickets", "orders"),
)
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
# Parts added later, counted only when they hold something (a note, a snooze), so that a demo
# store made before them still matches its fingerprint.
_FINGERPRINT_SINCE = (
    "SELECT count(*), max(id) FROM notes",
    "SELECT count(*), max(snoozed_at) FROM tickets WHERE snoozed_until IS NOT NULL",
)
_EMPTY = (
    "SELECT NOT EXISTS (SELECT 1 FROM tickets) AND NOT EXISTS (SELECT 1 FROM orders) "
    "AND NOT EXISTS (SELECT 1 FROM outbox) AND NOT EXISTS (SELECT 1 FROM drafts)"
)


def fingerprint(store: Store) -> str:
    """A summary of the store's data that changes with any write to it."""
    rows = [store.one(sql) or () for sql in _FINGERPRINT]
    rows += [row for row in map(store.one, _FINGERPRINT_SINCE) if row and row[0]]
    return "|".join(":".join(map(str, row)) for row in rows)


def is_empty(store: Store) -> bool:
    row = store.one(_EMPTY)
    return bool(row and row[0])


def clear(store: Store) -> None:
    """Delete every ticket, message, order, outbox row and note (in the caller's
    transaction)."""
    for table in _DATA_TABLES:
        store.execute(f"DELETE FROM {table}")  # fixed table names, no user input
