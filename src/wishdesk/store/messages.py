"""The ``messages`` table: each ticket's thread, Wish's copies and the replies written here.

A reply written here has origin ``local`` until Wish's copy of it comes back in an import or
a sync. Writers run inside the caller's transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from wishdesk.clock import iso
from wishdesk.domain.models import Message
from wishdesk.store.db import Store
from wishdesk.store.digest import digest


@dataclass(frozen=True, slots=True)
class MessageRow:
    id: int
    sender: str
    sent_at: str
    text: str
    files: str | None  # JSON list of {url, file_name}
    origin: str  # "wish", or "local" for a reply written here and not seen back yet

    def file_list(self) -> list[Any]:
        return json.loads(self.files) if self.files else []


@dataclass(frozen=True, slots=True)
class MerchantText:
    """A merchant text in the store: a thread message or an outbox body."""

    id: str  # "message:<id>" or "outbox:<id>"
    ticket_id: str | None
    order_id: str | None
    text: str
    at: str  # when it was sent; "" for an outbox body still queued
    agent: str | None = None  # who queued it here (the audit log's agent of its outbox item)


_THREAD = (
    "SELECT id, sender, sent_at, text, files, origin FROM messages "
    "WHERE ticket_num = (SELECT num FROM tickets WHERE id = ?) ORDER BY sent_at, id"
)
_INSERT_WISH = (
    "INSERT OR IGNORE INTO messages (ticket_num, ticket_id, sender, sent_at, text, files, "
    "digest, origin) VALUES (?, ?, ?, ?, ?, ?, ?, 'wish')"
)


def thread(store: Store, ticket_id: str) -> list[MessageRow]:
    """A ticket's messages, oldest first."""
    return [MessageRow(*row) for row in store.all(_THREAD, (ticket_id,))]


def senders_and_texts(store: Store, num: int) -> list[tuple[str, str, str]]:
    """(sender, sent_at, text) of a ticket's messages, oldest first (by row number)."""
    return store.conn.execute(
        "SELECT sender, sent_at, text FROM messages WHERE ticket_num = ? ORDER BY sent_at, id",
        (num,),
    ).fetchall()


def insert_from_wish(store: Store, num: int, ticket_id: str, messages: Iterable[Message]) -> int:
    """Wish's messages of a ticket; those already stored are left alone. Returns how many
    were new."""
    rows = [
        (
            num,
            ticket_id,
            m.sender,
            iso(m.sent_at),
            m.text,
            json.dumps([{"url": u, "file_name": n} for u, n in m.files], ensure_ascii=False)
            if m.files
            else None,
            digest(m.text),
        )
        for m in messages
    ]
    if not rows:
        return 0
    return store.conn.executemany(_INSERT_WISH, rows).rowcount


def count_from(store: Store, num: int, sender: str) -> int:
    """How many messages of a ticket this sender wrote."""
    row = store.conn.execute(
        "SELECT count(*) FROM messages WHERE ticket_num = ? AND sender = ?", (num, sender)
    ).fetchone()
    return int(row[0])


def local_replies(store: Store, num: int) -> list[tuple[int, str]]:
    """(id, text) of a ticket's replies written here and not seen back from Wish, oldest
    first."""
    return store.conn.execute(
        "SELECT id, text FROM messages WHERE ticket_num = ? AND origin = 'local' ORDER BY id",
        (num,),
    ).fetchall()


def adopt(store: Store, message_id: int, m: Message) -> None:
    """A local reply becomes Wish's copy of it (Wish's time and text)."""
    store.conn.execute(
        "UPDATE OR IGNORE messages SET sent_at = ?, text = ?, digest = ?, origin = 'wish' "
        "WHERE id = ?",
        (iso(m.sent_at), m.text, digest(m.text), message_id),
    )


def add_local(store: Store, ticket_id: str, text: str, at: str) -> int:
    """A merchant message written here, shown in the thread until Wish's copy replaces it."""
    cursor = store.execute(
        "INSERT INTO messages (ticket_num, ticket_id, sender, sent_at, text, digest, origin) "
        "SELECT num, id, 'MERCHANT', ?, ?, ?, 'local' FROM tickets WHERE id = ?",
        (at, text, digest(text), ticket_id),
    )
    if cursor.rowcount != 1:
        raise LookupError(f"no ticket {ticket_id} in the store")
    return int(cursor.lastrowid or 0)


def delete_local(store: Store, message_id: int) -> None:
    store.execute("DELETE FROM messages WHERE id = ? AND origin = 'local'", (message_id,))


def origin(store: Store, message_id: int) -> str | None:
    row = store.one("SELECT origin FROM messages WHERE id = ?", (message_id,))
    return None if row is None else str(row[0])


def merchant_times_since(store: Store, since: str) -> Iterator[str]:
    """When each merchant message since ``since`` was sent."""
    for row in store.rows(
        "SELECT sent_at FROM messages WHERE sender = 'MERCHANT' AND sent_at >= ?", (since,)
    ):
        yield row[0]


def merchant_texts(store: Store, since: str | None = None) -> Iterator[MerchantText]:
    """Merchant messages of every thread, oldest first; ``since`` is a store timestamp
    (text order is time order). ``agent``: who queued the reply that put a message there,
    where the audit log says (none for a message written on Wish itself)."""
    for row in store.rows(
        "SELECT id, ticket_id, text, sent_at, (SELECT a.agent FROM outbox o JOIN audit_log a "
        "ON a.outbox_id = o.id WHERE o.message_id = messages.id AND a.agent IS NOT NULL "
        "ORDER BY a.id LIMIT 1) FROM messages "
        "WHERE sender = 'MERCHANT' AND sent_at >= ? ORDER BY sent_at, id",
        (since or "",),
    ):
        yield MerchantText(f"message:{row[0]}", row[1], None, row[2] or "", row[3], row[4])
