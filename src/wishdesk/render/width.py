"""Text measured in terminal columns, for the screens printed without rich: a Chinese
character takes two columns, and Chinese text wraps between any two characters."""

from __future__ import annotations

import re
import textwrap
import unicodedata

# A space run, a word of characters that are not wide, or one wide character.
_WIDE = (
    "\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6"
)
_TOKEN = re.compile(f"\\s+|[^\\s{_WIDE}]+|.")


def cells(text: str) -> int:
    """How many terminal columns ``text`` takes (a CJK character takes two)."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def ljust(text: str, width: int) -> str:
    return text + " " * (width - cells(text))


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` columns, as ``textwrap.wrap`` does for text of
    narrow characters only; Chinese text breaks between any two characters."""
    if text.isascii():
        return textwrap.wrap(text, width, break_on_hyphens=False)
    lines: list[str] = []
    line = ""
    for token in _TOKEN.findall(" ".join(text.split())):
        if token.isspace():
            line += " " if line else ""
            continue
        for piece in _pieces(token, width):
            if line and cells(line + piece) > width:
                lines.append(line.rstrip())
                line = ""
            line += piece
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _pieces(token: str, width: int) -> list[str]:
    """A word cut into parts of at most ``width`` columns (most words are one part)."""
    parts = []
    while cells(token) > width:
        cut = max((i for i in range(1, len(token)) if cells(token[:i]) <= width), default=1)
        parts.append(token[:cut])
        token = token[cut:]
    return [*parts, token]
