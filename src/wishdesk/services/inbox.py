"""Inbox use cases: list, show, overdue, and resolving a ticket reference."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from wishdesk.clock import iso
from wishdesk.errors import AmbiguousError, NotFoundError, UsageError
from wishdesk.store import inbox as queries
from wishdesk.store.db import Store

# The JSON/TSV fields of a listed ticket: the stored columns plus the two computed flags.
LIST_FIELDS = (*queries.LIST_COLUMNS[:-1], "overdue", "escalated", queries.LIST_COLUMNS[-1])
STATE_NAMES = {
    "awaiting-merchant": ("AWAITING_MERCHANT",),
    "awaiting-user": ("AWAITING_USER",),
    "awaiting-wish": ("AWAITING_WISH",),
    "closed": ("CLOSED", "PERMANENTLY_CLOSED"),
}
_DURATION = re.compile(r"\s*(\d+)\s*(m|h|d|w|bd)\s*", re.IGNORECASE)
# The longest window a duration may name, per unit: ten years.
_MAX_DURATION = {"m": 10 * 366 * 1440, "h": 10 * 366 * 24, "d": 10 * 366, "w": 10 * 53, "bd": 2610}


@dataclass(frozen=True)
class Duration:
    amount: int
    unit: str  # m, h, d, w, bd

    def deadline(self, now: datetime, business_days: Any = None) -> datetime:
        """``now`` plus this duration; ``bd`` needs a calendar with ``due_at``.
        Callers list what falls due *before* this moment (overdue: now > due_at)."""
        if self.unit == "bd":
            if self.amount == 0:
                return now
            # a deadline at 23:59:59 on the last business day is inside the window
            end: datetime = business_days.due_at(now, self.amount)
            return end + timedelta(seconds=1)
        minutes = {"m": 1, "h": 60, "d": 1440, "w": 10080}[self.unit]
        return now + timedelta(minutes=self.amount * minutes)


def parse_duration(text: str) -> Duration:
    """``30m``, ``12h``, ``1d``, ``1w`` or ``2bd`` (business days)."""
    match = _DURATION.fullmatch(text)
    if not match:
        raise UsageError(f"bad duration {text!r}: use e.g. 30m, 12h, 1d, 1w or 2bd")
    amount, unit = int(match.group(1)), match.group(2).lower()
    if amount > _MAX_DURATION[unit]:
        raise UsageError(
            f"duration {text.strip()!r} is too long: at most {_MAX_DURATION[unit]}{unit}"
        )
    return Duration(amount, unit)


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
                f"unknown state {name!r}: use awaiting-merchant, awaiting-user, awaiting-wish, "
                "closed or any"
            )
        out += [s for s in STATE_NAMES[key] if s not in out]
    return tuple(out)


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


def iter_ticket_records(
    store: Store, query: queries.TicketQuery, now: datetime
) -> Iterator[dict[str, Any]]:
    """The listing as records, streamed."""
    now_iso = iso(now)
    for row in queries.iter_rows(store, query):
        yield record(row, now_iso)


def ticket_cells(
    store: Store, query: queries.TicketQuery, now: datetime
) -> Iterator[tuple[str, ...]]:
    """The listing as text cells in ``LIST_FIELDS`` order, streamed (the TSV path)."""
    return queries.iter_text_rows(store, query, iso(now))


def resolve(store: Store, ref: str) -> str:
    """A full ticket id from an id or a unique prefix (git style)."""
    ref = ref.strip()
    if not ref:
        raise UsageError("empty ticket id")
    found = queries.ids_with_prefix(store, ref)
    if not found:
        raise NotFoundError(f"no ticket {ref!r}")
    if len(found) > 1:
        shown = found[:10]
        more = ["..."] if len(found) > 10 else []
        raise AmbiguousError(f"ticket id {ref!r} is ambiguous; it matches:", details=shown + more)
    return found[0]


def _loads(text: str | None, default: Any) -> Any:
    return json.loads(text) if text else default


def order_record(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": row["id"],
        "state": row["state"],
        "transaction_id": row["transaction_id"],
        "product_id": row["product_id"],
        "variation_id": row["variation_id"],
        "sku": row["sku"],
        "product": row["product_name"],
        "size": row["size"],
        "color": row["color"],
        "quantity": row["quantity"],
        "released_at": row["released_at"],
        "updated_at": row["updated_at"],
        "expected_ship_at": row["expected_ship_at"],
        "expected_delivery_at": row["expected_delivery_at"],
        "tracking_number": row["tracking_number"],
        "carrier": row["carrier"],
        "tracking": _loads(row["tracking"], []),
        "fulfillment": _loads(row["fulfillment"], []),
        "shipping_address": _loads(row["shipping_address"], {}),
    }


def show_ticket(store: Store, ref: str, now: datetime) -> dict[str, Any]:
    """The ``list`` record plus messages, orders, outbox items and drafts."""
    ticket_id = resolve(store, ref)
    row = queries.ticket(store, ticket_id)
    assert row is not None
    out = record([row[c] for c in queries.LIST_COLUMNS], iso(now))
    out["reason_confidence"] = row["reason_confidence"]
    out["type"] = row["type"]
    out["sub_label"] = row["sub_label"]
    out["refund_reason"] = row["refund_reason"]
    out["closed_at"] = row["closed_at"]
    out["messages"] = [
        {
            "sender": m["sender"],
            "sent_at": m["sent_at"],
            "text": m["text"],
            "files": _loads(m["files"], []),
        }
        for m in queries.messages(store, ticket_id)
    ]
    out["orders"] = [order_record(o) for o in queries.ticket_orders(store, ticket_id)]
    out["outbox"] = queries.outbox_items(store, ticket_id)
    out["audit_log"] = queries.audit_entries(store, ticket_id)
    out["drafts"] = [
        {"text": d["text"], "created_at": d["created_at"], "findings": _loads(d["findings"], [])}
        for d in queries.drafts(store, ticket_id)
    ]
    return out
