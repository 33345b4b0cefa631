"""Typo folding: a word one keystroke away from a key cue word is read as that word.

Buyers mistype the words that carry the reason ("cancdling", "refnud", "adresss"). Each
language's data file lists such key words under ``fuzzy``; a token of 5+ letters that is one
edit away from one of them (a letter added, dropped, changed, or two neighbours swapped) is
replaced by it before matching, unless the token already means something to the lexicon
(it matches some cue's word: "arrives" is a form of ``arriv*``, not a typo of "arrived"), or
is a real word the data file keeps (``fuzzy_keep``: "cancer" is not "cancel").

Found with a deletion index (every key word with one letter dropped), so a lookup costs a
few dictionary probes, not a comparison with every key word.
"""

from __future__ import annotations

from collections.abc import Iterable

from wishdesk.domain.reasons.lexicon import Cue, Lexicon, WordSpec

MIN_TOKEN = 5
MIN_WORD = 6


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _one_edit(token: str, word: str) -> bool:
    """One letter dropped, added or changed, or two neighbours swapped (not two edits that
    happen to leave the same letters: "create" is not "rebate")."""
    if len(token) != len(word):
        short, long_ = sorted((token, word), key=len)
        return len(long_) - len(short) == 1 and any(
            long_[:i] + long_[i + 1 :] == short for i in range(len(long_))
        )
    diff = [i for i, (a, b) in enumerate(zip(token, word, strict=True)) if a != b]
    if len(diff) == 1:
        return True
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and token[diff[0]] == word[diff[1]]
        and token[diff[1]] == word[diff[0]]
    )


def _specs(cues: Iterable[Cue]) -> Iterable[WordSpec]:
    for cue in cues:
        yield cue.first
        yield from (e for e in cue.rest if isinstance(e, WordSpec))


class TypoFolder:
    def __init__(self, lexicon: Lexicon) -> None:
        self._words = frozenset(w for w in lexicon.fuzzy if len(w) >= MIN_WORD and w.isalpha())
        self._keep = lexicon.fuzzy_keep
        self._by_deletion: dict[str, list[str]] = {}
        for word in sorted(self._words):
            for gone in _deletions(word):
                self._by_deletion.setdefault(gone, []).append(word)
        exact: set[str] = set()
        prefixes: set[str] = set()
        suffixes: set[str] = set()
        for spec in _specs(lexicon.cues):
            exact.update(spec.exact)
            prefixes.update(spec.prefixes)
            suffixes.update(spec.suffixes)
        self._exact = frozenset(exact)
        self._prefixes = frozenset(prefixes)
        self._suffixes = frozenset(suffixes)
        self._lengths = sorted({len(p) for p in prefixes | suffixes})

    def _known(self, token: str) -> bool:
        if token in self._exact:
            return True
        for n in self._lengths:
            if n > len(token):
                break
            if token[:n] in self._prefixes or token[-n:] in self._suffixes:
                return True
        return False

    def _near(self, token: str) -> str | None:
        for gone in (token, *_deletions(token)):
            for word in self._by_deletion.get(gone, ()):
                if _one_edit(token, word):
                    return word
            if gone in self._words and gone != token:  # a letter added ("cancdel")
                return gone
        return None

    def fold(self, token: str) -> str:
        """``token``, or the key word it is a typo of."""
        if len(token) < MIN_TOKEN or token in self._words or token in self._keep:
            return token
        if not token.isalpha():
            return token
        near = self._near(token)
        if near is None or self._known(token):
            return token
        return near
