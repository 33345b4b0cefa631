"""``store copy`` on PostgreSQL: a store read in one snapshot, and a database written with
``COPY`` in one transaction (its schema steps included, for an empty database), so that a
copy that fails leaves the database as it was.

Errors are said with the password of their own side's URL removed (a copy may name two).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from wishdesk.store.location import shown_url
from wishdesk.store.pg import begun, translated
from wishdesk.store.store_copy import (
    MIGRATION_TABLES,
    Batches,
    Table,
    identifiers,
    not_empty,
    quoted,
    select,
)

_CURSOR = "wishdesk_store_copy"


class _PgSide:
    raw: Any
    url: str
    location: str

    def tables(self) -> dict[str, Table]:
        with translated(self.url):
            names = self.raw.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                "ORDER BY tablename"
            ).fetchall()
            return {name: self._table(name) for (name,) in names if name not in MIGRATION_TABLES}

    def _table(self, name: str) -> Table:
        # generated columns and search vectors are derived: the destination makes its own
        rows = self.raw.execute(
            "SELECT attname, attgenerated <> '' OR atttypid = 'tsvector'::regtype "
            "FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0 "
            "AND NOT attisdropped ORDER BY attnum",
            (quoted(name),),
        ).fetchall()
        key = self.raw.execute(
            "SELECT a.attname FROM pg_index i, unnest(i.indkey::int2[]) WITH ORDINALITY "
            "AS k (attnum, n), pg_attribute a WHERE i.indrelid = %s::regclass "
            "AND i.indisprimary AND a.attrelid = i.indrelid AND a.attnum = k.attnum "
            "ORDER BY k.n",
            (quoted(name),),
        ).fetchall()
        columns = tuple(column for column, derived in rows if not derived)
        return Table(name, columns, tuple(column for (column,) in key))

    def references(self) -> set[tuple[str, str]]:
        with translated(self.url):
            rows = self.raw.execute(
                "SELECT c.conrelid::regclass::text, c.confrelid::regclass::text "
                "FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace "
                "WHERE c.contype = 'f' AND n.nspname = current_schema()"
            ).fetchall()
        return {(_unquoted(a), _unquoted(b)) for a, b in rows}

    def migrations(self) -> set[str]:
        from wishdesk.store import pg_schema

        with translated(self.url):
            return pg_schema.applied(self.raw)

    def count(self, table: str) -> int:
        with translated(self.url):
            return int(self.raw.execute(f"SELECT count(*) FROM {quoted(table)}").fetchone()[0])


def _unquoted(name: str) -> str:
    return name[1:-1].replace('""', '"') if name.startswith('"') else name


class PgSource(_PgSide):
    """A PostgreSQL store, opened as any command opens it (migrated), read in one
    repeatable-read snapshot through a server-side cursor, a batch at a time."""

    def __init__(self, url: str) -> None:
        from wishdesk.store.pg import open_pg_store

        self.store = open_pg_store(url)
        self.raw = self.store._pg.raw
        self.url = url
        self.location = shown_url(url)

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[None]:
        with translated(self.url):
            self.raw.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try:
            yield
        finally:
            with contextlib.suppress(Exception):
                self.raw.execute("ROLLBACK")

    def batches(self, table: Table) -> Batches:
        from wishdesk.store.store_copy import BATCH_ROWS

        with translated(self.url), self.raw.cursor(name=_CURSOR) as cursor:
            cursor.itersize = BATCH_ROWS
            cursor.execute(select(table))
            while batch := cursor.fetchmany(BATCH_ROWS):
                yield batch

    def close(self) -> None:
        self.store.close()


class PgTarget(_PgSide):
    """An empty PostgreSQL database (or an empty store in one), written in one transaction
    that holds the store's write lock: its schema steps, the rows, the identities moved
    past the copied ids. Checked for rows inside it, so a refusal leaves it as it was."""

    def __init__(self, url: str) -> None:
        from wishdesk.store.pg import check_store, connect

        self.url = url
        self.location = shown_url(url)
        self.raw = connect(url, self.location)
        try:
            with translated(url):
                self._pending = check_store(self.raw, self.location, create=True)
        except BaseException:
            self.raw.close()
            raise

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        from wishdesk.store import pg_schema

        with translated(self.url), begun(self.raw, locked=True):
            if self._pending:
                pg_schema.apply(self.raw)  # a savepoint of this transaction
            for name in self.tables():
                if self.raw.execute(f"SELECT 1 FROM {quoted(name)} LIMIT 1").fetchone():
                    raise not_empty(self.location, name)
            yield

    def write(self, table: Table, columns: tuple[str, ...], batches: Batches) -> int:
        written = 0
        sql = f"COPY {quoted(table.name)} ({identifiers(columns)}) FROM STDIN"
        with translated(self.url), self.raw.cursor() as cursor, cursor.copy(sql) as copy:
            for batch in batches:
                for row in batch:
                    copy.write_row(row)
                written += len(batch)
        return written

    def finish(self, tables: list[Table]) -> None:
        """Each identity column's next value, past the highest id copied into it."""
        with translated(self.url):
            for table in tables:
                rows = self.raw.execute(
                    "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass "
                    "AND attidentity <> '' ORDER BY attnum",
                    (quoted(table.name),),
                ).fetchall()
                for (column,) in rows:
                    self.raw.execute(
                        f"SELECT setval(pg_get_serial_sequence(%s, %s), max({quoted(column)})) "
                        f"FROM {quoted(table.name)} HAVING max({quoted(column)}) IS NOT NULL",
                        (quoted(table.name), column),
                    )

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.raw.close()
