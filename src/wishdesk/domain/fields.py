"""One field of a Wish record: the checks every field gets, and the limits they enforce.

A value that breaks a limit is a ``RecordError`` of its record, like any other bad field,
so that import and sync skip (or report) that record and keep the rest:

- text: at most ``MAX_TEXT`` characters, no NUL, no lone UTF-16 surrogate (a cut emoji:
  it cannot be stored as UTF-8);
- times: ISO-8601 between ``EARLIEST`` and ``LATEST`` (the calendar works with local dates,
  and a time near year 1 or 9999 has none in some zones);
- ids: at most ``MAX_IDS`` per list (orders and products of a ticket);
- numbers: at most ``MAX_DIGITS`` digits (``decoder`` reads longer ones as ``Unreadable``);
- nested data kept as it came (refunds): at most ``MAX_DEPTH`` levels deep; anything nested
  deeper than the JSON decoder can follow is ``Unreadable`` (see ``loads``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from wishdesk.clock import EARLIEST, LATEST, parse_time
from wishdesk.domain.lazy_pattern import LazyPattern

if TYPE_CHECKING:
    import json

ID_RE = re.compile(r"[0-9A-Za-z_-]{1,64}")
MAX_TEXT = 100_000  # characters in one message, subject or name
MAX_MESSAGE_CHARS = 2000  # characters in one reply: the Wish API refuses longer ones
MAX_IDS = 1_000  # orders (or products) one ticket is about
MAX_DIGITS = 100  # digits of a JSON number
MAX_DEPTH = 20  # levels of nested data kept as it came
_SURROGATE = LazyPattern("[\ud800-\udfff]")


class RecordError(ValueError):
    """One invalid field of one record."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}" if field else reason)
        self.field = field
        self.reason = reason


class Unreadable:
    """A JSON value the decoder did not turn into data: too many digits, nested too deep."""

    __slots__ = ("what",)

    def __init__(self, what: str) -> None:
        self.what = what

    def __repr__(self) -> str:
        return f"<{self.what}>"


def _number(text: str) -> int | Unreadable:
    if len(text.lstrip("-")) > MAX_DIGITS:
        return Unreadable(f"a number of {len(text.lstrip('-'))} digits")
    return int(text)


def decoder() -> json.JSONDecoder:
    """A JSON decoder for Wish data: numbers longer than ``MAX_DIGITS`` digits become
    ``Unreadable`` (Python refuses to read those over 4300 at all)."""
    import json  # not at import: a lint of one message reads no JSON

    return json.JSONDecoder(parse_int=_number)


_decoder = lru_cache(maxsize=1)(decoder)
_STRUCTURE = re.compile(r'["\[\]{}]')
_STRING_END = re.compile(r'["\\]')
TOO_DEEP = "\x00wishdesk: nested too deeply\x00"


def loads(raw: str | bytes) -> Any:
    """``json.loads`` for a Wish API response: long numbers as ``Unreadable``, and a value
    nested deeper than the decoder can follow replaced by the text ``TOO_DEEP`` (which no
    field accepts) instead of the whole document failing. Raises ``ValueError``
    (``UnicodeDecodeError``, ``json.JSONDecodeError``) for what is not JSON at all."""
    text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    try:
        return _decoder().decode(text)
    except RecursionError:
        return _decoder().decode(_flattened(text))


def _flattened(text: str, keep: int = 2 * MAX_DEPTH) -> str:
    """``text`` with every array or object deeper than ``keep`` levels replaced by the
    string ``TOO_DEEP`` (one pass, whatever the depth)."""
    import json

    out: list[str] = []
    depth, last, cut_from, pos = 0, 0, -1, 0
    while (m := _STRUCTURE.search(text, pos)) is not None:
        ch, pos = m.group(), m.end()
        if ch == '"':
            while (end := _STRING_END.search(text, pos)) is not None and end.group() == "\\":
                pos = end.end() + 1
            pos = end.end() if end is not None else len(text)
        elif ch in "[{":
            depth += 1
            if depth == keep + 1:
                cut_from = m.start()
        else:
            depth -= 1
            if depth == keep and cut_from >= 0:
                out += [text[last:cut_from], json.dumps(TOO_DEEP)]
                last, cut_from = pos, -1
    out.append(text[last:])
    return "".join(out)


def type_name(value: object) -> str:
    if isinstance(value, Unreadable):
        return value.what
    if value == TOO_DEEP:
        return "a value nested too deeply"
    return {
        dict: "an object",
        list: "an array",
        str: "a string",
        bool: "a boolean",
        int: "a number",
        float: "a number",
        type(None): "null",
    }.get(type(value), "a value")


def has_surrogate(text: str) -> bool:
    """A lone UTF-16 surrogate: what a cut emoji leaves, and what UTF-8 cannot hold."""
    return not text.isascii() and _SURROGATE.search(text) is not None


def check_text(value: str, label: str) -> str:
    """A string a record may hold: not too long, no NUL, no lone surrogate."""
    if len(value) > MAX_TEXT:
        raise RecordError(label, f"longer than {MAX_TEXT} characters")
    if value == TOO_DEEP:
        raise RecordError(label, "nested too deeply")
    if "\x00" in value:
        raise RecordError(label, "contains a NUL character")
    if not value.isascii() and (bad := _SURROGATE.search(value)) is not None:
        raise RecordError(
            label,
            f"not valid text: a lone UTF-16 surrogate (U+{ord(bad.group()):04X}, a cut emoji?) "
            f"at character {bad.start() + 1}",
        )
    return value


def check_time(text: str, label: str) -> datetime:
    """An ISO-8601 time between ``EARLIEST`` and ``LATEST``."""
    try:
        moment = parse_time(text)
    except (ValueError, OverflowError):
        raise RecordError(label, f"not an ISO-8601 time: {text[:40]!r}") from None
    if not EARLIEST <= moment < LATEST:
        raise RecordError(
            label, f"{text[:40]!r} is not between {EARLIEST.year} and {LATEST.year - 1}"
        )
    return moment


def check_id(obj: Mapping[str, Any], field: str, label: str | None = None) -> str:
    value = obj.get(field)
    label = label or field
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not ID_RE.fullmatch(value):
        if value is None:
            raise RecordError(label, "missing")
        raise RecordError(label, "must be 1-64 letters, digits, '-' or '_'")
    return value


def check_data(value: Any, label: str) -> Any:
    """Data kept as it came (a refund): JSON values, at most ``MAX_DEPTH`` levels deep, its
    text and keys valid (checked without recursion)."""
    stack: list[tuple[Any, str, int]] = [(value, label, 1)]
    while stack:
        item, where, depth = stack.pop()
        if isinstance(item, str):
            check_text(item, where)
        elif isinstance(item, Unreadable):
            raise RecordError(where, item.what)
        elif isinstance(item, (dict, list)):
            if depth > MAX_DEPTH:
                raise RecordError(where, f"nested more than {MAX_DEPTH} levels deep")
            pairs = item.items() if isinstance(item, dict) else enumerate(item)
            for key, child in pairs:
                if isinstance(key, str):
                    check_text(key, f"{where} (a key)")
                path = f"{where}.{key}" if isinstance(item, dict) else f"{where}[{key}]"
                stack.append((child, path, depth + 1))
    return value
