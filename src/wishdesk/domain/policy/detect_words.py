"""``respect.abuse`` from its word lists (``wordlist.py``), on the normalised view and on
its leetspeak reading ("sh1t", "@sshole")."""

from __future__ import annotations

from wishdesk.domain.policy.finding import Hit
from wishdesk.domain.policy.lexicon import Lexicon
from wishdesk.domain.policy.ruleset import RuleSet
from wishdesk.domain.policy.textview import TextView

RULE = "respect.abuse"
_TRAILING = frozenset("!|+")  # leetspeak letters that end a sentence more often than a word


def detect_words(view: TextView, lex: Lexicon, rules: RuleSet) -> list[Hit]:
    if not rules.enabled(RULE):
        return []
    words = lex.abuse_words
    norm = view.norm
    spans = words.find(norm)
    if view.leet != norm:
        for a, b in words.find(view.leet):
            while b > a + 1 and norm[b - 1] in _TRAILING:  # "idiot!!" read as "idiotii"
                b -= 1
            spans.append((a, b))
    return [Hit(RULE, *view.span(a, b)) for a, b in spans]
