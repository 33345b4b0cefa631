"""Coordinates in the text: e-mail addresses, links, phone numbers, card numbers, IBANs."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from wishdesk.domain import regex_codes
from wishdesk.domain.policy.finding import Hit
from wishdesk.domain.policy.lexicon import Lexicon
from wishdesk.domain.policy.spans import Taken
from wishdesk.domain.policy.textview import TextView
from wishdesk.domain.policy.validators import host_allowed, iban_ok, looks_like_card
from wishdesk.i18n import N_

Span = tuple[int, int]

# The regexes compile on the first text that has what they need (an "@", a dot, seven
# digits): a short message at start-up compiles none of them.

# Chinese and Japanese put no space between words: a character from U+3000 up (CJK
# punctuation, kana, Han, Hangul, full-width forms) ends a number, an address or a link as a
# space does ("邮箱abc@x.com", "小韩13812345678欢迎"); a Latin letter or a digit still does not
# ("abc12345678" is an order reference). A negated small range: a class of the CJK blocks
# themselves takes milliseconds to compile.
_CJK_BEFORE = r"(?<=[^\x00-\u2fff])"
_CJK_AFTER = r"(?=[^\x00-\u2fff])"


@lru_cache(maxsize=1)
def _email() -> re.Pattern[str]:
    return regex_codes.compile(
        rf"(?:(?<![\w.+-])|{_CJK_BEFORE})"
        r"[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?![a-z0-9-])"
    )


@lru_cache(maxsize=1)
def _urls() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A link with a scheme or "www.", and its scheme. "http://", also written around link
    filters: "http //", "hxxps: // host". A link ends where Chinese text is glued to it
    ("www.17track.net查询"), unless its host is written in Chinese."""
    return (
        regex_codes.compile(
            r"(?:h(?:tt|xx)ps?(?::\s?//|\s?:?\s?//\s?)|www\.)"
            r"(?:[^\s<>\"'\])}\u3000-\U0010ffff]+|[^\s<>\"'\])}\u3000-\u303f\uff00-\uffef]+)"
        ),
        regex_codes.compile(r"^h\w+\s?:?\s?//\s?"),
    )


class _Numbers(NamedTuple):
    card: re.Pattern[str]
    iban_start: re.Pattern[str]
    phone: re.Pattern[str]
    spaced_digits: re.Pattern[str]
    us_phone: re.Pattern[str]
    fr_phone: re.Pattern[str]
    cn_mobile: re.Pattern[str]
    date_shape: re.Pattern[str]
    currency: re.Pattern[str]


@lru_cache(maxsize=1)
def _numbers() -> _Numbers:
    return _Numbers(
        card=regex_codes.compile(r"(?<![\d.,])(?:\d[ -]?){12,18}\d(?![ -]?\d)"),
        iban_start=regex_codes.compile(r"(?<![a-z0-9])[a-z]{2}\d{2}(?=[ -]?[a-z0-9])"),
        phone=regex_codes.compile(
            rf"(?:(?<![\w+/.,-])|{_CJK_BEFORE})(?:\+|00)?\(?\d[\d \-.()/]{{5,22}}\d"
            rf"(?:(?!\w)|{_CJK_AFTER})"
        ),
        spaced_digits=regex_codes.compile(r"(?:\d[ .\-]){7,}\d"),
        us_phone=regex_codes.compile(r"\(?\d{3}\)?[ .\-]?\d{3}[ .\-]\d{4}"),
        fr_phone=regex_codes.compile(r"0[1-9](?:[ .\-]?\d{2}){4}"),
        cn_mobile=regex_codes.compile(r"1[3-9]\d{9}"),
        date_shape=regex_codes.compile(
            r"\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}"
        ),
        currency=regex_codes.compile(r"[$€£¥₹]|\b(?:usd|eur|gbp|cny|rmb|brl|mxn)\b|元"),
    )


_TRAILING = ".,;:!?)]}'\""
_NO_DIGITS = str.maketrans("", "", "0123456789")


@lru_cache(maxsize=1)
def _ip_host() -> re.Pattern[str]:
    """An IPv4 address standing for a host: four numbers of at most three digits, the first
    not 0, with no digit or dot around them (a version "1.2.3" or a date has fewer parts)."""
    return regex_codes.compile(
        r"(?<![\d.,])([1-9]\d{0,2})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\d.]\d|\d)(?:/\S*)?"
    )


@lru_cache(maxsize=1)
def _version_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The words around a four-part number that make it a version, not a host: "version
    9.0.0.181", "v 9.0.0.181", "升级到9.0.0.181版本"."""
    return (
        regex_codes.compile(
            r"(?:\bversions?|\bversao|\bversion|\bversione|\bver\.?|\bv|firmware|"
            r"版本|升级到|升級到|更新到)\s?:?\s?\Z"
        ),
        regex_codes.compile(r"\s?(?:版|\bversion\b)"),
    )


def _version_number(text: str, start: int, end: int) -> bool:
    before, after = _version_words()
    return bool(before.search(text, max(0, start - 12), start) or after.match(text, end))


@lru_cache(maxsize=4)
def _bare_link(link_tlds: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A bare link ("shop.example.com/x"), and what every one holds: a dot before the
    first character of a top-level domain (a quick test that most texts fail)."""
    tlds = "|".join(sorted(link_tlds, key=lambda t: (-len(t), t)))  # the same source every run
    link = regex_codes.compile(
        rf"(?:(?<![\w@./-])|{_CJK_BEFORE})(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:{tlds})"
        r"(?![a-z0-9-])(?:/[^\s<>\"'\u3000-\U0010ffff]*)?"
    )
    firsts = "".join(sorted({re.escape(t[0]) for t in link_tlds if t}))
    return link, regex_codes.compile(rf"\.[{firsts}]" if firsts else "(?!)")


def _link_hosts(text: str, lex: Lexicon) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    urls = Taken(len(text))
    if "//" in text or "www." in text:
        with_scheme, scheme = _urls()
        for m in with_scheme.finditer(text):
            url = m.group().rstrip(_TRAILING)
            rest = scheme.sub("", url)
            host = re.split(r"[/?#:]", rest, maxsplit=1)[0]
            found.append((m.start(), m.start() + len(url), host))
            urls.add(m.start(), m.start() + len(url))
    for m in _ip_host().finditer(text):  # a host given as its address ("acesse 191.232.213.50")
        if _version_number(text, m.start(), m.end()):
            continue
        if urls.free(m.start(), m.end()) and all(int(part) <= 255 for part in m.group(1, 2, 3, 4)):
            found.append((m.start(), m.end(), m.group()))
            urls.add(m.start(), m.end())
    link, dot_tld = _bare_link(lex.link_tlds)
    if dot_tld.search(text) is None:
        return found
    for m in link.finditer(text):
        if not urls.free(m.start(), m.end()):
            continue
        url = m.group().rstrip(_TRAILING)
        host = url.split("/", 1)[0]
        if not re.search(r"[a-z]", host.rsplit(".", 1)[0]):
            continue  # "3.5", "1.de"
        found.append((m.start(), m.start() + len(url), host))
    return found


def _ibans(text: str, lex: Lexicon) -> list[Span]:
    found: list[Span] = []
    for m in _numbers().iban_start.finditer(text):
        length = lex.iban_lengths.get(m.group()[:2].upper())
        if length is None:
            continue
        chars: list[str] = []
        index = m.start()
        end = index
        while index < len(text) and len(chars) < length:
            ch = text[index]
            if ch.isascii() and ch.isalnum():
                chars.append(ch)
                end = index + 1
            elif ch not in " -" or (index + 1 < len(text) and text[index + 1] in " -"):
                break
            index += 1
        glued = end < len(text) and text[end].isalnum() and text[end] < "\u3000"
        if len(chars) != length or glued:
            continue
        if iban_ok("".join(chars).upper(), lex.iban_lengths):
            found.append((m.start(), end))
    return found


def _is_phone(text: str, m: re.Match[str], lex: Lexicon, present: frozenset[str]) -> bool:
    numbers = _numbers()
    raw = m.group()
    digits = re.sub(r"\D", "", raw)
    # an E.164 number has at most 15 digits, not counting a "00" before the country code
    # nor the trunk "(0)" after it ("0049 (0)203-47955990")
    counted = len(digits) - 2 * raw.startswith("00") - ("(0)" in raw)
    if not 7 <= counted <= 15 or numbers.date_shape.fullmatch(raw.strip()):
        return False
    before = text[max(0, m.start() - 40) : m.start()]
    after = text[m.end() : m.end() + 6]
    if numbers.currency.search(before[-6:]) or numbers.currency.search(after):
        return False
    if raw.startswith(("+", "00")) and len(digits) >= 9:
        return True
    if numbers.spaced_digits.fullmatch(raw):
        return True
    phone_word = lex.phone_keywords.search(before) if lex.phone_keywords.live(present) else None
    other_word = None
    for other in (lex.tracking_keywords, lex.order_keywords):
        if not other.live(present):
            continue
        for hit in other.finditer(before):
            other_word = hit
    if other_word and (phone_word is None or other_word.start() > phone_word.start()):
        return False
    if phone_word:
        return True
    compact = raw.strip()
    return bool(
        numbers.us_phone.fullmatch(compact)
        or numbers.fr_phone.fullmatch(compact)
        or numbers.cn_mobile.fullmatch(compact)
    )


def detect_data(
    view: TextView, lex: Lexicon, reserved: list[Span], present: frozenset[str]
) -> tuple[list[Hit], list[Span]]:
    """Hits for coordinates in the text; ``reserved`` are normalised spans already known to be
    something else (tracking numbers, order ids); ``present``: the triggers in the text.
    Returns the hits and the spans they cover."""
    text = view.norm
    hits: list[Hit] = []
    taken = Taken(len(text), reserved)

    def add(rule: str, start: int, end: int, kind: str, *data: tuple[str, str]) -> None:
        a, b = view.span(start, end)
        hits.append(Hit(rule, a, b, (("kind", kind), *data)))
        taken.add(start, end)

    if "@" in text:
        for m in _email().finditer(text):
            host = m.group().rsplit("@", 1)[1]
            if not host_allowed(host, lex.carrier_hosts):
                add("contact.off-platform", m.start(), m.end(), N_("an e-mail address"))
            else:
                taken.add(*m.span())
    if "." in text or "//" in text:  # a scheme makes a link even without a dot ("http // bit")
        for start, end, host in _link_hosts(text, lex):
            if not taken.free(start, end):
                continue
            if host == "paypal.me" or host.endswith(".paypal.me"):
                add("payment.details-shared", start, end, N_("a paypal.me link"))
            elif not host_allowed(host, lex.carrier_hosts):
                add("contact.off-platform", start, end, N_("a link to {host}"), ("host", host))
    digits = len(text) - len(text.translate(_NO_DIGITS))
    if digits >= 7:
        numbers = _numbers()
        for m in numbers.card.finditer(text):
            number = re.sub(r"\D", "", m.group())
            if taken.free(m.start(), m.end()) and looks_like_card(number):
                add("payment.details-shared", m.start(), m.end(), N_("a card number"))
        for start, end in _ibans(text, lex):
            if taken.free(start, end):
                add("payment.details-shared", start, end, N_("an IBAN"))
        for m in numbers.phone.finditer(text):
            if taken.free(m.start(), m.end()) and _is_phone(text, m, lex, present):
                end = m.end() - (len(m.group()) - len(m.group().rstrip(" -.(/")))
                add("contact.off-platform", m.start(), end, N_("a phone number"))
    return hits, taken.spans
