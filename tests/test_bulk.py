"""Bulk loading: a file large for the store builds the listing indexes once, at its end."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from wishdata import ticket, write_jsonl

from wishdesk.services import ingest
from wishdesk.store import bulk


def _indexes(db: Path) -> set[str]:
    conn = sqlite3.connect(db)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    finally:
        conn.close()


def _tickets(n: int, start: int = 0) -> list[dict]:
    return [
        ticket(
            f"{i:024x}",
            subject=f"Order {i} never came",
            opened_at=f"2026-11-{1 + i % 25:02d}T0{i % 10}:00:00Z",
            orders=[f"a{i:023x}"],
        )
        for i in range(start, start + n)
    ]


@pytest.fixture
def bulk_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times an import took the bulk path (the real one, recorded)."""
    calls: list[int] = []
    real = bulk.deferred_indexes

    @contextlib.contextmanager
    def recorded(store: bulk.Store) -> Iterator[None]:
        calls.append(1)
        with real(store):
            yield

    monkeypatch.setattr(bulk, "deferred_indexes", recorded)
    return calls


def test_bulk_path_is_taken_for_files_large_for_the_store(run, db_path, tmp_path, bulk_calls):
    assert run("init").exit_code == 0
    fresh = _indexes(db_path)
    assert set(bulk.DEFERRABLE_INDEXES) <= fresh

    first = write_jsonl(tmp_path / "first.jsonl", _tickets(40))
    assert run("import", str(first)).exit_code == 0
    assert len(bulk_calls) == 1  # an empty store: any file is large for it
    assert _indexes(db_path) == fresh

    small = write_jsonl(tmp_path / "small.jsonl", _tickets(3, start=40))
    assert small.stat().st_size // ingest.BYTES_PER_TICKET < 40
    assert run("import", str(small)).exit_code == 0
    assert len(bulk_calls) == 1  # 3 tickets into 40: row by row
    assert run("import", "-", input=small.read_bytes()).exit_code == 0
    assert len(bulk_calls) == 1  # stdin, size unknown, store not empty: row by row

    big = write_jsonl(tmp_path / "big.jsonl", _tickets(160, start=43))
    assert big.stat().st_size // ingest.BYTES_PER_TICKET >= 43
    assert run("import", str(big)).exit_code == 0
    assert len(bulk_calls) == 2  # 160 tickets into 43
    assert _indexes(db_path) == fresh

    # The rebuilt indexes answer: by order, by state and deadline, by opening time.
    by_order = run("list", "--order", f"a{50:023x}", "--format", "json")
    assert [t["id"] for t in json.loads(by_order.stdout)] == [f"{50:024x}"]
    listed = json.loads(run("list", "--limit", "0", "--format", "json").stdout)
    assert len(listed) == 203
    assert listed == sorted(listed, key=lambda t: (t["due_at"], t["opened_at"], t["id"]))


def test_a_rejected_file_keeps_the_indexes_and_imports_nothing(run, db_path, tmp_path, bulk_calls):
    assert run("init").exit_code == 0
    fresh = _indexes(db_path)
    records = [*_tickets(30), {"id": "bad", "state": "AWAITING_MERCHANT"}]
    result = run("import", str(write_jsonl(tmp_path / "bad.jsonl", records)))
    assert result.exit_code == 2
    assert len(bulk_calls) == 1
    assert _indexes(db_path) == fresh
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM tickets").fetchone()[0] == 0
    conn.close()


def test_demo_builds_its_indexes_once_and_keeps_them(run, db_path, bulk_calls) -> None:
    assert run("init").exit_code == 0
    fresh = _indexes(db_path)
    assert run("demo", "--tickets", "50").exit_code == 0
    assert run("demo", "--tickets", "20").exit_code == 0  # replaces the first demo
    assert len(bulk_calls) == 2
    assert _indexes(db_path) == fresh


@pytest.mark.parametrize(
    ("size", "stored", "large"),
    [
        (None, 0, True),
        (10, 0, True),
        (None, 1, False),
        (999_999, 1_000, False),
        (1_000_000, 1_000, True),
        (150_000_000, 100_000, True),
        (15_000_000, 100_000, False),
    ],
)
def test_what_counts_as_large_for_the_store(size, stored, large) -> None:
    assert ingest.large_for_store(size, stored) is large
