"""``wishdesk import``: stream Wish records from files into the store, a file at a time.

Each file is one transaction: a file with an invalid record imports nothing (unless
``skip_invalid``), and every bad record is named by file, place, field and reason. A file
that likely holds at least as many tickets as the store builds the listing indexes once at
its end (``store.bulk``) instead of updating them ticket by ticket.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, NamedTuple

from wishdesk.domain.models import Order, Ticket
from wishdesk.domain.wish import RecordError, parse_record
from wishdesk.errors import InputError, Phrase, UsageError
from wishdesk.services.ingest.reader import read_items
from wishdesk.services.tickets import RecordWriter
from wishdesk.services.tickets import writer as make_writer
from wishdesk.store import bulk
from wishdesk.store.db import Store

MAX_REPORTED = 20
# Fewer bytes than a typical Wish ticket takes in JSON (a demo ticket with its replies takes
# about 1,500), so that the estimate of a file's tickets errs high: building the listing
# indexes afresh costs a few seconds per million tickets in the store, far less than
# updating them for every ticket of a file that is large for the store.
BYTES_PER_TICKET = 1_000


@dataclass
class Counts:
    tickets: dict[str, int] = field(
        default_factory=lambda: {"new": 0, "updated": 0, "unchanged": 0}
    )
    orders: dict[str, int] = field(default_factory=lambda: {"new": 0, "updated": 0, "unchanged": 0})
    messages: int = 0

    def write(self, writer: RecordWriter, record: Ticket | Order) -> None:
        """Upsert one parsed record and count what happened to it."""
        if isinstance(record, Order):
            self.orders[writer.write_order(record)] += 1
        else:
            status, added = writer.write_ticket(record)
            self.tickets[status] += 1
            self.messages += added

    def add(self, other: Counts) -> None:
        for key in self.tickets:
            self.tickets[key] += other.tickets[key]
            self.orders[key] += other.orders[key]
        self.messages += other.messages


@dataclass
class FileResult:
    name: str
    counts: Counts
    bad: list[str]  # "where: field: reason"
    bad_total: int = 0
    error: str | None = None  # the file could not be read at all

    def failed(self, skip_invalid: bool) -> bool:
        """True when nothing of this file was imported."""
        return self.error is not None or (self.bad_total > 0 and not skip_invalid)


@dataclass
class ImportResult:
    files: list[FileResult]
    skip_invalid: bool

    @property
    def counts(self) -> Counts:
        total = Counts()
        for f in self.files:
            if not f.failed(self.skip_invalid):
                total.add(f.counts)
        return total

    @property
    def failed(self) -> list[FileResult]:
        return [f for f in self.files if f.failed(self.skip_invalid)]


class _Rejected(Exception):
    """Raised inside a file's transaction to roll it back."""


class Source(NamedTuple):
    name: str
    open: Callable[[], AbstractContextManager[IO[bytes]]]
    size: int | None = None  # bytes, when known before reading


def sources(paths: Sequence[str]) -> list[Source]:
    """One source per path; ``-`` is standard input (and can be read only once)."""
    if list(paths).count("-") > 1:
        raise UsageError("standard input (-) can be read only once")
    out: list[Source] = []
    for p in paths:
        if p == "-":
            out.append(Source("<stdin>", lambda: nullcontext(sys.stdin.buffer)))
            continue
        path = Path(p)
        try:
            size: int | None = path.stat().st_size if path.is_file() else None
        except OSError:
            size = None  # reported when the file is opened
        out.append(Source(p, lambda path=path: path.open("rb"), size))  # type: ignore[misc]
    return out


def large_for_store(size: int | None, stored: int) -> bool:
    """Does a file of ``size`` bytes (None: unknown, as for stdin) likely hold at least as
    many tickets as the ``stored`` ones? Anything is large for an empty store."""
    if stored == 0:
        return True
    return size is not None and size // BYTES_PER_TICKET >= stored


def import_sources(
    store: Store,
    files: list[Source],
    *,
    skip_invalid: bool = False,
    progress: Callable[[int], None] | None = None,
) -> ImportResult:
    """Import every file; ``progress`` is called with the number of records done."""
    result = ImportResult(files=[], skip_invalid=skip_invalid)
    writer = make_writer(store)
    for name, opener, size in files:
        counts = Counts()
        bad: list[str] = []
        file_result = FileResult(name=name, counts=counts, bad=bad)
        result.files.append(file_result)
        try:
            with opener() as stream, store.transaction():
                defer = large_for_store(size, bulk.tickets_stored(store))
                with bulk.deferred_indexes(store) if defer else nullcontext():
                    _import_stream(writer, stream, name, file_result, skip_invalid, progress)
                    if file_result.bad_total and not skip_invalid:
                        raise _Rejected
        except _Rejected:
            pass
        except InputError as exc:
            file_result.error = exc.phrase()
        except OSError as exc:
            file_result.error = Phrase(
                "{path}: cannot read: {reason}", path=name, reason=exc.strerror or exc
            )
    return result


def _import_stream(
    writer: RecordWriter,
    stream: IO[bytes],
    name: str,
    out: FileResult,
    skip_invalid: bool,
    progress: Callable[[int], None] | None,
) -> None:
    counts = out.counts
    for item in read_items(stream, name):
        try:
            record = parse_record(item.value)
        except RecordError as exc:
            out.bad_total += 1
            if len(out.bad) < MAX_REPORTED:
                out.bad.append(f"{name}, {item.where}: {exc}")  # "field: reason"
            continue
        if out.bad_total and not skip_invalid:
            continue  # the file will be rolled back: only validate the rest
        counts.write(writer, record)
        if progress is not None:
            progress(1)
