r"""A pattern's word-start test moved after its first character, so the regex engine can
skip ahead to the characters a match may start with.

Python's ``re`` looks for where a match may begin with a fast scan only when the pattern
opens with a literal or a set of them. A lexicon pattern opens with a word start instead
(``\b(?:send|give) ...`` or ``(?<![^\W\d_])(?:s+h+...)``), so every position of the text
is tried. ``lead(r"\b(?:send|give)")`` is ``r"(?:s(?<!\w.)end|g(?<!\w.)ive)"``: the same
matches (at the first character, a word character, ``\b`` says the character before is
not one; after it, ``(?<!\w.)`` says the same), found from the first letters.

Only shapes whose rewriting is plainly the same regex are touched; anything else is
returned as it is. Used when the plan is built (``plan.py``), on sources whose triggers
were taken from the pattern as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# the word-start tests a pattern may open with, and the same test one character later
_GUARDS = ((r"\b", r"(?<!\w.)"), (r"(?<![^\W\d_])", r"(?<![^\W\d_].)"))
_WORD = re.compile(r"\w")
_SPECIAL = frozenset("\\.^$*+?{}[]()|")


def _class_end(source: str, start: int) -> int:
    """The index of the ``]`` that ends the character class opened at ``source[start]``."""
    i = start + 1
    if source[i : i + 1] == "^":
        i += 1
    if source[i : i + 1] == "]":
        i += 1
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            break  # a nested set (a FutureWarning in ``re``): not ours to read
        if ch == "]":
            return i
        i += 1
    raise ValueError("a character class not read plainly")


def _structure(source: str) -> Iterator[tuple[int, str]]:
    """The characters of ``source`` outside escapes and character classes, with their
    indices (``ValueError`` for a class it cannot read)."""
    i, size = 0, len(source)
    while i < size:
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(source, i) + 1
            continue
        yield i, ch
        i += 1


def _close(source: str) -> int:
    """The index of the ``)`` that closes the group ``source`` opens with, or -1."""
    depth = 0
    try:
        for i, ch in _structure(source):
            depth += (ch == "(") - (ch == ")")
            if depth == 0:
                return i
    except ValueError:
        pass
    return -1


def _branches(source: str) -> list[str] | None:
    """``source`` split at its top-level ``|`` (None when it cannot be read plainly)."""
    parts: list[str] = []
    depth, last = 0, 0
    try:
        for i, ch in _structure(source):
            depth += (ch == "(") - (ch == ")")
            if depth < 0:
                return None
            if ch == "|" and depth == 0:
                parts.append(source[last:i])
                last = i + 1
    except ValueError:
        return None
    if depth != 0:
        return None
    parts.append(source[last:])
    return parts


def _after_first(rest: str, behind: str) -> str | None:
    """``rest`` with ``behind`` put after the first character of every way it can begin,
    when each begins with a plain word character (None otherwise)."""
    if not rest:
        return None
    first = rest[0]
    if first not in _SPECIAL and _WORD.fullmatch(first):
        after = rest[1:2]
        if after == "+":
            return f"{first}{behind}{first}*{rest[2:]}"
        if after in ("?", "*", "{"):
            return None
        return f"{first}{behind}{rest[1:]}"
    if rest.startswith("(?:"):
        end = _close(rest)
        if end < 0 or rest[end + 1 : end + 2] in ("?", "*", "+", "{"):
            return None
        parts = _branches(rest[3:end])
        if parts is None:
            return None
        led = [_after_first(part, behind) for part in parts]
        if any(part is None for part in led):
            return None
        return "(?:" + "|".join(led) + ")" + rest[end + 1 :]  # type: ignore[arg-type]
    return None


def _lead_branch(branch: str) -> str:
    for guard, behind in _GUARDS:
        if branch.startswith(guard):
            return _after_first(branch[len(guard) :], behind) or branch
    if branch.startswith("(?:") and _close(branch) == len(branch) - 1:
        return "(?:" + lead(branch[3:-1]) + ")"
    return branch


def lead(source: str) -> str:
    """``source`` with each top-level branch's word-start test after its first character
    (see the module's docstring); ``source`` itself when it has none or is not plain."""
    parts = _branches(source)
    if parts is None:
        return source
    return "|".join(_lead_branch(part) for part in parts)
