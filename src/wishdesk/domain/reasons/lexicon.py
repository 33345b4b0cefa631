"""The compiled cue lexicon: every language's data file merged into one set of cues.

Latin-script phrases are sequences of word specs separated by spaces:

- ``refund`` a word; ``refund*`` a word starting with "refund"; ``*adresse`` ending with it;
  ``*adress*`` containing it; ``my|the`` alternatives (each may carry its own ``*``; each is
  one word: ``do not|dont`` is "do" then "not" or "dont");
- ``~`` skips 0-2 words, ``~4`` skips 0-4 (never across a clause mark).

A weight may be negative: the phrase takes weight from its reason ("was cancelled" from
``remove-item``). Chinese (``script = "cjk"``) phrases are plain substrings, or a substring,
``~N`` and alternatives: ``物流~4快|给力`` is 物流 and then 快 or 给力 within 4 characters of it (no
clause mark and, for a negatable cue, no negator between: 物流不快 is not 物流~4快). Phrases are
normalised like the text, so the data files may be written with accents and capitals.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from wishdesk.domain.reasons.data_files import LANGUAGES, load
from wishdesk.domain.reasons.normalise import normalise, tokenise


@dataclass(frozen=True)
class WordSpec:
    exact: frozenset[str]
    prefixes: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = ()
    infixes: tuple[str, ...] = ()
    exact_only: bool = False  # no prefix, suffix or infix: the exact set says it all

    def matches(self, token: str) -> bool:
        if token in self.exact:
            return True
        if self.exact_only:
            return False
        if token.startswith(self.prefixes) or token.endswith(self.suffixes):
            return True
        return bool(self.infixes) and any(infix in token for infix in self.infixes)


@dataclass(frozen=True)
class Gap:
    most: int


Element = WordSpec | Gap


@dataclass(frozen=True)
class Cue:
    id: int
    reason: str
    weight: float
    negatable: bool
    first: WordSpec
    rest: tuple[Element, ...]
    second: WordSpec | None = None  # rest[0] when it is a word (no gap): the matcher's fast test
    needs: frozenset[str] = frozenset()  # a gapped cue: one of these words must be in the text


@dataclass(frozen=True)
class CjkCue:
    id: int
    reason: str
    weight: float
    negatable: bool
    text: str
    gap: int = 0  # ``~N``: one of ``then`` within this many characters after ``text``
    then: tuple[str, ...] = ()


def parse_cjk(phrase: str) -> tuple[str, int, tuple[str, ...]]:
    """``物流~4快|给力`` -> ("物流", 4, ("快", "给力")); a plain substring -> (phrase, 0, ()).
    Alternatives are read only after ``~``: a ``|`` before it (or in a plain substring) would
    be a literal that no text holds, so it is refused rather than left to match nothing."""
    head, _, rest = phrase.partition("~")
    if "|" in head:
        raise ValueError(f"cue {phrase!r}: alternatives ('|') only after ~N")
    if "~" not in phrase:
        return phrase, 0, ()
    digits = rest[: len(rest) - len(rest.lstrip("0123456789"))]
    then = tuple(t for t in rest[len(digits) :].split("|") if t)
    if not head or not then or "~" in rest:
        raise ValueError(f"cue {phrase!r} must be a text, ~N and alternatives")
    return head, int(digits or 2), then


@dataclass(frozen=True)
class Lexicon:
    cues: tuple[Cue, ...]
    cjk_cues: tuple[CjkCue, ...]
    negators: frozenset[str]
    blockers: frozenset[str]
    pivots: frozenset[str]
    cjk_negators: tuple[str, ...]
    typos: dict[str, str]
    cjk_not_negating: tuple[str, ...] = ()  # 非常, 不过: words with a negator that do not deny
    fuzzy: frozenset[str] = frozenset()
    fuzzy_keep: frozenset[str] = frozenset()


def _word_spec(text: str) -> WordSpec:
    exact: set[str] = set()
    prefixes: list[str] = []
    suffixes: list[str] = []
    infixes: list[str] = []
    for alt in text.split("|"):
        core = alt.strip("*")
        if not core:
            raise ValueError(f"empty word in cue {text!r}")
        if alt.startswith("*") and alt.endswith("*") and len(alt) > 1:
            infixes.append(core)
        elif alt.endswith("*"):
            prefixes.append(core)
        elif alt.startswith("*"):
            suffixes.append(core)
        else:
            exact.add(core)
    only = not (prefixes or suffixes or infixes)
    return WordSpec(frozenset(exact), tuple(prefixes), tuple(suffixes), tuple(infixes), only)


def parse_phrase(phrase: str) -> tuple[WordSpec, tuple[Element, ...]]:
    elements: list[Element] = []
    for part in normalise(phrase).split(" "):
        if part.startswith("~"):
            elements.append(Gap(int(part[1:] or 2)))
        elif not any(c in part for c in "|*"):
            elements.extend(_word_spec(t) for t in tokenise(part))
        else:
            elements.append(_word_spec(part))
    first = elements[0] if elements else None
    if not isinstance(first, WordSpec) or isinstance(elements[-1], Gap):
        raise ValueError(f"cue {phrase!r} must start and end with a word")
    return first, tuple(elements[1:])


def _needs(rest: tuple[Element, ...]) -> frozenset[str]:
    """The words of the cue's last exact-only element: a text with none of them cannot match."""
    for element in reversed(rest):
        if isinstance(element, WordSpec) and element.exact_only:
            return element.exact
    return frozenset()


def _words(data: dict[str, Any], key: str) -> set[str]:
    return {normalise(w) for w in data.get(key, [])}


def build(languages: tuple[str, ...] = LANGUAGES) -> Lexicon:
    negators: set[str] = set()
    cjk_negators: set[str] = set()
    cjk_not_negating: set[str] = set()
    blockers: set[str] = set()
    pivots: set[str] = set()
    typos: dict[str, str] = {}
    fuzzy: set[str] = set()
    fuzzy_keep: set[str] = set()
    # (reason, phrase, cjk) -> (weight, negatable): a cue in two languages counts once, at
    # its highest weight.
    entries: dict[tuple[str, str, bool], tuple[float, bool]] = {}
    for lang in languages:
        data = load(lang)
        cjk = data.get("script") == "cjk"
        (cjk_negators if cjk else negators).update(_words(data, "negators"))
        cjk_not_negating.update(_words(data, "not_negating"))
        blockers.update(_words(data, "blockers"))
        pivots.update(_words(data, "pivots"))
        fuzzy.update(_words(data, "fuzzy"))
        fuzzy_keep.update(_words(data, "fuzzy_keep"))
        typos.update({normalise(k): normalise(v) for k, v in data.get("typos", {}).items()})
        for group in data.get("cues", []):
            reason, weight = str(group["reason"]), float(group["weight"])
            negatable = bool(group.get("negatable", True))
            for phrase in group["phrases"]:
                key = (reason, normalise(phrase), cjk)
                if key not in entries or entries[key][0] < weight:
                    entries[key] = (weight, negatable)
    cues: list[Cue] = []
    cjk_cues: list[CjkCue] = []
    # A cue that starts with a negator is a negative phrase itself ("not received", French
    # "pas reçu" after "n'", "没收到"): the negator before it is part of it, not of a negation.
    for cue_id, ((reason, phrase, cjk), (weight, negatable)) in enumerate(entries.items()):
        if cjk:
            negatable = negatable and not any(phrase.startswith(n) for n in cjk_negators)
            head, gap, then = parse_cjk(phrase)
            cjk_cues.append(CjkCue(cue_id, reason, weight, negatable, head, gap, then))
        else:
            first, rest = parse_phrase(phrase)
            negatable = negatable and not first.exact & negators
            second = rest[0] if rest and isinstance(rest[0], WordSpec) else None
            needs = _needs(rest) if second is None else frozenset()
            cues.append(Cue(cue_id, reason, weight, negatable, first, rest, second, needs))
    return Lexicon(
        cues=tuple(cues),
        cjk_cues=tuple(cjk_cues),
        negators=frozenset(negators),
        blockers=frozenset(blockers),
        pivots=frozenset(pivots),
        cjk_negators=tuple(sorted(cjk_negators, key=len, reverse=True)),
        cjk_not_negating=tuple(sorted(cjk_not_negating)),
        typos=typos,
        fuzzy=frozenset(fuzzy),
        fuzzy_keep=frozenset(fuzzy_keep),
    )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon of all languages, built once on first use."""
    return build()
