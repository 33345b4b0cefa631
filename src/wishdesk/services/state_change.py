"""``wishdesk close`` and ``wishdesk appeal``: queue a ticket's state change for ``sync``
(``PUT /api/v3/tickets/{id}`` with ``CLOSED`` or ``AWAITING_WISH``).

The ticket takes that state here at once, so it leaves the inbox and ``overdue``;
``outbox cancel`` puts it back as it was (``services/outbox.py``, ``queue_state_change``).
Each lands in the audit log with the agent who queued it (and an appeal's reason).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from wishdesk.clock import iso
from wishdesk.domain.outbox import TICKET_STATE_FOR
from wishdesk.errors import UsageError
from wishdesk.services import attribution
from wishdesk.services.inbox import resolve
from wishdesk.services.outbox import queue_state_change
from wishdesk.store import tickets
from wishdesk.store.db import Store


@dataclass(frozen=True)
class Queued:
    ticket_id: str
    kind: str  # close or appeal
    outbox_id: int
    was: str  # the ticket's state before
    state: str  # its state now, until sync


def change(store: Store, ref: str, kind: str, now: datetime, reason: str | None = None) -> Queued:
    """Queue ``kind`` (close or appeal) for the ticket ``ref`` names."""
    if reason is not None and not reason.strip():
        raise UsageError("--reason is empty: say why, or leave it out")
    ticket_id = resolve(store, ref)
    at, agent = iso(now), attribution.agent()
    with store.transaction():
        row = tickets.get(store, ticket_id)
        assert row is not None
        order_ids = json.loads(row.order_ids) if row.order_ids else []
        order_id = order_ids[0] if order_ids else None
        item_id = queue_state_change(store, ticket_id, kind, order_id, at)
        why = None if reason is None else reason.strip()
        attribution.record(
            store, kind, ticket_id, at=at, agent=agent, outbox_id=item_id, reason=why
        )
    return Queued(ticket_id, kind, item_id, row.state, TICKET_STATE_FOR[kind])
