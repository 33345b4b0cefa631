"""Text the user hands in on standard input or in a file they name (a reply body, a message
to lint, a ``--batch`` file, an orders file): UTF-8, a byte-order mark dropped; bytes that
are not UTF-8 are one clear error naming the input, never an exception from deep inside.
"""

from __future__ import annotations

import codecs
import sys
from collections.abc import Iterator
from pathlib import Path

from wishdesk.errors import InputError

STDIN = "-"


def name_of(source: str) -> str:
    return "standard input" if source == STDIN else source


def read_bytes(source: str) -> bytes:
    """All of a path, or of standard input for ``-``."""
    if source == STDIN:
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:  # a text stream without bytes below it (an embedding host)
            return sys.stdin.read().encode("utf-8", "surrogateescape")
        data: bytes = stream.read()
        return data
    try:
        return Path(source).read_bytes()
    except OSError as exc:
        raise InputError(
            "cannot read {source}: {reason}", source=source, reason=exc.strerror or exc
        ) from None


def decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            "{name}: not UTF-8 text (byte {start}); save it as UTF-8",
            name=name_of(source),
            start=exc.start,
        ) from None


def read_text(source: str) -> str:
    """The text of a path, or of standard input for ``-``."""
    return decode(read_bytes(source), source)


def lines(source: str) -> Iterator[str]:
    """The lines of a path or of standard input, decoded as they are read (a large batch is
    never held whole); a line that is not UTF-8 is an error naming its number."""
    if source == STDIN:
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:
            yield from sys.stdin
            return
        yield from _decoded(stream, source)
        return
    try:
        handle = open(source, "rb")  # noqa: SIM115 - closed when the lines are done
    except OSError as exc:
        raise InputError(
            "cannot read {source}: {reason}", source=source, reason=exc.strerror or exc
        ) from None
    with handle:
        yield from _decoded(handle, source)


def _decoded(stream: object, source: str) -> Iterator[str]:
    decoder = codecs.getincrementaldecoder("utf-8-sig")("strict")
    number = 0
    try:
        for raw in stream:  # type: ignore[attr-defined]
            number += 1
            yield decoder.decode(raw)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        raise InputError(
            "{name}: line {number}: not UTF-8 text (byte {start} of the line); save it as UTF-8",
            name=name_of(source),
            number=number,
            start=exc.start,
        ) from None
