"""``store copy SRC DST``: a whole store into a new or empty one, on either backend.

What is copied is every table the source's own schema has (the store modules' catalogue
of it is never consulted), in an order that puts a referenced table before the tables
referencing it. The copy is all or nothing: the destination is written in one transaction
(a new SQLite file is made aside and linked into place once whole), and is committed only
once every table's row count there is the count read from the source's snapshot.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wishdesk.errors import StoreError

if TYPE_CHECKING:
    from wishdesk.store.store_copy import Batches, Source, Table, Target

Advance = Callable[[int], None]
# a progress bar for a number of rows: a callback advancing it, or None (no terminal)
ProgressBar = Callable[[int], contextlib.AbstractContextManager[Advance | None]]


@dataclass(frozen=True)
class TableCopy:
    name: str
    rows: int  # in the source's snapshot, and in the destination once committed


@dataclass(frozen=True)
class CopyResult:
    source: str  # as they may be shown
    target: str
    tables: list[TableCopy]
    migration: str  # the schema step both ends are at

    @property
    def rows(self) -> int:
        return sum(table.rows for table in self.tables)


def copy_store(source: str, target: str, progress: ProgressBar) -> CopyResult:
    """Copy the store at ``source`` into ``target`` (paths or PostgreSQL URLs); raises
    ``StoreError`` with the destination as it was (nothing copied) on any failure."""
    from wishdesk.store.store_copy import open_source, open_target

    _refuse_same(source, target)
    with contextlib.ExitStack() as stack:
        src = open_source(source)
        stack.callback(src.close)
        dst = open_target(target)
        stack.callback(dst.close)
        stack.enter_context(src.snapshot())
        stack.enter_context(dst.writing())
        tables = plan(src, dst)
        migration = _same_schema(src, dst)
        counts = {table.name: src.count(table.name) for table in tables}
        with progress(sum(counts.values())) as advance:
            for table in tables:
                written = dst.write(table, table.columns, _counted(src, table, advance))
                _check_count(dst, table.name, counts[table.name], written)
        dst.finish(tables)
        for table in tables:
            _check_count(dst, table.name, counts[table.name], dst.count(table.name))
        copied = [TableCopy(table.name, counts[table.name]) for table in tables]
        result = CopyResult(src.location, dst.location, copied, migration)
    return result


def _counted(src: Source, table: Table, advance: Advance | None) -> Batches:
    for batch in src.batches(table):
        yield batch
        if advance is not None:
            advance(len(batch))


def plan(src: Source, dst: Target) -> list[Table]:
    """The source's tables in the order they can be written in (a table after those it
    references, on either side); refuses a table or a column the destination has no place
    for, which would otherwise be left behind."""
    tables, theirs = src.tables(), dst.tables()
    for name, table in tables.items():
        if name not in theirs:
            raise StoreError(
                "the {table} table of {source} has no place in {target} (its schema has no "
                "such table): nothing was copied",
                table=name,
                source=src.location,
                target=dst.location,
            )
        missing = [c for c in table.columns if c not in theirs[name].columns]
        if missing:
            raise StoreError(
                "the {table} table of {source} has a column {column} that {target} has not: "
                "nothing was copied",
                table=name,
                column=missing[0],
                source=src.location,
                target=dst.location,
            )
    return [tables[name] for name in _ordered(tables, src.references() | dst.references())]


def _ordered(tables: dict[str, Table], references: set[tuple[str, str]]) -> list[str]:
    """Table names, each after the tables it references (by name otherwise)."""
    from graphlib import TopologicalSorter

    graph: dict[str, set[str]] = {name: set() for name in sorted(tables)}
    for table, referenced in references:
        if table in graph and referenced in graph and referenced != table:
            graph[table].add(referenced)
    return list(TopologicalSorter(graph).static_order())


def _check_count(dst: Target, table: str, expected: int, found: int) -> None:
    if found != expected:
        raise StoreError(
            "the copy does not match its source: {table} has {found} rows in {target} and "
            "{expected} in the source; nothing was copied",
            table=table,
            found=found,
            expected=expected,
            target=dst.location,
        )


def _same_schema(src: Source, dst: Target) -> str:
    from wishdesk.store.schema import MIGRATION_NAMES

    ours, theirs = src.migrations(), dst.migrations()
    if ours != theirs:
        raise StoreError(
            "{target} ends at another schema step than {source}: nothing was copied",
            target=dst.location,
            source=src.location,
        )
    return max((name for name in ours if name in MIGRATION_NAMES), key=MIGRATION_NAMES.index)


def _refuse_same(source: str, target: str) -> None:
    import os

    from wishdesk.store.location import db_url

    same = source == target
    if not same and not db_url(source) and not db_url(target):
        with contextlib.suppress(OSError):
            same = os.path.samefile(os.path.expanduser(source), os.path.expanduser(target))
    if same:
        raise StoreError("SRC and DST are the same store: nothing was copied")
