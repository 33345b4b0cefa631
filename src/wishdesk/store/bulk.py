"""Bulk loading: the inbox's secondary indexes built once, after a large write.

Ticket ids and times arrive in any order, so every new ticket lands on a random page of each
index over them; once those indexes outgrow the page cache, each insert reads and writes
pages that are not in memory, and a large import slows down as the store grows. Building an
index afterwards is one sort, which stays linear. The unique indexes stay in place: they
decide whether a record is new.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from wishdesk.store import tickets
from wishdesk.store.db import WRITE_CACHE_KIB, Store

# Indexes only reads use; rebuilding them takes about a second per million tickets each.
DEFERRABLE_INDEXES = (
    "idx_tickets_state_due_at_opened_at_id",
    "idx_tickets_updated_at",
    "idx_tickets_opened_at",
    "idx_ticket_orders_order_id",
    "idx_orders_updated_at",
    "idx_orders_carrier",
    "idx_orders_unshipped",
    "idx_orders_undelivered",
)

SORT_CACHE_KIB = 8 * 1024


def tickets_stored(store: Store) -> int:
    """About how many tickets the store holds (the highest row number: instant)."""
    return int(store.all("SELECT coalesce(max(num), 0) FROM tickets")[0][0])


@contextlib.contextmanager
def deferred_indexes(store: Store) -> Iterator[None]:
    """Inside the caller's write transaction: drop the deferrable indexes, let the caller
    write, then create them again. On an exception they are not recreated here: the
    caller's rollback restores them, with everything else."""
    if not store.conn.in_transaction:
        raise RuntimeError("deferred_indexes needs the caller's transaction")
    if store.backend != "sqlite":  # PostgreSQL keeps its indexes (its B-trees cache well)
        yield
        return
    saved = store.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name IN "
        f"({', '.join('?' for _ in DEFERRABLE_INDEXES)})",
        DEFERRABLE_INDEXES,
    ).fetchall()
    for name, _ in saved:
        store.execute(f'DROP INDEX "{name}"')  # names from DEFERRABLE_INDEXES only
    store.bulk_loading = True
    try:
        yield
    finally:
        store.bulk_loading = False
    # SQLite sorts for CREATE INDEX in up to cache_size of memory, on top of the page cache
    # the import filled: a smaller cache while sorting keeps the import's peak memory flat.
    store.execute(f"PRAGMA cache_size = -{SORT_CACHE_KIB}")
    try:
        for _, sql in saved:
            store.execute(sql)
        # What ``tickets.order_changed`` skipped while the order_id index was gone.
        store.execute(tickets.FIRST_ORDER_CATCH_UP)
    finally:
        store.execute(f"PRAGMA cache_size = -{WRITE_CACHE_KIB}")  # what writers run with
