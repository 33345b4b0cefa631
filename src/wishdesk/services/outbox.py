"""The outbox: queueing a reply, and listing, cancelling and retrying what waits for
``sync``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from wishdesk.clock import iso
from wishdesk.domain.outbox import CANCELLABLE, PENDING, RETRYABLE, STATUSES
from wishdesk.errors import NotFoundError, UsageError
from wishdesk.store import messages, tickets
from wishdesk.store import outbox as rows
from wishdesk.store.db import Store
from wishdesk.store.outbox import FIELDS, OutboxItem

__all__ = ["FIELDS", "OutboxItem", "cancel", "list_items", "queue_reply", "retry"]


def queue_reply(
    store: Store,
    ticket_id: str,
    order_id: str | None,
    body: str,
    at: str,
    dedup_key: str | None = None,
) -> int:
    """A reply written here, in the caller's transaction: a merchant message in the thread,
    the ticket waiting on the buyer (its SLA clock stops) and an outbox item for ``sync``.
    Returns the outbox item id. (``reply`` and ``notify`` alike.)"""
    from wishdesk.services.tickets import writer

    message_id = messages.add_local(store, ticket_id, body, at)
    tickets.set_state(store, ticket_id, "AWAITING_USER")
    writer(store).refresh(ticket_id)
    return rows.add(
        store,
        kind="reply",
        ticket_id=ticket_id,
        order_id=order_id,
        body=body,
        at=at,
        dedup_key=dedup_key,
        message_id=message_id,
    )


def list_items(store: Store, statuses: Sequence[str]) -> list[OutboxItem]:
    """Items with these statuses; by default what still needs attention."""
    wanted: tuple[str, ...] = PENDING
    if statuses:
        if "any" in statuses:
            wanted = ()
        else:
            for s in statuses:
                if s not in STATUSES:
                    raise UsageError(f"unknown status {s!r}: use {', '.join(STATUSES)} or any")
            wanted = tuple(statuses)
    return rows.with_status(store, wanted)


def _item(store: Store, item_id: int, allowed: Sequence[str] = (), done: str = "") -> OutboxItem:
    """The item, which must be in one of the ``allowed`` statuses to be ``done`` (when
    given)."""
    found = rows.get(store, item_id)
    if found is None:
        raise NotFoundError(f"no outbox item #{item_id}")
    if allowed and found.status not in allowed:
        names = f"{', '.join(allowed[:-1])} or {allowed[-1]}" if len(allowed) > 1 else allowed[0]
        raise UsageError(
            f"outbox item #{item_id} is {found.status}: only {names} items can be {done}"
        )
    return found


def cancel(store: Store, item_id: int, now: datetime) -> OutboxItem:
    """Cancel an item that has not gone out. A cancelled reply leaves the thread and the
    ticket awaits the merchant again, its SLA clock running as before."""
    from wishdesk.services.tickets import writer

    with store.transaction():
        found = _item(store, item_id)
        reply = found.kind == "reply" and found.message_id and found.ticket_id
        if reply and messages.origin(store, found.message_id or 0) == "wish":
            raise UsageError(
                f"outbox item #{item_id} is already on Wish (its copy came back in an "
                "import or sync): there is nothing to cancel"
            )
        _item(store, item_id, CANCELLABLE, "cancelled")
        at = iso(now)
        rows.set_status(store, item_id, "cancelled", at, found.error)
        if reply and found.ticket_id and found.message_id:
            rows.cancel_close_with(store, found.ticket_id, found.created_at, at)
            messages.delete_local(store, found.message_id)
            tickets.set_state(store, found.ticket_id, "AWAITING_MERCHANT")
            writer(store).refresh(found.ticket_id)
    return _item(store, item_id)


def retry(store: Store, item_id: int, now: datetime) -> OutboxItem:
    """Queue a failed (or manual) item again."""
    with store.transaction():
        _item(store, item_id, RETRYABLE, "retried")
        rows.set_status(store, item_id, "queued", iso(now))
    return _item(store, item_id)
