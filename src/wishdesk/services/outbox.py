"""``wishdesk outbox``: list, cancel and retry what is waiting to go out."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from wishdesk.clock import iso
from wishdesk.errors import NotFoundError, UsageError
from wishdesk.store import outbox as queries
from wishdesk.store.db import Store

STATUSES = ("queued", "sending", "sent", "failed", "manual", "cancelled")


def list_items(store: Store, statuses: list[str]) -> list[dict[str, Any]]:
    """Items with these statuses; by default what still needs attention."""
    wanted: tuple[str, ...] = queries.PENDING
    if statuses:
        if "any" in statuses:
            wanted = ()
        else:
            for s in statuses:
                if s not in STATUSES:
                    raise UsageError(f"unknown status {s!r}: use {', '.join(STATUSES)} or any")
            wanted = tuple(statuses)
    return queries.items(store, wanted)


def _item(store: Store, item_id: int) -> dict[str, Any]:
    found = queries.item(store, item_id)
    if found is None:
        raise NotFoundError(f"no outbox item #{item_id}")
    return found


def cancel(store: Store, item_id: int, now: datetime) -> dict[str, Any]:
    """Cancel an item that has not gone out. A cancelled reply leaves the thread and the
    ticket awaits the merchant again, its SLA clock running as before."""
    from wishdesk.services.derive import writer

    with store.transaction():
        found = _item(store, item_id)
        if found["status"] not in ("queued", "failed", "manual"):
            raise UsageError(
                f"outbox item #{item_id} is {found['status']}: only queued, failed "
                "or manual items can be cancelled"
            )
        reply = found["kind"] == "reply" and found["message_id"] and found["ticket_id"]
        if reply and queries.message_origin(store, found["message_id"]) == "wish":
            raise UsageError(
                f"outbox item #{item_id} is already on Wish (its copy came back in an "
                "import or sync): there is nothing to cancel"
            )
        at = iso(now)
        queries.set_status(store, item_id, "cancelled", at, found["error"])
        if reply:
            queries.cancel_close_with(store, found["ticket_id"], found["created_at"], at)
            queries.delete_local_message(store, found["message_id"])
            queries.set_ticket_state(store, found["ticket_id"], "AWAITING_MERCHANT")
            writer(store).refresh(found["ticket_id"])
    return _item(store, item_id)


def retry(store: Store, item_id: int, now: datetime) -> dict[str, Any]:
    """Queue a failed (or manual) item again."""
    with store.transaction():
        found = _item(store, item_id)
        if found["status"] not in ("failed", "manual"):
            raise UsageError(
                f"outbox item #{item_id} is {found['status']}: only failed or "
                "manual items can be retried"
            )
        queries.set_status(store, item_id, "queued", iso(now))
    return _item(store, item_id)
