"""Word rules (lexicon patterns, merchant patterns), shouting, placeholders, size, emptiness."""

from __future__ import annotations

import re
from functools import lru_cache

from wishdesk.domain import regex_codes
from wishdesk.domain.fields import MAX_MESSAGE_CHARS
from wishdesk.domain.policy.clauses import negated
from wishdesk.domain.policy.detect_words import RULE as ABUSE
from wishdesk.domain.policy.detect_words import denied
from wishdesk.domain.policy.finding import Hit
from wishdesk.domain.policy.gates import scan
from wishdesk.domain.policy.lexicon import Lexicon
from wishdesk.domain.policy.plan import LEET_RULES, NEGATABLE, WORD_RULES
from wishdesk.domain.policy.ruleset import RuleSet
from wishdesk.domain.policy.textview import TextView
from wishdesk.i18n import N_

_CAPS_WORD = r"[A-ZÀ-ÖØ-ÞΑ-ΩА-Я][A-ZÀ-ÖØ-ÞΑ-ΩА-Я'’]+"
_INVISIBLE = str.maketrans("", "", "\u200b\u200c\u200d\u2060\ufeff\u00ad")


@lru_cache(maxsize=1)
def _capitals() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A run of words in capitals, and two capitals in a row (in every capital word):
    compiled on the first message with a capital letter (their classes cost start-up)."""
    run = regex_codes.compile(rf"\b{_CAPS_WORD}(?:[!?.,:]*\s+{_CAPS_WORD}){{3,}}\b")
    return run, regex_codes.compile(r"[A-ZÀ-ÖØ-ÞΑ-ΩА-Я][A-ZÀ-ÖØ-ÞΑ-ΩА-Я'’]")


def _blank(text: str) -> bool:
    """Whether ``text`` holds only white space and invisible characters (``str.strip``
    removes what ``\\s`` matches)."""
    bare = text.strip()
    return not bare or (not bare.isascii() and not bare.translate(_INVISIBLE).strip())


@lru_cache(maxsize=4)
def _placeholder_pattern(html: frozenset[str], bracket_words: str) -> re.Pattern[str]:
    tags = "|".join(sorted(html, key=lambda t: (-len(t), t)))  # the same source every run
    return regex_codes.compile(
        r"\{\{\s*[^{}\n]{1,40}?\s*\}\}"
        r"|\$\{[^{}\n]{1,40}\}"
        r"|(?<![{$])\{\s*[A-Za-z_][\w.\- ]{0,30}\}(?!\})"
        r"|\{\d\}"
        rf"|</?(?!(?:{tags})\b)[A-Za-z_][\w\- ]{{0,30}}>"
        r"|%\(\w+\)[sd]|(?<!\w)%s(?!\w)"
        # Magento / gettext positional and named slots: "%1", "%store_name", "%name%"
        r"|(?<![\w%])%\d{1,2}(?![\w%])|(?<![\w%])%[a-z]+_[a-z_]+\b|(?<![\w%])%[A-Za-z]\w{1,30}%"
        # Smarty "{$GIFT_CODE}", an empty format slot "{}"
        r"|\{\$[A-Za-z_]\w{0,30}\}|\{\}"
        # anonymised-corpus slots written into a template: "[数字x]", "[金额x]"
        r"|\[[\u4e00-\u9fff]{1,4}x\]"
        rf"|\[(?i:{bracket_words})(?i:[ _][\w ]{{0,20}})?\]"
        r"|\[[A-Z][A-Z_ ]{2,30}\]"
        r"|__[A-Z][A-Z_]{1,30}__"
    )


def detect_format(text: str, lex: Lexicon) -> list[Hit]:
    if _blank(text):
        return [Hit("format.empty", 0, len(text))]
    hits: list[Hit] = []
    if len(text) > MAX_MESSAGE_CHARS:
        fields = (
            ("length", str(len(text))),
            ("limit", str(MAX_MESSAGE_CHARS)),
            ("excess", str(len(text) - MAX_MESSAGE_CHARS)),
        )
        hits.append(Hit("format.length", MAX_MESSAGE_CHARS, len(text), fields))
    if any(ch in text for ch in "{<[%_$"):
        for m in _placeholder_pattern(lex.html_tags, lex.bracket_words).finditer(text):
            hits.append(Hit("format.placeholder", m.start(), m.end(), (("match", m.group()),)))
    return hits


def detect_patterns(
    view: TextView, lex: Lexicon, rules: RuleSet, present: frozenset[str]
) -> list[Hit]:
    """Hits of the lexicon patterns (``present``: the triggers found in ``view.norm``)."""
    hits: list[Hit] = []
    norm = view.norm
    leet_present: frozenset[str] | None = None
    for rule in WORD_RULES:
        if rule not in lex.dispatch or not rules.enabled(rule):
            continue
        texts = [(norm, present)]
        if rule in LEET_RULES and view.leet != norm:
            if leet_present is None:
                leet_present = lex.present(view.leet)
            texts.append((view.leet, leet_present))
        for text, found in texts:
            gates = lex.dispatch.gates(rule, found)
            if gates is None or (not gates.always and gates.literals.isdisjoint(found)):
                continue  # the common case: none of the rule's patterns can match
            for _, m in scan(gates, text, found):
                if rule in NEGATABLE and negated(norm, m.start(), m.end(), lex, present):
                    continue
                if rule == ABUSE and denied(norm, m.start()):
                    continue
                a, b = view.span(*m.span())
                hits.append(Hit(rule, a, b))
    for rule, patterns in rules.extra_patterns.items():
        if not rules.enabled(rule):
            continue
        for extra in patterns:
            for m in extra.finditer(norm):
                if m.end() > m.start() and not negated(norm, m.start(), m.end(), lex, present):
                    a, b = view.span(*m.span())
                    hits.append(Hit(rule, a, b))
    return hits


def detect_shouting(text: str) -> list[Hit]:
    hits: list[Hit] = []
    # Lower case already: no capitals (but U+03A2, unassigned and not a letter, which the
    # classes hold and a run's 15 letters do not count).
    if text.lower() == text:
        return hits
    caps_run, caps_pair = _capitals()
    if caps_pair.search(text) is None:  # not one word in capitals
        return hits
    for m in caps_run.finditer(text):
        letters = sum(ch.isalpha() for ch in m.group())
        if letters >= 15:
            hint = (("hint", N_("Write in normal case: all capitals read as shouting.")),)
            hits.append(Hit("respect.tone", m.start(), m.end(), hint))
    return hits
