"""What the outbox holds: the kinds of outgoing work and the statuses an item goes through.

``queued`` waits for ``sync``; ``sending`` is claimed (its request may be on its way);
``sent`` is done; ``failed`` means Wish said no (not retried until ``outbox retry``);
``manual`` is what the API cannot deliver (the merchant sends it from the dashboard);
``cancelled`` was taken back with ``outbox cancel``.
"""

from __future__ import annotations

from wishdesk.errors import UsageError

KINDS = ("reply", "notification", "close", "appeal")
STATUSES = ("queued", "sending", "sent", "failed", "manual", "cancelled")
# What ``wishdesk outbox`` lists by default: what still waits, or needs the merchant.
PENDING = ("queued", "sending", "failed", "manual")
# Items ``outbox cancel`` takes back, and those ``outbox retry`` queues again.
CANCELLABLE = ("queued", "failed", "manual")
RETRYABLE = ("failed", "manual")
# The ticket state each state-change kind asks Wish for.
TICKET_STATE_FOR = {"close": "CLOSED", "appeal": "AWAITING_WISH"}
# The ticket states Wish moves with each state change (PUT /api/v3/tickets/{id}): a closed
# ticket is only re-opened, never appealed; a permanently closed one never moves.
CHANGES_FROM = {
    "close": ("AWAITING_MERCHANT", "AWAITING_USER", "AWAITING_WISH"),
    "appeal": ("AWAITING_MERCHANT", "AWAITING_USER"),
}


def change_refused(kind: str, ticket_id: str, state: str) -> UsageError | None:
    """Why Wish would refuse this state change of a ticket in ``state``; None if it takes it."""
    if state in CHANGES_FROM[kind]:
        return None
    if state == "PERMANENTLY_CLOSED":
        return UsageError(
            "ticket {ticket_id} is PERMANENTLY_CLOSED: Wish never changes it again",
            ticket_id=ticket_id,
        )
    if state == TICKET_STATE_FOR[kind]:
        if kind == "close":
            return UsageError(
                "ticket {ticket_id} is already closed ({state})", ticket_id=ticket_id, state=state
            )
        return UsageError(
            "ticket {ticket_id} is already with Wish support ({state})",
            ticket_id=ticket_id,
            state=state,
        )
    if state == "CLOSED":
        return UsageError(
            "ticket {ticket_id} is CLOSED: Wish takes an appeal only for an open ticket",
            ticket_id=ticket_id,
        )
    return UsageError(
        "ticket {ticket_id} is {state}: Wish does not say it can be moved from there",
        ticket_id=ticket_id,
        state=state,
    )
