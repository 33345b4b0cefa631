"""``respect.abuse`` from its word lists (``wordlist.py``), on the normalised view, on its
leetspeak reading ("sh1t", "@sshole") and, when a letter is stretched ("idiotaaaa",
"fuuuck", "stronzooo"), on the view with every run of three or more of a letter cut to two
and to one. A listed word that the sentence denies of someone ("you are not an idiot", "Sie
sind kein Versager", "non sei un cretino", 你不是傻子) is not reported: the denial is the copula,
its negation and the article right before the word (one word may come between)."""

from __future__ import annotations

import re

from wishdesk.domain.lazy_pattern import LazyPattern
from wishdesk.domain.policy.finding import Hit
from wishdesk.domain.policy.lexicon import Lexicon
from wishdesk.domain.policy.ruleset import RuleSet
from wishdesk.domain.policy.textview import TextView
from wishdesk.domain.policy.wordlist import WordList

RULE = "respect.abuse"
_TRAILING = frozenset("!|+")  # leetspeak letters that end a sentence more often than a word
_STRETCHED = re.compile(r"([^\W\d_])\1\1+")
_TRIPLED = re.compile(r"(.)\1\1")  # a cheaper first look: most texts have no tripled character
_GAP = r"(?:[^\W\d_]+ )?"
_DENIED = LazyPattern(
    "(?:"
    + "|".join(
        (
            rf"(?:\bare|\bis|\bam|'re|'s|\bwas|\bwere)(?: not|n't) (?:a|an|such an?) {_GAP}",
            rf"\bno (?:es|eres|sois|son|soy|sea|seas|somos|es usted) (?:un|una|unos|unas) {_GAP}",
            rf"\bnon (?:e|sei|siete|sono|sia|siamo) (?:un |una |uno |un'|dei |degli |delle ){_GAP}",
            rf"(?:\bn'|\bne |\bt')?(?:\bes|\best|\betes|\bsuis|\bsommes|\bsont)(?: vraiment)? pas "
            rf"(?:un|une|des) {_GAP}",
            r"\b(?:bin|bist|ist|sind|seid|war|waren|warst)(?: ja| doch| wirklich)? "
            rf"(?:kein|keine|keiner|keinen|nicht (?:ein|eine|so ein|so eine)) {_GAP}",
            rf"\bnao (?:e|es|eh|sao|sou|somos|seja) (?:um|uma|uns|umas) {_GAP}",
            r"(?:不是|并不是|並不是|并非|並非|绝不是|絕不是)(?:个|一个|一個)?",
        )
    )
    + ")$"
)
_DENIAL_REACH = 40  # characters before a word that a denial may take
# Swear words used as intensifiers stay profanity when denied ("this is not a fucking joke").
_SWEARING = LazyPattern(
    r"f\W?u?c?k|fck|bloody|damn|goddamn|verdammt|scheiss|putain|fottut|cazz|put[ao]\b|jodid"
    r"|porra|merd|mierd|他妈|他媽|妈的|媽的"
)


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
    if _TRIPLED.search(norm) is not None and _STRETCHED.search(norm) is not None:
        spans.extend(_stretched(norm, words))
    return [Hit(RULE, *view.span(a, b)) for a, b in spans if not denied(norm, a)]


def denied(norm: str, start: int) -> bool:
    """Whether the insult at ``norm[start:]`` is denied of someone right before it (swearing
    is never denied)."""
    return (
        _DENIED.search(norm, max(0, start - _DENIAL_REACH), start) is not None
        and _SWEARING.match(norm, start) is None
    )


def _stretched(norm: str, words: WordList) -> list[tuple[int, int]]:
    """Spans of ``norm`` where an entry matches once stretched letters are cut back."""
    found: list[tuple[int, int]] = []
    for keep in (2, 1):
        squeezed: list[str] = []
        origin: list[int] = []  # the index in ``norm`` of each character of ``squeezed``
        last = 0
        for m in _STRETCHED.finditer(norm):
            squeezed.append(norm[last : m.start()])
            origin.extend(range(last, m.start()))
            squeezed.append(m.group(1) * keep)
            origin.extend([m.start()] * (keep - 1) + [m.end() - 1])
            last = m.end()
        squeezed.append(norm[last:])
        origin.extend(range(last, len(norm)))
        found.extend((origin[a], origin[b - 1] + 1) for a, b in words.find("".join(squeezed)))
    return found
