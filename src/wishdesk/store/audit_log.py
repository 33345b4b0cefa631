"""The ``audit_log`` table: what was done to a ticket, by which agent (``user.name``), and,
against the linter's advice, why."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from wishdesk.store.db import Store


@dataclass(frozen=True, slots=True)
class AuditEntry:
    at: str
    action: str  # override, reply, close, appeal, assign, tag, note, notify
    outbox_id: int | None
    rule: str | None
    reason: str | None
    agent: str | None = None  # who did it (null before m009)

    def record(self) -> dict[str, Any]:
        """The documented JSON record (``show --json``)."""
        return {
            "at": self.at,
            "action": self.action,
            "outbox_id": self.outbox_id,
            "rule": self.rule,
            "reason": self.reason,
            "agent": self.agent,
        }


def add(
    store: Store,
    *,
    at: str,
    action: str,
    ticket_id: str | None,
    outbox_id: int | None,
    rule: str | None,
    reason: str | None,
    detail: dict[str, Any],
    agent: str | None = None,
) -> None:
    store.execute(
        "INSERT INTO audit_log (at, action, ticket_id, outbox_id, rule, reason, detail, agent) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            *(at, action, ticket_id, outbox_id, rule, reason),
            json.dumps(detail, ensure_ascii=False),
            agent,
        ),
    )


def for_ticket(store: Store, ticket_id: str) -> list[AuditEntry]:
    rows = store.all(
        "SELECT at, action, outbox_id, rule, reason, agent FROM audit_log WHERE ticket_id = ? "
        "ORDER BY id",
        (ticket_id,),
    )
    return [AuditEntry(*row) for row in rows]
