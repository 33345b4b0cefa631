"""The ``drafts`` table: texts the linter blocked, kept so that nothing typed is lost."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from wishdesk.store.db import Store


@dataclass(frozen=True, slots=True)
class Draft:
    id: int
    ticket_id: str
    text: str
    created_at: str
    findings: str | None  # JSON list of the findings that blocked it

    def record(self) -> dict[str, Any]:
        """The documented JSON record (``show --json``)."""
        findings = json.loads(self.findings) if self.findings else []
        return {"text": self.text, "created_at": self.created_at, "findings": findings}


_SELECT = "SELECT id, ticket_id, text, created_at, findings FROM drafts"


def add(store: Store, ticket_id: str, text: str, at: str, findings: list[dict[str, Any]]) -> int:
    cursor = store.execute(
        "INSERT INTO drafts (ticket_id, text, created_at, findings) VALUES (?, ?, ?, ?)",
        (ticket_id, text, at, json.dumps(findings, ensure_ascii=False)),
    )
    return int(cursor.lastrowid or 0)


def latest(store: Store, ticket_id: str) -> Draft | None:
    row = store.one(f"{_SELECT} WHERE ticket_id = ? ORDER BY id DESC LIMIT 1", (ticket_id,))
    return None if row is None else Draft(*row)


def for_ticket(store: Store, ticket_id: str) -> list[Draft]:
    return [
        Draft(*row) for row in store.all(f"{_SELECT} WHERE ticket_id = ? ORDER BY id", (ticket_id,))
    ]


def clear(store: Store, ticket_id: str) -> None:
    store.execute("DELETE FROM drafts WHERE ticket_id = ?", (ticket_id,))
