"""Sentences, clauses and negation: "send us your PayPal" vs "we never ask for your PayPal".

Linear in the text, however many matches ask about it: a text's sentence ends are found
once (then each question is a bisection), each sentence is searched for contrast words
once, and each clause for negations once; a message of one endless sentence with ten
thousand matches in it costs what a short one does, per character.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Any

from wishdesk.domain.lazy_pattern import LazyPattern
from wishdesk.domain.policy.lexicon import Lexicon

_SENTENCE_END = LazyPattern(r"[.!?;\n。！？；]")

Span = tuple[int, int]


class _Index:
    """What is known about one text: its sentence ends and, per lexicon, the contrast words
    of each sentence and the verdict on each clause."""

    __slots__ = ("ends", "memo", "size")

    def __init__(self, text: str) -> None:
        size = len(text)
        self.size = size
        # A full stop ends a sentence only before a space, a newline or the end ("3.5 kg").
        self.ends = [
            i
            for m in _SENTENCE_END.finditer(text)
            if (i := m.start()) + 1 >= size or text[i] != "." or text[i + 1] in " \n"
        ]
        self.memo: dict[int, tuple[Lexicon, dict[Any, Any]]] = {}

    def of(self, lex: Lexicon) -> dict[Any, Any]:
        held = self.memo.get(id(lex))
        if held is None or held[0] is not lex:
            held = self.memo[id(lex)] = (lex, {})
        return held[1]


@lru_cache(maxsize=8)
def _index(text: str) -> _Index:
    return _Index(text)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]``: from the last sentence end before ``start``
    to the first one at or after ``end``."""
    index = _index(text)
    ends = index.ends
    before = bisect_left(ends, start)
    after = bisect_left(ends, end)
    left = ends[before - 1] + 1 if before else 0
    right = ends[after] if after < len(ends) else index.size
    return left, right


def _cuts(
    text: str, left: int, right: int, lex: Lexicon, present: frozenset[str] | None
) -> tuple[list[int], list[int]]:
    """Starts and ends of the contrast words in the sentence ``text[left:right]``."""
    memo = _index(text).of(lex)
    key = ("cuts", left, right)
    found = memo.get(key)
    if found is None:
        spans = [m.span() for m in lex.contrast.narrow(present).finditer(text, left, right)]
        found = memo[key] = ([s for s, _ in spans], [e for _, e in spans])
    return found


def clause_bounds(
    text: str, start: int, end: int, lex: Lexicon, present: frozenset[str] | None = None
) -> tuple[int, int]:
    """The clause around a match: its sentence, cut at contrast words ("but", "pero", "但")."""
    left, right = sentence_bounds(text, start, end)
    if present is not None and not lex.contrast.live(present):
        return left, right
    starts, ends = _cuts(text, left, right, lex, present)
    if not starts:
        return left, right
    before = bisect_right(ends, start)  # cuts that end by the match's start
    if before:
        left = ends[before - 1]
    after = bisect_left(starts, end, before)  # the first cut from the match's end on
    if after < len(starts):
        right = starts[after]
    return left, right


def negation_end(
    text: str, start: int, end: int, lex: Lexicon, present: frozenset[str] | None = None
) -> int | None:
    """Where the first negation of the clause holding ``text[start:end]`` ends, or None
    when the clause has none. Each clause is searched once, whatever asks about it."""
    if present is not None and not lex.negation_cues.live(present):
        return None
    left, right = clause_bounds(text, start, end, lex, present)
    memo = _index(text).of(lex)
    key = ("negation", left, right)
    if key not in memo:
        clause = text[left:right]
        if present is None or lex.negation_exceptions.live(present):
            clause = lex.negation_exceptions.sub(lambda m: " " * len(m.group()), clause)
        found = lex.negation_cues.narrow(present).search(clause)
        memo[key] = None if found is None else left + found.end()
    return memo[key]  # type: ignore[no-any-return]


# How far from a match a negation of its clause still reaches. Before it, a long sentence:
# "we will never, by phone, by SMS or by e-mail, however urgent it looks, ask you to ...".
# After it, only a few words: "payment by PayPal is not possible", while in an SMS without
# punctuation a later "no" is about something else ("pay the fee here, no delay").
NEGATION_BEFORE = 200
NEGATION_AFTER = 30


def _cues(text: str, left: int, right: int, lex: Lexicon, present: frozenset[str] | None) -> Any:
    """Starts and ends of the negations in the clause ``text[left:right]`` (searched once)."""
    memo = _index(text).of(lex)
    key = ("cues", left, right)
    found = memo.get(key)
    if found is None:
        clause = text[left:right]
        if present is None or lex.negation_exceptions.live(present):
            clause = lex.negation_exceptions.sub(lambda m: " " * len(m.group()), clause)
        spans = [
            (left + m.start(), left + m.end())
            for m in lex.negation_cues.narrow(present).finditer(clause)
        ]
        found = memo[key] = ([a for a, _ in spans], [b for _, b in spans])
    return found


def negated(
    text: str, start: int, end: int, lex: Lexicon, present: frozenset[str] | None = None
) -> bool:
    """True when the clause holding ``text[start:end]`` is negated or a warning about fraud
    ("never", "do not", "nunca", "ne ... jamais", "nicht", "不要", "scam") near the match:
    ending at most ``NEGATION_BEFORE`` characters before it, inside it, or starting at most
    ``NEGATION_AFTER`` after it. ``present`` (the triggers found in ``text``) only lets it
    skip work."""
    if negation_end(text, start, end, lex, present) is None:
        return False
    left, right = clause_bounds(text, start, end, lex, present)
    starts, ends = _cues(text, left, right, lex, present)
    first = bisect_left(ends, start - NEGATION_BEFORE)  # cues ending near or after the start
    for cue in starts[first:]:
        if cue > end + NEGATION_AFTER:
            return False
        # a negation after the match reaches back over words, not over a comma: in "send
        # me your PayPal email, you never read the listing" the "never" is another clause's
        if cue <= end or not _COMMA.search(text, end, cue):
            return True
    return False


_COMMA = LazyPattern(r"[,;:]\s")
