"""The SQL of ``wishdesk sync``: the pull watermark and the outbox items it pushes.

Outbox statuses written here: ``sending`` (claimed, the request may be on its way), ``sent``,
``failed`` (Wish said no; not retried), ``queued`` (back in the queue after a transient
failure) and ``manual`` (the API cannot deliver it).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from wishdesk.store.db import Store

WATERMARK_KEY = "sync.tickets_watermark"
PUSHED_KINDS = ("reply", "close", "appeal", "notification")


@dataclass(frozen=True)
class OutboxItem:
    id: int
    kind: str
    ticket_id: str | None
    order_id: str | None
    body: str | None
    status: str
    attempts: int


# Watermark -------------------------------------------------------------------------------
def watermark(store: Store) -> str | None:
    row = store.execute("SELECT value FROM settings WHERE key = ?", (WATERMARK_KEY,)).fetchone()
    return row[0] if row and row[0] else None


def advance_watermark(conn: sqlite3.Connection, value: str) -> None:
    """Move the watermark to ``value`` (UTC ISO text), never backwards. Caller's transaction."""
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET "
        "value = excluded.value WHERE settings.value IS NULL OR excluded.value > settings.value",
        (WATERMARK_KEY, value),
    )


# What the store already holds ------------------------------------------------------------
def _chunks(values: list[str], size: int = 500) -> Iterable[list[str]]:
    for i in range(0, len(values), size):
        yield values[i : i + size]


def ticket_versions(store: Store, ids: Iterable[str]) -> dict[str, str]:
    """``{ticket id: stored updated_at}`` for the ids the store holds."""
    out: dict[str, str] = {}
    for chunk in _chunks(sorted(set(ids))):
        marks = ", ".join("?" for _ in chunk)
        out.update(
            store.execute(
                f"SELECT id, updated_at FROM tickets WHERE id IN ({marks})", chunk
            ).fetchall()
        )
    return out


def orders_present(store: Store, ids: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for chunk in _chunks(sorted(set(ids))):
        marks = ", ".join("?" for _ in chunk)
        out.update(
            r[0] for r in store.execute(f"SELECT id FROM orders WHERE id IN ({marks})", chunk)
        )
    return out


# Outbox ----------------------------------------------------------------------------------
_ITEM_COLUMNS = "id, kind, ticket_id, order_id, body, status, COALESCE(attempts, 0)"


def items(store: Store, statuses: tuple[str, ...]) -> list[OutboxItem]:
    """Outbox items of the pushed kinds in ``statuses``, oldest first."""
    marks = ", ".join("?" for _ in statuses)
    kinds = ", ".join("?" for _ in PUSHED_KINDS)
    rows = store.execute(
        f"SELECT {_ITEM_COLUMNS} FROM outbox WHERE status IN ({marks}) AND kind IN ({kinds}) "
        "ORDER BY id",
        (*statuses, *PUSHED_KINDS),
    ).fetchall()
    return [OutboxItem(*row) for row in rows]


def claim(store: Store, item_id: int, now: str) -> bool:
    """``queued`` -> ``sending``, attempts + 1, committed before the request goes out.

    False when the item is no longer queued (cancelled meanwhile, or another sync took it).
    """
    with store.transaction() as conn:
        cur = conn.execute(
            "UPDATE outbox SET status = 'sending', attempts = COALESCE(attempts, 0) + 1, "
            "updated_at = ? WHERE id = ? AND status = 'queued'",
            (now, item_id),
        )
        return cur.rowcount == 1


def settle(
    store: Store,
    item_id: int,
    status: str,
    *,
    now: str,
    sent_at: str | None = None,
    error: str | None = None,
    request_id: str | None = None,
    expect: str = "sending",
) -> None:
    """Record the outcome of an item that is in status ``expect``."""
    with store.transaction() as conn:
        conn.execute(
            "UPDATE outbox SET status = ?, sent_at = COALESCE(?, sent_at), error = ?, "
            "request_id = COALESCE(?, request_id), updated_at = ? WHERE id = ? AND status = ?",
            (status, sent_at, error, request_id, now, item_id, expect),
        )


def sent_reply_bodies(store: Store, ticket_id: str, exclude: int) -> list[str]:
    """Bodies of the replies to ``ticket_id`` already marked sent (other than ``exclude``)."""
    return [
        r[0] or ""
        for r in store.execute(
            "SELECT body FROM outbox WHERE ticket_id = ? AND kind = 'reply' AND status = 'sent' "
            "AND id != ?",
            (ticket_id, exclude),
        )
    ]
