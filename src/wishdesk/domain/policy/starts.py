r"""A pattern's word-start test (and any look-behind it opens with) moved after its first
character, so the regex engine can skip ahead to the characters a match may start with.

Python's ``re`` looks for where a match may begin with a fast scan only when the pattern
opens with a literal or a set of them. A lexicon pattern opens with a word start instead
(``\b(?:send|give) ...`` or ``(?<![^\W\d_])(?:s+h+...)``), so every position of the text
is tried. ``lead(r"\b(?:send|give)")`` is ``r"(?:s(?<!\w.)end|g(?<!\w.)ive)"``: the same
matches (at the first character, a word character, ``\b`` says the character before is
not one; after it, ``(?<!\w.)`` says the same), found from the first letters. A
look-behind moves the same way: ``(?<!we )pay`` is ``p(?<!we .)ay``.

Only shapes whose rewriting is plainly the same regex are touched; anything else is
returned as it is. Used when the plan is built (``plan.py``), on sources whose triggers
were taken from the pattern as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

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


def _guards(seq: str) -> tuple[list[tuple[str, str]], str] | None:
    """The word-start tests and look-behinds ``seq`` opens with, and what follows them."""
    found: list[tuple[str, str]] = []
    while True:
        if seq.startswith("\\b"):
            found.append(("b", ""))
            seq = seq[2:]
        elif seq.startswith(("(?<!", "(?<=")):
            end = _close(seq)
            if end < 0:
                return None
            found.append((seq[3], seq[4:end]))
            seq = seq[end + 1 :]
        else:
            return found, seq


def _behind(guards: list[tuple[str, str]], first: str) -> str | None:
    """The tests ``guards`` made one character later, after ``first`` (None: not possible)."""
    out = []
    for kind, body in guards:
        if kind == "b":  # before a word character: the one before it is not one
            if not _WORD.fullmatch(first):
                return None
            out.append("(?<!\\w.)")
        else:
            parts = _branches(body)
            if parts is None:
                return None
            inner = body if len(parts) == 1 else f"(?:{body})"
            out.append(f"(?<{kind}{inner}.)")
    return "".join(out)


def _after_first(seq: str, pending: list[tuple[str, str]]) -> str | None:
    """``seq`` with the tests ``pending`` and those it opens with put after the first
    character of every way it can begin (None when that is not plainly the same regex)."""
    read = _guards(seq)
    if read is None:
        return None
    guards, rest = read
    guards = pending + guards
    if not guards:  # nothing to move here; the branches of a group may have their own
        return (_after_group(seq, guards) if seq.startswith("(?:") else None) or seq
    first = rest[:1]
    if first and first not in _SPECIAL and first != "\n":
        behind = _behind(guards, first)
        after = rest[1:2]
        if behind is None or after in ("?", "*", "{"):
            return None
        if after == "+":
            return f"{first}{behind}{first}*{rest[2:]}"
        return f"{first}{behind}{rest[1:]}"
    return _after_group(rest, guards) if rest.startswith("(?:") else None


def _after_group(rest: str, guards: list[tuple[str, str]]) -> str | None:
    """``_after_first`` of a ``rest`` that opens with a group: each of its branches led."""
    end = _close(rest)
    if end < 0 or rest[end + 1 : end + 2] in ("?", "*", "+", "{"):
        return None
    parts = _branches(rest[3:end])
    if parts is None:
        return None
    led = [_after_first(part, guards) for part in parts]
    if any(part is None for part in led):
        return None
    return "(?:" + "|".join(led) + ")" + rest[end + 1 :]  # type: ignore[arg-type]


def lead(source: str) -> str:
    """``source`` with the word-start tests and look-behinds each of its branches opens
    with put after the first character (see the module's docstring); ``source`` itself
    when it has none or is not plainly read."""
    parts = _branches(source)
    if parts is None:
        return source
    return "|".join(_after_first(part, []) or part for part in parts)
