"""What ``wishdesk demo`` does to a whole store: clear the data of an earlier demo."""

from __future__ import annotations

from wishdesk.store.db import Store

_DATA_TABLES = ("ticket_orders", "messages", "drafts", "audit_log", "outbox", "tickets", "orders")


def clear(store: Store) -> None:
    """Delete every ticket, message, order and outbox row (in the caller's transaction)."""
    for table in _DATA_TABLES:
        store.execute(f"DELETE FROM {table}")  # fixed table names, no user input
