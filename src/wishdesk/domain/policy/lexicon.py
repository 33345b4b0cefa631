"""The packaged rule data, read once and compiled on demand: rule metadata and the lexicons.

Data files live in ``data/`` (TOML): ``rules.toml`` (ids, severities, messages),
``common.toml`` (carrier hosts, IBAN lengths, brand patterns) and one lexicon per language.
Every lexicon is applied to every message, so a message in any supported language (or a
mix) is checked against all of them.

Speed. Each regex comes with its *triggers* (``triggers.py``): literals one of which must
occur in any text it matches. A message's triggers are looked up once (``Lexicon.present``,
one pass of an Aho-Corasick automaton of all the literals);
a regex none of whose triggers occur is not run, and a regex is compiled the first time it
has to run. The data itself comes from ``plan.py``, which reads the TOML files and works out
the triggers (``wishdesk.services.plan_cache`` keeps the result between runs).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from operator import itemgetter
from typing import Any, NamedTuple

from wishdesk.domain.policy.plan import SLOT, plan
from wishdesk.domain.policy.wordlist import Matcher, WordList, unspaced


def is_start(text: str, i: int) -> bool:
    r"""Whether a lexicon pattern may start at ``text[i]``: a word start (a letter or digit
    after none), a number start (a digit after a letter: "abc123"), or a CJK character. The
    regex ``(?<![^\W_])[^\W_]|(?<!\d)\d|[CJK ranges]`` says the same, but compiling its
    Unicode classes costs every start-up 2.5 ms."""
    ch = text[i]
    if ch.isalnum():
        if i == 0:
            return True
        before = text[i - 1]
        if not before.isalnum() or (ch.isdecimal() and not before.isdecimal()):
            return True
    return unspaced(ch)


# -- gates: a regex, its triggers, compiled on first use ---------------------------------


_NARROWED = 256  # narrowed regexes kept per gate


class Gate:
    """A regex source with its trigger literals, compiled the first time it is used.
    ``live(present)`` is False when none of its triggers occur in the text: it cannot match.

    A gate may also know the *branches* of an alternation in it, each with its own
    triggers: the whole regex is ``template`` with the alternation of every branch in place
    of each ``SLOT`` (a template of just ``SLOT``: the gate is that alternation).
    ``narrow(present)`` leaves out the branches none of whose triggers occur in the text:
    the same matches, without trying every branch at every position."""

    __slots__ = (
        "_last",
        "_literals",
        "_narrowed",
        "_regex",
        "branches",
        "source",
        "template",
        "triggers",
    )

    def __init__(
        self,
        source: str | None,
        triggers: frozenset[str] | None,
        branches: list[list[Any]] | None = None,
        template: str | None = None,
    ) -> None:
        # kept as the plan has them: a thousand gates are made at every start-up
        if source is None:  # the plan keeps the branches alone: the source is them joined
            source = (template or SLOT).replace(SLOT, "|".join([b[0] for b in branches or ()]))
        self.source = source or "(?!)"
        self.triggers = triggers if source else frozenset()
        self._regex: re.Pattern[str] | None = None
        self.branches = branches
        self.template = template
        self._literals: frozenset[str] | None = None
        self._narrowed: dict[frozenset[str], re.Pattern[str]] | None = None
        self._last: tuple[frozenset[str] | None, re.Pattern[str] | None] = (None, None)

    @property
    def regex(self) -> re.Pattern[str]:
        if self._regex is None:
            self._regex = re.compile(self.source)
        return self._regex

    def narrow(self, present: frozenset[str] | None) -> re.Pattern[str]:
        """The regex for a text whose triggers are ``present`` (None: unknown, the whole
        regex): only the branches that may match in it."""
        if not self.branches or present is None:
            return self.regex
        last, regex = self._last
        if last is present and regex is not None:  # the same message asks again
            return regex
        if self._literals is None or self._narrowed is None:
            self._literals = frozenset().union(*(b[1] or () for b in self.branches))
            self._narrowed = {}
        common = self._literals & present
        regex = self._narrowed.get(common)
        if regex is None:
            regex = self._compile_narrowed(self.branches, common, self._narrowed)
        self._last = (present, regex)
        return regex

    def _compile_narrowed(
        self,
        branches: list[list[Any]],
        common: frozenset[str],
        narrowed: dict[frozenset[str], re.Pattern[str]],
    ) -> re.Pattern[str]:
        live = [b[0] for b in branches if b[1] is None or not b[1].isdisjoint(common)]
        if len(live) == len(branches):
            regex = self.regex
        else:
            alternation = "|".join(live) or "(?!)"  # each branch is a whole alternative
            regex = re.compile((self.template or SLOT).replace(SLOT, alternation))
        if len(narrowed) >= _NARROWED:
            narrowed.clear()
        narrowed[common] = regex
        return regex

    def live(self, present: frozenset[str] | set[str]) -> bool:
        return self.triggers is None or not self.triggers.isdisjoint(present)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return self.regex.search(text, pos, len(text) if endpos is None else endpos)

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text, pos, len(text) if endpos is None else endpos)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.regex.fullmatch(text)

    def sub(self, repl: Callable[[re.Match[str]], str], text: str) -> str:
        return self.regex.sub(repl, text)


def _next_at_start(
    search: Callable[[str, int], re.Match[str] | None], text: str, pos: int
) -> re.Match[str] | None:
    """The first non-empty match of ``search`` at or after ``pos`` that starts where a word
    may start."""
    while True:
        m = search(text, pos)
        if m is None:
            return None
        start = m.start()
        if m.end() > start and is_start(text, start):
            return m
        pos = start + 1


class Gates:
    """An ordered list of gates, indexed by trigger: ``active(present)`` finds the gates that
    may match a text from its triggers, without looking at every gate."""

    __slots__ = ("_active", "always", "by_literal", "gates", "literals")

    def __init__(self, gates: tuple[Gate, ...]) -> None:
        self.gates = gates
        self.always = [i for i, g in enumerate(gates) if g.triggers is None]
        self.by_literal: dict[str, list[int]] = {}
        for i, gate in enumerate(gates):
            for literal in gate.triggers or ():
                self.by_literal.setdefault(literal, []).append(i)
        self.literals = frozenset(self.by_literal)
        self._active: dict[frozenset[str], list[int]] = {}

    def __len__(self) -> int:
        return len(self.gates)

    def active(self, present: frozenset[str]) -> list[int]:
        common = self.literals & present  # a set intersection walks the smaller side
        if not common:  # the common case: only the gates without triggers (already sorted)
            return self.always
        found = self._active.get(common)
        if found is None:
            by_literal = self.by_literal
            hits = [i for literal in common for i in by_literal[literal]]
            found = sorted(set(self.always).union(hits))
            if len(self._active) >= _NARROWED:
                self._active.clear()
            self._active[common] = found
        return found


def scan(gates: Gates, text: str, present: frozenset[str]) -> list[tuple[int, re.Match[str]]]:
    """Non-overlapping matches of the alternation of ``gates`` (earlier gates first where
    two match at the same place) that start at a word start or a CJK character, each with
    the index of its gate. Gates whose triggers do not occur in the text are skipped."""
    indices = gates.active(present)
    if not indices:
        return []
    found: list[tuple[int, re.Match[str]]] = []
    if len(indices) == 1:  # one gate: its matches, one after the other
        index = indices[0]
        search = gates.gates[index].narrow(present).search
        pos = 0
        while (m := _next_at_start(search, text, pos)) is not None:
            found.append((index, m))
            pos = m.end()
        return found
    searches = [gates.gates[i].narrow(present).search for i in indices]
    # the gates that match at all (most do not): a gate without a match never gets one
    live = [(k, m) for k, search in enumerate(searches) if (m := _next_at_start(search, text, 0))]
    if len(live) == 1:  # one gate matches: its matches, one after the other
        k, first = live[0]
        one: re.Match[str] | None = first
        while one is not None:
            found.append((indices[k], one))
            one = _next_at_start(searches[k], text, one.end())
        return found
    keys = [k for k, _ in live]
    nexts: list[re.Match[str] | None] = [m for _, m in live]
    while True:
        best = -1
        for j, m in enumerate(nexts):
            if m is not None and (best < 0 or m.start() < nexts[best].start()):  # type: ignore[union-attr]
                best = j
        if best < 0:
            return found
        chosen = nexts[best]
        assert chosen is not None
        found.append((indices[keys[best]], chosen))
        end = chosen.end()
        for j, m in enumerate(nexts):
            if m is not None and m.start() < end:
                nexts[j] = _next_at_start(searches[keys[j]], text, end)


_VALUE = itemgetter(1)  # of an automaton's ``(last, value)``


class Literals:
    """Every gate's trigger literals, found in a text in one pass of an Aho-Corasick
    automaton (``wordlist.Matcher``)."""

    __slots__ = ("_matcher",)

    def __init__(self, literals: list[str]) -> None:
        self._matcher = Matcher({literal: literal for literal in literals})

    def present(self, text: str) -> frozenset[str]:
        return frozenset(map(_VALUE, self._matcher.iter(text)))


# -- the compiled lexicon -----------------------------------------------------------------


# NamedTuples rather than dataclasses: they are immutable too and a tenth of the cost to
# define, which every ``wishdesk lint`` pays at start-up.
class Relative(NamedTuple):
    days: int | None
    week_end: int | None
    month_end: int | None


class EtaLexicon(NamedTuple):
    delivery: Gate
    exclude: Gate
    conditional: Gate
    past: Gate
    expect: Gate
    late: Gate
    next_prefix: Gate
    numbers: dict[str, int]
    months: tuple[tuple[Gate, int], ...]
    weekdays: tuple[tuple[Gate, int], ...]
    duration: Gates
    day_month: Gate
    month_day: Gate
    weekday: Gate
    relative: tuple[Relative, ...]
    relative_any: Gates
    unit_kinds: tuple[tuple[Gate, str], ...]


class Lexicon(NamedTuple):
    patterns: dict[str, Gate]
    dispatch: dict[str, Gates]
    negation_cues: Gate
    negation_exceptions: Gate
    contrast: Gate
    tracking_keywords: Gate
    order_keywords: Gate
    phone_keywords: Gate
    eta: EtaLexicon
    carrier_hosts: tuple[str, ...]
    link_tlds: frozenset[str]
    iban_lengths: dict[str, int]
    html_tags: frozenset[str]
    bracket_words: str
    literals: Literals
    abuse_words: WordList

    def present(self, text: str) -> frozenset[str]:
        """The trigger literals that occur in ``text`` (a normalised, lower-case text)."""
        return self.literals.present(text)


def _g(item: list[Any]) -> Gate:
    return Gate(*item)


def _eta(data: dict[str, Any]) -> EtaLexicon:
    return EtaLexicon(
        delivery=_g(data["delivery"]),
        exclude=_g(data["exclude"]),
        conditional=_g(data["conditional"]),
        past=_g(data["past"]),
        expect=_g(data["expect"]),
        late=_g(data["late"]),
        next_prefix=_g(data["next_prefix"]),
        numbers=dict(data["numbers"]),
        months=tuple((_g(g), n) for g, n in data["months"]),
        weekdays=tuple((_g(g), n) for g, n in data["weekdays"]),
        duration=Gates((_g(data["duration"]),)),
        day_month=_g(data["day_month"]),
        month_day=_g(data["month_day"]),
        weekday=_g(data["weekday"]),
        relative=tuple(Relative(d, w, m) for _, d, w, m in data["relative"]),
        relative_any=Gates(tuple(_g(item[0]) for item in data["relative"])),
        unit_kinds=tuple((_g(g), kind) for g, kind in data["unit_kinds"]),
    )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon of every language (built on first use, then cached)."""
    data = plan()
    return Lexicon(
        patterns={"truth.shipped": _g(data["truth.shipped"])},
        dispatch={
            rule: Gates(tuple(_g(g) for g in gates)) for rule, gates in data["dispatch"].items()
        },
        negation_cues=_g(data["negation_cues"]),
        negation_exceptions=_g(data["negation_exceptions"]),
        contrast=_g(data["contrast"]),
        tracking_keywords=_g(data["tracking_keywords"]),
        order_keywords=_g(data["order_keywords"]),
        phone_keywords=_g(data["phone_keywords"]),
        eta=_eta(data["eta"]),
        carrier_hosts=tuple(data["carrier_hosts"]),
        link_tlds=frozenset(data["link_tlds"]),
        iban_lengths=dict(data["iban_lengths"]),
        html_tags=frozenset(data["html_tags"]),
        bracket_words=data["bracket_words"],
        literals=Literals(data["literals"]),
        abuse_words=WordList(data["abuse_words"]["terms"], data["abuse_words"]["allow"]),
    )
