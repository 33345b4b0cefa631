"""Finding the lexicon's cues in one normalised field and summing their weights per reason.

A cue counts once per field. A negatable cue does not count when a negator ("not", "no",
"pas", "nicht", "não", "non", 不 ...) stands within ``NEGATION_WINDOW`` words before it in the
same clause, unless a blocker ("received", "recibido", ...) or a pivot ("but", "just", ...)
comes between them: "not damaged, just want another size" drops "damaged" only.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import NamedTuple

from wishdesk.domain.reasons.fuzzy import TypoFolder
from wishdesk.domain.reasons.lexicon import CjkCue, Cue, Element, Gap, Lexicon, WordSpec
from wishdesk.domain.reasons.normalise import CLAUSE_MARKS, has_cjk, tokenise

NEGATION_WINDOW = 4
CJK_NEGATION_WINDOW = 3
_CACHE_LIMIT = 50_000


def _a_not_a(text: str, at: int, length: int) -> bool:
    """A Chinese "A-not-A" question (能不能, 可不可以, 有没有): the negator between a character
    and its repeat asks, it does not deny."""
    before, after = at - 1, at + length
    return before >= 0 and after < len(text) and text[before] == text[after]


class _GapWord(NamedTuple):
    """What is left of a cue after its first words when it is a gap and then a word."""

    most: int
    word: WordSpec


# a cue that may start at a word: the cue, how many words its start takes, what is left,
# and the cues of the same words (more than itself when a phrase is in two groups)
_Start = tuple[Cue, int, "tuple[Element, ...] | _GapWord", tuple[Cue, ...]]


def _ahead(rest: tuple[Element, ...]) -> tuple[Element, ...] | _GapWord:
    if len(rest) == 2 and isinstance(rest[0], Gap) and isinstance(rest[1], WordSpec):
        return _GapWord(rest[0].most, rest[1])
    return rest


def _gap_word(tokens: list[str], at: int, rest: _GapWord) -> bool:
    """``Matcher._rest_matches`` of a gap and then a word: the word within ``most`` words
    of ``at``, no clause mark before it."""
    word = rest.word
    stop = min(len(tokens), at + rest.most + 1)
    if word.exact_only:  # the commonest: a set look-up, no method call
        exact = word.exact
        for j in range(at, stop):
            token = tokens[j]
            if token in exact:
                return True
            if token in CLAUSE_MARKS:
                return False
        return False
    for j in range(at, stop):
        token = tokens[j]
        if word.matches(token):
            return True
        if token in CLAUSE_MARKS:
            return False
    return False


class Matcher:
    def __init__(self, lexicon: Lexicon) -> None:
        self._lex = lexicon
        self._candidates: dict[str, tuple[Cue, ...]] = {}
        self._pairs: dict[tuple[str, str | None], tuple[_Start, ...]] = {}
        self._folder = TypoFolder(lexicon)
        self._folded: dict[str, str] = dict(lexicon.typos)
        self._exact: dict[str, list[Cue]] = defaultdict(list)
        self._prefix: dict[str, list[Cue]] = defaultdict(list)
        self._suffix: dict[str, list[Cue]] = defaultdict(list)
        self._infix: list[tuple[str, Cue]] = []
        # Cues with the same words (a phrase that adds to one reason and takes from another)
        # are looked for once: the first of them stands for all in the index.
        same: dict[tuple[WordSpec, tuple[Element, ...]], list[Cue]] = defaultdict(list)
        for cue in lexicon.cues:
            same[(cue.first, cue.rest)].append(cue)
        self._same = {group[0].id: tuple(group) for group in same.values()}
        for cue in (group[0] for group in same.values()):
            for word in cue.first.exact:
                self._exact[word].append(cue)
            for word in cue.first.prefixes:
                self._prefix[word].append(cue)
            for word in cue.first.suffixes:
                self._suffix[word].append(cue)
            self._infix.extend((word, cue) for word in cue.first.infixes)
        self._prefix_lengths = sorted({len(w) for w in self._prefix})
        # Chinese cues by first character, then by the text they start with: one look for
        # 物流 whatever the cues of 物流 go on with.
        heads: dict[str, list[CjkCue]] = defaultdict(list)
        for cjk in lexicon.cjk_cues:
            heads[cjk.text].append(cjk)
        # ... grouped by their first two characters under their first: 没 starts 42 cues in
        # a dozen pairs, and a text without 没收 skips all of 没收's at once.
        pairs: dict[str, dict[str, list[tuple[str, tuple[CjkCue, ...]]]]] = defaultdict(dict)
        for head, group in heads.items():
            pairs[head[0]].setdefault(head[:2], []).append((head, tuple(group)))
        self._cjk_by_first = {
            char: tuple((pair, tuple(items)) for pair, items in by_pair.items())
            for char, by_pair in pairs.items()
        }
        self._then_patterns: dict[int, re.Pattern[str]] = {}
        self._suffix_lengths = sorted({len(w) for w in self._suffix})

    def _cues_starting_with(self, token: str) -> tuple[Cue, ...]:
        found = self._candidates.get(token)
        if found is None:
            if len(self._candidates) >= _CACHE_LIMIT:
                self._candidates.clear()
            hits = list(self._exact.get(token, ()))
            for n in self._prefix_lengths:
                if n > len(token):
                    break
                hits.extend(self._prefix.get(token[:n], ()))
            for n in self._suffix_lengths:
                if n > len(token):
                    break
                hits.extend(self._suffix.get(token[-n:], ()))
            hits.extend(cue for word, cue in self._infix if word in token)
            found = tuple(dict.fromkeys(hits))
            self._candidates[token] = found
        return found

    def _cues_before(self, token: str, after: str | None) -> tuple[_Start, ...]:
        """The cues that may start at ``token`` when ``after`` follows it (None: nothing
        does): those whose second word, when they have one, is ``after``. Each comes with
        how many words its start takes and the elements left to match after them."""
        key = (token, after)
        found = self._pairs.get(key)
        if found is None:
            if len(self._pairs) >= _CACHE_LIMIT:
                self._pairs.clear()
            kept: list[_Start] = []
            for cue in self._cues_starting_with(token):
                head = cue.second
                if head is None:
                    kept.append((cue, 1, _ahead(cue.rest), self._same[cue.id]))
                elif after is not None and (
                    after in head.exact or (not head.exact_only and head.matches(after))
                ):
                    kept.append((cue, 2, _ahead(cue.rest[1:]), self._same[cue.id]))
            found = tuple(kept)
            self._pairs[key] = found
        return found

    def _fold(self, token: str) -> str:
        """The token with a listed typo, or a typo of a key word, corrected."""
        found = self._folded.get(token)
        if found is None:
            if len(self._folded) >= _CACHE_LIMIT:
                self._folded = dict(self._lex.typos)
            found = self._folder.fold(token)
            self._folded[token] = found
        return found

    def _rest_matches(self, tokens: list[str], at: int, rest: tuple[Element, ...]) -> bool:
        if not rest:
            return True
        head, tail = rest[0], rest[1:]
        if isinstance(head, Gap) and tail and isinstance(tail[0], WordSpec):
            word, after = tail[0], tail[1:]  # the word after the gap, tried at each place
            for j in range(at, min(len(tokens), at + head.most + 1)):
                token = tokens[j]
                if word.matches(token) and self._rest_matches(tokens, j + 1, after):
                    return True
                if token in CLAUSE_MARKS:
                    return False
            return False
        if isinstance(head, Gap):
            for skip in range(head.most + 1):
                if skip and (at + skip - 1 >= len(tokens) or tokens[at + skip - 1] in CLAUSE_MARKS):
                    return False
                if self._rest_matches(tokens, at + skip, tail):
                    return True
            return False
        if at < len(tokens) and head.matches(tokens[at]):
            return self._rest_matches(tokens, at + 1, tail)
        return False

    def _negated(self, tokens: list[str], at: int) -> bool:
        lex = self._lex
        for j in range(at - 1, max(-1, at - 1 - NEGATION_WINDOW), -1):
            token = tokens[j]
            if token in CLAUSE_MARKS or token in lex.pivots or token in lex.blockers:
                return False
            if token in lex.negators:
                return True
        return False

    def _cjk_negated(self, text: str, at: int) -> bool:
        start = max(0, at - CJK_NEGATION_WINDOW)
        window = text[start:at]
        for i in range(len(window) - 1, -1, -1):
            if window[i] in CLAUSE_MARKS or window[i] == " ":
                start += i + 1
                window = window[i + 1 :]
                break
        for negator in self._lex.cjk_negators:
            found = window.find(negator)
            while found >= 0:
                if self._cjk_denies(text, start + found, negator):
                    return True
                found = window.find(negator, found + 1)
        return False

    def _cjk_denies(self, text: str, at: int, negator: str) -> bool:
        """Whether the negator at ``at`` denies: not in an A-not-A question (能不能), not part
        of a word that does not deny (非常 "very", 不过 "but", 不错 "good")."""
        if _a_not_a(text, at, len(negator)):
            return False
        for word in self._lex.cjk_not_negating:
            offset = word.find(negator)
            if offset >= 0 and text.startswith(word, at - offset):
                return False
        return True

    def scores(self, text: str) -> dict[str, float]:
        """Weight per reason of the cues found in ``text`` (already normalised)."""
        totals: dict[str, float] = defaultdict(float)
        counted: set[int] = set()
        done: set[int] = set()  # cues (or all cues of the same words) counted
        folded, fold = self._folded, self._fold
        tokens = [folded.get(t) or fold(t) for t in tokenise(text)]
        present = set(tokens)
        pairs, before = self._pairs, self._cues_before
        nexts: list[str | None] = [*tokens[1:], None]
        for i, key in enumerate(zip(tokens, nexts, strict=True)):
            candidates = pairs.get(key)
            if candidates is None:
                if key[0] >= "\u2e80":  # a run of Chinese (or a full-width mark): no word cue
                    continue  # starts there, and such runs are too varied to cache
                candidates = before(*key)
            if not candidates:
                continue
            said: set[str] = set()  # reasons a one-word cue already found in this token
            for first, taken, rest, group in candidates:
                if first.id in done or (first.needs and first.needs.isdisjoint(present)):
                    continue
                if isinstance(rest, _GapWord):  # the commonest: "X ~ Y"
                    if not _gap_word(tokens, i + taken, rest):
                        continue
                elif rest and not self._rest_matches(tokens, i + taken, rest):
                    continue
                if len(group) == 1:  # the commonest: words of one cue
                    if first.negatable and self._negated(tokens, i):
                        continue
                    if not first.rest and first.weight > 0:
                        if first.reason in said:  # "annulliert": French annul* and Italian annull*
                            continue
                        said.add(first.reason)
                    done.add(first.id)
                    totals[first.reason] += first.weight
                    continue
                negated: bool | None = None
                complete = True  # every cue of these words counted: never look for them again
                for cue in group:
                    if cue.id in counted:
                        continue
                    if cue.negatable:
                        if negated is None:
                            negated = self._negated(tokens, i)
                        if negated:
                            complete = False
                            continue
                    if not cue.rest and cue.weight > 0:
                        if cue.reason in said:
                            complete = False
                            continue
                        said.add(cue.reason)
                    counted.add(cue.id)
                    totals[cue.reason] += cue.weight
                if complete:
                    done.add(first.id)
        if not text.isascii() and has_cjk(text):
            self._cjk_scores(text, totals)
        return dict(totals)

    def _cjk_scores(self, text: str, totals: dict[str, float]) -> None:
        """Add the weights of the Chinese cues found in ``text``. Cues of one reason whose
        matches overlap count once, the longest ("还没收到货" holds 没收到 and 收到货: one
        "not received", not three); a cue that takes weight away always counts."""
        by_first = self._cjk_by_first
        found: list[tuple[int, int, int, CjkCue]] = []
        find, negated, then_end = text.find, self._cjk_negated, self._cjk_then
        for char in set(text).intersection(by_first):
            for pair, items in by_first[char]:
                if pair not in text:
                    continue
                for head, group in items:
                    first_at = find(head)
                    if first_at < 0:
                        continue
                    for cjk in group:
                        at = first_at
                        while at >= 0:
                            end = at + len(head)
                            if cjk.then:
                                end = then_end(text, end, cjk)
                            if end >= 0 and not (cjk.negatable and negated(text, at)):
                                found.append((at - end, cjk.id, at, cjk))
                                if cjk.weight < 0:
                                    break  # where it is said does not matter
                            at = find(head, at + 1)
        if len(found) == 1:
            cjk = found[0][3]
            totals[cjk.reason] += cjk.weight
            return
        found.sort()
        taken: dict[str, list[tuple[int, int]]] = {}
        counted: set[int] = set()  # a cue counts once, at a place no longer one took
        for minus_length, cue_id, at, cjk in found:
            if cue_id in counted:
                continue
            weight, reason = cjk.weight, cjk.reason
            if weight > 0:
                end = at - minus_length
                spans = taken.get(reason)
                if spans is None:
                    taken[reason] = [(at, end)]
                else:
                    for other_at, other_end in spans:
                        if at < other_end and other_at < end:
                            break
                    else:
                        spans.append((at, end))
                        counted.add(cue_id)
                        totals[reason] += weight
                    continue
            counted.add(cue_id)
            totals[reason] += weight

    def _cjk_then(self, text: str, start: int, cjk: CjkCue) -> int:
        """The end of one of the cue's alternatives within ``gap`` characters of ``start``, with
        no clause mark (and, for a negatable cue, no negator) in between; else -1."""
        pattern = self._then_patterns.get(cjk.id)
        if pattern is None:
            pattern = self._then_patterns[cjk.id] = self._then_pattern(cjk)
        found = pattern.match(text, start)
        return found.end() if found else -1

    def _then_pattern(self, cjk: CjkCue) -> re.Pattern[str]:
        """``_cjk_then`` as a regular expression: up to ``gap`` characters that are not a clause
        mark (nor a negator, for a negatable cue: 非常 and the other words that do not deny are
        let through whole), then the shortest way to one of the alternatives."""
        stops = "".join(sorted(CLAUSE_MARKS)) + " "
        unit = f"[^{re.escape(stops)}]"
        if cjk.negatable:
            denying = "".join(sorted({n[0] for n in self._lex.cjk_negators}))
            words = "|".join(re.escape(w) for w in self._lex.cjk_not_negating)
            unit = f"(?:{words + '|' if words else ''}[^{re.escape(stops + denying)}])"
        alternatives = "|".join(re.escape(t) for t in sorted(cjk.then, key=len, reverse=True))
        return re.compile(f"{unit}{{0,{cjk.gap}}}?(?:{alternatives})")
