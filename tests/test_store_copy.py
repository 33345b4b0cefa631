"""``store copy SRC DST``: a whole store moved between SQLite and PostgreSQL, either way, with
every table's rows kept, and a destination that is either the whole copy or as it was."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from wishdesk.store import schema

SECRET = "hunter2-not-for-output"
SEARCHES = ("refund", "tracking", "envio", "paquete")


def _rows_sqlite(db: Path) -> dict[str, Counter[Any]]:
    """Every table's rows by column name, read with SQLite alone (not the code under test):
    all tables but SQLite's own, the full-text ones (derived) and the migration record."""
    conn = sqlite3.connect(db)
    try:
        names = [
            name
            for name, sql in conn.execute("SELECT name, sql FROM sqlite_master WHERE type='table'")
            if not sql.startswith("CREATE VIRTUAL")
            and "_fts" not in name
            and not name.startswith(("sqlite_", "_sqlite_"))
        ]
        return {name: _multiset(conn.execute(f"SELECT * FROM {name}")) for name in names}
    finally:
        conn.close()


def _rows_pg(url: str) -> dict[str, Counter[Any]]:
    import psycopg

    with psycopg.connect(url) as conn:
        names = conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
            "AND tablename <> '_migrations'"
        ).fetchall()
        return {name: _multiset(conn.execute(f"SELECT * FROM {name}")) for (name,) in names}


def _multiset(cursor: Any) -> Counter[Any]:
    columns = [d[0] for d in cursor.description]
    return Counter(tuple(sorted(zip(columns, row, strict=True))) for row in cursor.fetchall())


def _busy_demo(run, db: Path) -> None:
    """A demo store that has rows in every table: notes, drafts, outbox, audit log, an
    assignment, settings, an attachment."""
    assert run("--db", str(db), "demo", "--quiet").exit_code == 0
    listed = json.loads(run("--db", str(db), "list", "-n", "0", "--json").stdout)
    first, second, third = (t["id"] for t in listed[:3])
    for args in (
        ["note", first, "-m", "Warehouse checks the parcel on Monday."],
        ["assign", first, "--to", "Ana"],
        ["reply", first, "-m", "Your parcel left our warehouse today.", "--yes"],
        ["appeal", second, "--reason", "The buyer insults our staff."],
        ["config", "set", "merchant.name", "Acme 商店"],
        ["snooze", third, "--until", "3bd"],
    ):
        result = run("--db", str(db), *args)
        assert result.exit_code == 0, (args, result.stderr)
    conn = sqlite3.connect(db, isolation_level=None)
    num, message = conn.execute(
        "SELECT t.num, m.id FROM tickets t JOIN messages m ON m.ticket_num = t.num LIMIT 1"
    ).fetchone()
    conn.execute(
        "INSERT INTO drafts (ticket_id, text, created_at, findings) VALUES (?, ?, ?, ?)",
        (first, "Kept for later: 'quoted' and 100% sure", "2026-11-26T06:00:00Z", "[]"),
    )
    conn.execute(
        "INSERT INTO attachments (message_id, ticket_num, ticket_id, position, file_name, url) "
        "VALUES (?, ?, ?, 0, 'photo.jpg', 'https://example.com/p.jpg')",
        (message, num, first),
    )
    conn.close()
    rows = _rows_sqlite(db)
    assert all(rows.values()), [name for name, found in rows.items() if not found]


def _with_password(url: str) -> str:
    """``url`` with a password in its user part (the test cluster trusts without one)."""
    scheme, rest = url.split("://", 1)
    user, host = rest.split("@", 1)
    return f"{scheme}://{user}:{SECRET}@{host}"


def _searched(run, db: Path | str) -> list[str]:
    return [run("--db", str(db), "list", "--search", w, "--format", "tsv").stdout for w in SEARCHES]


def test_a_demo_store_goes_to_postgresql_and_back_with_every_row(run, pg_url, tmp_path) -> None:
    src, back = tmp_path / "shop.db", tmp_path / "back.db"
    _busy_demo(run, src)
    there = run("store", "copy", str(src), _with_password(pg_url))
    assert there.exit_code == 0, there.stderr
    assert "the counts match" in there.stdout and SECRET not in there.stdout + there.stderr
    assert _rows_pg(pg_url) == _rows_sqlite(src)
    # the identities are past the copied ids: a new note, ticket row and outbox item take
    listed = json.loads(run("--db", pg_url, "list", "-n", "1", "--json").stdout)
    noted = run("--db", pg_url, "note", listed[0]["id"], "-m", "Second note, on the team store.")
    assert noted.exit_code == 0, noted.stderr
    replied = run("--db", pg_url, "reply", listed[0]["id"], "-m", "Checking now.", "--yes")
    assert replied.exit_code == 0, replied.stderr
    before = _rows_sqlite(src)
    assert run("--db", pg_url, "note", listed[0]["id"], "-m", "x").exit_code == 0
    back_again = run("store", "copy", pg_url, str(back))
    assert back_again.exit_code == 0, back_again.stderr
    assert _rows_sqlite(back) == _rows_pg(pg_url)
    for table in ("notes", "outbox", "audit_log"):  # what was added on PostgreSQL
        assert sum(_rows_sqlite(back)[table].values()) > sum(before[table].values())
    assert applied_migrations(back) == list(schema.MIGRATION_NAMES)


def test_sqlite_to_postgresql_to_sqlite_is_the_identity(run, pg_url, tmp_path) -> None:
    """Every table's row set is the same after the round trip, and search finds the same
    tickets (the full-text index of the copied messages is rebuilt)."""
    src, back = tmp_path / "shop.db", tmp_path / "sub" / "back.db"
    _busy_demo(run, src)
    assert run("store", "copy", str(src), pg_url).exit_code == 0
    result = run("store", "copy", pg_url, str(back))
    assert result.exit_code == 0, result.stderr
    assert _rows_sqlite(back) == _rows_sqlite(src)
    assert _searched(run, back) == _searched(run, src) == _searched(run, pg_url)
    assert all(_searched(run, src))
    assert back.stat().st_mode & 0o077 == 0
    assert sorted(p.name for p in back.parent.iterdir()) == ["back.db"]  # nothing left aside
    lines = result.stdout.splitlines()
    assert lines[0] == f"copied {_shown(pg_url)} to {back} (schema {schema.MIGRATION_NAMES[-1]})"
    counted = dict(line.split() for line in lines[2:-1])
    assert counted == {name: str(sum(rows.values())) for name, rows in _rows_sqlite(src).items()}


def _shown(url: str) -> str:
    from wishdesk.store.location import shown_url

    return shown_url(url)


def applied_migrations(db: Path) -> list[str]:
    """The schema steps a store file records, in the order they were applied."""
    with contextlib.closing(sqlite3.connect(db)) as conn:
        found = conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id").fetchall()
    return [name for (name,) in found]


def test_rows_move_in_batches_never_a_whole_table(run, tmp_path, monkeypatch) -> None:
    from wishdesk.store import store_copy

    monkeypatch.setattr(store_copy, "BATCH_ROWS", 64)
    seen: list[tuple[str, int]] = []
    batches = store_copy.SqliteSource.batches

    def watched(self: Any, table: Any) -> Any:
        for batch in batches(self, table):
            seen.append((table.name, len(batch)))
            yield batch

    monkeypatch.setattr(store_copy.SqliteSource, "batches", watched)
    src, dst = tmp_path / "shop.db", tmp_path / "copy.db"
    _busy_demo(run, src)
    assert run("store", "copy", str(src), str(dst)).exit_code == 0
    assert max(size for _, size in seen) == 64
    assert sum(1 for name, _ in seen if name == "messages") >= 1000 // 64
    assert _rows_sqlite(dst) == _rows_sqlite(src)


def test_a_non_empty_destination_is_refused_and_left_as_it_was(run, pg_url, tmp_path) -> None:
    src, full = tmp_path / "shop.db", tmp_path / "full.db"
    _busy_demo(run, src)
    assert run("--db", str(full), "init", "--timezone", "Europe/Paris").exit_code == 0
    before = full.read_bytes()
    result = run("store", "copy", str(src), str(full))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"wishdesk: {full} is not empty (its settings table has rows): `store copy` writes "
        "only into a new or empty store; it was left as it was\n"
    )
    assert full.read_bytes() == before
    assert run("store", "copy", str(src), pg_url).exit_code == 0
    rows = _rows_pg(pg_url)
    again = run("store", "copy", str(tmp_path / "shop.db"), _with_password(pg_url))
    assert again.exit_code == 2 and again.stderr.count("\n") == 1
    assert "is not empty" in again.stderr and SECRET not in again.stderr
    assert _rows_pg(pg_url) == rows


def test_a_database_that_is_not_a_store_is_refused(run, pg_url, tmp_path) -> None:
    import psycopg

    src = tmp_path / "shop.db"
    _busy_demo(run, src)
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE payroll (name text)")
    result = run("store", "copy", str(src), pg_url)
    assert result.exit_code == 2
    assert "is a PostgreSQL database but not a wishdesk store" in result.stderr
    assert set(_rows_pg(pg_url)) == {"payroll"}


def test_a_copy_that_fails_midway_leaves_postgresql_as_it_was(run, pg_url, tmp_path) -> None:
    """PostgreSQL takes no NUL in text, SQLite does: the messages table fails, after the
    tickets went in, and the database has no tables again (its schema steps went too)."""
    src = tmp_path / "shop.db"
    _busy_demo(run, src)
    conn = sqlite3.connect(src, isolation_level=None)
    last = "(SELECT max(id) FROM messages)"
    conn.execute(f"UPDATE messages SET text = ? WHERE id = {last}", ("half\x00way",))
    conn.close()
    result = run("store", "copy", str(src), _with_password(pg_url))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("wishdesk: store error: ") and SECRET not in result.stderr
    assert _rows_pg(pg_url) == {}


@pytest.mark.parametrize("to", ["sqlite", "postgres"])
def test_an_interrupted_copy_leaves_no_half_store(run, tmp_path, monkeypatch, to, request) -> None:
    from wishdesk.store import store_copy

    monkeypatch.setattr(store_copy, "BATCH_ROWS", 100)
    batches = store_copy.SqliteSource.batches

    def interrupted(self: Any, table: Any) -> Any:
        for i, batch in enumerate(batches(self, table)):
            if table.name == "messages" and i == 3:
                raise KeyboardInterrupt
            yield batch

    src = tmp_path / "shop.db"
    _busy_demo(run, src)
    monkeypatch.setattr(store_copy.SqliteSource, "batches", interrupted)
    dst = str(tmp_path / "new" / "copy.db") if to == "sqlite" else request.getfixturevalue("pg_url")
    result = run("store", "copy", str(src), dst)
    assert (result.exit_code, result.stderr) == (130, "wishdesk: interrupted\n")
    if to == "sqlite":
        assert list((tmp_path / "new").iterdir()) == []
    else:
        assert _rows_pg(dst) == {}


def test_counts_that_differ_are_an_error_and_nothing_is_copied(run, tmp_path, monkeypatch) -> None:
    from wishdesk.store import store_copy

    write = store_copy.SqliteTarget.write

    def losing(self: Any, table: Any, columns: Any, batches: Any) -> int:
        if table.name == "messages":
            batches = [batch[:-1] for batch in batches]  # one row of each batch lost
        write(self, table, columns, batches)
        return self.count(table.name)

    monkeypatch.setattr(store_copy.SqliteTarget, "write", losing)
    src, dst = tmp_path / "shop.db", tmp_path / "copy.db"
    _busy_demo(run, src)
    result = run("store", "copy", str(src), str(dst))
    assert result.exit_code == 2
    assert result.stderr.startswith("wishdesk: the copy does not match its source: messages has ")
    assert not dst.exists()


def test_a_table_the_destination_has_no_place_for_is_caught(run, tmp_path) -> None:
    src, dst = tmp_path / "shop.db", tmp_path / "copy.db"
    _busy_demo(run, src)
    conn = sqlite3.connect(src, isolation_level=None)
    conn.execute("CREATE TABLE widgets (id INTEGER PRIMARY KEY, label TEXT)")
    conn.execute("INSERT INTO widgets (label) VALUES ('one'), ('two')")
    conn.close()
    result = run("store", "copy", str(src), str(dst))
    assert result.exit_code == 2
    assert result.stderr == (
        f"wishdesk: the widgets table of {src} has no place in {dst} (its schema has no such "
        "table): nothing was copied\n"
    )
    assert not dst.exists()


@pytest.mark.parametrize("to", ["sqlite", "postgres"])
def test_a_table_a_new_migration_adds_is_copied(run, tmp_path, to, request) -> None:
    """Nothing lists the tables: one that both stores have (as a later schema step would
    add it) is copied with its rows, on either backend."""
    from wishdesk.store.db import open_store

    src = tmp_path / "shop.db"
    _busy_demo(run, src)
    conn = sqlite3.connect(src, isolation_level=None)
    conn.execute("CREATE TABLE widgets (id INTEGER PRIMARY KEY, label TEXT)")
    conn.execute("INSERT INTO widgets (label) VALUES ('one'), ('two'), ('三')")
    conn.close()
    if to == "sqlite":
        dst: str = str(tmp_path / "empty.db")
        open_store(Path(dst), create=True).close()
        made = sqlite3.connect(dst, isolation_level=None)
        made.execute("CREATE TABLE widgets (id INTEGER PRIMARY KEY, label TEXT)")
        made.close()
    else:
        from wishdesk.store.pg import open_pg_store

        dst = request.getfixturevalue("pg_url")
        store = open_pg_store(dst, create=True)
        store.execute("CREATE TABLE widgets (id BIGINT PRIMARY KEY, label TEXT)")
        store.close()
    result = run("store", "copy", str(src), dst)
    assert result.exit_code == 0, result.stderr
    assert "  widgets" in result.stdout
    got = _rows_sqlite(Path(dst)) if to == "sqlite" else _rows_pg(dst)
    assert got["widgets"] == _rows_sqlite(src)["widgets"]
    assert got == _rows_sqlite(src)


def test_an_older_source_is_migrated_and_both_end_at_the_same_step(run, tmp_path) -> None:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

    old, dst = tmp_path / "old.db", tmp_path / "copy.db"
    conn = sqlite3.connect(old, isolation_level=None)
    migrations = Migrations(schema.MIGRATION_SET)
    for fn in schema.MIGRATIONS[:-1]:
        migrations()(fn)
    migrations.apply(Database(conn))
    conn.execute(
        "INSERT INTO tickets (id, state, opened_at, updated_at, subject) VALUES ('5f01', "
        "'AWAITING_MERCHANT', '2026-11-20T08:00:00Z', '2026-11-20T08:00:00Z', 'Parcel?')"
    )
    conn.close()
    old.chmod(0o600)
    result = run("store", "copy", str(old), str(dst))
    assert result.exit_code == 0, result.stderr
    assert applied_migrations(old) == applied_migrations(dst) == list(schema.MIGRATION_NAMES)
    assert _rows_sqlite(dst) == _rows_sqlite(old)


def test_the_same_store_twice_is_refused(run, tmp_path) -> None:
    src = tmp_path / "shop.db"
    assert run("--db", str(src), "init").exit_code == 0
    result = run("store", "copy", str(src), str(tmp_path / "." / "shop.db"))
    assert (result.exit_code, result.stderr) == (
        2,
        "wishdesk: SRC and DST are the same store: nothing was copied\n",
    )


def test_a_missing_source_says_so_in_one_line(run, tmp_path) -> None:
    result = run("store", "copy", str(tmp_path / "none.db"), str(tmp_path / "copy.db"))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"wishdesk: no store at {tmp_path / 'none.db'}")
    assert not (tmp_path / "copy.db").exists()


def test_it_speaks_chinese(run, tmp_path) -> None:
    src, dst = tmp_path / "shop.db", tmp_path / "copy.db"
    _busy_demo(run, src)
    done = run("store", "copy", str(src), str(dst), LANG="zh_CN.UTF-8")
    assert done.exit_code == 0, done.stderr
    english = run("store", "copy", str(src), str(tmp_path / "copy2.db"))
    said, english_said = done.stdout.splitlines(), english.stdout.splitlines()
    assert len(said) == len(english_said) and said[0] != english_said[0]
    assert all(any("\u4e00" <= c <= "\u9fff" for c in line) for line in (said[0], said[-1]))
    refused = run("store", "copy", str(src), str(dst), LANG="zh_CN.UTF-8")
    assert refused.exit_code == 2 and "attachments" in refused.stderr
    assert any("\u4e00" <= c <= "\u9fff" for c in refused.stderr)
    helped = run("store", "copy", "--help", LANG="zh_CN.UTF-8")
    assert "wishdesk store copy store.db backup.db" in helped.stdout
    assert any("\u4e00" <= c <= "\u9fff" for c in helped.stdout)


def test_help_lists_it_with_examples(run) -> None:
    listed = run("--help").stdout
    assert "store" in listed
    helped = run("store", "copy", "--help")
    assert helped.exit_code == 0
    assert helped.stdout.count("  wishdesk store copy ") == 3
    assert "2 trouble (DST not empty, counts differ" in " ".join(helped.stdout.split())


@pytest.fixture
def other_pg(pg_server: str) -> Any:
    """A second empty database on the run's cluster, dropped after the test."""
    from pgfixtures import new_database

    with new_database(pg_server) as url:
        yield url


def test_postgresql_to_postgresql_names_neither_password(run, pg_url, other_pg, tmp_path) -> None:
    src = tmp_path / "shop.db"
    _busy_demo(run, src)
    assert run("store", "copy", str(src), pg_url).exit_code == 0
    result = run("store", "copy", _with_password(pg_url), _with_password(other_pg))
    assert result.exit_code == 0, result.stderr
    assert SECRET not in result.stdout + result.stderr
    assert result.stdout.startswith(f"copied {_shown(pg_url)} to {_shown(other_pg)} ")
    assert _rows_pg(other_pg) == _rows_pg(pg_url) == _rows_sqlite(src)


@pytest.mark.parametrize("source", ["sqlite", "postgres"])
def test_what_is_written_to_the_source_meanwhile_is_not_half_copied(
    run, tmp_path, monkeypatch, source, request
) -> None:
    """Agents go on working while the copy runs: it copies the source as it was when the
    copy began (one snapshot), and its counts match that."""
    from wishdesk.store import store_copy

    src_file = tmp_path / "shop.db"
    _busy_demo(run, src_file)
    src = str(src_file)
    if source == "postgres":
        src = request.getfixturevalue("pg_url")
        assert run("store", "copy", str(src_file), src).exit_code == 0
    expected = _rows_sqlite(src_file)
    listed = json.loads(run("--db", src, "list", "-n", "1", "--json").stdout)
    side = store_copy.SqliteSource if source == "sqlite" else _pg_source()
    batches = side.batches

    def busy(self: Any, table: Any) -> Any:
        for i, batch in enumerate(batches(self, table)):
            if table.name == "messages" and i == 0:
                for args in (["note", "-m", "Written during the copy."], ["assign", "--to", "Bo"]):
                    said = run("--db", src, args[0], listed[0]["id"], *args[1:])
                    assert said.exit_code == 0, said.stderr
            yield batch

    monkeypatch.setattr(store_copy, "BATCH_ROWS", 100)
    monkeypatch.setattr(side, "batches", busy)
    dst = tmp_path / "copy.db"
    result = run("store", "copy", src, str(dst))
    assert result.exit_code == 0, result.stderr
    assert _rows_sqlite(dst) == expected
    now = _rows_sqlite(src_file) if source == "sqlite" else _rows_pg(src)
    assert sum(now["notes"].values()) == sum(expected["notes"].values()) + 1


def _pg_source() -> Any:
    from wishdesk.store.store_copy_pg import PgSource

    return PgSource


@pytest.mark.parametrize("via", ["sqlite", "postgres"])
def test_memory_stays_a_few_batches_whatever_the_table(run, tmp_path, monkeypatch, via, request):
    """A messages table of about 9 MB is copied with far less than that traced at any
    moment: rows are read and written a batch at a time."""
    import tracemalloc

    from wishdesk.store import store_copy

    src = tmp_path / "shop.db"
    _busy_demo(run, src)
    conn = sqlite3.connect(src, isolation_level=None)
    conn.execute("UPDATE messages SET text = text || ' ' || hex(zeroblob(4000))")
    size = conn.execute("SELECT sum(length(text)) FROM messages").fetchone()[0]
    conn.close()
    assert size > 8_000_000
    monkeypatch.setattr(store_copy, "BATCH_ROWS", 50)
    src_arg, dst = str(src), str(tmp_path / "copy.db")
    if via == "postgres":
        dst = request.getfixturevalue("pg_url")
    assert run("store", "copy", str(src), str(tmp_path / "warm.db")).exit_code == 0  # imports
    tracemalloc.start()
    try:
        result = run("store", "copy", src_arg, dst)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.exit_code == 0, result.stderr
    assert peak < size / 4, f"{peak} bytes traced at most, for {size} bytes of messages"
    got = _rows_sqlite(Path(dst)) if via == "sqlite" else _rows_pg(dst)
    assert got == _rows_sqlite(src)


def test_rows_that_arrive_after_the_first_look_are_refused_too(run, tmp_path, monkeypatch) -> None:
    """The destination is looked at again inside the copy's transaction, once other writers
    wait: a store that was empty at first sight but is not by then is refused as well."""
    from wishdesk.store import store_copy

    src, dst = tmp_path / "shop.db", tmp_path / "copy.db"
    _busy_demo(run, src)
    assert run("--db", str(dst), "init", "--timezone", "Europe/Paris").exit_code == 0
    monkeypatch.setattr(store_copy, "_refuse_unless_empty", lambda path: None)  # not seen
    before = _rows_sqlite(dst)
    result = run("store", "copy", str(src), str(dst))
    assert result.exit_code == 2
    assert "is not empty (its settings table has rows)" in result.stderr
    assert _rows_sqlite(dst) == before
