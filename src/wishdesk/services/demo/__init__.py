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
from wishdesk.store import bulk, tickets
from wishdesk.store import demo as demo_rows
from wishdesk.store import settings as stored
from wishdesk.store.db import Store

if TYPE_CHECKING:
    from wishdesk.services.inbox import Listing

DEMO_MARK = "demo.seed"
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
    """Replace the demo data with ``count`` fresh tickets. Refuses a store with real tickets."""
    from wishdesk.services.demo.records import generate

    if count < 0:
        raise UsageError("--tickets must be 0 or more")
    saved = stored.load(store)
    if DEMO_MARK not in saved and tickets.any_stored(store):
        raise UsageError(
            f"{store.path} holds real tickets; demo fills only an empty store or an earlier "
            "demo store (try --db demo.db)"
        )
    counts = Counts()
    with store.transaction(), bulk.deferred_indexes(store):
        demo_rows.clear(store)
        defaults = {k: v for k, v in DEMO_CALENDAR.items() if not saved.get(k)}
        stored.save(store, {**defaults, DEMO_MARK: str(seed)})
        writer = make_writer(store)
        for raw in generate(count, seed=seed, now=now):
            record = parse_record(raw)
            counts.write(writer, record)
            if progress is not None and not isinstance(record, Order):
                progress(1)
    return counts


def inbox_preview(store: Store, now: datetime) -> Listing:
    """What ``demo`` shows afterwards: the 20 most urgent tickets awaiting the merchant."""
    from wishdesk.services.inbox import listing
    from wishdesk.store.listing import TicketQuery

    return listing(store, TicketQuery(limit=20), now)
