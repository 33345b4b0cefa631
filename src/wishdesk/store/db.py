"""Opening the store: file mode, WAL, busy timeout, migrations, transactions."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from wishdesk.errors import StoreError
from wishdesk.store import schema

BUSY_TIMEOUT_MS = 30_000
WRITE_CACHE_KIB = 48 * 1024
# Messages written in a transaction join the full-text index just before it commits: one
# bulk insert instead of a trigger per row. The highest indexed rowid is in FTS5's own
# docsize table, so nothing else has to remember where indexing stopped.
_INDEX_NEW_MESSAGES = (
    "INSERT INTO messages_fts (rowid, text) SELECT id, text FROM messages "
    "WHERE id > coalesce((SELECT max(id) FROM messages_fts_docsize), 0) ORDER BY id"
)


def failure(exc: BaseException) -> StoreError | None:
    """The store's own error for a database exception (None for anything else): what the
    user reads, without the layers above having to know SQLite."""
    return _store_error(exc) if isinstance(exc, sqlite3.Error) else None


def _store_error(exc: sqlite3.Error) -> StoreError:
    text = str(exc)
    if isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text):
        text = "the store is busy (another wishdesk is writing); try again"
    return StoreError(f"store error: {text}")


@contextlib.contextmanager
def translated() -> Iterator[None]:
    """Database exceptions raised inside become ``StoreError``."""
    try:
        yield
    except sqlite3.Error as exc:
        raise _store_error(exc) from exc


class Store:
    """One open store: a sqlite3 connection in autocommit mode with explicit transactions.
    Every database exception leaves it as a ``StoreError``."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self._write_cache = False
        self._transactions = 0

    @property
    def transaction_number(self) -> int | None:
        """Which write transaction of this connection is open (they are numbered from 1),
        or None outside one: what is read inside stays true until it ends."""
        return self._transactions if self.conn.in_transaction else None

    def execute(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        try:
            return self.conn.execute(sql, params)
        except sqlite3.Error as exc:
            raise _store_error(exc) from exc

    def executemany(self, sql: str, rows: Any) -> sqlite3.Cursor:
        try:
            return self.conn.executemany(sql, rows)
        except sqlite3.Error as exc:
            raise _store_error(exc) from exc

    def rows(self, sql: str, params: Any = (), size: int = 1000) -> Iterator[tuple[Any, ...]]:
        """The rows of a query, streamed ``size`` at a time."""
        with translated():
            cursor = self.conn.execute(sql, params)
            while batch := cursor.fetchmany(size):
                yield from batch

    def one(self, sql: str, params: Any = ()) -> tuple[Any, ...] | None:
        """The first row of a query, or None."""
        with translated():
            row: tuple[Any, ...] | None = self.conn.execute(sql, params).fetchone()
            return row

    def all(self, sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
        with translated():
            return self.conn.execute(sql, params).fetchall()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction, taken at once (``BEGIN IMMEDIATE``) so that concurrent
        writers queue on the busy timeout instead of failing mid-way. Rolls back on any
        exception, so nothing is ever half-written."""
        if self.conn.in_transaction:
            yield self.conn
            return
        with translated():
            yield from self._transaction()

    def _transaction(self) -> Iterator[sqlite3.Connection]:
        if not self._write_cache:
            # Writers get a page cache large enough for the indexes a big import touches
            # (ticket ids are random, so their B-tree pages are too). Readers keep SQLite's
            # small default: filling a big cache costs a short command more than it saves.
            self.conn.execute(f"PRAGMA cache_size = -{WRITE_CACHE_KIB}")
            self._write_cache = True
        self.conn.execute("BEGIN IMMEDIATE")
        self._transactions += 1
        try:
            yield self.conn
            self.conn.execute(_INDEX_NEW_MESSAGES)
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()


def _create_private_file(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


def _tighten(path: Path) -> None:
    """A store made readable by others (a copy, a restore) is made private again."""
    for file in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            if file.stat().st_mode & 0o077:
                os.chmod(file, 0o600)
        except OSError:
            pass  # missing, or not ours to change: SQLite reports what matters


def _applied(conn: sqlite3.Connection) -> set[str]:
    try:
        rows = conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", (schema.MIGRATION_SET,)
        ).fetchall()
    except sqlite3.OperationalError:
        return set()
    return {row[0] for row in rows}


def open_store(path: Path, *, create: bool = False) -> Store:
    """Open (or, with ``create``, create) the store at ``path`` and bring its schema up to date.

    Raises ``StoreError`` when the file is missing (and ``create`` is false), is not a
    SQLite database, or cannot be migrated.
    """
    if not path.exists():
        if not create:
            raise StoreError(
                f"no store at {path}: run `wishdesk init`, `wishdesk import` or `wishdesk demo`"
            )
        try:
            _create_private_file(path)
        except OSError as exc:
            raise StoreError(f"cannot create the store at {path}: {exc.strerror}") from None
    _tighten(path)
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        if not set(schema.MIGRATION_NAMES) <= _applied(conn):
            from sqlite_utils import Database

            schema.apply(Database(conn))
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot open the store at {path}: {exc}") from None
    return Store(conn, path)
