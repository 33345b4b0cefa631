"""The text the rules look at, and the way back to the text the merchant wrote.

Rules match a *normalised* view of the message: Unicode NFKC (full-width forms, ligatures),
case folded, accents removed, typographic quotes made plain, invisible characters dropped,
and common obfuscations undone ("p a y p a l", "gmail (at) x (dot) com", "paypal dot me").
Every character of the view remembers the original characters it came from, so a match in
the view maps back to a span of the original text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from wishdesk.domain.lazy_pattern import LazyPattern

_QUOTES = {
    "\u2018": "'",
    "\u2019": "'",
    "\u02bc": "'",
    "\u00b4": "'",
    "`": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u3002": "。",
}
_DROP = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u034f"}
_LEET = str.maketrans(
    {
        "0": "o",
        "1": "i",
        "3": "e",
        "4": "a",
        "5": "s",
        "7": "t",
        "@": "a",
        "$": "s",
        "|": "i",
        "+": "t",
    }
)
# "!" reads as "i" only inside a word or at its start ("sh!t", "!diot"): after a word it is
# the mark, and "Reno!" is not "renoi" (a slur of the French list).
_BANG_IN_WORD = re.compile(r"(?<![!\w])!(?=[^\W\d_])|(?<=[^\W\d_])!(?=[^\W\d_])")

# Letters spelt out one by one ("w h a t s a p p", "p.a.y.p.a.l"), also right after or before
# Chinese characters, which are word characters but never part of a Latin word ("加w.h.a.t.s").
_SPACED_LETTERS = LazyPattern(
    r"(?<![^\W\d_\u3400-\u9fff])(?:[^\W\d_][ ._*\-]){3,}[^\W\d_](?![^\W\d_\u3400-\u9fff])"
)
# The same on an ASCII text (lower case by then), where a letter is [a-z] and nothing is CJK:
# the class above costs a millisecond to compile, which a one-message lint need not pay.
_SPACED_ASCII = LazyPattern(r"(?<![a-z])(?:[a-z][ ._*\-]){3,}[a-z](?![a-z])")
_SPACERS = LazyPattern(r"[ ._*\-]")
# Spaces between Chinese characters, which written Chinese does not use: a word-segmented text
# ("支付 宝 账号", "微 信号") or a filter dodged by spacing ("微 信") reads as one run; so do
# the marks a filter is dodged with ("脑*残", "智-障", "傻~逼", "微·信").
_CJK_GAP = LazyPattern(r"(?<=[\u3400-\u9fff])[ *\-~·]+(?=[\u3400-\u9fff])")
_AT_WORDS = r"(?:at|arroba|arobase|chiocciola|klammeraffe)"
_DOT_WORDS = r"(?:dot|punto|point|ponto|punkt)"
_TLDS = r"(?:com|net|org|me|cn|de|fr|es|it|pt|br|co|uk|ru|info|io)"
_MAIL_HOSTS = (
    r"(?:gmail|googlemail|yahoo|hotmail|outlook|live|msn|icloud|me|aol|qq|163|126|sina|gmx|web"
    r"|libero|orange|free|protonmail|proton|mail|yandex|wanadoo|sfr|t-online|uol|bol|terra"
    r"|naver|foxmail|tiscali|virgilio|alice|laposte|posteo)"
)
_BRACKET_AT = LazyPattern(rf"\s*[\(\[\{{<]\s*{_AT_WORDS}\s*[\)\]\}}>]\s*")
_BRACKET_DOT = LazyPattern(rf"\s*[\(\[\{{<]\s*{_DOT_WORDS}\s*[\)\]\}}>]\s*")
_WORD_AT = LazyPattern(rf"\s+{_AT_WORDS}\s+(?={_MAIL_HOSTS}\b)")
_WORD_DOT = LazyPattern(rf"(?<=[a-z0-9])\s+{_DOT_WORDS}\s+(?={_TLDS}\b)")
_SPACED_AT = LazyPattern(r"(?<=[a-z0-9])\s+@\s*(?=[a-z0-9])|(?<=[a-z0-9])\s*@\s+(?=[a-z0-9])")
# A run of spaces or tabs reads as one space ("ihr seid so  dumm"): patterns write one.
_BLANKS = LazyPattern(r"[ \t]{2,}|\t")
# An underscore between letters or digits joins words ("AVISO_ITAU Consta_irregularidade"):
# read as a space, so that a word edge is found between them; not inside an e-mail address
# or a link ("john_doe@gmail.com"), whose span must stay whole.
_UNDERSCORE = LazyPattern(r"(?<=[^\W_])_+(?=[^\W_])")
_TOKEN = LazyPattern(r"[^ \n]*")  # blanks are single spaces by then (``_BLANKS``)


class _UnderscoreReader:
    """Reads each ``_UNDERSCORE`` match as a space, unless the token around it (between
    blanks) holds an "@" or a "/". Matches come left to right, so each token is measured
    once and the search for its start never goes back past the last one: linear in the text
    ("insta_insta_..." of 100,000 characters is one token of 16,000 underscores)."""

    __slots__ = ("_end", "_keep")

    def __init__(self) -> None:
        self._end = 0
        self._keep = False

    def __call__(self, match: re.Match[str]) -> str:
        text, start = match.string, match.start()
        if start >= self._end:
            floor = self._end
            left = max(text.rfind(" ", floor, start), text.rfind("\n", floor, start), floor - 1)
            token = _TOKEN.match(text, left + 1)
            assert token is not None  # the pattern matches the empty string too
            self._end, word = token.end(), token.group()
            self._keep = "@" in word or "/" in word
        return match.group() if self._keep else " "


@lru_cache(maxsize=4096)
def _fold(ch: str) -> str:
    if ch in _DROP:
        return ""
    ch = _QUOTES.get(ch, ch)
    out = unicodedata.normalize("NFKC", ch).casefold()
    if out.isascii():
        return out
    decomposed = unicodedata.normalize("NFD", out)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped)


class _FoldTable(dict[int, str]):
    """``str.translate`` table of ``_fold``, filled on demand; the characters whose fold is
    not exactly one character are kept in ``_IRREGULAR``."""

    def __missing__(self, code: int) -> str:
        folded = _fold(chr(code))
        if len(folded) != 1:
            _IRREGULAR.add(chr(code))
        self[code] = folded
        return folded


_TABLE = _FoldTable()
_IRREGULAR: set[str] = set()
_TABLE_LIMIT = 65_536  # code points remembered (a hostile text may use every one)


def fold(text: str) -> str:
    """``text`` normalised as the view normalises it, character by character (for data)."""
    return "".join(_fold(ch) for ch in text)


class TextView:
    """The original text, its normalised view ``norm`` and a leetspeak-decoded ``leet``
    (same length as ``norm``), with the offset map between them."""

    __slots__ = ("_ends", "_leet", "_starts", "norm", "original")

    def __init__(self, original: str) -> None:
        self.original = original
        self._starts: list[int] | None = None
        self._ends: list[int] | None = None
        self._leet: str | None = None
        if original.isascii():
            norm = original.lower()
        else:
            if len(_TABLE) > _TABLE_LIMIT:
                _TABLE.clear()
                _IRREGULAR.clear()
            norm = original.translate(_TABLE)
            if _IRREGULAR.isdisjoint(original):  # one character for one: no offset map
                self.norm = norm
                self._deobfuscate()
                return
            pieces: list[str] = []
            starts: list[int] = []
            for index, ch in enumerate(original):
                folded = _fold(ch)
                pieces.append(folded)
                starts.extend([index] * len(folded))
            norm = "".join(pieces)
            if len(starts) != len(original) or norm != original:
                self._starts = starts
                self._ends = [s + 1 for s in starts]
        self.norm = norm
        self._deobfuscate()

    @property
    def leet(self) -> str:
        """``norm`` with digits and symbols read as letters ("sh1t", "@ss")."""
        if self._leet is None:
            leet = self.norm.translate(_LEET)
            if "!" in leet:
                leet = _BANG_IN_WORD.sub("i", leet)
            self._leet = leet
        return self._leet

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of ``norm[start:end]``."""
        if self._starts is None or self._ends is None:
            return start, end
        size = len(self._starts)
        if size == 0:
            return 0, 0
        start = min(max(start, 0), size - 1)
        end = min(max(end, start + 1), size)
        return self._starts[start], self._ends[end - 1]

    def _substitute(self, pattern: LazyPattern, repl: Callable[[re.Match[str]], str]) -> None:
        text = self.norm
        if pattern.search(text) is None:
            return
        if self._starts is None or self._ends is None:
            self._starts = list(range(len(text)))
            self._ends = [i + 1 for i in self._starts]
        starts, ends = self._starts, self._ends
        out: list[str] = []
        new_starts: list[int] = []
        new_ends: list[int] = []
        last = 0
        for match in pattern.finditer(text):
            a, b = match.span()
            out.append(text[last:a])
            new_starts.extend(starts[last:a])
            new_ends.extend(ends[last:a])
            replacement = repl(match)
            if b > a:
                origin_start, origin_end = starts[a], ends[b - 1]
            else:
                origin_start = origin_end = starts[a] if a < len(starts) else len(self.original)
            out.append(replacement)
            new_starts.extend([origin_start] * len(replacement))
            new_ends.extend([origin_end] * len(replacement))
            last = b
        out.append(text[last:])
        new_starts.extend(starts[last:])
        new_ends.extend(ends[last:])
        self.norm = "".join(out)
        self._starts, self._ends = new_starts, new_ends
        self._leet = None

    def _deobfuscate(self) -> None:
        text = self.norm
        if "  " in text or "\t" in text:
            self._substitute(_BLANKS, lambda m: " ")
        spaced = _SPACED_ASCII if text.isascii() else _SPACED_LETTERS
        self._substitute(spaced, lambda m: _SPACERS.sub("", m.group()))
        if not text.isascii():
            self._substitute(_CJK_GAP, lambda m: "")
        if "(" in text or "[" in text or "{" in text or "<" in text:
            self._substitute(_BRACKET_AT, lambda m: "@")
            self._substitute(_BRACKET_DOT, lambda m: ".")
        self._substitute(_WORD_AT, lambda m: "@")
        self._substitute(_WORD_DOT, lambda m: ".")
        if "@" in text:
            self._substitute(_SPACED_AT, lambda m: "@")
        if "_" in text:
            self._substitute(_UNDERSCORE, _UnderscoreReader())
