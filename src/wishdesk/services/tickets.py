"""Tickets as the store keeps them: writing Wish's records, the columns derived from them
(reason, SLA clocks, last message), and the merchant's corrections.

The rules live here; ``store.tickets``, ``store.messages`` and ``store.orders`` execute them:
- an order or ticket is replaced only by a copy with a newer ``updated_at``;
- Wish's copy of a reply written here takes over the local message (whitespace-insensitive
  match), so the thread shows it once;
- a ticket Wish still shows as awaiting the merchant, with a reply of ours not yet sent,
  awaits the buyer here; one with a close or appeal of ours not yet sent has that state;
- a new message from the buyer ends the ticket's snooze;
- a reason set by hand (source ``manual``) survives every re-import and recompute.
Callers hold the transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING

from wishdesk.clock import iso, parse_time
from wishdesk.domain.models import REASONS, Message, Order, Ticket
from wishdesk.domain.outbox import TICKET_STATE_FOR
from wishdesk.domain.settings import CalendarSettings, SlaSettings, sla_settings
from wishdesk.domain.text import squash
from wishdesk.errors import Phrase, StoreError, UsageError
from wishdesk.store import messages, orders, tickets
from wishdesk.store import outbox as outbox_rows
from wishdesk.store import settings as stored_settings
from wishdesk.store.db import Store

if TYPE_CHECKING:
    from wishdesk.domain.sla import BusinessCalendar
    from wishdesk.domain.sla.clocks import Clocks

LAST_MESSAGE_CHARS = 200
BUYER = "USER"

# (state, opened_at, [(sender, sent_at)]) -> Clocks
ClockFn = Callable[[str, datetime, Sequence[tuple[str, datetime]]], "Clocks"]
# (subject, first buyer message, sub_label, refund_reason, ticket type)
#   -> (reason, confidence, source)
ReasonFn = Callable[[str, str, "str | None", "str | None", "str | None"], tuple[str, float, str]]


@lru_cache(maxsize=4)
def _calendar(settings: CalendarSettings) -> BusinessCalendar:
    """One calendar per distinct setting, however many tickets a command touches (notify
    builds a writer for each order it answers on a ticket)."""
    from wishdesk.domain.sla import BusinessCalendar

    return BusinessCalendar(settings)


def clock_fn(store: Store) -> ClockFn:
    """SLA clocks with the store's calendar and SLA settings, as they are in the write
    transaction that computes them: the settings are read again in each one, so a
    ``config set`` committed between building a writer and writing with it is honoured."""
    from wishdesk.domain.sla import ticket_clocks

    held: dict[int | None, tuple[SlaSettings, BusinessCalendar]] = {}

    def settings() -> tuple[SlaSettings, BusinessCalendar]:
        number = store.transaction_number
        found = held.get(number) if number is not None else None
        if found is None:
            sla = sla_settings(stored_settings.load(store))
            found = (sla, _calendar(sla.calendar))
            held.clear()
            held[number] = found
        return found

    def clocks(state: str, opened_at: datetime, messages: Sequence[tuple[str, datetime]]) -> Clocks:
        sla, calendar = settings()
        return ticket_clocks(state, opened_at, messages, sla, calendar)

    return clocks


def reason_of(
    subject: str,
    body: str,
    sub_label: str | None,
    refund_reason: str | None,
    ticket_type: str | None = None,
) -> tuple[str, float, str]:
    """The ticket's reason, confidence and source. A pre-purchase ticket is about no order,
    so it is ``other`` by Wish's own definition; the rest goes to the classifier.
    Cached: buyers (and the demo) repeat the same short messages a lot. The classifier
    reads only the start of each text, so only that start is a cache key (a cache of
    100,000-character messages would not stay small)."""
    from wishdesk.domain.reasons.normalise import MAX_CHARS

    return _reason_of(subject[:MAX_CHARS], body[:MAX_CHARS], sub_label, refund_reason, ticket_type)


@lru_cache(maxsize=8192)
def _reason_of(
    subject: str,
    body: str,
    sub_label: str | None,
    refund_reason: str | None,
    ticket_type: str | None,
) -> tuple[str, float, str]:
    if ticket_type == "PRE_PURCHASE":
        return "other", 1.0, "wish"
    from wishdesk.domain.reasons import classify

    found = classify(subject, body, sub_label=sub_label, refund_reason=refund_reason)
    return found.reason, round(found.confidence, 3), found.source


def _stored(stamp: str, what: str) -> datetime:
    """A time read back from the store; one that is not a time is a clear error naming it."""
    try:
        return parse_time(stamp)
    except ValueError:
        raise StoreError(
            "the store holds a damaged time in {what}: {stamp!r}; correct that row (see "
            "docs/store.md) or restore a backup",
            what=what,
            stamp=stamp[:40],
        ) from None


def _opt(moment: datetime | None) -> str | None:
    return None if moment is None else iso(moment)


class RecordWriter:
    """Writes parsed Wish records into the store; says what changed."""

    def __init__(self, store: Store, clocks: ClockFn, reason: ReasonFn) -> None:
        self.store = store
        self.clocks = clocks
        self.reason = reason

    def write_order(self, order: Order) -> str:
        """Upsert one order; returns "new", "updated" or "unchanged"."""
        stored_at = orders.version(self.store, order.id)
        updated_at = iso(order.updated_at)
        if stored_at is not None and updated_at <= stored_at:
            return "unchanged"
        orders.upsert(self.store, order, updated_at)
        first = (order.product_name, order.tracking_number, order.carrier)
        tickets.order_changed(self.store, order.id, first)
        return "new" if stored_at is None else "updated"

    def write_ticket(self, ticket: Ticket) -> tuple[str, int]:
        """Upsert one ticket and merge its replies; returns (status, new message count)."""
        store = self.store
        stored = tickets.version(store, ticket.id)
        updated_at = iso(ticket.updated_at)
        if stored is None:
            num = self._insert(ticket, updated_at)
            tickets.link_orders(store, num, ticket)
            return "new", messages.insert_from_wish(store, num, ticket.id, ticket.messages)
        num, stored_at, snoozed = stored
        buyer_wrote = messages.count_from(store, num, BUYER) if snoozed else 0
        added = messages.insert_from_wish(
            store, num, ticket.id, self._reconcile(num, ticket.messages)
        )
        newer = updated_at > stored_at
        if not newer and not added:
            return "unchanged", 0
        if snoozed and added and messages.count_from(store, num, BUYER) > buyer_wrote:
            tickets.set_snooze(store, ticket.id, None, None)  # the buyer wrote again
        if newer:
            tickets.update(store, ticket, updated_at)
            tickets.link_orders(store, num, ticket, replace=True)
            self._hold_local_state(ticket)
        self.refresh(ticket.id)
        return "updated", added

    def _hold_local_state(self, ticket: Ticket) -> None:
        """Work queued here that Wish has not seen yet keeps the state it gave the ticket: a
        reply keeps a ticket Wish shows awaiting the merchant with the buyer, a close or an
        appeal keeps its own state. What Wish says now is what cancelling that close or
        appeal puts back."""
        pending = outbox_rows.pending_for_ticket(self.store, ticket.id)
        if not pending:
            return
        state = ticket.state
        if state == "AWAITING_MERCHANT" and any(kind == "reply" for _, kind in pending):
            state = "AWAITING_USER"  # Wish has not seen the reply queued here yet
        changes = [(item_id, kind) for item_id, kind in pending if kind in TICKET_STATE_FOR]
        if changes and state != "PERMANENTLY_CLOSED":
            item_id, kind = changes[-1]
            outbox_rows.set_prior_state(self.store, item_id, state)
            state = TICKET_STATE_FOR[kind]
        if state != ticket.state:
            tickets.set_state(self.store, ticket.id, state)

    def _reconcile(self, num: int, incoming: Sequence[Message]) -> Sequence[Message]:
        """Wish's copy of a reply written here takes over the local message (its time becomes
        Wish's ``replied_at``), and the reply's outbox item, if still waiting, is done: Wish
        has it, so ``sync`` must never send it again. Returns the messages left to insert."""
        local = messages.local_replies(self.store, num)
        if not local:
            return incoming
        waiting: dict[str, list[int]] = {}
        for message_id, text in local:
            waiting.setdefault(squash(text), []).append(message_id)
        rest = []
        for m in incoming:
            ids = waiting.get(squash(m.text)) if m.sender == "MERCHANT" else None
            if ids:
                message_id = ids.pop(0)
                messages.adopt(self.store, message_id, m)
                outbox_rows.delivered(self.store, message_id, iso(m.sent_at))
            else:
                rest.append(m)
        return rest

    def _insert(self, t: Ticket, updated_at: str) -> int:
        """Insert a new ticket with its derived columns; returns its row number."""
        unique: dict[tuple[datetime, str, str], Message] = {}
        for m in t.messages:
            unique.setdefault((m.sent_at, m.sender, m.text), m)
        thread = sorted(unique.values(), key=lambda m: m.sent_at)
        derived, first_buyer = self._derive(t.state, t.opened_at, thread)
        reason, confidence, source = self.reason(
            t.subject, first_buyer, t.sub_label, t.refund_reason, t.type
        )
        return tickets.insert(self.store, t, updated_at, (reason, source, confidence), derived)

    def _derive(
        self, state: str, opened_at: datetime, thread: Sequence[Message]
    ) -> tuple[tickets.Derived, str]:
        """The derived columns of a thread (oldest first), and its first buyer text."""
        c = self.clocks(state, opened_at, [(m.sender, m.sent_at) for m in thread])
        last = thread[-1] if thread else None
        first_buyer = next((m.text for m in thread if m.sender == BUYER), "")
        derived = (
            _opt(c.awaiting_since),
            _opt(c.due_at),
            _opt(c.escalates_at),
            last.text[:LAST_MESSAGE_CHARS] if last else None,
            iso(last.sent_at) if last else None,
            len(thread),
        )
        return derived, first_buyer

    def refresh(self, ticket_id: str) -> None:
        """Recompute a stored ticket's derived columns from its stored messages."""
        store = self.store
        num, state, opened_at, subject, sub_label, refund_reason, source, type_ = (
            tickets.derive_inputs(store, ticket_id)
        )
        thread = [
            Message(
                sender=s,
                sent_at=_stored(at, Phrase("a message of ticket {ticket_id}", ticket_id=ticket_id)),
                text=text,
            )
            for s, at, text in messages.senders_and_texts(store, num)
        ]
        opened = _stored(opened_at, Phrase("ticket {ticket_id} (opened_at)", ticket_id=ticket_id))
        derived, first_buyer = self._derive(state, opened, thread)
        tickets.set_derived(store, ticket_id, derived)
        if source != "manual":
            reason, confidence, new_source = self.reason(
                subject or "", first_buyer, sub_label, refund_reason, type_
            )
            tickets.set_reason(store, ticket_id, (reason, new_source, confidence))


def writer(store: Store) -> RecordWriter:
    """A writer with the store's calendar and the reason classifier."""
    return RecordWriter(store, clock_fn(store), reason_of)


def retag(
    store: Store, ref: str, reason: str | None, now: datetime | None = None
) -> tickets.TicketRow:
    """Set ``reason`` by hand (source ``manual``), or with ``None`` reclassify automatically;
    the audit log records who did. Returns the ticket as stored afterwards."""
    from wishdesk.clock import now as clock_now
    from wishdesk.services import attribution
    from wishdesk.services.inbox import resolve

    if reason is not None and reason not in REASONS:
        raise UsageError(
            "unknown reason {reason!r}: use one of {choices}",
            reason=reason,
            choices=", ".join(REASONS),
        )
    ticket_id = resolve(store, ref)
    at, agent = iso(now or clock_now()), attribution.agent()
    with store.transaction():
        if reason is not None:
            tickets.set_reason(store, ticket_id, (reason, "manual", 1.0))
        else:
            tickets.set_reason(store, ticket_id, ("other", "text", 0.0))
            writer(store).refresh(ticket_id)
        attribution.record(store, "tag", ticket_id, at=at, agent=agent, detail={"reason": reason})
    row = tickets.get(store, ticket_id)
    assert row is not None
    return row


def recompute_open(store: Store) -> int:
    """Recompute the SLA clocks of every ticket awaiting the merchant (caller's
    transaction). Returns how many."""
    w = writer(store)
    ids = tickets.awaiting_merchant_ids(store)
    for ticket_id in ids:
        w.refresh(ticket_id)
    return len(ids)
