"""The ``notes`` table: the merchant's internal remarks on a ticket, never sent."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wishdesk.store.db import Store


@dataclass(frozen=True, slots=True)
class Note:
    id: int
    ticket_id: str
    text: str
    author: str
    created_at: str

    def record(self) -> dict[str, Any]:
        """The documented JSON record (``show --json`` ``notes``)."""
        return {"text": self.text, "author": self.author, "created_at": self.created_at}


def add(store: Store, ticket_id: str, text: str, author: str, at: str) -> int:
    cursor = store.execute(
        "INSERT INTO notes (ticket_id, text, author, created_at) VALUES (?, ?, ?, ?)",
        (ticket_id, text, author, at),
    )
    return int(cursor.lastrowid or 0)


def for_ticket(store: Store, ticket_id: str) -> list[Note]:
    rows = store.all(
        "SELECT id, ticket_id, text, author, created_at FROM notes WHERE ticket_id = ? "
        "ORDER BY created_at, id",
        (ticket_id,),
    )
    return [Note(*row) for row in rows]
