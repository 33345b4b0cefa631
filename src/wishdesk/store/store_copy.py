"""``store copy``: the two ends of a copy, read from and written to table by table.

A side is opened as any store is (``open_store``, ``open_pg_store``: a source is migrated to
the current schema), and knows its tables from the database's own catalogue, never from a
list written here: a table a later migration adds is copied as soon as it exists. What is
derived (SQLite's full-text tables, the migrations' own records, generated columns) is not
copied; the destination rebuilds it. Rows move in batches of ``BATCH_ROWS``: a table is
never held whole in memory. The PostgreSQL sides are ``store_copy_pg.py``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from wishdesk.errors import StoreError

BATCH_ROWS = 1000
# each backend's record of the schema steps it has: a store's own, never copied
MIGRATION_TABLES = frozenset({"_sqlite_migrations", "_migrations"})

Batches = Iterable[list[tuple[Any, ...]]]


@dataclass(frozen=True)
class Table:
    """A table as one side's catalogue has it: the columns that hold data (not generated,
    not derived) and the primary key rows are read in the order of."""

    name: str
    columns: tuple[str, ...]
    key: tuple[str, ...] = ()


class Side(Protocol):
    location: str  # as it may be shown (a URL without its password)

    def tables(self) -> dict[str, Table]: ...

    def references(self) -> set[tuple[str, str]]: ...  # (table, the table it references)

    def migrations(self) -> set[str]: ...

    def count(self, table: str) -> int: ...

    def close(self) -> None: ...


class Source(Side, Protocol):
    def snapshot(self) -> contextlib.AbstractContextManager[None]: ...

    def batches(self, table: Table) -> Batches: ...


class Target(Side, Protocol):
    def writing(self) -> contextlib.AbstractContextManager[None]: ...

    def write(self, table: Table, columns: tuple[str, ...], batches: Batches) -> int: ...

    def finish(self, tables: list[Table]) -> None: ...


def quoted(name: str) -> str:
    """An identifier read from a catalogue, quoted for SQL (both backends quote alike, a
    double quote in it doubled): the only text of a copy's SQL that is not fixed."""
    return '"' + name.replace('"', '""') + '"'


def identifiers(names: Iterable[str]) -> str:
    """Column names, each ``quoted``, comma-separated."""
    return ", ".join(quoted(name) for name in names)


def select(table: Table) -> str:
    rows = f"SELECT {identifiers(table.columns)} FROM {quoted(table.name)}"
    return rows + f" ORDER BY {identifiers(table.key)}" if table.key else rows


def open_source(location: str) -> Source:
    """The store at ``location`` (a path or a PostgreSQL URL), opened normally: migrated."""
    from wishdesk.store.location import db_url

    if db_url(location):
        from wishdesk.store.store_copy_pg import PgSource

        return PgSource(location)
    return SqliteSource(Path(location).expanduser())


def open_target(location: str) -> Target:
    """Where a copy goes: a new SQLite file (made aside, linked into place once whole), an
    empty SQLite store, or an empty PostgreSQL database or store. Nothing is written yet."""
    from wishdesk.store.location import db_url

    if db_url(location):
        from wishdesk.store.store_copy_pg import PgTarget

        return PgTarget(location)
    return SqliteTarget(Path(location).expanduser())


# -- SQLite's catalogue ------------------------------------------------------------------


def _sqlite_tables(conn: sqlite3.Connection) -> dict[str, Table]:
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL")]
    tables = {}
    for name, _sql in sorted(rows):
        derived = name in virtual or any(name.startswith(f"{v}_") for v in virtual)
        if derived or name.startswith("sqlite_") or name in MIGRATION_TABLES:
            continue  # full-text tables (and their shadows) are rebuilt, not copied
        info = conn.execute(f"PRAGMA table_xinfo({quoted(name)})").fetchall()
        columns = tuple(row[1] for row in info if row[6] == 0)  # hidden: generated
        key = tuple(row[1] for row in sorted((r for r in info if r[5]), key=lambda r: r[5]))
        tables[name] = Table(name, columns, key)
    return tables


def _sqlite_references(conn: sqlite3.Connection, tables: Iterable[str]) -> set[tuple[str, str]]:
    return {
        (table, row[2])
        for table in tables
        for row in conn.execute(f"PRAGMA foreign_key_list({quoted(table)})").fetchall()
    }


def _full_text_tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND upper(sql) LIKE "
        "'CREATE VIRTUAL TABLE% USING FTS5%' ORDER BY name"
    ).fetchall()
    return [row[0] for row in rows]


class _SqliteSide:
    conn: sqlite3.Connection
    location: str

    def tables(self) -> dict[str, Table]:
        from wishdesk.store.db import translated

        with translated():
            return _sqlite_tables(self.conn)

    def references(self) -> set[tuple[str, str]]:
        from wishdesk.store.db import translated

        with translated():
            return _sqlite_references(self.conn, self.tables())

    def migrations(self) -> set[str]:
        from wishdesk.store.db import applied_migrations

        return applied_migrations(self.conn)

    def count(self, table: str) -> int:
        from wishdesk.store.db import translated

        with translated():
            return int(self.conn.execute(f"SELECT count(*) FROM {quoted(table)}").fetchone()[0])


class SqliteSource(_SqliteSide):
    """An SQLite store read in one snapshot (a read transaction: WAL lets writers go on)."""

    def __init__(self, path: Path) -> None:
        from wishdesk.store.db import open_store

        self.store = open_store(path)
        self.conn = self.store.conn
        self.location = str(path)

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[None]:
        from wishdesk.store.db import translated

        with translated():
            self.conn.execute("BEGIN")
            self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # it starts here
        try:
            yield
        finally:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")

    def batches(self, table: Table) -> Batches:
        from wishdesk.store.db import translated

        with translated():
            cursor = self.conn.execute(select(table))
            while batch := cursor.fetchmany(BATCH_ROWS):
                yield batch

    def close(self) -> None:
        self.store.close()


class SqliteTarget(_SqliteSide):
    """An SQLite store written in one transaction. A new one is made in a directory of its
    own beside ``path`` and linked into place when it is whole; an existing store must be
    empty, and is checked before anything (a migration included) touches it."""

    def __init__(self, path: Path) -> None:
        from wishdesk.store.db import open_store

        self.path = path
        self.location = str(path)
        self._aside: Path | None = None
        if path.exists() or path.is_symlink():
            _refuse_unless_empty(path)
            self.store = open_store(path)
        else:
            import tempfile

            try:
                path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                self._aside = Path(
                    tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".copy", dir=path.parent)
                )
            except OSError as exc:
                reason = exc.strerror or exc
                raise StoreError(
                    "cannot create the store at {path}: {reason}", path=path, reason=reason
                ) from None
            try:
                self.store = open_store(self._aside / path.name, create=True)
            except BaseException:
                shutil.rmtree(self._aside, ignore_errors=True)
                raise
        self.conn = self.store.conn

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        from wishdesk.store.db import translated

        with translated():
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                _refuse_rows(self.conn, self.location)  # again, now that writers wait
                yield
                self.conn.execute("COMMIT")
            except BaseException:
                self.store._rollback()
                raise
        if self._aside is not None:
            self._put_in_place()

    def write(self, table: Table, columns: tuple[str, ...], batches: Batches) -> int:
        from wishdesk.store.db import translated

        marks = ", ".join("?" for _ in columns)
        sql = f"INSERT INTO {quoted(table.name)} ({identifiers(columns)}) VALUES ({marks})"
        written = 0
        for batch in batches:
            with translated():
                self.conn.executemany(sql, batch)
            written += len(batch)
        return written

    def finish(self, tables: list[Table]) -> None:
        """The full-text indexes, rebuilt from the copied rows (one pass each)."""
        from wishdesk.store.db import translated

        with translated():
            for name in _full_text_tables(self.conn):
                self.conn.execute(f"INSERT INTO {quoted(name)} ({quoted(name)}) VALUES ('rebuild')")

    def _put_in_place(self) -> None:
        """The whole new store, out of its write-ahead log and linked where it was asked
        for; refused if something appeared there meanwhile."""
        assert self._aside is not None
        made = self._aside / self.path.name
        with contextlib.suppress(sqlite3.Error):
            self.conn.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        self.store.close()
        try:
            os.link(made, self.path)
        except FileExistsError:
            raise StoreError(
                "{path} appeared while the copy was made: nothing was copied there",
                path=self.path,
            ) from None
        except OSError:  # no hard links on this file system
            if self.path.exists():
                raise StoreError(
                    "{path} appeared while the copy was made: nothing was copied there",
                    path=self.path,
                ) from None
            os.replace(made, self.path)

    def close(self) -> None:
        self.store.close()
        if self._aside is not None:
            shutil.rmtree(self._aside, ignore_errors=True)


def _refuse_unless_empty(path: Path) -> None:
    """An existing SQLite file as a destination: a wishdesk store with no rows, else a
    refusal before anything is written to it."""
    from wishdesk.store.db import check_file, check_schema, connect_read_only, translated

    check_file(path)
    with translated():
        conn = connect_read_only(path)
        try:
            check_schema(conn, path)
            _refuse_rows(conn, str(path))
        finally:
            conn.close()


def _refuse_rows(conn: sqlite3.Connection, location: str) -> None:
    for name in _sqlite_tables(conn):
        if conn.execute(f"SELECT 1 FROM {quoted(name)} LIMIT 1").fetchone():
            raise not_empty(location, name)


def not_empty(location: str, table: str) -> StoreError:
    return StoreError(
        "{target} is not empty (its {table} table has rows): `store copy` writes only into "
        "a new or empty store; it was left as it was",
        target=location,
        table=table,
    )
