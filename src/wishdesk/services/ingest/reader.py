"""Streaming reader for Wish exports: a JSON array, a ``{code, message, data}`` envelope
(data a list or one object), JSON Lines, or several of these one after another.

Memory stays flat: the input is decoded in chunks and one record at a time is held.
Each record comes with where it was found ("line 12", "item 3 (line 40)") for error messages.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from wishdesk.domain.fields import Unreadable, decoder
from wishdesk.errors import InputError, Phrase
from wishdesk.i18n import N_

CHUNK = 1 << 20
SMALL_OBJECT = 8 * CHUNK  # objects up to this size are decoded whole (fast path)
_WS = " \t\r\n"


@dataclass(frozen=True)
class Item:
    where: str
    value: Any


class _Buffer:
    """Decoded text with a read position, refilled from a binary stream on demand."""

    def __init__(self, stream: IO[bytes], name: str) -> None:
        self.stream = stream
        self.name = name
        self.decoder = codecs.getincrementaldecoder("utf-8-sig")("strict")
        self.text = ""
        self.pos = 0
        self.lines_before = 0  # newlines in text already dropped from the buffer
        self.eof = False
        self.bytes_read = 0
        self.last_start = 0  # where ``small_object`` found its object
        self._mark = 0  # newlines in text[:_mark] are counted in _mark_lines
        self._mark_lines = 0

    def fill(self, size: int = CHUNK) -> bool:
        """Read one more chunk (of ``size`` bytes, at most); False at end of input."""
        if self.eof:
            return False
        raw = self.stream.read(size)
        self.bytes_read += len(raw)
        try:
            text = self.decoder.decode(raw, final=not raw)
        except UnicodeDecodeError as exc:
            offset = self.bytes_read - len(raw) + exc.start
            raise InputError(
                "{name}: not valid UTF-8 (byte {offset})", name=self.name, offset=offset
            ) from None
        if not raw:
            self.eof = True
        if self.pos > CHUNK:
            dropped = self.text.count("\n", 0, self.pos)
            self.lines_before += dropped
            if self._mark >= self.pos:
                self._mark, self._mark_lines = self._mark - self.pos, self._mark_lines - dropped
            else:
                self._mark, self._mark_lines = 0, 0
            self.text = self.text[self.pos :]
            self.pos = 0
        self.text += text
        return bool(raw) or bool(text)

    def grow(self) -> bool:
        """Read on until the unread text has doubled (or the input ends): a value that
        needs more input is decoded again a logarithmic number of times, not once per
        chunk (a 30 MB string cost 30 decodes of up to 30 MB). False when nothing came."""
        unread = len(self.text) - self.pos
        grew = False
        while (short := max(2 * unread, CHUNK) - (len(self.text) - self.pos)) > 0:
            if not self.fill(max(short, CHUNK)):  # one read, one copy of the buffer
                break
            grew = True
        return grew

    def line_at(self, pos: int) -> int:
        """1-based line of ``pos``; counts only the text since the last call (positions
        mostly move forward), so naming every record's line stays linear."""
        if pos < self._mark:
            self._mark, self._mark_lines = 0, 0
        self._mark_lines += self.text.count("\n", self._mark, pos)
        self._mark = pos
        return self.lines_before + self._mark_lines + 1

    def skip_ws(self) -> str:
        """Skip whitespace; return the next character ('' at end of input)."""
        while True:
            text, pos = self.text, self.pos
            while pos < len(text) and text[pos] in _WS:
                pos += 1
            self.pos = pos
            if pos < len(text):
                return text[pos]
            if not self.fill():
                return ""

    def expect(self, chars: str, context: str, **fields: str) -> str:
        """The next character, one of ``chars``; else an error: expected them ``context``
        (a template filled with ``fields`` only then)."""
        char = self.skip_ws()
        if not char or char not in chars:
            found = repr(char) if char else Phrase("end of input")
            want = " or ".join(repr(c) for c in chars)
            raise self.error(
                Phrase(
                    "expected {want} {context}, found {found}",
                    want=want,
                    context=Phrase(context, **fields),
                    found=found,
                )
            )
        self.pos += 1
        return char

    def value(self) -> Any:
        """Decode one JSON value at the current position."""
        decoder = _DECODER
        self.skip_ws()
        while True:
            try:
                value, end = decoder.raw_decode(self.text, self.pos)
            except json.JSONDecodeError as exc:
                if not _hopeless(exc, self.text) and self.grow():
                    continue
                raise self.error(
                    Phrase("invalid JSON: {problem}", problem=exc.msg), exc.pos
                ) from None
            except RecursionError:
                return self.skip_value()
            if end == len(self.text) and not self.eof and not isinstance(value, (dict, list)):
                # A bare number may continue in the next chunk: read on and decode again.
                self.fill()
                continue
            self.pos = end
            return value

    def small_object(self, limit: int) -> Any:
        """Decode the object at the current position if it fits in ``limit`` characters of
        buffer; return ``None`` (position unchanged) when it is bigger, so the caller can
        stream it field by field instead."""
        while True:
            self.last_start = self.pos
            try:
                value, end = _DECODER.raw_decode(self.text, self.pos)
            except json.JSONDecodeError as exc:
                if _hopeless(exc, self.text) or self.eof:
                    return self.value()  # raises the JSON error with its line
                if len(self.text) - self.pos < limit and self.grow():
                    continue
                if self.eof:
                    return self.value()
                return None
            except RecursionError:
                self.pos = self.last_start
                return None  # streamed field by field: what is too deep is one value
            self.pos = end
            return value

    def skip_value(self) -> Unreadable:
        """Step over the array or object at the position, nested too deeply for the JSON
        decoder, without recursion: it becomes one bad value, and the rest of the input is
        read as usual."""
        depth = 0
        while True:
            text, pos = self.text, self.pos
            while (m := _STRUCTURE.search(text, pos)) is not None:
                ch, pos = m.group(), m.end()
                if ch == '"':
                    end = _STRING_END.search(text, pos)
                    while end is not None and end.group() == "\\":
                        end = _STRING_END.search(text, end.end() + 1)
                    if end is None:
                        pos = m.start()  # the string goes on in the next chunk
                        break
                    pos = end.end()
                    continue
                depth += 1 if ch in "[{" else -1
                if depth == 0:
                    self.pos = pos
                    return Unreadable("a value nested too deeply")
            else:
                pos = len(text)
            self.pos = pos
            if not self.fill():
                raise self.error(Phrase("invalid JSON: nested too deeply, and never closed"))

    def error(self, problem: Phrase, pos: int | None = None) -> InputError:
        return InputError(
            "{name}, line {line}: {problem}",
            name=self.name,
            line=self.line_at(self.pos if pos is None else pos),
            problem=problem,
        )


def _hopeless(exc: json.JSONDecodeError, text: str) -> bool:
    """An error more input cannot mend: it is well before the end of what was read (only
    an unterminated string names a place, its start, that more input may still close)."""
    return exc.pos < len(text) - 64 and not exc.msg.startswith("Unterminated string")


_DECODER = decoder()
_STRUCTURE = re.compile(r'["\[\]{}]')
_STRING_END = re.compile(r'["\\]')


def read_items(stream: IO[bytes], name: str) -> Iterator[Item]:
    """Yield every record in the stream. Malformed JSON raises ``InputError`` (fatal: the
    rest of the file cannot be trusted); records are validated by the caller."""
    buf = _Buffer(stream, name)
    while True:
        char = buf.skip_ws()
        if not char:
            return
        line = buf.line_at(buf.pos)
        if char == "[":
            buf.pos += 1
            yield from _array(buf, "item")
        elif char == "{":
            small = buf.small_object(SMALL_OBJECT)
            if small is None:
                yield from _object(buf, line)
            elif (
                isinstance(small, dict) and _is_envelope(small) and isinstance(small["data"], list)
            ):
                buf.pos = buf.last_start  # walk it again to name each record's line
                yield from _object(buf, line)
            else:
                yield from _unwrap(buf, small, line)
        else:
            value = buf.value()
            yield Item(f"line {line}", value)


def _array(buf: _Buffer, label: str) -> Iterator[Item]:
    index = 0
    if buf.skip_ws() == "]":
        buf.pos += 1
        return
    while True:
        buf.skip_ws()
        line = buf.line_at(buf.pos)
        value = buf.value()
        yield Item(f"{label}[{index}], line {line}", value)
        index += 1
        if buf.expect(",]", N_("between array items")) == "]":
            return


def _object(buf: _Buffer, line: int) -> Iterator[Item]:
    """A top-level object: an envelope (its ``data`` streamed) or one record."""
    buf.pos += 1  # the "{"
    fields: dict[str, Any] = {}
    streamed = False
    if buf.skip_ws() == "}":
        buf.pos += 1
        yield Item(f"line {line}", fields)
        return
    while True:
        if buf.skip_ws() != '"':
            raise buf.error(Phrase("expected a quoted field name"))
        key = buf.value()
        buf.expect(":", N_("after field {key!r}"), key=key)
        if key == "data" and buf.skip_ws() == "[":
            buf.pos += 1
            yield from _array(buf, "data")
            streamed = True
        else:
            fields[key] = buf.value()
        if buf.expect(",}", N_("between fields")) == "}":
            break
    if streamed:
        _check_code(buf, fields, line)
    else:
        yield from _unwrap(buf, fields, line)


def _is_envelope(obj: dict[str, Any]) -> bool:
    return "data" in obj and set(obj) <= {"code", "message", "data"}


def _check_code(buf: _Buffer, fields: dict[str, Any], line: int) -> None:
    code = fields.get("code", 0)
    if code not in (0, None):
        message = str(fields.get("message") or "")[:200]
        raise InputError(
            "{name}, line {line}: the file holds an API error (code {error_code}): {error_message}",
            name=buf.name,
            line=line,
            error_code=code,
            error_message=message,
        )


def _unwrap(buf: _Buffer, obj: dict[str, Any], line: int) -> Iterator[Item]:
    """One decoded top-level object: an envelope's records, or the record itself."""
    if not _is_envelope(obj):
        yield Item(f"line {line}", obj)
        return
    _check_code(buf, obj, line)
    data = obj["data"]
    if isinstance(data, list):
        for index, value in enumerate(data):
            yield Item(f"data[{index}] of the envelope on line {line}", value)
    elif data is not None:
        yield Item(f"data of the envelope on line {line}", data)
