"""``notify --orders-file``: order ids one a line, or CSV with an ``order_id`` column whose
other columns become that order's template variables.

A path and standard input (``-``) are read alike: UTF-8 (a byte-order mark is dropped, as
Excel and WPS write one), or UTF-16 with its byte-order mark (a spreadsheet's "Unicode
text"); any line ending (LF, CRLF, CR alone); header names padded with spaces
(`` order_id ``); cells of up to ``MAX_CELL`` characters. Anything else is one clear error
naming the file and, where it has one, the line.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping

from wishdesk.errors import InputError

MAX_CELL = 128 * 1024  # characters in one CSV cell (the csv module's own limit)
_LINE_END = re.compile(r"\r\n|\r|\n")
Orders = list[tuple[str, dict[str, str]]]


def read_orders_file(source: str) -> Orders:
    """The orders of a path, or of standard input for ``-``."""
    from wishdesk.services.textin import read_bytes

    name = "<stdin>" if source == "-" else source
    return parse_orders(decode(read_bytes(source), name), name)


def decode(data: bytes, name: str) -> str:
    """The text of an orders file: UTF-8 (with or without a byte-order mark), or UTF-16
    with one."""
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    try:
        return data.decode("utf-16" if utf16 else "utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            '{name}: not {encoding} text (byte {start}): save it as UTF-8 ("CSV '
            'UTF-8" in a spreadsheet)',
            name=name,
            encoding="UTF-16" if utf16 else "UTF-8",
            start=exc.start,
        ) from None


def parse_orders(text: str, name: str) -> Orders:
    """Ids one a line (blank lines and ``#`` comments skipped), or CSV when the first line
    names an ``order_id`` column."""
    first = _LINE_END.split(text, maxsplit=1)[0]
    header = [h.strip() for h in next(csv.reader([first]), [])]
    if "order_id" not in header:
        ids = (line.strip() for line in _LINE_END.split(text))
        return [(i, {}) for i in ids if i and not i.startswith("#")]
    return _csv_orders(text, name)


def _csv_orders(text: str, name: str) -> Orders:
    reader = csv.reader(io.StringIO(text, newline=""))
    out: Orders = []
    try:
        header = [h.strip() for h in next(reader)]
        for row in reader:
            if not row:
                continue
            cells = dict(zip(header, row, strict=False))  # a short row lacks the rest
            order_id = cells.pop("order_id", "").strip()
            if not order_id:
                raise InputError(
                    "{name}, line {line}: order_id is empty", name=name, line=reader.line_num
                )
            out.append((order_id, {k: v for k, v in cells.items() if k}))
    except csv.Error as exc:
        problem = str(exc)
        if "field limit" in problem:
            problem = f"a cell is longer than {MAX_CELL} characters"
        raise InputError(
            "{name}, line {line}: not valid CSV: {problem}",
            name=name,
            line=reader.line_num,
            problem=problem,
        ) from None
    return out


# The fields of ``wishdesk orders`` that a template fills from the order itself (its
# product, tracking, buyer...); every other field of that listing (state, times, flags, open
# tickets) is the order's own data and never a variable.
_FILLED_FROM_ORDER = frozenset(
    {"product", "size", "color", "quantity", "tracking_number", "carrier", "tracking_url"}
    | {"buyer_name"}
)


def own_data_removed(cells: Mapping[str, str], order: Mapping[str, object]) -> dict[str, str]:
    """The variables an orders file gives one order, without what the order already says.

    A file that ``wishdesk orders --format csv`` wrote repeats each order's data; that copy
    must not spoil the message: an empty cell never erases the order's own value, a copy of
    it (also one a spreadsheet guard prefixed with ``'``) gives way to the store's current
    data (the ticket's buyer name, say), and the listing's other columns (``state``,
    ``updated_at``, ``late_delivery``, ...) are not variables at all, so they never tell a
    re-run's message from the one queued before. A different value in a column a template
    fills (a shorter product name, say) is the merchant's choice and wins."""
    from wishdesk.services.orders import ORDER_FIELDS

    out: dict[str, str] = {}
    for key, value in cells.items():
        if not value.strip():
            continue
        if key not in _FILLED_FROM_ORDER:
            if key not in ORDER_FIELDS:
                out[key] = value
            continue
        own = order.get(key)
        own_text = "" if own is None else str(own)
        if value.strip() not in (own_text, "'" + own_text):
            out[key] = value
    return out
