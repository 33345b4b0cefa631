"""Inbox use cases: list, overdue and show, and resolving a ticket reference.

``list`` and ``overdue`` take a request the service turns into the store's query, so the
command line only parses options; the listing streams from the store.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from wishdesk.clock import iso
from wishdesk.domain.durations import parse_duration
from wishdesk.domain.outbox import PENDING
from wishdesk.errors import AmbiguousError, NotFoundError, Phrase, UsageError
from wishdesk.store import listing as queries
from wishdesk.store import tickets
from wishdesk.store.db import Store
from wishdesk.store.orders import OrderRow

if TYPE_CHECKING:
    from wishdesk.services.assign import AgentFilter

# The JSON/TSV fields of a listed ticket: the stored columns plus the two computed flags,
# before the last message (the first order's product and tracking come last).
_FLAGS_AT = tickets.LIST_COLUMNS.index("last_message")
LIST_FIELDS = (
    *tickets.LIST_COLUMNS[:_FLAGS_AT],
    "overdue",
    "escalated",
    *tickets.LIST_COLUMNS[_FLAGS_AT:],
)
STATE_NAMES = {
    "awaiting-merchant": ("AWAITING_MERCHANT",),
    "awaiting-user": ("AWAITING_USER",),
    "awaiting-wish": ("AWAITING_WISH",),
    "closed": ("CLOSED", "PERMANENTLY_CLOSED"),
}
SORTS = ("due", "updated", "opened")

CLOCKS = ("sla", "escalation", "any")


def states_for(names: Sequence[str]) -> tuple[str, ...]:
    """Wish states for the ``--state`` names; empty tuple for ``any``."""
    if not names:
        return STATE_NAMES["awaiting-merchant"]
    out: list[str] = []
    for name in names:
        key = name.lower()
        if key == "any":
            return ()
        if key not in STATE_NAMES:
            raise UsageError(
                "unknown state {name!r}: use awaiting-merchant, awaiting-user, "
                "awaiting-wish, closed or any",
                name=name,
            )
        out += [s for s in STATE_NAMES[key] if s not in out]
    return tuple(out)


# Listing requests ------------------------------------------------------------------------
@dataclass(frozen=True)
class ListRequest:
    """What ``wishdesk list`` asks for, as typed on the command line."""

    states: Sequence[str] = ()
    reasons: Sequence[str] = ()
    overdue: bool = False
    due_within: str | None = None
    search: str | None = None
    order: str | None = None
    limit: int = 50
    sort: str = "due"
    reverse: bool = False
    snoozed: bool = False  # the snoozed tickets instead of the rest
    agent: AgentFilter | None = None  # --mine, --unassigned, --assignee NAME

    @property
    def awaiting_merchant(self) -> bool:
        return not self.snoozed and (not self.states or list(self.states) == ["awaiting-merchant"])


@dataclass(frozen=True)
class OverdueRequest:
    """What ``wishdesk overdue`` asks for."""

    within: str | None = None
    clock: str = "any"  # sla, escalation or any
    limit: int = 0


def business_calendar(store: Store) -> Any:
    """The store's business-day calendar (``sla_settings``)."""
    from wishdesk.domain.settings import sla_settings
    from wishdesk.domain.sla import BusinessCalendar
    from wishdesk.store.settings import load

    return BusinessCalendar(sla_settings(load(store)).calendar)


def _window_end(store: Store, text: str, now: datetime) -> datetime:
    window = parse_duration(text)
    return window.deadline(now, business_calendar(store) if window.unit == "bd" else None)


def list_query(store: Store, req: ListRequest, now: datetime) -> queries.TicketQuery:
    """The store's query for a ``list`` request."""
    from wishdesk.domain.models import REASONS

    for r in req.reasons:
        if r not in REASONS:
            raise UsageError(
                "unknown reason {r!r}: use one of {choices}", r=r, choices=", ".join(REASONS)
            )
    if req.sort not in SORTS:
        raise UsageError(
            "unknown sort {sort!r}: use {choices}", sort=req.sort, choices=", ".join(SORTS)
        )
    query = queries.TicketQuery(
        states=states_for(req.states),
        reasons=tuple(req.reasons),
        search=req.search,
        order_id=None if req.order is None else resolve_order(store, req.order),
        limit=req.limit,
        sort=req.sort,
        reverse=req.reverse,
        snoozed="only" if req.snoozed else "hide",
        now=iso(now),
    )
    if req.due_within is not None:
        query.due_before = iso(_window_end(store, req.due_within, now))
    if req.overdue:
        query.due_before = min(query.due_before or iso(now), iso(now))
    if req.agent is not None:
        req.agent.apply(query)
    return query


def overdue_query(store: Store, req: OverdueRequest, now: datetime) -> queries.TicketQuery:
    """The store's query for an ``overdue`` request: past, or within the window of, the
    chosen deadline."""
    if req.clock not in CLOCKS:
        raise UsageError(
            "unknown clock {clock!r}: use {choices}", clock=req.clock, choices=", ".join(CLOCKS)
        )
    cutoff = iso(now if req.within is None else _window_end(store, req.within, now))
    # a snoozed ticket is still reported: its clocks keep running
    query = queries.TicketQuery(limit=req.limit, either_clock=req.clock == "any", snoozed="any")
    if req.clock in ("sla", "any"):
        query.due_before = cutoff
    if req.clock in ("escalation", "any"):
        query.escalates_before = cutoff
    return query


# Listing rows ----------------------------------------------------------------------------
def ticket_values(row: Sequence[Any], now_iso: str) -> tuple[Any, ...]:
    """A listing row's field values, in ``LIST_FIELDS`` order."""
    (
        id_,
        state,
        reason,
        reason_source,
        subject,
        buyer_name,
        buyer_locale,
        order_ids,
        opened_at,
        updated_at,
        awaiting_since,
        due_at,
        escalates_at,
        last_message,
        product,
        tracking_number,
        carrier,
        snoozed_until,
        assignee,
    ) = row
    return (
        id_,
        state,
        reason,
        reason_source,
        subject,
        buyer_name,
        buyer_locale,
        _order_ids(order_ids),
        opened_at,
        updated_at,
        awaiting_since,
        due_at,
        escalates_at,
        due_at is not None and now_iso > due_at,  # overdue
        escalates_at is not None and now_iso > escalates_at,  # escalated
        last_message,
        product,
        tracking_number,
        carrier,
        snoozed_until if snoozed_until is not None and snoozed_until > now_iso else None,
        assignee,
    )


def record(row: Sequence[Any], now_iso: str) -> dict[str, Any]:
    """A listing row as the documented JSON record."""
    return dict(zip(LIST_FIELDS, ticket_values(row, now_iso), strict=True))


def _order_ids(text: str | None) -> list[str]:
    """The stored JSON list of order ids. The writer stores ``json.dumps`` of ids that
    validation limited to letters, digits, ``-`` and ``_``, so a split reads it exactly and
    much faster than a JSON parse per listed ticket."""
    if not text or text == "[]":
        return []
    return text[2:-2].split('", "')


@dataclass(frozen=True)
class Listing:
    """A listing, read from the store only when one of its views is iterated."""

    records: Callable[[], Iterator[dict[str, Any]]]  # the documented JSON records
    cells: Callable[[], Iterator[tuple[str, ...]]]  # TSV-ready text cells, ``LIST_FIELDS``
    total: Callable[[], int]  # how many there are, the limit aside
    limit: int = 0
    fields: tuple[str, ...] = LIST_FIELDS
    csv_fields: tuple[str, ...] = ()  # the csv header, where it names a field otherwise


def listing(store: Store, query: queries.TicketQuery, now: datetime) -> Listing:
    """The tickets a query selects, streamed in whichever form the output wants."""
    now_iso = iso(now)

    def records() -> Iterator[dict[str, Any]]:
        for row in queries.iter_rows(store, query):
            yield record(row, now_iso)

    return Listing(
        records,
        lambda: queries.iter_text_rows(store, query, now_iso),
        lambda: queries.count(store, query),
        query.limit,
    )


# One ticket ------------------------------------------------------------------------------
def resolve_order(store: Store, ref: str) -> str:
    """A full order id from an id or a unique prefix; an order nobody knows stays as given
    (listing its tickets finds none, which is no failure)."""
    from wishdesk.store import orders

    ref = ref.strip()
    found = orders.ids_with_prefix(store, ref) if ref else []
    _refuse_ambiguous(Phrase("order"), ref, found)
    return found[0] if found else ref


def _refuse_ambiguous(kind: str, ref: str, found: Sequence[str]) -> None:
    """A prefix that matches several ids lists (up to ten of) them, git style."""
    if len(found) > 1:
        more = ["..."] if len(found) > 10 else []
        raise AmbiguousError(
            "{kind} id {ref!r} is ambiguous; it matches:",
            kind=kind,
            ref=ref,
            details=[*found[:10], *more],
        )


def resolve(store: Store, ref: str) -> str:
    """A full ticket id from an id or a unique prefix (git style)."""
    ref = ref.strip()
    if not ref:
        raise UsageError("empty ticket id")
    found = tickets.ids_with_prefix(store, ref)
    if not found:
        from wishdesk.store import orders

        if orders.ids_with_prefix(store, ref, limit=1):
            raise NotFoundError(
                "{ref!r} is an order, not a ticket: `wishdesk orders show {ref}` shows it "
                "and its tickets",
                ref=ref,
            )
        raise NotFoundError("no ticket {ref!r}", ref=ref)
    _refuse_ambiguous(Phrase("ticket"), ref, found)
    return found[0]


def _loads(text: str | None, default: Any) -> Any:
    return json.loads(text) if text else default


def order_record(row: OrderRow) -> dict[str, Any]:
    """An order as the documented JSON record (``show --json``) and template values."""
    return {
        "id": row.id,
        "state": row.state,
        "transaction_id": row.transaction_id,
        "product_id": row.product_id,
        "variation_id": row.variation_id,
        "sku": row.sku,
        "product": row.product_name,
        "size": row.size,
        "color": row.color,
        "quantity": row.quantity,
        "released_at": row.released_at,
        "updated_at": row.updated_at,
        "expected_ship_at": row.expected_ship_at,
        "expected_delivery_at": row.expected_delivery_at,
        "tracking_number": row.tracking_number,
        "carrier": row.carrier,
        "tracking": _loads(row.tracking, []),
        "fulfillment": _loads(row.fulfillment, []),
        "shipping_address": _loads(row.shipping_address, {}),
    }


def show_ticket(store: Store, ref: str, now: datetime) -> dict[str, Any]:
    """The ``list`` record plus messages, orders, outbox items and drafts."""
    from wishdesk.domain.reasons.bands import reason_band
    from wishdesk.services import attachments as photos
    from wishdesk.services import replying
    from wishdesk.store import audit_log, drafts, messages, notes, orders, outbox

    ticket_id = resolve(store, ref)
    row = tickets.get(store, ticket_id)
    assert row is not None
    its_orders = orders.for_ticket(store, ticket_id)
    out = record(row.listing_row(), iso(now))
    out["reason_confidence"] = row.reason_confidence
    out["reason_confidence_band"] = reason_band(
        row.reason_confidence, row.reason_source, row.sub_label, row.refund_reason
    )
    out["type"] = row.type
    out["sub_label"] = row.sub_label
    out["refund_reason"] = row.refund_reason
    out["closed_at"] = row.closed_at
    items = outbox.for_ticket(store, ticket_id)
    # A reply written here is in the thread at once, but has not reached Wish until sync
    # sends it: ``queued`` says so (true while its outbox item waits or failed).
    waiting = {i.message_id for i in items if i.message_id and i.status in PENDING}
    thread = messages.thread(store, ticket_id)
    files, out["attachments"] = photos.for_messages(store, ticket_id, thread, now)
    out["messages"] = [
        {
            "sender": m.sender,
            "sent_at": m.sent_at,
            "text": m.text,
            "files": f,
            "queued": m.id in waiting,
        }
        for m, f in zip(thread, files, strict=True)
    ]
    out["orders"] = [order_record(o) for o in its_orders]
    out["outbox"] = [item.record() for item in items]
    out["audit_log"] = [entry.record() for entry in audit_log.for_ticket(store, ticket_id)]
    out["drafts"] = [draft.record() for draft in drafts.for_ticket(store, ticket_id)]
    out["notes"] = [note.record() for note in notes.for_ticket(store, ticket_id)]
    mark = replying.current(store, ticket_id, now)  # another agent composing a reply
    out["replying"] = None if mark is None else mark.record()
    return out


@dataclass(frozen=True)
class TicketView:
    """What ``show`` shows: the documented record, and what a person's view adds to it."""

    record: dict[str, Any]
    timezone: str  # the merchant's, for local times
    tracking_urls: dict[str, str]  # order id -> the carrier's tracking page
    fields: tuple[str, ...] = LIST_FIELDS  # the record's fields as one tsv/csv row


def view_ticket(store: Store, ref: str, now: datetime) -> TicketView:
    from wishdesk.domain.carriers import tracking_url
    from wishdesk.services.config import current

    data = show_ticket(store, ref, now)
    urls = {o["id"]: tracking_url(o["carrier"], o["tracking_number"]) for o in data["orders"]}
    timezone = current(store)["calendar.timezone"]
    return TicketView(data, timezone, {k: v for k, v in urls.items() if v})
