"""Machine formats shared by every listing command: tsv, csv, json, jsonl.

A TTY never changes the data, only its look: these writers are the same wherever stdout
goes. Times are ISO UTC strings already; lists become comma-joined cells in tsv/csv.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import IO, Any

from wishdesk.render.safe import csv_cell, json_safe, needs_escaping, tsv_cell


def _scalar(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return ",".join(_scalar(v) for v in value)
    return str(value)


def dumps(value: Any, *, indent: int | None = None) -> str:
    return json_safe(json.dumps(value, ensure_ascii=False, indent=indent))


def write_json(out: IO[str], value: Any) -> None:
    out.write(dumps(value, indent=2))
    out.write("\n")


def write_json_list(out: IO[str], items: Iterable[Any]) -> None:
    """A JSON array written item by item as the items come: the same text as
    ``write_json(out, list(items))``, without holding the list."""
    opened = False
    for item in items:
        out.write(",\n  " if opened else "[\n  ")
        out.write(dumps(item, indent=2).replace("\n", "\n  "))
        opened = True
    out.write("\n]\n" if opened else "[]\n")


def write_jsonl(out: IO[str], records: Iterable[Any]) -> None:
    write = out.write
    for record in records:
        write(dumps(record) + "\n")  # one write a line: one system call when unbuffered


def write_tsv(out: IO[str], records: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> None:
    write_tsv_rows(out, (map(record.get, columns) for record in records))


def write_tsv_rows(out: IO[str], rows: Iterable[Iterable[Any]]) -> None:
    """One line per row, cells tab-separated, no header."""
    write = out.write
    for row in rows:
        cells = [v if v.__class__ is str else _scalar(v) for v in row]
        if needs_escaping("".join(cells)):  # rare: only then look at each cell
            cells = list(map(tsv_cell, cells))
        write("\t".join(cells))
        write("\n")


def write_tsv_cells(out: IO[str], rows: Iterable[Sequence[str]]) -> None:
    """Rows that are already text cells (no ``None``): the streaming fast path, written
    ``_LINES`` rows at a time. A chunk is looked at as a whole; only one holding text that
    needs escaping (rare) is looked at again row by row, and cell by cell."""
    from itertools import chain, islice

    it = iter(rows)
    tab = "\t".join
    while chunk := list(islice(it, _LINES)):
        if needs_escaping("".join(chain.from_iterable(chunk))):
            chunk = [
                [tsv_cell(c) for c in row] if needs_escaping("".join(row)) else row for row in chunk
            ]
        out.write("\n".join(map(tab, chunk)))
        out.write("\n")


_LINES = 256


_BOM = [False]  # ``--bom``: set once per command by the option's callback


def use_bom(on: bool) -> None:
    """Whether csv output starts with a UTF-8 byte-order mark (``--bom``)."""
    _BOM[0] = on


def write_csv(
    out: IO[str],
    records: Iterable[Mapping[str, Any]],
    columns: Sequence[str],
    header: Sequence[str] | None = None,
) -> None:
    """A header row (``header``, else the column names), then one row a record. Times are
    UTC ISO-8601 text, as everywhere in machine output; cells that a spreadsheet would read
    as a formula are neutralised."""
    import csv

    if _BOM[0]:
        out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header or columns)
    for record in records:
        writer.writerow(
            [
                csv_cell(_scalar(v))
                if isinstance(v := record.get(c), (str, list, tuple))  # lists: joined text
                else _scalar(v)
                for c in columns
            ]
        )


def write_records(
    out: IO[str],
    fmt: str,
    records: Iterable[Mapping[str, Any]],
    columns: Sequence[str],
    csv_header: Sequence[str] | None = None,
) -> None:
    """Write records in a machine format (``table`` is the renderer's job), streaming them:
    ``records`` may be a generator. ``csv_header`` names the csv columns where they are not
    called by their field names."""
    if fmt == "json":
        write_json_list(out, records)
    elif fmt == "jsonl":
        write_jsonl(out, records)
    elif fmt == "csv":
        write_csv(out, records, columns, csv_header)
    elif fmt == "tsv":
        write_tsv(out, records, columns)
    else:
        raise ValueError(f"not a machine format: {fmt}")
