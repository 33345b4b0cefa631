"""The policy data as a *plan*: the TOML files read, macros expanded and every regex's
triggers worked out, as plain data (see ``lexicon.py`` for how it is used).

Building it (``build_plan``) is the expensive part of the linter's start-up: the triggers
come from parsing some 650 regexes, tens of milliseconds. So a caller may keep plans between
runs: ``cache_key`` names the plan of some data files by a checksum of them, of the code that
builds it and of the Python version, and ``install`` puts a plan so kept in place before
first use (``wishdesk.services.plan_cache`` does this). This module writes no files; the
only I/O here is reading this package's own data and code. When nothing has been installed,
``plan()`` builds the plan in memory.
"""

from __future__ import annotations

import marshal
import os
import re
import sys
import zlib
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from wishdesk.domain import toml
from wishdesk.domain.languages import LANGUAGES

# respect.abuse's word lists (``wordlist.py``): entries and allowlist per language, and the
# insults that need a sentence around them.
ABUSE_FILES = (
    *(f"abuse/{code}.txt" for code in LANGUAGES),
    *(f"abuse/{code}.allow.txt" for code in LANGUAGES),
    "abuse/sentences.toml",
)
DATA_FILES = (
    "rules.toml",
    "common.toml",
    *(f"{code}.toml" for code in LANGUAGES),
    *ABUSE_FILES,
)
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
PLAN_VERSION = 6
SLOT = "(?#branches)"  # where a template gate's branches go (``gates.Gate``)
_MACRO = re.compile(r"%([A-Z]+)%")
_HERE = os.path.dirname(os.path.abspath(__file__))
_DATA_DIR = os.path.join(_HERE, "data")
_BUILDER = ("plan.py", "starts.py", "triggers.py", "wordlist.py")  # the code whose output a plan is

_installed: dict[str, Any] | None = None


def _read_bytes(name: str) -> bytes:
    path = os.path.join(_DATA_DIR, name)
    if os.path.exists(path):
        with open(path, "rb") as handle:
            return handle.read()
    from importlib import resources  # pragma: no cover - a zipped install

    return (
        resources.files(__package__).joinpath("data").joinpath(name).read_bytes()
    )  # pragma: no cover


def packaged_files() -> dict[str, bytes]:
    """The contents of the packaged data files (``DATA_FILES`` -> bytes)."""
    return {name: _read_bytes(name) for name in DATA_FILES}


def read_data(name: str) -> dict[str, Any]:
    """One packaged TOML data file."""
    return toml.loads(_read_bytes(name).decode("utf-8"))


# -- the plan: everything the lexicon needs, as plain data ------------------------------


def _alternation(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns if p)


def _expand(pattern: str, macros: dict[str, str]) -> str:
    return _MACRO.sub(lambda m: macros.get(m.group(1), m.group()), pattern)


def _gate(source: str) -> list[Any]:
    """A regex source as the lexicon runs it (``starts.lead``), with the triggers of the
    pattern as written."""
    from wishdesk.domain.policy.starts import lead
    from wishdesk.domain.policy.triggers import triggers

    found = triggers(source) if source else frozenset()
    return [lead(source), found]


def _branch(source: str) -> list[Any]:
    from wishdesk.domain.policy.starts import lead
    from wishdesk.domain.policy.triggers import triggers

    return [lead(source), triggers(source)]


def _alt_gate(patterns: list[str]) -> list[Any]:
    """The gate of an alternation, with each branch's own triggers: a text holding the
    triggers of a few branches only is searched with the alternation of those (the same
    matches, since a branch none of whose triggers occur cannot match anywhere in it)."""
    gate = _gate(_alternation(patterns))
    branches = [f"(?:{p})" for p in patterns if p]
    if len(branches) > 1 and not any("(?P" in p for p in branches):
        # the source is left out: it is the branches joined (``gates.Gate``)
        return [None, gate[1], [_branch(b) for b in branches]]
    return gate


def _template_gate(source: str, template: str, branches: list[str]) -> list[Any]:
    """The gate of ``source``, which is ``template`` with the alternation of ``branches``
    in place of each ``SLOT``: a text is searched with the branches that may match in it."""
    assert template.replace(SLOT, "|".join(branches)) == source
    return [None, _gate(source)[1], [_branch(b) for b in branches], template]


def _eta_plan(langs: list[dict[str, Any]], conditional: list[str]) -> dict[str, Any]:
    etas = [lang.get("eta", {}) for lang in langs]

    def merged(key: str) -> str:
        return _alternation([e[key] for e in etas if e.get(key)])

    def merged_gate(key: str) -> list[Any]:
        return _alt_gate([e[key] for e in etas if e.get(key)])

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
    numerals = [
        r"\d{1,3}",
        *(rf"\b{re.escape(w)}" for w in words if w.isascii()),
        "[一二两三四五六七八九十]{1,3}",
        *(re.escape(w) for w in words if not w.isascii()),
    ]
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
    slot = f"(?:{SLOT})"
    duration_template = (
        rf"(?<![a-z0-9.,/])(?P<n1>{slot})(?:\s*(?:{merged('range')})\s*(?P<n2>{slot}))?"
        rf"\s*-?\s*(?P<unit>{unit_alt})(?![a-z])"
    )
    months_wrapped = [f"(?:{m})" for m in month_alts]
    month_alt = "|".join(months_wrapped)

    def day_month(mon: str) -> str:
        return (
            rf"(?<![\w.,/])(?P<d>\d{{1,2}})(?:st|nd|rd|th|er|o|\.)?(?:\s+de|\s+of)?\s*"
            rf"(?P<mon>{mon})(?![a-z])(?:,?\s*(?:de\s+)?(?P<y>\d{{4}}))?"
        )

    def month_day(mon: str) -> str:
        return (
            rf"(?<![a-z])(?P<mon>{mon})\s*(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d])"
            rf"(?:,?\s*(?P<y>\d{{4}}))?"
        )

    weekdays_wrapped = [f"(?:{w})" for w in weekday_alts]
    weekday = rf"(?<![a-z])(?P<wd>{'|'.join(weekdays_wrapped)})(?![a-z])"
    weekday_template = rf"(?<![a-z])(?P<wd>{SLOT})(?![a-z])"
    return {
        "delivery": merged_gate("delivery"),
        "exclude": merged_gate("exclude"),
        "conditional": _alt_gate(conditional),
        "past": merged_gate("past"),
        "expect": merged_gate("expect"),
        "late": merged_gate("late"),
        "next_prefix": _gate(merged("next")),
        "numbers": numbers,
        "months": months,
        "weekdays": weekdays,
        "duration": _template_gate(duration, duration_template, numerals),
        "day_month": _template_gate(day_month(month_alt), day_month(SLOT), months_wrapped),
        "month_day": _template_gate(month_day(month_alt), month_day(SLOT), months_wrapped),
        "weekday": _template_gate(weekday, weekday_template, weekdays_wrapped),
        "relative": relative,
        "unit_kinds": [[_gate(f"(?:{p})"), kind] for kind, p in units.items()],
    }


def _word_entries(files: Mapping[str, bytes], suffix: str) -> list[list[Any]]:
    """The entries of every language's word list ``abuse/<code><suffix>``, normalised like
    the text they are matched against, as ``[term, flags]``."""
    from wishdesk.domain.policy.textview import fold
    from wishdesk.domain.policy.wordlist import parse_entry

    entries: list[list[Any]] = []
    for code in LANGUAGES:
        for line in files[f"abuse/{code}{suffix}"].decode("utf-8").splitlines():
            entry = parse_entry(line)
            if entry is not None:
                entries.append([fold(entry[0]), entry[1]])
    return entries


def build_plan(files: Mapping[str, bytes]) -> dict[str, Any]:
    """The plan from the data files' contents (``DATA_FILES`` -> bytes)."""
    data = {
        name: toml.loads(raw.decode("utf-8"))
        for name, raw in files.items()
        if name.endswith(".toml")
    }
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
    sentences = data["abuse/sentences.toml"].get("patterns", {})
    for code in LANGUAGES:
        by_rule.setdefault("respect.abuse", []).extend(sentences.get(code, []))
    placeholders = common.get("placeholders", {})
    plan: dict[str, Any] = {
        "version": PLAN_VERSION,
        "rules": data["rules.toml"]["rules"],
        "truth.shipped": _alt_gate(by_rule.get("truth.shipped", [])),
        "dispatch": {
            rule: [_gate(p) for p in patterns]
            for rule, patterns in by_rule.items()
            if rule != "truth.shipped"
        },
        "negation_cues": _alt_gate(lists["cues"]),
        "negation_exceptions": _alt_gate(lists["exceptions"]),
        "contrast": _alt_gate(lists["contrast"]),
        "tracking_keywords": _alt_gate(lists["tracking"]),
        "order_keywords": _alt_gate(lists["orders"]),
        "phone_keywords": _alt_gate(phones),
        "eta": _eta_plan(langs, lists["conditional"]),
        "carrier_hosts": list(common["carrier_hosts"]),
        "link_tlds": list(common["link_tlds"]),
        "iban_lengths": {k: int(v) for k, v in common["iban_lengths"].items()},
        "html_tags": list(placeholders.get("html_tags", [])),
        "bracket_words": placeholders.get("bracket_words", "(?!)"),
        "abuse_words": {
            "terms": _word_entries(files, ".txt"),
            "allow": _word_entries(files, ".allow.txt"),
        },
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
    plan["literals"] = sorted(literals)
    plan["dispatch_keys"] = {rule: _rule_key(gates) for rule, gates in plan["dispatch"].items()}
    return plan


def _rule_key(gates: list[list[Any]]) -> str | None:
    """The trigger literals of a rule's gates, one per line between newlines (found with a
    substring search: ``"\\nfoo\\n" in key``), or ``None`` when a gate has none (it may match
    any text)."""
    literals: set[str] = set()
    for gate in gates:
        if gate[1] is None:
            return None
        literals.update(gate[1])
    return "\n" + "\n".join(sorted(literals)) + "\n"


def packed(plan: dict[str, Any]) -> dict[str, Any]:
    """``plan`` as it is kept between runs: each rule's gates as marshal bytes, read back when
    a text first has one of the rule's triggers (a short message reads none or one of them)."""
    return dict(
        plan, dispatch={rule: marshal.dumps(gates) for rule, gates in plan["dispatch"].items()}
    )


@lru_cache(maxsize=1)
def _builder_sources() -> bytes:
    """The code that builds the plan: a change to it must not reuse an old plan."""
    chunks = []
    for name in _BUILDER:
        try:
            with open(os.path.join(_HERE, name), "rb") as handle:
                chunks.append(handle.read())
        except OSError:  # pragma: no cover - no sources (a zipped or frozen install)
            chunks.append(name.encode())
    return b"\0".join(chunks)


def cache_key(files: Mapping[str, bytes]) -> str:
    """A name for the plan of ``files`` (``DATA_FILES`` -> bytes), safe as a file name: it
    changes with any data file, with the code that builds plans and with the Python version
    (plans are kept with ``marshal``, whose format is the interpreter's)."""
    crc, adler = 0, 1
    for name in (*DATA_FILES, "builder"):
        content = files[name] if name in files else _builder_sources()
        chunk = name.encode() + b"\0" + content + b"\0"
        crc = zlib.crc32(chunk, crc)
        adler = zlib.adler32(chunk, adler)
    version = f"{sys.version_info[0]}{sys.version_info[1]}"
    return f"policy-plan-v{PLAN_VERSION}-py{version}-{crc:08x}{adler:08x}"


def install(candidate: object) -> None:
    """Use ``candidate``, a plan of the packaged data files kept from an earlier run, from
    now on. Call it before the first lint: rules and lexicon are built from the plan once.
    Raises ``ValueError`` (and installs nothing) for anything that is not a plan of this
    version."""
    global _installed
    if not isinstance(candidate, dict) or candidate.get("version") != PLAN_VERSION:
        raise ValueError("not a policy plan of this version")
    _installed = candidate


def installed() -> bool:
    """Whether a plan is in place (installed, or built by ``plan()``)."""
    return _installed is not None


def plan() -> dict[str, Any]:
    """The plan of the packaged data files: the installed one, else built in memory."""
    global _installed
    if _installed is None:
        _installed = build_plan(packaged_files())
    return _installed
