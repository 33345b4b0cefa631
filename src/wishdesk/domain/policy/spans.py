"""Bookkeeping that keeps the linter linear in the length of a message.

- ``Taken``: which characters earlier matches already cover. Asking whether a span is free
  costs the span's length (matches of one regex do not overlap, so a text's worth of
  questions costs about the text's length), where a list of spans cost the number of
  matches so far: a message of ten thousand e-mail addresses was quadratic.
- ``Lines``: 1-based line and column of an offset by bisection, where counting newlines
  from the start cost the text's length for every finding.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

Span = tuple[int, int]


class Taken:
    """Characters of a text covered by earlier matches."""

    __slots__ = ("_covered", "spans")

    def __init__(self, size: int, spans: Iterable[Span] = ()) -> None:
        self._covered = bytearray(size + 1)
        self.spans: list[Span] = []
        for start, end in spans:
            self.add(start, end)

    def free(self, start: int, end: int) -> bool:
        """No covered character in ``[start, end)``."""
        return self._covered.find(1, max(start, 0), end) < 0

    def add(self, start: int, end: int) -> None:
        start = max(start, 0)
        if end > start:
            self._covered[start:end] = b"\x01" * (end - start)
        self.spans.append((start, end))


class Lines:
    """Where the lines of a text start, for (line, column) of any offset."""

    __slots__ = ("starts",)

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        at = find("\n")
        while at >= 0:
            starts.append(at + 1)
            at = find("\n", at + 1)
        self.starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset (``finding.position``, in log time)."""
        index = bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1
