"""Sentences, clauses and negation: "send us your PayPal" vs "we never ask for your PayPal"."""

from __future__ import annotations

import re

from wishdesk.domain.policy.lexicon import Lexicon

_SENTENCE_END = re.compile(r"[.!?;\n。！？；]")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]``: from the last sentence end before ``start``
    to the first one at or after ``end``."""
    left = 0
    for index in range(start - 1, -1, -1):
        ch = text[index]
        if ch in ".!?;\n。！？；" and (
            ch != "." or index + 1 >= len(text) or text[index + 1] in " \n"
        ):
            left = index + 1
            break
    found = _SENTENCE_END.search(text, end)
    right = found.start() if found else len(text)
    while found and found.group() == "." and right + 1 < len(text) and text[right + 1] not in " \n":
        found = _SENTENCE_END.search(text, right + 1)
        right = found.start() if found else len(text)
    return left, right


def clause_bounds(
    text: str, start: int, end: int, lex: Lexicon, present: frozenset[str] | None = None
) -> tuple[int, int]:
    """The clause around a match: its sentence, cut at contrast words ("but", "pero", "但")."""
    left, right = sentence_bounds(text, start, end)
    if present is not None and not lex.contrast.live(present):
        return left, right
    for cut in lex.contrast.finditer(text, left, right):
        if cut.end() <= start:
            left = cut.end()
        elif cut.start() >= end:
            right = cut.start()
            break
    return left, right


def negated(
    text: str, start: int, end: int, lex: Lexicon, present: frozenset[str] | None = None
) -> bool:
    """True when the clause holding ``text[start:end]`` is negated or a warning about fraud
    ("never", "do not", "nunca", "ne ... jamais", "nicht", "不要", "scam"). ``present``
    (the triggers found in ``text``) only lets it skip work."""
    if present is not None and not lex.negation_cues.live(present):
        return False
    left, right = clause_bounds(text, start, end, lex, present)
    clause = text[left:right]
    if present is None or lex.negation_exceptions.live(present):
        clause = lex.negation_exceptions.sub(lambda m: " " * len(m.group()), clause)
    return lex.negation_cues.search(clause) is not None
