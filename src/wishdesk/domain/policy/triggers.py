"""Trigger strings: literals of which at least one must occur in any text a regex matches.

``triggers(r"\\bpay (?:us|me) directly")`` is ``{"pay us directly", "pay me directly"}``: a
text that contains none of them cannot match, so the regex need not run. Used only to skip
work: when the analysis is unsure it answers ``None`` ("always run"), so a wrong answer can
cost time but never a match. Literals are lower case; the texts the lexicon patterns see are
case folded.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

_parser: Any = importlib.import_module("re._parser" if sys.version_info >= (3, 11) else "sre_parse")
_LITERAL: Any = _parser.LITERAL

_MAX_SET = 32  # give up on a set of literals larger than this (the automaton takes any)
_GOOD = 8  # literals this long are selective enough: prefer fewer of them (the automaton
# finds any number of literals in one pass, so a longer literal is worth more than fewer)
_ZERO_WIDTH = {"AT", "ASSERT", "ASSERT_NOT", "GROUPREF_EXISTS"}
_IGNORECASE = 2

Strings = frozenset[str]

# Letter pairs found in most texts of the seven languages: a trigger set of two-letter
# literals that avoids them lets a pattern skip more texts ("hello" holds "ll", "el", "lo").
_PAIRS_TEXT = (
    "th he in er an re on at en nd ti es or te of ed is it al ar st to nt ng se ha as ou "
    "io le ve co me de hi ri ro ic ne ea ra ce li ch ll be ma si om ur la el lo ta na no "
    "di il et ue qu un ie ei ge ad so pa sa"
)
_COMMON_PAIRS = frozenset(_PAIRS_TEXT.split())


def _better(a: Strings | None, b: Strings | None) -> Strings | None:
    """The more selective of two trigger sets (longest shortest literal, then the fewer
    common letter pairs, then fewest)."""
    if a is None:
        return b
    if b is None:
        return a
    key_a = (min(_GOOD, *(len(s) for s in a)), -len(a & _COMMON_PAIRS), -len(a))
    key_b = (min(_GOOD, *(len(s) for s in b)), -len(b & _COMMON_PAIRS), -len(b))
    return a if key_a >= key_b else b


def _exact(op: str, arg: Any) -> Strings | None:
    """Every string the item can match, when there are few of them (else ``None``)."""
    if op == "LITERAL":
        return frozenset({chr(arg).lower()})
    if op == "IN":
        chars: set[str] = set()
        for sub_op, value in arg:
            name = sub_op.name
            if name == "LITERAL":
                chars.add(chr(value).lower())
            elif name == "RANGE" and value[1] - value[0] < 16:
                chars.update(chr(x).lower() for x in range(value[0], value[1] + 1))
            elif name == "CATEGORY" and value.name == "CATEGORY_DIGIT":
                chars.update("0123456789")
            else:
                return None
        return frozenset(chars) if 0 < len(chars) <= _MAX_SET else None
    if op == "SUBPATTERN":
        return _seq_exact(arg[-1])
    if op == "BRANCH":
        out: set[str] = set()
        for branch in arg[1]:
            found = _seq_exact(branch)
            if found is None:
                return None
            out |= found
        return frozenset(out) if len(out) <= _MAX_SET else None
    if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, high, body = arg
        found = _seq_exact(body)
        if found is None or high > 1:
            return None
        return found | {""} if low == 0 else found
    return None


def _append(strings: Strings, chars: list[str]) -> Strings:
    """Every string with the run of literal ``chars`` appended (the set does not grow)."""
    tail = "".join(chars)
    chars.clear()
    return frozenset(s + tail for s in strings)


def _seq_exact(items: Any) -> Strings | None:
    out: Strings = frozenset({""})
    chars: list[str] = []  # a run of literals, appended in one go
    for op, arg in items:
        if op is _LITERAL:
            chars.append(chr(arg).lower())
            continue
        name = op.name
        if name in _ZERO_WIDTH:
            continue
        if chars:
            out = _append(out, chars)
        found = _exact(name, arg)
        if found is None:
            return None
        out = frozenset(a + b for a in out for b in found)
        if len(out) > _MAX_SET:
            return None
    return _append(out, chars) if chars else out


def _repeated(op: str, arg: Any) -> Strings | None:
    """Every string one repetition of a repeat that occurs at least once can match, when
    there are few of them and none is empty (else ``None``)."""
    if op not in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") or arg[0] < 1:
        return None
    body = _seq_exact(arg[2])
    return body if body and "" not in body else None


def _item(op: str, arg: Any) -> Strings | None:
    """A trigger set of one item, or ``None``."""
    if op == "SUBPATTERN":
        return _seq(arg[-1])
    if op == "BRANCH":
        out: set[str] = set()
        for branch in arg[1]:
            found = _seq(branch)
            if found is None:
                return None
            out |= found
        return frozenset(out)
    if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, _, body = arg
        return _seq(body) if low >= 1 else None
    return None


def _seq(items: Any) -> Strings | None:
    """The best trigger set of a sequence: a run of exactly known items (a cross product of
    literals) or the trigger set of one item."""
    best: Strings | None = None
    run: Strings = frozenset({""})

    def close(current: Strings) -> Strings | None:
        if "" in current:
            return None
        return current

    chars: list[str] = []  # a run of literals: it never grows the run's set
    for op, arg in items:
        if op is _LITERAL:
            chars.append(chr(arg).lower())
            continue
        name = op.name
        if name in _ZERO_WIDTH:
            continue
        if chars:
            run = _append(run, chars)
        exact = _exact(name, arg)
        if exact is not None:
            grown = frozenset(a + b for a in run for b in exact)
            if len(grown) <= _MAX_SET:
                run = grown
                continue
        body = _repeated(name, arg) if exact is None else None
        if body is not None:
            # X+ (or X{2,}): the run so far is followed by a first X, and the last X by
            # what comes next ("f+u+ck" holds "fu" and "uck").
            grown = frozenset(a + b for a in run for b in body)
            best = _better(best, close(grown) if len(grown) <= _MAX_SET else body)
            run = body
            continue
        best = _better(best, close(run))
        run = exact if exact is not None else frozenset({""})
        if exact is None:
            best = _better(best, _item(name, arg))
    if chars:
        run = _append(run, chars)
    return _better(best, close(run))


def triggers(pattern: str) -> Strings | None:
    """Literals one of which occurs in every match of ``pattern``; ``None`` when unsure."""
    try:
        parsed = _parser.parse(pattern)
    except Exception:  # an analysis failure only costs speed, never a match
        return None
    found = _seq(parsed)
    if found is None or "" in found:
        return None
    if parsed.state.flags & _IGNORECASE or any(s != s.lower() for s in found):
        return frozenset(s.lower() for s in found)
    return found
