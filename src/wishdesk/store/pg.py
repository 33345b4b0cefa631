"""Opening a team store on PostgreSQL (``--db postgresql://...``): the same ``Store`` calls
as the SQLite one, over psycopg. Imported only for such a URL, and psycopg only from here.

The URL's password (if one was given in it) never reaches output or errors: the URL is
shown as ``location.shown_url`` makes it, and the driver's messages are scrubbed of it.
"""

from __future__ import annotations

import contextlib
import os
import random
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from wishdesk.errors import StoreError
from wishdesk.store import dialect, pg_schema
from wishdesk.store.db import Store
from wishdesk.store.location import shown_url
from wishdesk.store.schema import MIGRATION_NAMES

# Writers queue on this advisory lock for the length of their transaction, as SQLite's
# writers do on BEGIN IMMEDIATE: what a transaction reads stays true until it commits.
WRITE_LOCK_KEY = pg_schema.LOCK_KEY - 1
CONNECT_TIMEOUT_S = 10
# What PostgreSQL may undo a transaction with, to be run again: a serialisation failure and a
# deadlock. ``PgStore.retrying`` runs its work again, so neither reaches a user.
RETRIED_STATES = frozenset({"40001", "40P01"})
RETRIES = 40  # about 4 s of waiting in all, the last waits 0.2 s at most

T = TypeVar("T")


def _secrets(url: str) -> list[str]:
    found = [os.environ.get("PGPASSWORD", "")]
    with contextlib.suppress(Exception):
        from psycopg.conninfo import conninfo_to_dict

        found.append(str(conninfo_to_dict(url).get("password") or ""))
    # libpq never quotes a password back; this is for a driver that would. A very short
    # one is left alone: replacing every "a" in a message would say nothing readable.
    return [s for s in found if len(s) >= 4]


def scrubbed_reason(exc: BaseException, url: str) -> str:
    """The driver's message on one line, without any password."""
    text = "; ".join(line.strip() for line in str(exc).splitlines() if line.strip())
    for secret in _secrets(url):
        text = text.replace(secret, "***")
    return text or type(exc).__name__


def failure(exc: BaseException) -> StoreError | None:
    """The store's own error for a psycopg exception (None for anything else)."""
    psycopg = sys.modules.get("psycopg")  # None when the driver is missing
    if psycopg is None or not isinstance(exc, psycopg.Error):
        return None
    return _error(exc)


class ConflictError(StoreError):
    """PostgreSQL undid the transaction to resolve a deadlock or a serialisation conflict:
    ``PgStore.retrying`` runs it again."""


def _error(exc: Any, url: str | None = None) -> StoreError:
    kind = ConflictError if getattr(exc, "sqlstate", None) in RETRIED_STATES else StoreError
    return kind("store error: {reason}", reason=scrubbed_reason(exc, url or _current_url))


_current_url = ""  # the open store's URL: what error messages must not leak


@contextlib.contextmanager
def translated(url: str | None = None) -> Iterator[None]:
    """psycopg's errors as the store's, without the password of ``url`` (by default the
    open store's)."""
    import psycopg

    try:
        yield
    except psycopg.Error as exc:
        raise _error(exc, url) from None


@contextlib.contextmanager
def begun(raw: Any, *, locked: bool) -> Iterator[None]:
    """One transaction on the psycopg connection ``raw`` (holding the store's write lock
    when ``locked``): committed at the end, rolled back on any exception."""
    raw.execute("BEGIN")
    try:
        if locked:
            raw.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK_KEY,))
        yield
        raw.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(Exception):
            raw.execute("ROLLBACK")
        raise


class PgCursor:
    """A psycopg cursor with what the store modules read of SQLite's: ``rowcount``, the
    rows, and ``lastrowid`` (the identity value the session's last insert took)."""

    __slots__ = ("_cursor", "_raw")

    def __init__(self, cursor: Any, raw: Any) -> None:
        self._cursor = cursor
        self._raw = raw

    @property
    def rowcount(self) -> int:
        return int(self._cursor.rowcount) if self._cursor is not None else 0

    @property
    def lastrowid(self) -> int | None:
        if self.rowcount < 1:  # nothing inserted (lastval() would be another statement's)
            return None
        with translated():
            return int(self._raw.execute("SELECT lastval()").fetchone()[0])

    def fetchone(self) -> Any:
        return self._cursor.fetchone() if self._cursor is not None else None

    def fetchall(self) -> list[Any]:
        return self._cursor.fetchall() if self._cursor is not None else []

    def fetchmany(self, size: int) -> list[Any]:
        return self._cursor.fetchmany(size) if self._cursor is not None else []

    def __iter__(self) -> Iterator[Any]:
        return iter(self.fetchall())


class PgConnection:
    """A psycopg connection that takes the store's SQL (``?`` parameters, SQLite's
    insert-or-ignore): what store modules reach as ``store.conn``."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw

    def execute(self, sql: str, params: Any = ()) -> PgCursor:
        text, values = dialect.postgres(sql), params if params is not None else ()
        if dialect.ignores_conflicts(sql):
            return self._ignoring_conflicts(text, values)
        with translated():
            return PgCursor(self.raw.execute(text, values), self.raw)

    def executemany(self, sql: str, rows: Any) -> PgCursor:
        with translated():
            cursor = self.raw.cursor()
            cursor.executemany(dialect.postgres(sql), rows)
            return PgCursor(cursor, self.raw)

    def _ignoring_conflicts(self, text: str, values: Any) -> PgCursor:
        """SQLite's ``UPDATE OR IGNORE``: a unique violation undoes the statement alone."""
        from psycopg.errors import UniqueViolation

        inside = self.in_transaction
        with translated():
            if inside:
                self.raw.execute("SAVEPOINT or_ignore")
            try:
                cursor = self.raw.execute(text, values)
            except UniqueViolation:
                if inside:
                    self.raw.execute("ROLLBACK TO SAVEPOINT or_ignore")
                return PgCursor(None, self.raw)
            if inside:
                self.raw.execute("RELEASE SAVEPOINT or_ignore")
            return PgCursor(cursor, self.raw)

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return bool(self.raw.info.transaction_status != TransactionStatus.IDLE)

    def close(self) -> None:
        self.raw.close()


class PgStore(Store):
    """One open PostgreSQL store: autocommit, with explicit write transactions. Reading
    (``execute``, ``one``, ``all``, ``rows``) is ``Store``'s own, through ``PgConnection``."""

    backend = "postgres"

    def __init__(self, conn: PgConnection, url: str) -> None:
        self.conn = conn  # type: ignore[assignment]  # what store modules call, as on SQLite
        self._pg = conn
        self.url = url
        self.path = Path()  # no file: `location` says where it is
        self.location = shown_url(url)
        self.read_only = ""
        self.bulk_loading = False
        self._transactions = 0
        self._held: Counter[tuple[int, int]] = Counter()  # session locks: how often taken

    @property
    def transaction_number(self) -> int | None:
        return self._transactions if self.conn.in_transaction else None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Any]:
        """A write transaction that holds the store's write lock until it ends (writers
        queue, as on SQLite); rolled back on any exception."""
        if self.conn.in_transaction:
            yield self.conn
            return
        with translated(), begun(self._pg.raw, locked=True):
            self._transactions += 1
            yield self.conn

    def retrying(self, work: Callable[[PgConnection], T]) -> T:
        """``work(conn)`` in a transaction of its own that does not take the write lock, for
        statements that lock only the rows they touch (``FOR UPDATE SKIP LOCKED``); run again
        when PostgreSQL undoes it to resolve a deadlock or a serialisation conflict."""
        if self.conn.in_transaction:
            raise RuntimeError("PgStore.retrying runs a transaction of its own")
        for attempt in range(RETRIES + 1):
            try:
                with translated(), begun(self._pg.raw, locked=False):
                    done = work(self._pg)
                return done
            except ConflictError:
                if attempt == RETRIES:
                    raise StoreError(
                        "the store at {url} stayed too busy to record this; nothing was "
                        "half-written: try again",
                        url=self.location,
                    ) from None
                time.sleep(random.uniform(0, min(0.2, 0.002 * 2**attempt)))
        raise AssertionError("unreachable")  # pragma: no cover

    def try_hold(self, space: int, key: int) -> bool:
        """Take the session lock (``space``, ``key``) unless another session holds it. It is
        kept until ``let_go``, or until the connection ends, however it ends."""
        with translated():
            row = self._pg.raw.execute(
                "SELECT pg_try_advisory_lock(%s, %s)", (space, key)
            ).fetchone()
        if row[0]:
            self._held[(space, key)] += 1
        return bool(row[0])

    def let_go(self, space: int, key: int) -> None:
        """Release the session lock (``space``, ``key``) if this store holds it."""
        with translated():
            for _ in range(self._held.pop((space, key), 0)):
                self._pg.raw.execute("SELECT pg_advisory_unlock(%s, %s)", (space, key))

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.conn.close()


def connect(url: str, shown: str) -> Any:
    try:
        import psycopg
    except ImportError:
        raise StoreError(
            "{url} is a PostgreSQL store, and this wishdesk has no PostgreSQL driver: "
            "pip install 'wishdesk[postgres]'",
            url=shown,
        ) from None
    try:
        # Parameters bound client-side, as SQLite binds them: a NULL needs no type then
        # (``? IS NULL`` in the store's SQL), and a text compared with text stays text.
        raw = psycopg.connect(
            url,
            autocommit=True,
            connect_timeout=CONNECT_TIMEOUT_S,
            cursor_factory=psycopg.ClientCursor,
        )
        # The store's locking is made for READ COMMITTED (a write lock, rows re-read when
        # locked), whatever default the server or the database was given.
        raw.execute("SET default_transaction_isolation = 'read committed'")
        return raw
    except (psycopg.Error, ValueError) as exc:  # ValueError: a URL libpq cannot parse
        raise StoreError(
            "cannot connect to the store at {url}: {reason}",
            url=shown,
            reason=scrubbed_reason(exc, url),
        ) from None


def check_store(raw: Any, shown: str, *, create: bool) -> bool:
    """Whether migrations are pending; refuses a database that is not a store (or is a
    newer wishdesk's), and an empty one unless the store is to be ``create``d."""
    have = pg_schema.applied(raw)
    newer = sorted(have - set(MIGRATION_NAMES))
    if newer:
        raise StoreError(
            "the store at {path} was made by a newer wishdesk (it has migration "
            "{migration}, which this one does not know): upgrade wishdesk",
            path=shown,
            migration=newer[-1],
        )
    if not have:
        tables = raw.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() "
            "AND tablename <> '_migrations'"
        ).fetchone()[0]
        if tables:
            raise StoreError(
                "{path} is a PostgreSQL database but not a wishdesk store; it was left as it was",
                path=shown,
            )
        if not create:
            raise StoreError(
                "no store at {path}: run `wishdesk init`, `wishdesk import` or `wishdesk demo`",
                path=shown,
            )
    return not set(MIGRATION_NAMES) <= have


def open_pg_store(url: str, *, create: bool = False) -> PgStore:
    """Open the store in the PostgreSQL database ``url`` names and bring its schema up to
    date (with ``create``, make it in an empty database). The database itself must exist."""
    global _current_url
    shown = shown_url(url)
    raw = connect(url, shown)
    _current_url = url
    try:
        import psycopg

        try:
            if check_store(raw, shown, create=create):
                pg_schema.apply(raw)
        except psycopg.Error as exc:
            raise StoreError(
                "cannot open the store at {path}: {reason}",
                path=shown,
                reason=scrubbed_reason(exc, url),
            ) from None
    except BaseException:
        raw.close()
        raise
    return PgStore(PgConnection(raw), url)
