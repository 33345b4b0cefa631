"""Helpers shared by the sync tests."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

BOUNDS = ["inclusive", "exclusive"]  # how the fake reads updated_at_min/max


def sql(db: Path, query: str, params: Any = ()) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db)
    try:
        with conn:
            return conn.execute(query, params).fetchall()
    finally:
        conn.close()


def ensure_store(db: Path) -> None:
    from wishdesk.store.db import open_store

    open_store(db, create=True).close()


def queue_item(
    db: Path,
    kind: str,
    ticket_id: str | None = None,
    body: str | None = None,
    *,
    order_id: str | None = None,
    status: str = "queued",
    created_at: str = "2026-11-26T06:00:00Z",
) -> int:
    """An outbox row as the `reply` / `notify` commands create it."""
    ensure_store(db)
    conn = sqlite3.connect(db)
    try:
        with conn:
            cur = conn.execute(
                "INSERT INTO outbox (kind, ticket_id, order_id, body, status, created_at, "
                "attempts) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    kind,
                    ticket_id,
                    order_id,
                    body,
                    status,
                    created_at,
                    1 if status == "sending" else 0,
                ),
            )
            return int(cur.lastrowid or 0)
    finally:
        conn.close()


def item(db: Path, item_id: int) -> dict[str, Any]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        row = conn.execute("SELECT * FROM outbox WHERE id = ?", (item_id,)).fetchone()
        return dict(row)
    finally:
        conn.close()
