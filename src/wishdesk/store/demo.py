"""Rows the demo command needs: is the store empty, and clearing earlier demo data."""

from __future__ import annotations

from wishdesk.store.db import Store

_DATA_TABLES = ("ticket_orders", "messages", "drafts", "audit_log", "outbox", "tickets", "orders")


def has_tickets(store: Store) -> bool:
    return store.execute("SELECT 1 FROM tickets LIMIT 1").fetchone() is not None


def clear(store: Store) -> None:
    """Delete every ticket, message, order and outbox row (in the caller's transaction)."""
    for table in _DATA_TABLES:
        store.execute(f"DELETE FROM {table}")  # fixed table names, no user input
