"""What the outbox holds: the kinds of outgoing work and the statuses an item goes through.

``queued`` waits for ``sync``; ``sending`` is claimed (its request may be on its way);
``sent`` is done; ``failed`` means Wish said no (not retried until ``outbox retry``);
``manual`` is what the API cannot deliver (the merchant sends it from the dashboard);
``cancelled`` was taken back with ``outbox cancel``.
"""

from __future__ import annotations

KINDS = ("reply", "notification", "close", "appeal")
STATUSES = ("queued", "sending", "sent", "failed", "manual", "cancelled")
# What ``wishdesk outbox`` lists by default: what still waits, or needs the merchant.
PENDING = ("queued", "sending", "failed", "manual")
# Items ``outbox cancel`` takes back, and those ``outbox retry`` queues again.
CANCELLABLE = ("queued", "failed", "manual")
RETRYABLE = ("failed", "manual")
# The ticket state each state-change kind asks Wish for.
TICKET_STATE_FOR = {"close": "CLOSED", "appeal": "AWAITING_WISH"}
