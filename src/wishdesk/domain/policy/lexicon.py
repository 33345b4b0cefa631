"""The packaged rule data, read once and compiled on demand: rule metadata and the lexicons.

Data files live in ``data/`` (TOML): ``rules.toml`` (ids, severities, messages),
``common.toml`` (carrier hosts, IBAN lengths, brand patterns) and one lexicon per language.
Every lexicon is applied to every message, so a message in any supported language (or a
mix) is checked against all of them.

Speed. Each regex comes with its *triggers* (``triggers.py``): literals one of which must
occur in any text it matches. A message's triggers are looked up once (``Lexicon.present``);
a regex none of whose triggers occur is not run, and a regex is compiled the first time it
has to run. Reading the TOML files and working out the triggers is the expensive part of
the build, so its result (plain data, the *plan*) is cached in ``__pycache__`` next to this
module under a name made of a checksum of the data files and the Python version: editing a
data file makes a new plan, an unwritable directory only means building in memory.
"""

from __future__ import annotations

import marshal
import os
import re
import sys
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

LANGUAGES = ("en", "es", "fr", "de", "pt", "it", "zh")
DATA_FILES = ("rules.toml", "common.toml", *(f"{code}.toml" for code in LANGUAGES))
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
PLAN_VERSION = 2
_MACRO = re.compile(r"%([A-Z]+)%")
_DATA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
_CACHE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "__pycache__")

# Where a lexicon pattern may start: a word start, or any CJK character.
_STARTS = re.compile(
    r"(?<![^\W_])[^\W_]|(?<!\d)\d|[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]"
)


def _read_bytes(name: str) -> bytes:
    path = os.path.join(_DATA_DIR, name)
    if os.path.exists(path):
        with open(path, "rb") as handle:
            return handle.read()
    from importlib import resources  # pragma: no cover - a zipped install

    return (
        resources.files(__package__).joinpath("data").joinpath(name).read_bytes()
    )  # pragma: no cover


def _loads(text: str) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]
    data: dict[str, Any] = tomllib.loads(text)
    return data


def read_data(name: str) -> dict[str, Any]:
    """One packaged TOML data file."""
    return _loads(_read_bytes(name).decode("utf-8"))


# -- gates: a regex, its triggers, compiled on first use ---------------------------------


class Gate:
    """A regex source with its trigger literals, compiled the first time it is used.
    ``live(present)`` is False when none of its triggers occur in the text: it cannot match."""

    __slots__ = ("_regex", "source", "triggers")

    def __init__(self, source: str, triggers: frozenset[str] | None) -> None:
        self.source = source or "(?!)"
        self.triggers = triggers if source else frozenset()
        self._regex: re.Pattern[str] | None = None

    @property
    def regex(self) -> re.Pattern[str]:
        if self._regex is None:
            self._regex = re.compile(self.source)
        return self._regex

    def live(self, present: frozenset[str] | set[str]) -> bool:
        return self.triggers is None or not self.triggers.isdisjoint(present)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return self.regex.search(text, pos, len(text) if endpos is None else endpos)

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text, pos, len(text) if endpos is None else endpos)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.regex.fullmatch(text)

    def sub(self, repl: Callable[[re.Match[str]], str], text: str) -> str:
        return self.regex.sub(repl, text)


def _next_at_start(gate: Gate, text: str, pos: int) -> re.Match[str] | None:
    """The first non-empty match at or after ``pos`` that starts where a word may start."""
    search = gate.regex.search
    is_start = _STARTS.match
    while True:
        m = search(text, pos)
        if m is None:
            return None
        start = m.start()
        if m.end() > start and is_start(text, start):
            return m
        pos = start + 1


class Gates:
    """An ordered list of gates, indexed by trigger: ``active(present)`` finds the gates that
    may match a text from its triggers, without looking at every gate."""

    __slots__ = ("always", "by_literal", "gates")

    def __init__(self, gates: tuple[Gate, ...]) -> None:
        self.gates = gates
        self.always = [i for i, g in enumerate(gates) if g.triggers is None]
        self.by_literal: dict[str, list[int]] = {}
        for i, gate in enumerate(gates):
            for literal in gate.triggers or ():
                self.by_literal.setdefault(literal, []).append(i)

    def __len__(self) -> int:
        return len(self.gates)

    def active(self, present: frozenset[str]) -> list[int]:
        by_literal = self.by_literal
        hits = [i for literal in present if (hit := by_literal.get(literal)) for i in hit]
        if not hits:  # the common case: only the gates without triggers (already sorted)
            return self.always
        return sorted(set(self.always).union(hits))


def scan(gates: Gates, text: str, present: frozenset[str]) -> list[tuple[int, re.Match[str]]]:
    """Non-overlapping matches of the alternation of ``gates`` (earlier gates first where
    two match at the same place) that start at a word start or a CJK character, each with
    the index of its gate. Gates whose triggers do not occur in the text are skipped."""
    indices = gates.active(present)
    if not indices:
        return []
    active = [(i, gates.gates[i]) for i in indices]
    nexts = [_next_at_start(g, text, 0) for _, g in active]
    found: list[tuple[int, re.Match[str]]] = []
    while True:
        best = -1
        for k, m in enumerate(nexts):
            if m is not None and (best < 0 or m.start() < nexts[best].start()):  # type: ignore[union-attr]
                best = k
        if best < 0:
            return found
        chosen = nexts[best]
        assert chosen is not None
        found.append((active[best][0], chosen))
        end = chosen.end()
        for k, m in enumerate(nexts):
            if m is not None and m.start() < end:
                nexts[k] = _next_at_start(active[k][1], text, end)


# -- the compiled lexicon -----------------------------------------------------------------


@dataclass(frozen=True)
class Relative:
    days: int | None
    week_end: int | None
    month_end: int | None


@dataclass(frozen=True)
class EtaLexicon:
    delivery: Gate
    exclude: Gate
    conditional: Gate
    past: Gate
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


@dataclass(frozen=True)
class Lexicon:
    patterns: dict[str, Gate]
    dispatch: dict[str, Gates]
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
    index: dict[str, tuple[str, ...]]
    short: tuple[str, ...]
    short_ascii: tuple[str, ...]

    def present(self, text: str) -> frozenset[str]:
        """The trigger literals that occur in ``text`` (a normalised, lower-case text)."""
        short = self.short if not text.isascii() else self.short_ascii
        found = {t for t in short if t in text}
        index = self.index
        # Look each of the text's trigrams up (about one per character), rather than
        # intersecting with the index's keys, which builds a set of all of them every time.
        for gram in {text[i : i + 3] for i in range(len(text) - 2)}:
            literals = index.get(gram)
            if literals:
                for literal in literals:
                    if len(literal) == 3 or literal in text:
                        found.add(literal)
        return frozenset(found)


# -- the plan: everything the lexicon needs, as plain data ------------------------------


def _alternation(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns if p)


def _expand(pattern: str, macros: dict[str, str]) -> str:
    return _MACRO.sub(lambda m: macros.get(m.group(1), m.group()), pattern)


def _gate(source: str) -> list[Any]:
    from wishdesk.domain.policy.triggers import triggers

    found = triggers(source) if source else frozenset()
    return [source, found]


def _eta_plan(langs: list[dict[str, Any]], conditional: list[str]) -> dict[str, Any]:
    etas = [lang.get("eta", {}) for lang in langs]

    def merged(key: str) -> str:
        return _alternation([e[key] for e in etas if e.get(key)])

    numbers: dict[str, int] = {}
    months: list[list[Any]] = []
    weekdays: list[list[Any]] = []
    relative: list[list[Any]] = []
    month_alts: list[str] = []
    weekday_alts: list[str] = []
    for eta in etas:
        numbers.update({k: int(v) for k, v in eta.get("numbers", {}).items()})
        for index, pattern in enumerate(eta.get("months", [])):
            months.append([_gate(f"(?:{pattern})"), index + 1])
            month_alts.append(pattern)
        for index, pattern in enumerate(eta.get("weekdays", [])):
            weekdays.append([_gate(f"(?:{pattern})"), index])
            weekday_alts.append(pattern)
        for item in eta.get("relative", []):
            relative.append(
                [_gate(item["re"]), item.get("days"), item.get("week_end"), item.get("month_end")]
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
    duration = (
        rf"(?<![a-z0-9.,/])(?P<n1>{number})(?:\s*(?:{merged('range')})\s*(?P<n2>{number}))?"
        rf"\s*-?\s*(?P<unit>{unit_alt})(?![a-z])"
    )
    month_alt = "|".join(f"(?:{m})" for m in month_alts)
    day_month = (
        rf"(?<![\w.,/])(?P<d>\d{{1,2}})(?:st|nd|rd|th|er|o|\.)?(?:\s+de|\s+of)?\s*"
        rf"(?P<mon>{month_alt})(?![a-z])(?:,?\s*(?:de\s+)?(?P<y>\d{{4}}))?"
    )
    month_day = (
        rf"(?<![a-z])(?P<mon>{month_alt})\s*(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d])"
        rf"(?:,?\s*(?P<y>\d{{4}}))?"
    )
    weekday = rf"(?<![a-z])(?P<wd>{'|'.join(f'(?:{w})' for w in weekday_alts)})(?![a-z])"
    return {
        "delivery": _gate(merged("delivery")),
        "exclude": _gate(merged("exclude")),
        "conditional": _gate(_alternation(conditional)),
        "past": _gate(merged("past")),
        "next_prefix": _gate(merged("next")),
        "numbers": numbers,
        "months": months,
        "weekdays": weekdays,
        "duration": _gate(duration),
        "day_month": _gate(day_month),
        "month_day": _gate(month_day),
        "weekday": _gate(weekday),
        "relative": relative,
        "unit_kinds": [[_gate(f"(?:{p})"), kind] for kind, p in units.items()],
    }


def build_plan(files: dict[str, bytes]) -> dict[str, Any]:
    """The plan from the data files' contents (``DATA_FILES`` -> bytes)."""
    data = {name: _loads(raw.decode("utf-8")) for name, raw in files.items()}
    common = data["common.toml"]
    langs = [data[f"{code}.toml"] for code in LANGUAGES]
    by_rule: dict[str, list[str]] = {}
    for rule, patterns in common.get("patterns", {}).items():
        by_rule.setdefault(rule, []).extend(patterns)
    lists: dict[str, list[str]] = {
        k: [] for k in ("cues", "exceptions", "contrast", "conditional", "tracking", "orders")
    }
    phones: list[str] = []
    for lang in langs:
        macros = lang.get("macros", {})
        for rule, patterns in lang.get("patterns", {}).items():
            by_rule.setdefault(rule, []).extend(_expand(p, macros) for p in patterns)
        negation = lang.get("negation", {})
        for key in ("cues", "exceptions", "contrast", "conditional"):
            lists[key] += negation.get(key, [])
        track = lang.get("tracking", {})
        lists["tracking"].append(track.get("keywords", ""))
        lists["orders"].append(track.get("order_keywords", ""))
        phones.append(track.get("phone_keywords", ""))
    placeholders = common.get("placeholders", {})
    plan: dict[str, Any] = {
        "version": PLAN_VERSION,
        "rules": data["rules.toml"]["rules"],
        "truth.shipped": _gate(_alternation(by_rule.get("truth.shipped", []))),
        "dispatch": {
            rule: [_gate(p) for p in patterns]
            for rule, patterns in by_rule.items()
            if rule != "truth.shipped"
        },
        "negation_cues": _gate(_alternation(lists["cues"])),
        "negation_exceptions": _gate(_alternation(lists["exceptions"])),
        "contrast": _gate(_alternation(lists["contrast"])),
        "tracking_keywords": _gate(_alternation(lists["tracking"])),
        "order_keywords": _gate(_alternation(lists["orders"])),
        "phone_keywords": _gate(_alternation(phones)),
        "eta": _eta_plan(langs, lists["conditional"]),
        "carrier_hosts": list(common["carrier_hosts"]),
        "link_tlds": list(common["link_tlds"]),
        "iban_lengths": {k: int(v) for k, v in common["iban_lengths"].items()},
        "html_tags": list(placeholders.get("html_tags", [])),
        "bracket_words": placeholders.get("bracket_words", "(?!)"),
    }
    literals: set[str] = set()

    def collect(node: Any) -> None:
        if isinstance(node, frozenset):
            literals.update(node)
        elif isinstance(node, dict):
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    collect({k: v for k, v in plan.items() if k != "rules"})
    index: dict[str, list[str]] = {}
    for literal in sorted(literals):
        if len(literal) >= 3:
            index.setdefault(literal[:3], []).append(literal)
    plan["index"] = {k: tuple(v) for k, v in index.items()}
    plan["short"] = tuple(sorted(x for x in literals if len(x) < 3))
    return plan


def _builder_sources() -> bytes:
    """The code that builds the plan: a change to it must not reuse an old plan."""
    here = os.path.dirname(os.path.abspath(__file__))
    chunks = []
    for name in ("lexicon.py", "triggers.py"):
        try:
            with open(os.path.join(here, name), "rb") as handle:
                chunks.append(handle.read())
        except OSError:  # pragma: no cover - no sources (a zipped or frozen install)
            chunks.append(name.encode())
    return b"\0".join(chunks)


def _cache_key(files: dict[str, bytes]) -> str:
    crc, adler = 0, 1
    for name in (*DATA_FILES, "builder"):
        content = files[name] if name in files else _builder_sources()
        chunk = name.encode() + b"\0" + content + b"\0"
        crc = zlib.crc32(chunk, crc)
        adler = zlib.adler32(chunk, adler)
    version = f"{sys.version_info[0]}{sys.version_info[1]}"
    return f"policy-plan-v{PLAN_VERSION}-py{version}-{crc:08x}{adler:08x}"


def _store(path: str, plan: dict[str, Any]) -> None:
    """Write the plan atomically; remove plans of older data. Failing is harmless."""
    try:
        os.makedirs(_CACHE_DIR, exist_ok=True)
        temporary = f"{path}.{os.getpid()}.tmp"
        with open(temporary, "wb") as handle:
            marshal.dump(plan, handle)
        os.replace(temporary, path)
        keep = os.path.basename(path)
        for name in os.listdir(_CACHE_DIR):
            if name.startswith("policy-plan-") and name != keep and not name.endswith(".tmp"):
                os.remove(os.path.join(_CACHE_DIR, name))
    except OSError:
        pass


@lru_cache(maxsize=1)
def plan() -> dict[str, Any]:
    """The plan of the packaged data files: from the cache when their checksum matches."""
    files = {name: _read_bytes(name) for name in DATA_FILES}
    path = os.path.join(_CACHE_DIR, _cache_key(files) + ".marshal")
    try:
        with open(path, "rb") as handle:
            cached: dict[str, Any] = marshal.load(handle)
        if cached.get("version") == PLAN_VERSION:
            return cached
    except (OSError, ValueError, EOFError, TypeError):
        pass
    built = build_plan(files)
    _store(path, built)
    return built


def _g(item: list[Any]) -> Gate:
    return Gate(item[0], item[1])


def _eta(data: dict[str, Any]) -> EtaLexicon:
    return EtaLexicon(
        delivery=_g(data["delivery"]),
        exclude=_g(data["exclude"]),
        conditional=_g(data["conditional"]),
        past=_g(data["past"]),
        next_prefix=_g(data["next_prefix"]),
        numbers=dict(data["numbers"]),
        months=tuple((_g(g), n) for g, n in data["months"]),
        weekdays=tuple((_g(g), n) for g, n in data["weekdays"]),
        duration=Gates((_g(data["duration"]),)),
        day_month=_g(data["day_month"]),
        month_day=_g(data["month_day"]),
        weekday=_g(data["weekday"]),
        relative=tuple(Relative(d, w, m) for _, d, w, m in data["relative"]),
        relative_any=Gates(tuple(_g(item[0]) for item in data["relative"])),
        unit_kinds=tuple((_g(g), kind) for g, kind in data["unit_kinds"]),
    )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon of every language (built on first use, then cached)."""
    data = plan()
    return Lexicon(
        patterns={"truth.shipped": _g(data["truth.shipped"])},
        dispatch={
            rule: Gates(tuple(_g(g) for g in gates)) for rule, gates in data["dispatch"].items()
        },
        negation_cues=_g(data["negation_cues"]),
        negation_exceptions=_g(data["negation_exceptions"]),
        contrast=_g(data["contrast"]),
        tracking_keywords=_g(data["tracking_keywords"]),
        order_keywords=_g(data["order_keywords"]),
        phone_keywords=_g(data["phone_keywords"]),
        eta=_eta(data["eta"]),
        carrier_hosts=tuple(data["carrier_hosts"]),
        link_tlds=frozenset(data["link_tlds"]),
        iban_lengths=dict(data["iban_lengths"]),
        html_tags=frozenset(data["html_tags"]),
        bracket_words=data["bracket_words"],
        index=data["index"],
        short=data["short"],
        short_ascii=tuple(t for t in data["short"] if t.isascii()),
    )
