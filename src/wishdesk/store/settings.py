"""The ``settings`` table: one key, one text value (the calendar, the SLA, the merchant's
name, and the sync watermark)."""

from __future__ import annotations

from collections.abc import Mapping

from wishdesk.store.db import Store

WATERMARK_KEY = "sync.tickets_watermark"


def load(store: Store) -> dict[str, str]:
    return dict(store.all("SELECT key, value FROM settings"))


def save(store: Store, values: Mapping[str, str]) -> None:
    """Write several keys in the caller's transaction (or one of their own)."""
    with store.transaction() as conn:
        conn.executemany(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            list(values.items()),
        )


def watermark(store: Store) -> str | None:
    """Where the next sync pull starts: the newest ``updated_at`` pulled so far."""
    row = store.one("SELECT value FROM settings WHERE key = ?", (WATERMARK_KEY,))
    return row[0] if row and row[0] else None


def advance_watermark(store: Store, value: str) -> None:
    """Move the watermark to ``value`` (UTC ISO text), never backwards. Caller's
    transaction."""
    store.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET "
        "value = excluded.value WHERE settings.value IS NULL OR excluded.value > settings.value",
        (WATERMARK_KEY, value),
    )
