"""Settings rows: one key, one text value."""

from __future__ import annotations

from collections.abc import Mapping

from wishdesk.store.db import Store


def load(store: Store) -> dict[str, str]:
    return dict(store.execute("SELECT key, value FROM settings").fetchall())


def save(store: Store, values: Mapping[str, str]) -> None:
    """Write several keys in the caller's transaction (or one of their own)."""
    with store.transaction() as conn:
        conn.executemany(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            list(values.items()),
        )
