"""The outbox: queueing a reply, and listing, cancelling and retrying what waits for
``sync``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from wishdesk.clock import iso
from wishdesk.domain.outbox import (
    CANCELLABLE,
    PENDING,
    RETRYABLE,
    STATUSES,
    TICKET_STATE_FOR,
    change_refused,
)
from wishdesk.errors import NotFoundError, Phrase, UsageError
from wishdesk.i18n import N_
from wishdesk.store import messages, tickets
from wishdesk.store import outbox as rows
from wishdesk.store.db import Store
from wishdesk.store.outbox import FIELDS, OutboxItem

__all__ = [
    "FIELDS",
    "OutboxItem",
    "cancel",
    "list_items",
    "move",
    "queue_reply",
    "queue_state_change",
    "release_state",
    "retry",
]


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
    message_id = messages.add_local(store, ticket_id, body, at)
    move(store, ticket_id, "AWAITING_USER")
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


_A = {"close": Phrase("a close"), "appeal": Phrase("an appeal")}
_ALREADY = Phrase("already waits")
_FIRST = Phrase("waits first (one change at a time)")
_NOT_CANCELLABLE = N_("outbox item #{item_id} is {status_now}: only {names} items can be cancelled")
_NOT_RETRYABLE = N_("outbox item #{item_id} is {status_now}: only {names} items can be retried")


def move(store: Store, ticket_id: str, state: str) -> None:
    """The ticket takes ``state`` here, its SLA clocks recomputed (caller's transaction)."""
    from wishdesk.services.tickets import writer

    tickets.set_state(store, ticket_id, state)
    writer(store).refresh(ticket_id)


def _pending_change(store: Store, ticket_id: str) -> tuple[int, str] | None:
    """(id, kind) of the close or appeal of this ticket that waits for ``sync``, if any."""
    waiting = rows.pending_for_ticket(store, ticket_id)
    return next(((i, kind) for i, kind in waiting if kind in TICKET_STATE_FOR), None)


def _one_change_at_a_time(store: Store, ticket_id: str, kind: str) -> None:
    """While a close or appeal waits, no other one is queued: ``outbox cancel`` can then
    always put the ticket back exactly as it was."""
    found = _pending_change(store, ticket_id)
    if found is not None:
        item_id, waiting = found
        what = _ALREADY if waiting == kind else _FIRST
        raise UsageError(
            "{change} of ticket {ticket_id} {what}: outbox #{item_id}; `wishdesk sync` sends "
            "it, `wishdesk outbox cancel {item_id}` takes it back",
            change=_A[waiting],
            ticket_id=ticket_id,
            what=what,
            item_id=item_id,
        )


def queue_state_change(
    store: Store, ticket_id: str, kind: str, order_id: str | None, at: str
) -> int:
    """A close or an appeal, in the caller's transaction: refused where Wish would refuse it,
    or while another one waits for ``sync``; otherwise the ticket takes the state it asks
    for here at once (its SLA clocks stop), the state it had is kept on the item for
    ``outbox cancel``, and the item waits for ``sync``. Returns its id. (``close``,
    ``appeal`` and ``reply --close`` alike.)"""
    state = tickets.state(store, ticket_id) or ""
    _one_change_at_a_time(store, ticket_id, kind)
    refused = change_refused(kind, ticket_id, state)
    if refused is not None:
        raise refused
    move(store, ticket_id, TICKET_STATE_FOR[kind])
    return rows.add(
        store, kind=kind, ticket_id=ticket_id, order_id=order_id, body=None, at=at,
        prior_state=state,
    )  # fmt: skip


def release_state(store: Store, item: OutboxItem) -> None:
    """A close or appeal that will not reach Wish (cancelled, or refused by Wish): its ticket
    goes back to the state it had, unless something else has moved it since (caller's
    transaction)."""
    if item.kind not in TICKET_STATE_FOR or not item.ticket_id or not item.prior_state:
        return
    if tickets.state(store, item.ticket_id) == TICKET_STATE_FOR[item.kind]:
        move(store, item.ticket_id, item.prior_state)


def list_items(store: Store, statuses: Sequence[str]) -> list[OutboxItem]:
    """Items with these statuses; by default what still needs attention."""
    wanted: tuple[str, ...] = PENDING
    if statuses:
        if "any" in statuses:
            wanted = ()
        else:
            for s in statuses:
                if s not in STATUSES:
                    raise UsageError(
                        "unknown status {s!r}: use {choices} or any",
                        s=s,
                        choices=", ".join(STATUSES),
                    )
            wanted = tuple(statuses)
    return rows.with_status(store, wanted)


def _item(
    store: Store,
    item_id: int,
    allowed: Sequence[str] = (),
    refusal: str = "",
    *,
    lock: bool = False,
) -> OutboxItem:
    """The item, which must be in one of the ``allowed`` statuses (when given); else
    ``refusal`` (a template of ``item_id``, ``status_now`` and ``names``). With ``lock``,
    no sync can claim it until the caller's transaction ends."""
    found = rows.get(store, item_id, lock=lock)
    if found is None:
        raise NotFoundError("no outbox item #{item_id}", item_id=item_id)
    if allowed and found.status not in allowed:
        names: object = allowed[0]
        if len(allowed) > 1:
            names = Phrase("{first} or {last}", first=", ".join(allowed[:-1]), last=allowed[-1])
        raise UsageError(refusal, item_id=item_id, status_now=found.status, names=names)
    return found


def cancel(store: Store, item_id: int, now: datetime) -> OutboxItem:
    """Cancel an item that has not gone out. A cancelled reply leaves the thread and the
    ticket awaits the merchant again, its SLA clock running as before; a cancelled close or
    appeal puts the ticket back in the state it had."""
    with store.transaction():
        found = _item(store, item_id, lock=True)
        reply = found.kind == "reply" and found.message_id and found.ticket_id
        if reply and messages.origin(store, found.message_id or 0) == "wish":
            raise UsageError(
                "outbox item #{item_id} is already on Wish (its copy came back in an import "
                "or sync): there is nothing to cancel",
                item_id=item_id,
            )
        _item(store, item_id, CANCELLABLE, _NOT_CANCELLABLE)
        at = iso(now)
        rows.set_status(store, item_id, "cancelled", at, found.error)
        release_state(store, found)
        if reply and found.ticket_id and found.message_id:
            rows.cancel_close_with(store, found.ticket_id, found.created_at, at)
            messages.delete_local(store, found.message_id)
            state = "AWAITING_MERCHANT"
            change = _pending_change(store, found.ticket_id)
            if change is not None:  # an appeal queued after the reply keeps its state, and
                rows.set_prior_state(store, change[0], state)  # cancelling it gives it to you
                state = tickets.state(store, found.ticket_id) or state
            move(store, found.ticket_id, state)
    return _item(store, item_id)


def retry(store: Store, item_id: int, now: datetime) -> OutboxItem:
    """Queue a failed (or manual) item again; a close or appeal gives its ticket its state
    again, as when it was first queued (unless another one waits)."""
    with store.transaction():
        found = _item(store, item_id, RETRYABLE, _NOT_RETRYABLE, lock=True)
        ticket_id, target = found.ticket_id, TICKET_STATE_FOR.get(found.kind)
        if ticket_id and target:
            _one_change_at_a_time(store, ticket_id, found.kind)
        rows.set_status(store, item_id, "queued", iso(now))
        state = tickets.state(store, ticket_id) if ticket_id else None
        if ticket_id and target and state and state != target:
            rows.set_prior_state(store, item_id, state)
            move(store, ticket_id, target)
    return _item(store, item_id)
