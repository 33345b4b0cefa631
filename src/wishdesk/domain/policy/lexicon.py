"""The packaged rule data, read once and compiled once: rule metadata and the lexicons.

Data files live in ``data/`` (TOML): ``rules.toml`` (ids, severities, messages),
``common.toml`` (carrier hosts, IBAN lengths, brand patterns) and one lexicon per language.
Patterns of all languages are merged per rule into one regex, so a message in any supported
language (or a mix) is checked against every lexicon in one pass.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

LANGUAGES = ("en", "es", "fr", "de", "pt", "it", "zh")
# Rules whose patterns describe an intent that a negation in the same clause cancels.
NEGATABLE = frozenset(
    {"payment.account-request", "payment.off-platform", "contact.off-platform", "truth.shipped"}
)
# Rules matched on the leetspeak view as well ("sh1t", "@sshole").
LEET_RULES = frozenset({"respect.abuse"})
# Rules found by lexicon patterns (truth.shipped is used by the truth rules).
WORD_RULES = (
    "payment.account-request",
    "payment.off-platform",
    "payment.details-shared",
    "contact.off-platform",
    "respect.abuse",
    "respect.tone",
)
_MACRO = re.compile(r"%([A-Z]+)%")


def read_data(name: str) -> dict[str, Any]:
    """One packaged TOML data file."""
    text = resources.files(__package__).joinpath("data").joinpath(name).read_text(encoding="utf-8")
    data: dict[str, Any] = tomllib.loads(text)
    return data


def _alternation(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns if p)


def _compile(patterns: list[str]) -> re.Pattern[str] | None:
    joined = _alternation(patterns)
    return re.compile(joined) if joined else None


class Dispatch:
    """A rule's patterns split by the character a match can start with; each bucket is one
    merged regex, compiled on first use. ``match(text, pos)`` tries only the bucket of
    ``text[pos]``."""

    __slots__ = ("_compiled", "_sources")

    def __init__(self, patterns: list[str]) -> None:
        from wishdesk.domain.policy.firstchars import first_chars

        anywhere: list[str] = []
        by_char: dict[str, list[str]] = {}
        for pattern in patterns:
            chars = first_chars(pattern)
            if chars is None:
                anywhere.append(pattern)
                continue
            for ch in chars:
                by_char.setdefault(ch, []).append(pattern)
        self._sources = {ch: _alternation(found + anywhere) for ch, found in by_char.items()}
        self._sources[""] = _alternation(anywhere)
        self._compiled: dict[str, re.Pattern[str] | None] = {}

    def bucket(self, ch: str) -> re.Pattern[str] | None:
        """The merged regex of the patterns that can start with ``ch`` (cached)."""
        found = self._compiled.get(ch, _MISSING)
        if found is _MISSING:
            source = self._sources.get(ch, self._sources[""])
            found = re.compile(source) if source else None
            self._compiled[ch] = found
        result: re.Pattern[str] | None = found
        return result


_MISSING: Any = object()

# Where a lexicon pattern may start: a word start, or any CJK character. Trying the big
# merged patterns only there (instead of at every character) is what keeps lint fast.
_STARTS = re.compile(
    r"(?<![^\W_])[^\W_]|(?<!\d)\d|[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]"
)


def starts_of(text: str) -> list[int]:
    """The positions where a lexicon pattern may start."""
    return [m.start() for m in _STARTS.finditer(text)]


def scan(pattern: Dispatch, text: str, starts: list[int]) -> list[re.Match[str]]:
    """Non-overlapping matches of ``pattern`` that start at one of ``starts``."""
    found: list[re.Match[str]] = []
    last = 0
    bucket = pattern.bucket
    for pos in starts:
        if pos < last:
            continue
        regex = bucket(text[pos])
        if regex is None:
            continue
        m = regex.match(text, pos)
        if m is not None and m.end() > pos:
            found.append(m)
            last = m.end()
    return found


@dataclass(frozen=True)
class Relative:
    pattern: re.Pattern[str]
    days: int | None
    week_end: int | None
    month_end: int | None


@dataclass(frozen=True)
class EtaLexicon:
    delivery: re.Pattern[str]
    exclude: re.Pattern[str]
    conditional: re.Pattern[str]
    past: re.Pattern[str]
    next_prefix: re.Pattern[str]
    numbers: dict[str, int]
    months: tuple[tuple[re.Pattern[str], int], ...]
    weekdays: tuple[tuple[re.Pattern[str], int], ...]
    duration: Dispatch
    day_month: re.Pattern[str]
    month_day: re.Pattern[str]
    weekday: re.Pattern[str]
    relative: tuple[Relative, ...]
    relative_any: Dispatch
    unit_kinds: tuple[tuple[re.Pattern[str], str], ...]


@dataclass(frozen=True)
class Lexicon:
    patterns: dict[str, re.Pattern[str]]
    dispatch: dict[str, Dispatch]
    negation_cues: re.Pattern[str]
    negation_exceptions: re.Pattern[str]
    contrast: re.Pattern[str]
    tracking_keywords: re.Pattern[str]
    order_keywords: re.Pattern[str]
    phone_keywords: re.Pattern[str]
    eta: EtaLexicon
    carrier_hosts: tuple[str, ...]
    link_tlds: frozenset[str]
    iban_lengths: dict[str, int]
    html_tags: frozenset[str]
    bracket_words: str


def _expand(pattern: str, macros: dict[str, str]) -> str:
    return _MACRO.sub(lambda m: macros.get(m.group(1), m.group()), pattern)


def _eta(langs: list[dict[str, Any]], conditional: list[str]) -> EtaLexicon:
    etas = [lang.get("eta", {}) for lang in langs]

    def merged(key: str) -> str:
        return _alternation([e[key] for e in etas if e.get(key)])

    numbers: dict[str, int] = {}
    months: list[tuple[re.Pattern[str], int]] = []
    weekdays: list[tuple[re.Pattern[str], int]] = []
    relative: list[Relative] = []
    month_alts: list[str] = []
    weekday_alts: list[str] = []
    for eta in etas:
        numbers.update({k: int(v) for k, v in eta.get("numbers", {}).items()})
        for index, pattern in enumerate(eta.get("months", [])):
            months.append((re.compile(f"(?:{pattern})"), index + 1))
            month_alts.append(pattern)
        for index, pattern in enumerate(eta.get("weekdays", [])):
            weekdays.append((re.compile(f"(?:{pattern})"), index))
            weekday_alts.append(pattern)
        for item in eta.get("relative", []):
            relative.append(
                Relative(
                    re.compile(item["re"]),
                    item.get("days"),
                    item.get("week_end"),
                    item.get("month_end"),
                )
            )
    words = sorted(numbers, key=len, reverse=True)
    latin = "|".join(rf"\b{re.escape(w)}" for w in words if w.isascii())
    cjk = "|".join(re.escape(w) for w in words if not w.isascii())
    number = rf"(?:\d{{1,3}}|{latin}|[一二两三四五六七八九十]{{1,3}}|{cjk})"
    units = {
        "business": merged("business_units"),
        "day": merged("day_units"),
        "week": merged("week_units"),
        "month": merged("month_units"),
        "hour": merged("hour_units"),
    }
    unit_alt = "|".join(f"(?:{u})" for u in units.values())
    duration = Dispatch(
        [
            rf"(?<![a-z0-9.,/])(?P<n1>{number})(?:\s*(?:{merged('range')})\s*(?P<n2>{number}))?"
            rf"\s*-?\s*(?P<unit>{unit_alt})(?![a-z])"
        ]
    )
    month_alt = "|".join(f"(?:{m})" for m in month_alts)
    day_month = re.compile(
        rf"(?<![\w.,/])(?P<d>\d{{1,2}})(?:st|nd|rd|th|er|o|\.)?(?:\s+de|\s+of)?\s*"
        rf"(?P<mon>{month_alt})(?![a-z])(?:,?\s*(?:de\s+)?(?P<y>\d{{4}}))?"
    )
    month_day = re.compile(
        rf"(?<![a-z])(?P<mon>{month_alt})\s*(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d])"
        rf"(?:,?\s*(?P<y>\d{{4}}))?"
    )
    weekday = re.compile(
        rf"(?<![a-z])(?P<wd>{'|'.join(f'(?:{w})' for w in weekday_alts)})(?![a-z])"
    )
    unit_kinds = tuple((re.compile(f"(?:{p})"), kind) for kind, p in units.items())
    return EtaLexicon(
        delivery=re.compile(merged("delivery")),
        exclude=re.compile(merged("exclude")),
        conditional=re.compile(_alternation(conditional)),
        past=re.compile(merged("past")),
        next_prefix=re.compile(merged("next")),
        numbers=numbers,
        months=tuple(months),
        weekdays=tuple(weekdays),
        duration=duration,
        day_month=day_month,
        month_day=month_day,
        weekday=weekday,
        relative=tuple(relative),
        relative_any=Dispatch([f"(?P<r{i}>{r.pattern.pattern})" for i, r in enumerate(relative)]),
        unit_kinds=unit_kinds,
    )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The compiled lexicon of every language (built on first use, then cached)."""
    common = read_data("common.toml")
    langs = [read_data(f"{code}.toml") for code in LANGUAGES]
    by_rule: dict[str, list[str]] = {}
    for rule, patterns in common.get("patterns", {}).items():
        by_rule.setdefault(rule, []).extend(patterns)
    cues: list[str] = []
    exceptions: list[str] = []
    contrast: list[str] = []
    conditional: list[str] = []
    tracking: list[str] = []
    orders: list[str] = []
    phones: list[str] = []
    for lang in langs:
        macros = lang.get("macros", {})
        for rule, patterns in lang.get("patterns", {}).items():
            by_rule.setdefault(rule, []).extend(_expand(p, macros) for p in patterns)
        negation = lang.get("negation", {})
        cues += negation.get("cues", [])
        exceptions += negation.get("exceptions", [])
        contrast += negation.get("contrast", [])
        conditional += negation.get("conditional", [])
        track = lang.get("tracking", {})
        tracking.append(track.get("keywords", ""))
        orders.append(track.get("order_keywords", ""))
        phones.append(track.get("phone_keywords", ""))
    compiled = {"truth.shipped": re.compile(_alternation(by_rule.get("truth.shipped", [])))}
    dispatch = {rule: Dispatch(p) for rule, p in by_rule.items()}
    placeholders = common.get("placeholders", {})
    return Lexicon(
        patterns=compiled,
        dispatch=dispatch,
        negation_cues=re.compile(_alternation(cues)),
        negation_exceptions=re.compile(_alternation(exceptions)),
        contrast=re.compile(_alternation(contrast)),
        tracking_keywords=re.compile(_alternation(tracking)),
        order_keywords=re.compile(_alternation(orders)),
        phone_keywords=re.compile(_alternation(phones)),
        eta=_eta(langs, conditional),
        carrier_hosts=tuple(common["carrier_hosts"]),
        link_tlds=frozenset(common["link_tlds"]),
        iban_lengths={k: int(v) for k, v in common["iban_lengths"].items()},
        html_tags=frozenset(placeholders.get("html_tags", [])),
        bracket_words=placeholders.get("bracket_words", "(?!)"),
    )
