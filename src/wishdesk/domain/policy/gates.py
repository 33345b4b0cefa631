"""Gates: a lexicon regex with the trigger literals one of which must occur in any text it
matches, compiled the first time it has to run; ``scan`` for the matches of a list of them;
``Dispatch`` for each rule's list, built when a text first has one of its triggers.
"""

from __future__ import annotations

import marshal
import re
from collections.abc import Callable, Iterator
from typing import Any

from wishdesk.domain import regex_codes
from wishdesk.domain.policy.plan import SLOT
from wishdesk.domain.policy.wordlist import unspaced


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
            self._regex = regex_codes.compile(self.source)
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
            regex = regex_codes.compile((self.template or SLOT).replace(SLOT, alternation))
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


_LOOKS = 16  # rules' keys searched before every rule's gates are built anyway


class Dispatch:
    """Each rule's gates, built the first time a text has one of the rule's triggers: a
    short message pays for the rules it may break, not for all of them. A rule's gates come
    as the plan's list, or as its marshal bytes (a plan kept between runs, ``plan.packed``)."""

    __slots__ = ("_built", "_keys", "_looked", "_sources")

    def __init__(self, sources: dict[str, Any], keys: dict[str, str | None]) -> None:
        self._sources = sources
        self._keys = keys
        self._built: dict[str, Gates] = {}
        self._looked = 0  # texts whose triggers were looked up in a key

    def __contains__(self, rule: str) -> bool:
        return rule in self._sources

    def rules(self) -> list[str]:
        return list(self._sources)

    def gates(self, rule: str, present: frozenset[str] | None = None) -> Gates | None:
        """The gates of ``rule``; ``None`` when they are not built yet and none of their
        triggers is in ``present`` (``None``: build them whatever the text)."""
        built = self._built.get(rule)
        if built is not None:
            return built
        if rule not in self._sources:
            return None
        key = self._keys.get(rule)
        if present is not None and key is not None and self._looked < _LOOKS:
            # a search of the key per literal: cheap for a text or two, not for a batch
            self._looked += 1
            if not any(f"\n{literal}\n" in key for literal in present):
                return None
        items = self._sources[rule]
        if isinstance(items, bytes):
            items = marshal.loads(items)
        built = self._built[rule] = Gates(tuple(gate(g) for g in items))
        return built


def gate(item: list[Any]) -> Gate:
    """The gate of a plan's ``[source, triggers, branches?, template?]``."""
    return Gate(*item)
