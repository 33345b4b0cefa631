"""Word lists matched with an Aho-Corasick automaton (pyahocorasick): ``respect.abuse``'s
insults, profanity, slurs and threats, a few thousand entries in every language at once.

An entry is a word or a phrase of the normalised text (``textview``: lower case, accents
removed). It matches at word boundaries: the characters around it are not letters or digits
of a spaced script. A ``*`` at either end lets the word go on that side ("fuck*" is
"fucking" too, "*arschloch*" is "riesenarschloch"). CJK characters need no boundary: Chinese
has no spaces. An *allowlist* entry (found with the same rules) that covers a match cancels
it: "妈妈的" (mother's) contains "妈的", "cazzuola" (a trowel) continues "cazz*".

The automata are built from the plan (``plan.py``) once a few messages have been checked
(``Matcher``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import ahocorasick

OPEN_START = 1
OPEN_END = 2
_REST = 40  # how far a match of an open entry is extended to show the whole word
_FIND_TEXTS = 8  # texts read with str.find before an automaton is built
_FIND_CHARS = 400  # ... if they are this short


def unspaced(ch: str) -> bool:
    """A character of a script written without spaces between words (CJK, kana, hangul)."""
    code = ord(ch)
    return (
        0x3040 <= code <= 0x30FF
        or 0x3400 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0xAC00 <= code <= 0xD7AF
        or code >= 0x20000
    )


def _joins(ch: str) -> bool:
    """Whether ``ch`` continues a word of a spaced script (a letter or digit, not CJK)."""
    return ch.isalnum() and not unspaced(ch)


def parse_entry(line: str) -> tuple[str, int] | None:
    """One line of a word list file as ``(term, flags)``; ``None`` for comments and blanks."""
    line = line.strip()
    if not line or line.startswith("#"):
        return None
    flags = 0
    if line.startswith("*"):
        flags |= OPEN_START
        line = line[1:]
    if line.endswith("*"):
        flags |= OPEN_END
        line = line[:-1]
    return (line, flags) if line.strip() else None


class Matcher:
    """Strings to find in texts, each with a value. ``iter(text)`` gives ``(last, value)``
    for every occurrence (``last``: the index of its last character), as pyahocorasick's
    ``Automaton.iter`` does. The automaton is built for the ninth text or the first long
    one: for the one short message of a ``wishdesk lint``, looking up the text's own
    substrings (or a ``str.find`` per string) costs a tenth of building it."""

    __slots__ = ("_automaton", "_calls", "_lengths", "words")

    def __init__(self, words: dict[str, Any]) -> None:
        self.words = words
        self._automaton: Any = None
        self._calls = 0
        self._lengths: list[int] | None = None

    def __len__(self) -> int:
        return len(self.words)

    def automaton(self) -> Any:
        if self._automaton is None:
            automaton = ahocorasick.Automaton()
            for word, value in self.words.items():
                automaton.add_word(word, value)
            if len(automaton):
                automaton.make_automaton()
            self._automaton = automaton
        return self._automaton

    def iter(self, text: str) -> Iterable[tuple[int, Any]]:
        if not self.words:
            return ()
        if self._automaton is None:
            self._calls += 1
            if self._calls <= _FIND_TEXTS and len(text) <= _FIND_CHARS:
                return self._find(text)
        return self.automaton().iter(text)  # type: ignore[no-any-return]

    def _find(self, text: str) -> list[tuple[int, Any]]:
        if self._lengths is None:
            self._lengths = sorted(set(map(len, self.words)))
        # Every substring of a length some string has: fewer lookups than strings when the
        # text is short ("hello": 15), one pass of str.find per string when it is not.
        if len(text) * len(self._lengths) < len(self.words):
            return find_substrings(self.words, self._lengths, text)
        return find_each(self.words, text)


def find_substrings(words: dict[str, Any], lengths: list[int], text: str) -> list[tuple[int, Any]]:
    """What ``Matcher.iter`` gives, found by looking up each substring of ``text`` whose
    length is in ``lengths`` (the lengths of ``words``, in increasing order)."""
    found: list[tuple[int, Any]] = []
    size = len(text)
    for length in lengths:
        if length > size:
            break
        for start in range(size - length + 1):
            piece = text[start : start + length]
            if piece in words:
                found.append((start + length - 1, words[piece]))
    return found


def find_each(words: dict[str, Any], text: str) -> list[tuple[int, Any]]:
    """What ``Matcher.iter`` gives, found with ``str.find`` (the order may differ)."""
    found: list[tuple[int, Any]] = []
    for word, value in words.items():
        at = text.find(word)
        while at >= 0:
            found.append((at + len(word) - 1, value))
            at = text.find(word, at + 1)
    return found


def _entries(entries: Sequence[Sequence[Any]]) -> Matcher:
    words: dict[str, tuple[int, int]] = {}
    for term, flags in entries:
        previous = words.get(term)
        # The same term listed twice (in two languages): the more open one wins.
        words[term] = (len(term), flags | (previous[1] if previous else 0))
    return Matcher(words)


class WordList:
    """Entries and allowlist entries, each ``(term, flags)``; ``find(text)`` gives the spans
    of ``text`` where an entry matches and no allowlist entry covers it."""

    __slots__ = ("allow", "terms")

    def __init__(self, terms: Sequence[Sequence[Any]], allow: Sequence[Sequence[Any]]) -> None:
        self.terms = _entries(terms)
        self.allow = _entries(allow)

    def find(self, text: str) -> list[tuple[int, int]]:
        found = _matches(self.terms, text)
        if found and len(self.allow):
            covers = _matches(self.allow, text)
            if covers:
                found = _uncovered(found, covers)
        return found


def _uncovered(
    found: list[tuple[int, int]], covers: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The spans of ``found`` that no span of ``covers`` contains (both sorted by start)."""
    kept: list[tuple[int, int]] = []
    reach, k = -1, 0  # the furthest end of the covers that start at or before a span
    for a, b in found:
        while k < len(covers) and covers[k][0] <= a:
            reach = max(reach, covers[k][1])
            k += 1
        if b > reach:
            kept.append((a, b))
    return kept


def _matches(matcher: Matcher, text: str) -> list[tuple[int, int]]:
    """Spans of the matcher's words in ``text`` that respect word boundaries, the longest
    at each start, in order of start."""
    size = len(text)
    best: dict[int, int] = {}
    for last, (length, flags) in matcher.iter(text):
        end = last + 1
        start = end - length
        if (
            not flags & OPEN_START
            and start > 0
            and not unspaced(text[start])
            and _joins(text[start - 1])
        ):
            continue
        if not flags & OPEN_END and end < size and not unspaced(text[last]) and _joins(text[end]):
            continue
        if flags & OPEN_END:  # the rest of the word, within reason (a hostile 1 MB word)
            limit = min(size, end + _REST)
            while end < limit and _joins(text[end]):
                end += 1
        if flags & OPEN_START:
            limit = max(0, start - _REST)
            while start > limit and _joins(text[start - 1]):
                start -= 1
        if end > best.get(start, -1):
            best[start] = end
    return sorted(best.items())
