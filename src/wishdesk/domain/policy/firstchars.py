"""Which characters a regex can start with, so merged patterns can be split by first letter.

Used only to speed matching up: when the analysis is unsure it answers "any character", and
the pattern is then tried everywhere, so a wrong answer can cost time but never a match.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

_parser: Any = importlib.import_module("re._parser" if sys.version_info >= (3, 11) else "sre_parse")
_c: Any = importlib.import_module(
    "re._constants" if sys.version_info >= (3, 11) else "sre_constants"
)

ANY = None
_ZERO_WIDTH = {"AT", "ASSERT", "ASSERT_NOT"}


def _items(items: Any) -> tuple[set[str] | None, bool]:
    """First characters of a sequence of items, and whether it can match the empty string."""
    found: set[str] = set()
    for op, arg in items:
        name = str(op)
        if name in _ZERO_WIDTH:
            continue
        chars, empty = _item(name, arg)
        if chars is None:
            return None, False
        found |= chars
        if not empty:
            return found, False
    return found, True


def _in(arg: Any) -> set[str] | None:
    chars: set[str] = set()
    for op, value in arg:
        name = str(op)
        if name == "LITERAL":
            chars.add(chr(value))
        elif name == "CATEGORY" and str(value) == "CATEGORY_DIGIT":
            chars.update("0123456789")
        elif name == "RANGE" and value[1] - value[0] < 128:
            chars.update(chr(x) for x in range(value[0], value[1] + 1))
        else:
            return None
    return chars


def _item(name: str, arg: Any) -> tuple[set[str] | None, bool]:
    if name == "LITERAL":
        return {chr(arg)}, False
    if name == "IN":
        return _in(arg), False
    if name == "SUBPATTERN":
        return _items(arg[-1])
    if name == "BRANCH":
        found: set[str] = set()
        empty = False
        for branch in arg[1]:
            chars, branch_empty = _items(branch)
            if chars is None:
                return None, False
            found |= chars
            empty = empty or branch_empty
        return found, empty
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, _, body = arg
        chars, empty = _items(body)
        return chars, empty or low == 0
    return None, False


def first_chars(pattern: str) -> set[str] | None:
    """The characters a match of ``pattern`` can start with; ``None`` when unsure or empty."""
    try:
        chars, empty = _items(_parser.parse(pattern))
    except Exception:  # an analysis failure only costs speed, never a match
        return ANY
    if chars is None or empty:
        return ANY
    return chars
