"""``Store.rows``, the streamed read every listing goes through, on SQLite and on PostgreSQL:
all the rows in order, a batch at a time, with other statements (reads and whole write
transactions) free to run between two batches (``audit`` looks orders up while it reads the
merchant's messages): what any other way of streaming on PostgreSQL must keep."""

from __future__ import annotations

from typing import Any

import pytest

from wishdesk.errors import StoreError
from wishdesk.store import settings

KEYS = [f"k{i:02d}" for i in range(7)]


@pytest.fixture
def filled(backend: Any) -> Any:
    settings.save(backend, {key: f"100% {key} ?" for key in KEYS})
    return backend


def test_every_row_in_order_with_statements_and_writes_between_batches(filled: Any) -> None:
    seen = []
    rows = filled.rows("SELECT key, value FROM settings WHERE key >= ? ORDER BY key", ("k",), 2)
    for key, value in rows:
        seen.append((key, value))
        assert filled.one("SELECT value FROM settings WHERE key = ?", (key,)) == (value,)
        if key == "k02":
            with filled.transaction():
                filled.execute("UPDATE settings SET value = 'changed' WHERE key = 'k00'")
    assert seen == [(key, f"100% {key} ?") for key in KEYS]
    assert filled.transaction_number is None
    assert settings.load(filled)["k00"] == "changed"


def test_a_failing_query_is_a_store_error(filled: Any) -> None:
    with pytest.raises(StoreError):
        list(filled.rows("SELECT no_such_column FROM settings"))
    assert filled.one("SELECT count(*) FROM settings") == (len(KEYS),)  # still usable
