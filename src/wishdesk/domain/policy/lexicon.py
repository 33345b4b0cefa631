"""The packaged rule data, read once and compiled on demand: rule metadata and the lexicons.

Data files live in ``data/`` (TOML): ``rules.toml`` (ids, severities, messages),
``common.toml`` (carrier hosts, IBAN lengths, brand patterns) and one lexicon per language.
Every lexicon is applied to every message, so a message in any supported language (or a
mix) is checked against all of them.

Speed. Each regex comes with its *triggers* (``triggers.py``): literals one of which must
occur in any text it matches. A message's triggers are looked up once (``Lexicon.present``,
one pass of an Aho-Corasick automaton of all the literals); a regex none of whose triggers
occur is not run, and a regex is compiled the first time it has to run (``gates.py``). The
data itself comes from ``plan.py``, which reads the TOML files and works out the triggers
(``wishdesk.services.plan_cache`` keeps the result between runs).
"""

from __future__ import annotations

from functools import lru_cache
from operator import itemgetter
from typing import Any, NamedTuple

from wishdesk.domain.policy.gates import Dispatch, Gate, Gates, gate
from wishdesk.domain.policy.plan import plan
from wishdesk.domain.policy.wordlist import Matcher, WordList

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
    dispatch: Dispatch
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


def _eta(data: dict[str, Any]) -> EtaLexicon:
    return EtaLexicon(
        delivery=gate(data["delivery"]),
        exclude=gate(data["exclude"]),
        conditional=gate(data["conditional"]),
        past=gate(data["past"]),
        expect=gate(data["expect"]),
        late=gate(data["late"]),
        next_prefix=gate(data["next_prefix"]),
        numbers=dict(data["numbers"]),
        months=tuple((gate(g), n) for g, n in data["months"]),
        weekdays=tuple((gate(g), n) for g, n in data["weekdays"]),
        duration=Gates((gate(data["duration"]),)),
        day_month=gate(data["day_month"]),
        month_day=gate(data["month_day"]),
        weekday=gate(data["weekday"]),
        relative=tuple(Relative(d, w, m) for _, d, w, m in data["relative"]),
        relative_any=Gates(tuple(gate(item[0]) for item in data["relative"])),
        unit_kinds=tuple((gate(g), kind) for g, kind in data["unit_kinds"]),
    )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon of every language (built on first use, then cached)."""
    data = plan()
    return Lexicon(
        patterns={"truth.shipped": gate(data["truth.shipped"])},
        dispatch=Dispatch(data["dispatch"], data["dispatch_keys"]),
        negation_cues=gate(data["negation_cues"]),
        negation_exceptions=gate(data["negation_exceptions"]),
        contrast=gate(data["contrast"]),
        tracking_keywords=gate(data["tracking_keywords"]),
        order_keywords=gate(data["order_keywords"]),
        phone_keywords=gate(data["phone_keywords"]),
        eta=_eta(data["eta"]),
        carrier_hosts=tuple(data["carrier_hosts"]),
        link_tlds=frozenset(data["link_tlds"]),
        iban_lengths=dict(data["iban_lengths"]),
        html_tags=frozenset(data["html_tags"]),
        bracket_words=data["bracket_words"],
        literals=Literals(data["literals"]),
        abuse_words=WordList(data["abuse_words"]["terms"], data["abuse_words"]["allow"]),
    )
