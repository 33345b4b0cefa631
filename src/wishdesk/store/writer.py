"""Upserts of Wish records: idempotent, newest ``updated_at`` wins, replies de-duplicated.

The writer keeps each ticket's derived columns (reason, SLA clocks, last message) current,
so listing never has to compute them. Callers hold the transaction.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from wishdesk.clock import iso, parse_time
from wishdesk.domain.models import Message, Order, Ticket
from wishdesk.store.db import Store
from wishdesk.store.digest import digest

if TYPE_CHECKING:
    from wishdesk.domain.sla.clocks import Clocks

LAST_MESSAGE_CHARS = 200
BUYER = "USER"

# (state, opened_at, [(sender, sent_at)]) -> Clocks
ClockFn = Callable[[str, datetime, Sequence[tuple[str, datetime]]], "Clocks"]
# (subject, first buyer message, sub_label, refund_reason, ticket type)
#   -> (reason, confidence, source)
ReasonFn = Callable[[str, str, "str | None", "str | None", "str | None"], tuple[str, float, str]]


def _squash(text: str) -> str:
    """Text compared whitespace-insensitively (Wish may re-wrap markdown)."""
    return " ".join(text.split())


def _opt(moment: datetime | None) -> str | None:
    return None if moment is None else iso(moment)


@dataclass(frozen=True)
class Derived:
    """Columns computed from a ticket's messages."""

    clocks: Clocks
    last_message: str | None
    last_message_at: str | None
    message_count: int
    first_buyer_text: str


_ORDER_COLUMNS = (
    "id",
    "transaction_id",
    "state",
    "released_at",
    "updated_at",
    "product_id",
    "variation_id",
    "sku",
    "product_name",
    "size",
    "color",
    "quantity",
    "expected_ship_at",
    "expected_delivery_at",
    "tracking_number",
    "carrier",
    "tracking",
    "fulfillment",
    "shipping_address",
    "refunds",
)
_ORDER_UPSERT = (
    f"INSERT INTO orders ({', '.join(_ORDER_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in _ORDER_COLUMNS)}) ON CONFLICT(id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in _ORDER_COLUMNS[1:])
)
_TICKET_COLUMNS = (
    "id",
    "merchant_id",
    "type",
    "state",
    "subject",
    "sub_label",
    "refund_reason",
    "buyer_name",
    "buyer_locale",
    "opened_at",
    "updated_at",
    "closed_at",
    "closed_by",
    "order_ids",
    "product_ids",
)
_TICKET_INSERT = (
    f"INSERT INTO tickets ({', '.join(_TICKET_COLUMNS)}, reason, reason_source, "
    "reason_confidence, awaiting_since, due_at, escalates_at, last_message, last_message_at, "
    f"message_count) VALUES ({', '.join('?' for _ in range(len(_TICKET_COLUMNS) + 9))})"
)
_TICKET_UPDATE = (
    "UPDATE tickets SET " + ", ".join(f"{c} = ?" for c in _TICKET_COLUMNS[1:]) + " WHERE id = ?"
)
_MESSAGE_INSERT = (
    "INSERT OR IGNORE INTO messages (ticket_num, ticket_id, sender, sent_at, text, files, "
    "digest, origin) VALUES (?, ?, ?, ?, ?, ?, ?, 'wish')"
)


class RecordWriter:
    """Writes parsed records into the store; counts what changed."""

    def __init__(self, store: Store, clocks: ClockFn, reason: ReasonFn) -> None:
        self.conn = store.conn
        self.clocks = clocks
        self.reason = reason

    # Orders ------------------------------------------------------------------------------
    def write_order(self, order: Order) -> str:
        """Upsert one order; returns "new", "updated" or "unchanged"."""
        row = self.conn.execute(
            "SELECT updated_at FROM orders WHERE id = ?", (order.id,)
        ).fetchone()
        updated_at = iso(order.updated_at)
        if row is not None and updated_at <= row[0]:
            return "unchanged"
        tracking = [
            {
                "tracking_number": t.tracking_number,
                "carrier": t.carrier,
                "origin_country": t.origin_country,
                "ship_note": t.ship_note,
            }
            for t in order.tracking
        ]
        self.conn.execute(
            _ORDER_UPSERT,
            (
                order.id,
                order.transaction_id,
                order.state,
                _opt(order.released_at),
                updated_at,
                order.product_id,
                order.variation_id,
                order.sku,
                order.product_name,
                order.size,
                order.color,
                order.quantity,
                _opt(order.expected_ship_at),
                _opt(order.expected_delivery_at),
                order.tracking_number,
                order.carrier,
                json.dumps(tracking, ensure_ascii=False) if tracking else None,
                json.dumps(
                    [{"event_type": e, "event_time": iso(t)} for e, t in order.fulfillment],
                    ensure_ascii=False,
                )
                if order.fulfillment
                else None,
                json.dumps(order.shipping_address, ensure_ascii=False)
                if order.shipping_address
                else None,
                json.dumps(list(order.refunds), ensure_ascii=False) if order.refunds else None,
            ),
        )
        return "new" if row is None else "updated"

    # Tickets -----------------------------------------------------------------------------
    def write_ticket(self, ticket: Ticket) -> tuple[str, int]:
        """Upsert one ticket and merge its replies; returns (status, new message count)."""
        conn = self.conn
        row = conn.execute(
            "SELECT num, updated_at FROM tickets WHERE id = ?", (ticket.id,)
        ).fetchone()
        updated_at = iso(ticket.updated_at)
        if row is None:
            num = self._insert_ticket(ticket, updated_at)
            self._link_orders(num, ticket)
            return "new", self._insert_messages(num, ticket.id, ticket.messages)
        num, stored_at = row
        added = self._insert_messages(num, ticket.id, self._reconcile(num, ticket.messages))
        newer = updated_at > stored_at
        if not newer and not added:
            return "unchanged", 0
        if newer:
            conn.execute(_TICKET_UPDATE, (*self._ticket_values(ticket, updated_at)[1:], ticket.id))
            self._link_orders(num, ticket, replace=True)
            if ticket.state == "AWAITING_MERCHANT" and self._reply_pending(ticket.id):
                # Wish has not seen the reply queued here yet: the ticket waits on the buyer.
                conn.execute(
                    "UPDATE tickets SET state = 'AWAITING_USER' WHERE id = ?", (ticket.id,)
                )
        self.refresh(ticket.id)
        return "updated", added

    def _reply_pending(self, ticket_id: str) -> bool:
        return (
            self.conn.execute(
                "SELECT 1 FROM outbox WHERE ticket_id = ? AND kind = 'reply' "
                "AND status IN ('queued', 'sending') LIMIT 1",
                (ticket_id,),
            ).fetchone()
            is not None
        )

    def _reconcile(self, num: int, messages: Sequence[Message]) -> Sequence[Message]:
        """Wish's copy of a reply written here takes over the local message (its time becomes
        Wish's ``replied_at``), so the thread shows it once. Returns the messages left to
        insert."""
        local = self.conn.execute(
            "SELECT id, text FROM messages WHERE ticket_num = ? AND origin = 'local' ORDER BY id",
            (num,),
        ).fetchall()
        if not local:
            return messages
        waiting: dict[str, list[int]] = {}
        for message_id, text in local:
            waiting.setdefault(_squash(text), []).append(message_id)
        rest = []
        for m in messages:
            ids = waiting.get(_squash(m.text)) if m.sender == "MERCHANT" else None
            if ids:
                self.conn.execute(
                    "UPDATE OR IGNORE messages SET sent_at = ?, text = ?, digest = ?, "
                    "origin = 'wish' WHERE id = ?",
                    (iso(m.sent_at), m.text, digest(m.text), ids.pop(0)),
                )
            else:
                rest.append(m)
        return rest

    def _ticket_values(self, t: Ticket, updated_at: str) -> tuple[object, ...]:
        return (
            t.id,
            t.merchant_id,
            t.type,
            t.state,
            t.subject,
            t.sub_label,
            t.refund_reason,
            t.buyer_name,
            t.buyer_locale,
            iso(t.opened_at),
            updated_at,
            _opt(t.closed_at),
            t.closed_by,
            json.dumps(list(t.order_ids)),
            json.dumps(list(t.product_ids)),
        )

    def _insert_messages(self, num: int, ticket_id: str, messages: Iterable[Message]) -> int:
        rows = [
            (
                num,
                ticket_id,
                m.sender,
                iso(m.sent_at),
                m.text,
                json.dumps([{"url": u, "file_name": n} for u, n in m.files], ensure_ascii=False)
                if m.files
                else None,
                digest(m.text),
            )
            for m in messages
        ]
        if not rows:
            return 0
        return self.conn.executemany(_MESSAGE_INSERT, rows).rowcount

    def _insert_ticket(self, t: Ticket, updated_at: str) -> int:
        """Insert a new ticket with its derived columns; returns its row number."""
        unique: dict[tuple[datetime, str, str], Message] = {}
        for m in t.messages:
            unique.setdefault((m.sent_at, m.sender, m.text), m)
        messages = sorted(unique.values(), key=lambda m: m.sent_at)
        derived = self._derive(t.state, t.opened_at, messages)
        reason, confidence, source = self.reason(
            t.subject, derived.first_buyer_text, t.sub_label, t.refund_reason, t.type
        )
        cursor = self.conn.execute(
            _TICKET_INSERT,
            (
                *self._ticket_values(t, updated_at),
                reason,
                source,
                confidence,
                *self._clock_values(derived.clocks),
                derived.last_message,
                derived.last_message_at,
                derived.message_count,
            ),
        )
        return int(cursor.lastrowid or 0)

    def _link_orders(self, num: int, t: Ticket, *, replace: bool = False) -> None:
        if replace:
            self.conn.execute("DELETE FROM ticket_orders WHERE ticket_num = ?", (num,))
        if t.order_ids:
            self.conn.executemany(
                "INSERT OR IGNORE INTO ticket_orders (ticket_num, ticket_id, order_id, position) "
                "VALUES (?, ?, ?, ?)",
                [(num, t.id, order_id, i) for i, order_id in enumerate(t.order_ids)],
            )

    def _derive(self, state: str, opened_at: datetime, messages: Sequence[Message]) -> Derived:
        """``messages`` oldest first."""
        clocks = self.clocks(state, opened_at, [(m.sender, m.sent_at) for m in messages])
        last = messages[-1] if messages else None
        first_buyer = next((m.text for m in messages if m.sender == BUYER), "")
        return Derived(
            clocks=clocks,
            last_message=last.text[:LAST_MESSAGE_CHARS] if last else None,
            last_message_at=iso(last.sent_at) if last else None,
            message_count=len(messages),
            first_buyer_text=first_buyer,
        )

    @staticmethod
    def _clock_values(c: Clocks) -> tuple[str | None, str | None, str | None]:
        return _opt(c.awaiting_since), _opt(c.due_at), _opt(c.escalates_at)

    def refresh(self, ticket_id: str) -> None:
        """Recompute a stored ticket's derived columns from its stored messages."""
        conn = self.conn
        num, state, opened_at, subject, sub_label, refund_reason, reason_source, type_ = (
            conn.execute(
                "SELECT num, state, opened_at, subject, sub_label, refund_reason, reason_source, "
                "type FROM tickets WHERE id = ?",
                (ticket_id,),
            ).fetchone()
        )
        messages = [
            Message(sender=s, sent_at=parse_time(at), text=text)
            for s, at, text in conn.execute(
                "SELECT sender, sent_at, text FROM messages WHERE ticket_num = ? "
                "ORDER BY sent_at, id",
                (num,),
            )
        ]
        derived = self._derive(state, parse_time(opened_at), messages)
        conn.execute(
            "UPDATE tickets SET awaiting_since = ?, due_at = ?, escalates_at = ?, "
            "last_message = ?, last_message_at = ?, message_count = ? WHERE id = ?",
            (
                *self._clock_values(derived.clocks),
                derived.last_message,
                derived.last_message_at,
                derived.message_count,
                ticket_id,
            ),
        )
        if reason_source != "manual":
            reason, confidence, source = self.reason(
                subject or "", derived.first_buyer_text, sub_label, refund_reason, type_
            )
            conn.execute(
                "UPDATE tickets SET reason = ?, reason_source = ?, reason_confidence = ? "
                "WHERE id = ?",
                (reason, source, confidence, ticket_id),
            )
