"""Manual reason corrections."""

from __future__ import annotations

from wishdesk.domain.models import REASONS
from wishdesk.errors import UsageError
from wishdesk.services.derive import writer
from wishdesk.services.inbox import resolve
from wishdesk.store import inbox as queries
from wishdesk.store.db import Store


def retag(store: Store, ref: str, reason: str | None) -> tuple[str, str, str]:
    """Set ``reason`` by hand (source ``manual``), or with ``None`` reclassify automatically.
    Returns (ticket id, reason, source)."""
    if reason is not None and reason not in REASONS:
        raise UsageError(f"unknown reason {reason!r}: use one of {', '.join(REASONS)}")
    ticket_id = resolve(store, ref)
    with store.transaction():
        if reason is not None:
            queries.set_reason(store, ticket_id, reason, "manual", 1.0)
        else:
            queries.set_reason(store, ticket_id, "other", "text", 0.0)
            writer(store).refresh(ticket_id)
    row = queries.ticket(store, ticket_id)
    assert row is not None
    return ticket_id, row["reason"], row["reason_source"]
