"""``wishdesk demo``: fill an empty (or demo) store with synthetic data, through the same
parsing and writing path as ``import``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from wishdesk.domain.models import Order
from wishdesk.domain.wish import parse_record
from wishdesk.errors import UsageError
from wishdesk.services.ingest import Counts
from wishdesk.services.tickets import writer as make_writer
from wishdesk.store import bulk
from wishdesk.store import demo as demo_rows
from wishdesk.store import settings as stored
from wishdesk.store.db import Store

if TYPE_CHECKING:
    from wishdesk.services.inbox import Listing

DEMO_MARK = "demo.seed"
DEMO_FINGERPRINT = "demo.fingerprint"  # the store's data as the last demo left it
DEMO_CALENDAR = {
    "calendar.country": "CN",
    "calendar.timezone": "Asia/Shanghai",
    "merchant.name": "Aurora Home & Style",
}


def fill(
    store: Store,
    count: int,
    seed: int,
    now: datetime,
    progress: Callable[[int], None] | None = None,
) -> Counts:
    """Replace the demo data with ``count`` fresh tickets. Refuses a store holding anything
    the demo did not write itself: a ticket, order, message, outbox item or draft imported,
    synced or written since (nothing of the user's is ever deleted)."""
    from wishdesk.services.demo.records import generate

    if count < 0:
        raise UsageError("--tickets must be 0 or more")
    counts = Counts()
    with store.transaction(), bulk.deferred_indexes(store):
        saved = stored.load(store)
        untouched = saved.get(DEMO_FINGERPRINT) == demo_rows.fingerprint(store)
        if not (demo_rows.is_empty(store) or (DEMO_MARK in saved and untouched)):
            raise UsageError(
                "{path} holds real tickets, orders or replies (demo did not create them); "
                "demo never replaces them: give it a new file (wishdesk --db {other} demo)",
                path=store.location,
                other=_other(store),
            )
        demo_rows.clear(store)
        defaults = {k: v for k, v in DEMO_CALENDAR.items() if not saved.get(k)}
        stored.save(store, {**defaults, DEMO_MARK: str(seed)})
        writer = make_writer(store)
        for raw in generate(count, seed=seed, now=now):
            record = parse_record(raw)
            counts.write(writer, record)
            if progress is not None and not isinstance(record, Order):
                progress(1)
        stored.save(store, {DEMO_FINGERPRINT: demo_rows.fingerprint(store)})
    return counts


def _other(store: Store) -> str:
    """A file name to suggest for a demo store, other than the refused one."""
    return "demo2.db" if store.path.name == "demo.db" else "demo.db"


def inbox_preview(store: Store, now: datetime) -> Listing:
    """What ``demo`` shows afterwards: the 20 most urgent tickets awaiting the merchant."""
    from wishdesk.clock import iso
    from wishdesk.services.inbox import listing
    from wishdesk.store.listing import TicketQuery

    return listing(store, TicketQuery(limit=20, now=iso(now)), now)
