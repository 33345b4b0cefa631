"""Pull: tickets updated since the watermark, page by page, then the orders they reference.

Paging follows the API's time window (``sort_by=updated_at.asc``, ``updated_at_min``
inclusive). The next page starts at the last item's ``updated_at``; items already seen in this
run with the same (id, updated_at) are dropped, so a tie at a page edge is neither skipped nor
doubled: every ticket at that time comes back first on the next page.

A full page whose items all share one ``updated_at`` T would make no progress. Then the tie
is read state by state (``updated_at_min = updated_at_max = T``, ``states[]=S``), and paging
goes on from T + 1 ms (Wish times have millisecond precision). Should one state still fill a
whole page at T, what did not fit cannot be reached through this API: it is reported as a
warning, never looped on.

Each page is written in one transaction through the same ``RecordWriter`` as ``import``, with
the orders it needs fetched beforehand (no network call while the store is locked); the
watermark moves forward in that same transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, TypeVar

from wishdesk import clock
from wishdesk.domain.models import TICKET_STATES, Order, Ticket
from wishdesk.domain.wish import RecordError, parse_record
from wishdesk.services.ingest import Counts
from wishdesk.services.sync.client import ApiError, AuthError, WishClient
from wishdesk.services.tickets import RecordWriter
from wishdesk.store import orders as order_rows
from wishdesk.store import settings as stored_settings
from wishdesk.store import tickets as ticket_rows
from wishdesk.store.db import Store

R = TypeVar("R", Ticket, Order)


def _parse_as(obj: Any, kind: type[R], wrong: str) -> R:
    """``obj`` parsed as a Wish record of ``kind``; RecordError (``wrong``) if another."""
    record = parse_record(obj)
    if not isinstance(record, kind):
        raise RecordError("", wrong)
    return record


PAGE_SIZE = 500  # the API's maximum
MAX_REPORTED = 20
STEP = timedelta(milliseconds=1)


def wire_time(moment: datetime) -> str:
    """A bound for the API: UTC with milliseconds."""
    moment = moment.astimezone(clock.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


@dataclass
class PullResult(Counts):
    """What a pull wrote (the ``import`` counts), and what it skipped on the way."""

    pages: int = 0
    skipped: list[str] = field(default_factory=list)  # "ticket ID: field: reason"
    skipped_total: int = 0
    warnings: list[str] = field(default_factory=list)
    watermark: str | None = None

    def skip(self, line: str) -> None:
        self.skipped_total += 1
        if len(self.skipped) < MAX_REPORTED:
            self.skipped.append(line)


def _stamp(obj: object) -> datetime | None:
    if not isinstance(obj, Mapping):
        return None
    value = obj.get("updated_at")
    if not isinstance(value, str):
        return None
    try:
        return clock.parse_time(value)
    except ValueError:
        return None


def _label(obj: object, index: int) -> str:
    if isinstance(obj, Mapping) and isinstance(obj.get("id"), (str, int)):
        return f"ticket {str(obj['id'])[:64]}"
    return f"ticket #{index + 1} of a page"


class Puller:
    def __init__(
        self,
        store: Store,
        client: WishClient,
        writer: RecordWriter,
        result: PullResult,
        progress: Callable[[int], None] | None = None,
    ) -> None:
        self.store = store
        self.client = client
        self.writer = writer
        self.result = result
        self.progress = progress
        self.seen: set[tuple[str, str]] = set()
        self.orders_done: set[str] = set()

    def run(self) -> None:
        mark = stored_settings.watermark(self.store)
        self.result.watermark = mark
        lower = clock.parse_time(mark) if mark else None
        while True:
            items, _ = self.client.list_tickets(
                limit=PAGE_SIZE, updated_at_min=wire_time(lower) if lower else None
            )
            self.page(items)
            if len(items) < PAGE_SIZE:
                return
            stamps = [s for s in map(_stamp, items) if s is not None]
            if not stamps:
                raise ApiError("GET /api/v3/tickets: a full page without a valid updated_at")
            last = max(stamps)
            if min(stamps) == last:
                self.tie(last)
                following = last + STEP
            else:
                following = last
            if lower is not None and following <= lower:
                raise ApiError(
                    "GET /api/v3/tickets: Wish's paging made no progress "
                    f"(updated_at_min {wire_time(lower)})"
                )
            lower = following

    def tie(self, moment: datetime) -> None:
        """Read every ticket updated at exactly ``moment``, one state at a time."""
        bound = wire_time(moment)
        for state in TICKET_STATES:
            items, _ = self.client.list_tickets(
                limit=PAGE_SIZE, updated_at_min=bound, updated_at_max=bound, states=(state,)
            )
            self.page(items)
            if len(items) >= PAGE_SIZE:
                self.result.warnings.append(
                    f"{PAGE_SIZE} or more {state} tickets share updated_at {bound}: the API "
                    f"cannot page past {PAGE_SIZE} of them; the others come with their next "
                    "update (or `wishdesk import` an export)"
                )

    def page(self, items: list[Any]) -> None:
        """Parse, fetch the needed orders, then write the page in one transaction."""
        self.result.pages += 1
        tickets: list[Ticket] = []
        newest: datetime | None = None
        for index, obj in enumerate(items):
            stamp = _stamp(obj)
            if isinstance(obj, Mapping):
                key = (str(obj.get("id")), str(obj.get("updated_at")))
                if key in self.seen:
                    continue
                self.seen.add(key)
            try:
                tickets.append(_parse_as(obj, Ticket, "an order where a ticket was expected"))
            except RecordError as exc:
                self.result.skip(f"{_label(obj, index)}: {exc}")
                continue  # its time moves no watermark: a bad year 9999 would end all pulls
            if stamp is not None and (newest is None or stamp > newest):
                newest = stamp
        orders = self.fetch_orders(tickets)
        counts = self.result
        with self.store.transaction():
            records: list[Ticket | Order] = [*tickets, *orders]
            for record in records:
                counts.write(self.writer, record)
            if newest is not None:
                # Floored to the second (the store's form): a re-read is harmless, a gap not.
                mark = clock.iso(newest)
                stored_settings.advance_watermark(self.store, mark)
                if counts.watermark is None or mark > counts.watermark:
                    counts.watermark = mark
        if self.progress is not None and tickets:
            self.progress(len(tickets))

    def fetch_orders(self, tickets: list[Ticket]) -> list[Order]:
        """The orders of tickets that are new or changed, and any referenced order the store
        does not hold yet; each at most once per run."""
        stored = ticket_rows.versions(self.store, [t.id for t in tickets])
        wanted: dict[str, None] = {}  # an ordered set: a page may name many orders
        others: set[str] = set()
        for t in tickets:
            before = stored.get(t.id)
            changed = before is None or clock.iso(t.updated_at) > before
            for order_id in t.order_ids:
                if order_id in self.orders_done or order_id in wanted:
                    continue
                if changed:
                    wanted[order_id] = None
                else:
                    others.add(order_id)
        present = order_rows.present(self.store, others)
        wanted.update(dict.fromkeys(sorted(others - present - wanted.keys())))
        orders: list[Order] = []
        for order_id in wanted:
            self.orders_done.add(order_id)
            try:
                resp = self.client.get_order(order_id)
            except AuthError:
                raise
            except ApiError as exc:
                self.result.skip(f"order {order_id}: {exc.message}")
                continue
            try:
                orders.append(_parse_as(resp.data, Order, "not an order"))
            except RecordError as exc:
                self.result.skip(f"order {order_id}: {exc}")
        return orders


def pull(
    store: Store,
    client: WishClient,
    writer: RecordWriter,
    result: PullResult,
    progress: Callable[[int], None] | None = None,
) -> PullResult:
    """Pull into ``result`` (filled as pages commit, so a failure leaves what was done)."""
    Puller(store, client, writer, result, progress).run()
    return result
