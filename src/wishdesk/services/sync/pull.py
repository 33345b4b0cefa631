"""Pull: tickets updated since the watermark, page by page, then the orders they reference.

Paging follows the API's time window (``sort_by=updated_at.asc``). Wish's document does not
say whether ``updated_at_min`` / ``updated_at_max`` are inclusive, so nothing here depends on
it: the next page starts 1 ms before the last item's ``updated_at`` (every item at that time
comes back, whichever way Wish reads the bound), and items already seen in this run with the
same (id, updated_at) are dropped.

A full page that cannot move the window on (all its items share one ``updated_at`` T, or the
next bound would not pass the current one) is a tie at T. Then two one-item requests tell
how Wish reads each bound (is an item at exactly T returned for ``updated_at_min=T``, sorted
ascending, and for ``updated_at_max=T``, sorted descending?), the instant is read with a
window around it (``T`` where a bound is inclusive, T -/+ 1 ms where it is exclusive), state
by state and then type by type when a window is still full, and paging goes on right after
T. What a window cannot hold even then is reported as a warning, never looped on.

The orders the page needs are read before the page is written (``GET /orders/{id}``, a few
at once: ``pool``), so no request is made while the store is locked; then the page, its
orders, its photos' links and the watermark are written in one transaction through the same
``RecordWriter`` as ``import``; the new photos are downloaded after it commits, and photos
left pending by earlier syncs at the end (``services/attachments.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from wishdesk import clock
from wishdesk.domain.models import TICKET_STATES, TICKET_TYPES, Order, Ticket
from wishdesk.domain.wish import RecordError, parse_order, parse_ticket
from wishdesk.errors import Phrase
from wishdesk.services.ingest import Counts
from wishdesk.services.sync.client import Response, WishClient
from wishdesk.services.sync.errors import ApiError, AuthError
from wishdesk.services.sync.pool import parallel
from wishdesk.services.tickets import RecordWriter
from wishdesk.store import orders as order_rows
from wishdesk.store import settings as stored_settings
from wishdesk.store import tickets as ticket_rows
from wishdesk.store.db import Store

if TYPE_CHECKING:
    from wishdesk.services.attachments import Photos

R = TypeVar("R", Ticket, Order)

PAGE_SIZE = 500  # the API's maximum
MAX_REPORTED = 20
STEP = timedelta(milliseconds=1)  # Wish times have millisecond precision


def _parse_as(obj: Any, parse: Callable[[Mapping[str, Any]], R]) -> R:
    """``obj`` read by ``parse``: the endpoint says what it is, so no guessing by fields."""
    if not isinstance(obj, Mapping):
        raise RecordError("", "expected a JSON object")
    return parse(obj)


def parse_served_ticket(obj: Any) -> Ticket:
    """A ticket as an endpoint served it (``RecordError`` when it cannot be read)."""
    return _parse_as(obj, parse_ticket)


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
    photos: int = 0  # buyer photos saved

    def skip(self, line: str) -> None:
        self.skipped_total += 1
        if len(self.skipped) < MAX_REPORTED:
            self.skipped.append(line)

    def warn(self, line: str) -> None:
        if len(self.warnings) < MAX_REPORTED:
            self.warnings.append(line)


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


@dataclass(frozen=True)
class Bounds:
    """How Wish reads the time bounds, once a tie made it worth asking."""

    min_inclusive: bool
    max_inclusive: bool


class Puller:
    def __init__(
        self,
        store: Store,
        client: WishClient,
        writer: RecordWriter,
        result: PullResult,
        progress: Callable[[int], None] | None = None,
        photos: Photos | None = None,
    ) -> None:
        self.store = store
        self.client = client
        self.writer = writer
        self.result = result
        self.progress = progress
        self.photos = photos
        self.seen: set[tuple[str, str]] = set()
        self.orders_done: set[str] = set()
        self.bounds: Bounds | None = None

    # Paging ------------------------------------------------------------------------------
    def listing(self, **query: Any) -> list[Any]:
        return self.client.list_tickets(limit=query.pop("limit", PAGE_SIZE), **query)[0]

    def run(self) -> None:
        mark = stored_settings.watermark(self.store)
        self.result.watermark = mark
        lower = clock.parse_time(mark) - STEP if mark else None
        while True:
            items = self.listing(updated_at_min=wire_time(lower) if lower else None)
            fresh = self.page(items)
            if len(items) < PAGE_SIZE:
                break
            stamps = [s for s in map(_stamp, items) if s is not None]
            if not stamps:
                raise ApiError("GET /api/v3/tickets: a full page without a valid updated_at")
            last = max(stamps)
            following = last if self.bounds and self.bounds.min_inclusive else last - STEP
            stuck = min(stamps) == last or not fresh
            if stuck or (lower is not None and following <= lower):
                self.tie(last)
                following = self.after(last)
            if lower is not None and following <= lower:
                raise ApiError(
                    "GET /api/v3/tickets: Wish's paging made no progress (updated_at_min {since})",
                    since=wire_time(lower),
                )
            lower = following
        if self.photos is not None:
            self.photos.retry()

    def probe(self, moment: datetime) -> Bounds:
        """Ask Wish how it reads each bound, with an instant at which tickets exist."""
        if self.bounds is None:
            bound = wire_time(moment)
            first = self.listing(limit=1, updated_at_min=bound)
            last = self.listing(limit=1, updated_at_max=bound, newest_first=True)
            self.bounds = Bounds(
                min_inclusive=bool(first) and _stamp(first[0]) == moment,
                max_inclusive=bool(last) and _stamp(last[0]) == moment,
            )
        return self.bounds

    def after(self, moment: datetime) -> datetime:
        """The ``updated_at_min`` that starts right after ``moment``."""
        return moment + STEP if self.probe(moment).min_inclusive else moment

    def tie(self, moment: datetime) -> None:
        """Read every ticket updated at exactly ``moment``: a window around the instant, split
        by state, then by type, while a window is full."""
        bounds = self.probe(moment)
        window = {
            "updated_at_min": wire_time(moment if bounds.min_inclusive else moment - STEP),
            "updated_at_max": wire_time(moment if bounds.max_inclusive else moment + STEP),
        }
        if not self.full(window):
            return
        for state in TICKET_STATES:
            if not self.full({**window, "states": (state,)}):
                continue
            for kind in TICKET_TYPES:
                if self.full({**window, "states": (state,), "types": (kind,)}):
                    self.result.warn(
                        Phrase(
                            "{count} or more {state} {kind} tickets share updated_at {moment}: "
                            "the API cannot page past {count} of them; the others come with "
                            "their next update (or `wishdesk import` an export)",
                            count=PAGE_SIZE,
                            state=state,
                            kind=kind,
                            moment=wire_time(moment),
                        )
                    )

    def full(self, query: dict[str, Any]) -> bool:
        items = self.listing(**query)
        self.page(items)
        return len(items) >= PAGE_SIZE

    # One page ----------------------------------------------------------------------------
    def page(self, items: list[Any]) -> int:
        """Parse, fetch the needed orders, then write the page in one transaction; returns
        how many of its tickets were not seen before in this run."""
        self.result.pages += 1
        tickets: list[Ticket] = []
        newest: datetime | None = None
        fresh = 0
        for index, obj in enumerate(items):
            stamp = _stamp(obj)
            if isinstance(obj, Mapping):
                key = (str(obj.get("id")), str(obj.get("updated_at")))
                if key in self.seen:
                    continue
                self.seen.add(key)
            fresh += 1
            try:
                tickets.append(parse_served_ticket(obj))
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
            if self.photos is not None:
                self.photos.register(tickets)
            if newest is not None:
                # Floored to the second (the store's form): a re-read is harmless, a gap not.
                mark = clock.iso(newest)
                stored_settings.advance_watermark(self.store, mark)
                if counts.watermark is None or mark > counts.watermark:
                    counts.watermark = mark
        if self.progress is not None and tickets:
            self.progress(len(tickets))
        with_photos = [t.id for t in tickets if any(m.files for m in t.messages)]
        if self.photos is not None and with_photos:
            self.photos.download(with_photos)
        return fresh

    def wanted_orders(self, tickets: list[Ticket]) -> list[str]:
        """The orders of tickets that are new or changed, and any referenced order the store
        does not hold yet; each at most once per run. Tickets already current cost nothing."""
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
        self.orders_done.update(wanted)
        return list(wanted)

    def fetch_orders(self, tickets: list[Ticket]) -> list[Order]:
        """The wanted orders, read ``client.concurrency`` at a time (the API has no id-list
        filter); an order Wish will not give is reported and skipped."""

        def fetch(order_id: str) -> Response | ApiError:
            try:
                return self.client.get_order(order_id)
            except AuthError:
                raise
            except ApiError as exc:
                return exc

        orders: list[Order] = []
        wanted = self.wanted_orders(tickets)
        for order_id, resp in zip(
            wanted, parallel(fetch, wanted, self.client.concurrency), strict=True
        ):
            if self.progress is not None:
                self.progress(1)
            if isinstance(resp, ApiError):
                self.result.skip(f"order {order_id}: {resp.message}")
                continue
            try:
                orders.append(_parse_as(resp.data, parse_order))
            except RecordError as exc:
                self.result.skip(f"order {order_id}: {exc}")
        return orders


def pull(
    store: Store,
    client: WishClient,
    writer: RecordWriter,
    result: PullResult,
    progress: Callable[[int], None] | None = None,
    photos: Photos | None = None,
) -> PullResult:
    """Pull into ``result`` (filled as pages commit, so a failure leaves what was done)."""
    Puller(store, client, writer, result, progress, photos).run()
    return result
