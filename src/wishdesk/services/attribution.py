"""Who did what: the audit log entry each action on a ticket leaves (``reply``, ``close``,
``appeal``, ``assign``, ``tag``, ``note``, ``notify``), signed with the agent (``user.name``).

Read the agent's name before the write transaction (``agent()``: it reads this machine's
config file), then record inside it.
"""

from __future__ import annotations

from typing import Any

from wishdesk.store import audit_log
from wishdesk.store.db import Store


def agent() -> str:
    """The agent at this machine: ``user.name``, else the login name."""
    from wishdesk.services.config import user_name

    return user_name()


def record(
    store: Store,
    action: str,
    ticket_id: str | None,
    *,
    at: str,
    agent: str | None,
    outbox_id: int | None = None,
    reason: str | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """An audit log entry for ``action`` on the ticket (none for a notification about an
    order alone), by ``agent`` (caller's transaction)."""
    audit_log.add(
        store, at=at, action=action, ticket_id=ticket_id, outbox_id=outbox_id, rule=None,
        reason=reason, detail=detail or {}, agent=agent,
    )  # fmt: skip
