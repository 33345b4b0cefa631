"""The ``attachments`` table: buyer photos of the messages, their links and downloads.

Writers run inside the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from wishdesk.clock import iso
from wishdesk.domain.attachments import PENDING
from wishdesk.domain.models import Message
from wishdesk.store.db import Store
from wishdesk.store.digest import digest


@dataclass(frozen=True, slots=True)
class AttachmentRow:
    id: int
    message_id: int
    ticket_id: str
    position: int
    file_name: str | None
    url: str | None
    served_at: str | None
    status: str
    attempts: int
    error: str | None
    sha256: str | None
    path: str | None  # the file's name under <data dir>/attachments/
    size: int | None
    content_type: str | None


_SELECT = (
    "a.id, a.message_id, a.ticket_id, a.position, a.file_name, a.url, a.served_at, a.status, "
    "a.attempts, a.error, a.sha256, a.path, a.size, a.content_type"
)
# A message is known by (ticket, time, sender, digest of its text): its unique index.
_REGISTER = (
    "INSERT INTO attachments (message_id, ticket_num, ticket_id, position, file_name, url, "
    "served_at, status, attempts) "
    "SELECT m.id, m.ticket_num, m.ticket_id, ?, ?, ?, ?, ?, 0 FROM messages m "
    "WHERE m.ticket_num = (SELECT num FROM tickets WHERE id = ?) AND m.sent_at = ? "
    "AND m.sender = ? AND m.digest = ? "
    "ON CONFLICT (message_id, position) DO UPDATE SET url = excluded.url, "
    "served_at = excluded.served_at, file_name = excluded.file_name "
    "WHERE attachments.status = 'pending'"
)


def register(store: Store, ticket_id: str, messages: Iterable[Message], served_at: str) -> None:
    """The photos of a ticket's messages as Wish just served them: new ones ``pending``, and
    the fresh link (and time) on those not downloaded yet."""
    rows = [
        (
            position,
            name,
            url,
            served_at,
            PENDING,
            ticket_id,
            iso(m.sent_at),
            m.sender,
            digest(m.text),
        )
        for m in messages
        for position, (url, name) in enumerate(m.files)
    ]
    if rows:
        store.conn.executemany(_REGISTER, rows)


def pending(store: Store, ticket_ids: Sequence[str] | None = None) -> list[AttachmentRow]:
    """Photos still to download: of these tickets, or of any ticket."""
    if ticket_ids is None:
        found = store.all(
            f"SELECT {_SELECT} FROM attachments a JOIN messages m ON m.id = a.message_id "
            "WHERE a.status = 'pending' ORDER BY m.sent_at, m.id, a.position"
        )
        return [AttachmentRow(*r) for r in found]
    out: list[AttachmentRow] = []
    for i in range(0, len(ticket_ids), 500):
        chunk = list(ticket_ids[i : i + 500])
        marks = ", ".join("?" for _ in chunk)
        found = store.all(
            f"SELECT {_SELECT} FROM attachments a JOIN messages m ON m.id = a.message_id "
            f"WHERE a.status = 'pending' AND a.ticket_id IN ({marks}) "
            "ORDER BY m.sent_at, m.id, a.position",
            chunk,
        )
        out += [AttachmentRow(*r) for r in found]
    return out


def for_ticket(store: Store, ticket_id: str) -> list[AttachmentRow]:
    """A ticket's photos, in thread order."""
    found = store.all(
        f"SELECT {_SELECT} FROM attachments a JOIN messages m ON m.id = a.message_id "
        "WHERE a.ticket_num = (SELECT num FROM tickets WHERE id = ?) "
        "ORDER BY m.sent_at, m.id, a.position",
        (ticket_id,),
    )
    return [AttachmentRow(*r) for r in found]


def saved(
    store: Store,
    attachment_id: int,
    *,
    sha256: str,
    path: str,
    size: int,
    content_type: str,
    at: str,
) -> None:
    store.conn.execute(
        "UPDATE attachments SET status = 'saved', sha256 = ?, path = ?, size = ?, "
        "content_type = ?, saved_at = ?, error = NULL, attempts = attempts + 1 WHERE id = ?",
        (sha256, path, size, content_type, at, attachment_id),
    )


def not_saved(store: Store, attachment_id: int, status: str, error: str) -> None:
    """A download that did not work: ``pending`` (tried again) or given up."""
    store.conn.execute(
        "UPDATE attachments SET status = ?, error = ?, attempts = attempts + 1 WHERE id = ?",
        (status, error, attachment_id),
    )
