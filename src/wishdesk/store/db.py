"""Opening the store: file mode, WAL, busy timeout, migrations, transactions."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from wishdesk.errors import Phrase, StoreError
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
    if isinstance(exc, sqlite3.Error):
        return _store_error(exc)
    pg = sys.modules.get("wishdesk.store.pg")  # loaded only when a PostgreSQL store was
    return pg.failure(exc) if pg else None


def _store_error(exc: sqlite3.Error) -> StoreError:
    return StoreError("store error: {reason}", reason=_explain(exc))


def _explain(exc: sqlite3.Error) -> str:
    """What a database exception means for the user, in words (SQLite's own, for what it
    does not say better)."""
    text = str(exc)
    code = getattr(exc, "sqlite_errorname", "") or ""
    if code == "SQLITE_FULL" or "disk is full" in text:
        return Phrase(
            "the disk is full (database or disk is full): the change being written was "
            "rolled back; free some space and try again"
        )
    if code.startswith("SQLITE_READONLY") or "readonly database" in text:
        return Phrase(
            "the store is read-only (its file or its directory cannot be written), and this "
            "command needs to write to it"
        )
    if isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text):
        return Phrase("the store is busy (another wishdesk is writing); try again")
    return text


@contextlib.contextmanager
def translated() -> Iterator[None]:
    """Database exceptions raised inside become ``StoreError``; so does text that SQLite
    cannot take (a lone surrogate: bytes that were not UTF-8, or half an emoji)."""
    try:
        yield
    except sqlite3.Error as exc:
        raise _store_error(exc) from exc
    except UnicodeEncodeError as exc:
        if "surrogates not allowed" not in str(exc):
            raise
        raise StoreError(
            "store error: text that is not valid UTF-8 can be neither stored nor looked "
            "up (character {position} is a lone surrogate: bytes that were not UTF-8, "
            "or half an emoji)",
            position=exc.start + 1,
        ) from None


class Store:
    """One open store: a sqlite3 connection in autocommit mode with explicit transactions.
    Every database exception leaves it as a ``StoreError``."""

    backend = "sqlite"  # or "postgres" (store/pg.py): for what only one of them has

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self.location = str(path)  # where it is, as it may be shown
        self.read_only: str | Phrase = (
            ""  # why it was opened read-only ("the disk is full", ...), if it was
        )
        self._write_cache = False
        self.bulk_loading = False  # inside ``bulk.deferred_indexes``: some indexes are gone
        self._transactions = 0

    @property
    def transaction_number(self) -> int | None:
        """Which write transaction of this connection is open (they are numbered from 1),
        or None outside one: what is read inside stays true until it ends."""
        return self._transactions if self.conn.in_transaction else None

    def execute(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        with translated():
            return self.conn.execute(sql, params)

    def executemany(self, sql: str, rows: Any) -> sqlite3.Cursor:
        with translated():
            return self.conn.executemany(sql, rows)

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
        if self.read_only:
            raise StoreError(
                "store error: the store can only be read now ({read_only}), and this "
                "command needs to write to it",
                read_only=self.read_only,
            )
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
            self.conn.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        """Undo the open transaction, if SQLite has not already (it rolls back by itself
        after some errors, a full disk among them): the error that caused it is the one the
        user must read, not "cannot rollback - no transaction is active"."""
        if self.conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")

    def close(self) -> None:
        self.conn.close()


_SQLITE_HEADER = b"SQLite format 3\x00"
_ROOM_TO_WRITE = 1 << 20  # bytes free below which a store that fails to open is read only


def _create(path: Path) -> None:
    """A new store at ``path``, made whole beside it and then linked into place, so that no
    wishdesk ever sees a half-made store (or mistakes an empty file for one). When another
    wishdesk creates it at the same moment, theirs is kept."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".new", dir=path.parent)
    os.close(fd)  # mode 0600
    aside = Path(name)
    try:
        conn = sqlite3.connect(name, isolation_level=None)
        try:
            # A rollback journal while it is made: each migration is in the file once it
            # commits, or fails with SQLite's error (a full disk says so). In WAL mode the
            # schema would sit in the -wal file until the checkpoint at close, which fails
            # without a word on a full disk; the store is switched to WAL when opened.
            conn.execute("PRAGMA journal_mode = DELETE")
            from sqlite_utils import Database

            schema.apply(Database(conn))
        finally:
            conn.close()
        _link(aside, path)
    finally:
        for leftover in (aside, Path(f"{name}-wal"), Path(f"{name}-shm")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


def _link(made: Path, path: Path) -> None:
    try:
        os.link(made, path)
    except FileExistsError:
        return  # another wishdesk made it first
    except OSError:  # no hard links here: create the file exclusively and fill it
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        except FileExistsError:
            return
        with os.fdopen(fd, "wb") as out:
            out.write(made.read_bytes())


def check_file(path: Path) -> None:
    """Refuse what is not a store before anything touches it (its mode included)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(_SQLITE_HEADER))
    except IsADirectoryError:
        raise StoreError("{path} is a directory, not a wishdesk store", path=path) from None
    except OSError as exc:
        raise StoreError(
            "cannot read the store at {path}: {reason}", path=path, reason=exc.strerror or exc
        ) from None
    if not head:
        wal = Path(f"{path}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            return  # a store whose pages are all still in its write-ahead log
        raise StoreError(
            "{path} is an empty file, not a wishdesk store: remove it, or give another --db",
            path=path,
        )
    if head != _SQLITE_HEADER:
        raise StoreError(
            "{path} is not a wishdesk store (not an SQLite database); it was left as it was",
            path=path,
        )


def _tighten(path: Path) -> None:
    """A store made readable by others (a copy, a restore) is made private again."""
    for file in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            if file.stat().st_mode & 0o077:
                os.chmod(file, 0o600)
        except OSError:
            pass  # missing, or not ours to change: SQLite reports what matters


def applied_migrations(conn: sqlite3.Connection) -> set[str]:
    try:
        rows = conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", (schema.MIGRATION_SET,)
        ).fetchall()
    except sqlite3.OperationalError:
        return set()
    return {row[0] for row in rows}


def _connect(path: Path, uri: str | None = None) -> sqlite3.Connection:
    conn = sqlite3.connect(
        uri or str(path), isolation_level=None, check_same_thread=False, uri=uri is not None
    )
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        conn.close()
        raise
    return conn


def connect_read_only(path: Path) -> sqlite3.Connection:
    """The store where neither it nor its directory can be written: readers still work.
    Without its ``-shm`` file SQLite can only read it as ``immutable`` (nobody can write
    it then either: a writer needs the directory too)."""
    import urllib.parse

    base = "file:" + urllib.parse.quote(str(path.absolute()))
    try:
        return _connect(path, base + "?mode=ro")
    except sqlite3.OperationalError:
        return _connect(path, base + "?mode=ro&immutable=1")


def check_schema(conn: sqlite3.Connection, path: Path) -> set[str]:
    """The migrations the store has; refuses a store from a newer wishdesk, and an SQLite
    database that is not a store at all."""
    applied = applied_migrations(conn)
    newer = sorted(applied - set(schema.MIGRATION_NAMES))
    if newer:
        raise StoreError(
            "the store at {path} was made by a newer wishdesk (it has migration "
            "{migration}, which this one does not know): upgrade wishdesk",
            path=path,
            migration=newer[-1],
        )
    if not applied and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
        raise StoreError(
            "{path} is an SQLite database but not a wishdesk store; it was left as it was",
            path=path,
        )
    return applied


def open_store(path: Path, *, create: bool = False) -> Store:
    """Open (or, with ``create``, create) the store at ``path`` and bring its schema up to date.

    Raises ``StoreError`` when the file is missing (and ``create`` is false), is not a
    wishdesk store (empty, not SQLite, another program's database, a newer wishdesk's), or
    cannot be migrated. A store that cannot be written is opened read-only.
    """
    if not path.exists():
        if not create:
            raise StoreError(
                "no store at {path}: run `wishdesk init`, `wishdesk import` or `wishdesk demo`",
                path=path,
            )
        try:
            _create(path)
        except OSError as exc:
            raise StoreError(
                "cannot create the store at {path}: {reason}", path=path, reason=exc.strerror
            ) from None
        except sqlite3.Error as exc:
            raise StoreError(
                "cannot create the store at {path}: {reason}", path=path, reason=_explain(exc)
            ) from None
    check_file(path)
    read_only = ""
    try:
        try:
            conn = _connect(path)
        except sqlite3.OperationalError:
            read_only = _unwritable(path)
            if not read_only:
                raise
            conn = connect_read_only(path)
        try:
            applied = check_schema(conn, path)  # before anything is written to the file
            if not read_only and conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            if not set(schema.MIGRATION_NAMES) <= applied:
                if read_only:
                    raise StoreError(
                        "the store at {path} needs an upgrade, but it can only be read now "
                        "({read_only})",
                        path=path,
                        read_only=read_only,
                    )
                from sqlite_utils import Database

                schema.apply(Database(conn))
        except BaseException:
            conn.close()
            raise
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            "cannot open the store at {path}: {reason}", path=path, reason=_explain(exc)
        ) from None
    if not read_only:
        _tighten(path)
    store = Store(conn, path)
    store.read_only = read_only
    return store


def _unwritable(path: Path) -> str:
    """Why the store cannot be written (so that it is opened for reading), or ""."""
    if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        return Phrase("its file or its directory cannot be written")
    try:
        disk = os.statvfs(path.parent)
    except (OSError, AttributeError):  # no statvfs on Windows
        return ""
    if disk.f_bavail * disk.f_frsize < _ROOM_TO_WRITE:
        return Phrase("the disk is full")
    return ""
