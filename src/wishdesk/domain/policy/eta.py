"""Delivery promises: "by December 5", "within 3 days", "demain", "三天内", "bis Freitag".

Every time expression in a sentence that talks about delivery (and is not conditional,
negated, about a refund or in the past) is read as a date relative to today; the promise of
the sentence is the latest of them ("between Dec 5 and Dec 20" promises Dec 20). A date that
has already gone by counts only when it is given as the expectation ("expected to arrive by
22 November" on 1 December), not when the sentence admits it was missed ("should have
arrived by", "was due on", "late"): such a promise is ``passed``. Where a
reading is ambiguous (05/12, "by Friday" on a Friday) the later date is taken: the linter
prefers a miss of a borderline case to crying wolf.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, timedelta

from wishdesk.domain.policy.clauses import clause_bounds, negation_end, sentence_bounds
from wishdesk.domain.policy.gates import scan
from wishdesk.domain.policy.lexicon import EtaLexicon, Lexicon
from wishdesk.domain.policy.spans import Taken

_ISO = re.compile(r"(?<![\d.])(?P<y>\d{4})[-/](?P<m>\d{1,2})[-/](?P<d>\d{1,2})(?![\d])")
_SLASH = re.compile(r"(?<![\d/.,:])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?:/(?P<y>\d{2,4}))?(?![\d/%])")
_DOTTED = re.compile(r"(?<![\d.,])(?P<a>\d{1,2})\.(?P<b>\d{1,2})\.(?P<y>\d{2,4})?(?![\d])")
_DIGIT_OR_MONTH = re.compile(r"[\d月]")

_CN = "一二两三四五六七八九十"
_ZH_DATE = re.compile(
    rf"(?:(?P<y>\d{{4}})年)?(?P<m>[\d{_CN}]{{1,3}})月(?P<d>[\d{_CN}]{{1,3}})(?:日|号)"
)
_CN_DIGITS = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


@dataclass(frozen=True)
class Promise:
    """A delivery promise: the latest date it allows, and where it is (normalised offsets).
    ``passed``: that date is before today."""

    start: int
    end: int
    latest: date
    passed: bool = False


def _cn_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, units = text.partition("十")
        value = (_CN_DIGITS.get(tens, 0) if tens else 1) * 10
        return value + (_CN_DIGITS.get(units, 0) if units else 0)
    if len(text) == 1 and text in _CN_DIGITS:
        return _CN_DIGITS[text]
    return None


def _number(text: str, eta: EtaLexicon) -> int | None:
    text = text.strip()
    if text.isdigit():
        return int(text)
    if text in eta.numbers:
        return eta.numbers[text]
    return _cn_number(text)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int, year: str | None, today: date) -> date | None:
    if year:
        value = int(year)
        return _safe_date(value + 2000 if value < 100 else value, month, day)
    found = _safe_date(today.year, month, day)
    if found is not None and found < today - timedelta(days=60):
        found = _safe_date(today.year + 1, month, day)
    return found


def _month(text: str, eta: EtaLexicon, present: frozenset[str]) -> int | None:
    for pattern, number in eta.months:  # one whose triggers are not in the text cannot match
        if pattern.live(present) and pattern.fullmatch(text):
            return number
    return None


def _add_months(start: date, months: int, *, month_end: bool = False) -> date:
    """``start`` plus whole months (the day clamped to the month's length), or the last day
    of that month."""
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    following = date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1)
    last = (following - timedelta(days=1)).day
    return date(year, month + 1, last if month_end else min(start.day, last))


def _add_business_days(start: date, days: int) -> date:
    weeks = (days - 1) // 5  # whole weeks while more than five days remain: 5 a week
    current = start + timedelta(weeks=max(weeks, 0))
    days -= 5 * max(weeks, 0)
    while days > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            days -= 1
    return current


def _absolute(
    text: str, eta: EtaLexicon, today: date, present: frozenset[str]
) -> list[tuple[int, int, date]]:
    found: list[tuple[int, int, date]] = []
    if _DIGIT_OR_MONTH.search(text) is None:
        return found
    for m in _ZH_DATE.finditer(text) if "月" in text else ():
        month, day = _cn_number(m["m"]), _cn_number(m["d"])
        if month and day and (value := _infer_year(month, day, m["y"], today)):
            found.append((m.start(), m.end(), value))
    for m in _ISO.finditer(text) if "-" in text or "/" in text else ():
        if value := _safe_date(int(m["y"]), int(m["m"]), int(m["d"])):
            found.append((m.start(), m.end(), value))
    for pattern in (eta.day_month, eta.month_day):
        if not pattern.live(present):
            continue
        for m in pattern.narrow(present).finditer(text):
            month = _month(m["mon"], eta, present)
            if month and (value := _infer_year(month, int(m["d"]), m["y"], today)):
                found.append((m.start(), m.end(), value))
    for regex, both, cue in ((_SLASH, True, "/"), (_DOTTED, False, ".")):
        if cue not in text:  # the separator every match holds
            continue
        for m in regex.finditer(text):
            if m.group() == "24/7":
                continue
            a, b = int(m["a"]), int(m["b"])
            readings = [(b, a)] + ([(a, b)] if both else [])  # (month, day)
            values = [v for mo, d in readings if (v := _infer_year(mo, d, m["y"], today))]
            if values:
                found.append((m.start(), m.end(), max(values)))
    return found


def _relative(
    text: str, eta: EtaLexicon, today: date, present: frozenset[str]
) -> list[tuple[int, int, date]]:
    found: list[tuple[int, int, date]] = []
    for index, m in scan(eta.relative_any, text, present):
        rel = eta.relative[index]
        if rel.days is not None:
            value = today + timedelta(days=rel.days)
        elif rel.week_end is not None:
            value = today + timedelta(days=6 - today.weekday() + 7 * rel.week_end)
        else:
            value = _add_months(today, rel.month_end or 0, month_end=True)
        found.append((m.start(), m.end(), value))
    return found


def _weekdays(
    text: str, eta: EtaLexicon, today: date, present: frozenset[str]
) -> list[tuple[int, int, date]]:
    found: list[tuple[int, int, date]] = []
    if not eta.weekday.live(present):
        return found
    past = eta.past.narrow(present)
    for m in eta.weekday.narrow(present).finditer(text):
        word = m["wd"]
        index = next((i for p, i in eta.weekdays if p.live(present) and p.fullmatch(word)), None)
        if index is None:
            continue
        before = text[max(0, m.start() - 14) : m.start()]
        if eta.past.live(present) and (
            past.search(before) or past.search(text, m.end(), min(len(text), m.end() + 8))
        ):
            continue
        ahead = (index - today.weekday()) % 7 or 7
        if eta.next_prefix.search(before):
            ahead += 7
        found.append((m.start(), m.end(), today + timedelta(days=ahead)))
    return found


def _durations(
    text: str, eta: EtaLexicon, today: date, present: frozenset[str]
) -> list[tuple[int, int, date]]:
    found: list[tuple[int, int, date]] = []
    for _, m in scan(eta.duration, text, present):
        count = _number(m["n2"] or m["n1"], eta)
        if count is None or count <= 0 or count > 365:
            continue
        window = text[max(0, m.start() - 12) : min(len(text), m.end() + 10)]
        if eta.past.live(present) and eta.past.narrow(present).search(window):
            continue
        unit = m["unit"]
        kind = next((k for p, k in eta.unit_kinds if p.live(present) and p.fullmatch(unit)), "day")
        if kind == "business":
            value = _add_business_days(today, count)
        elif kind == "week":
            value = today + timedelta(weeks=count)
        elif kind == "month":
            value = _add_months(today, count)
        elif kind == "hour":
            value = today + timedelta(days=math.ceil(count / 24))
        else:
            value = today + timedelta(days=count)
        found.append((m.start(), m.end(), value))
    return found


class _Sentences:
    """Where the delivery words, exclusions and conditions of a text are: each regex runs
    once over the whole text, not once per time expression."""

    def __init__(self, text: str, lex: Lexicon, present: frozenset[str]) -> None:
        eta = lex.eta
        self.delivery = [m.start() for m in eta.delivery.narrow(present).finditer(text)]
        blocked: list[int] = []
        for gate in (eta.exclude, eta.conditional):
            if gate.live(present):
                blocked += [m.start() for m in gate.narrow(present).finditer(text)]
        self.blocked = sorted(blocked)

    @staticmethod
    def _within(points: list[int], left: int, right: int) -> bool:
        """Is one of the sorted ``points`` in ``[left, right)``?"""
        index = bisect_left(points, left)
        return index < len(points) and points[index] < right

    def has_delivery(self, left: int, right: int) -> bool:
        return self._within(self.delivery, left, right)

    def promise_like(self, left: int, right: int) -> bool:
        return self._within(self.delivery, left, right) and not self._within(
            self.blocked, left, right
        )


def _is_promise(
    text: str, start: int, end: int, lex: Lexicon, present: frozenset[str], where: _Sentences
) -> bool:
    left, right = sentence_bounds(text, start, end)
    if not where.promise_like(left, right):
        return False
    negation = negation_end(text, start, end, lex, present)  # its clause's first negation
    return negation is None or negation > start  # none before the date


_EXPECT_REACH = 48  # how far before a date gone by its "expected (to arrive) by" may be


def _is_past_expectation(
    text: str, start: int, end: int, lex: Lexicon, present: frozenset[str], where: _Sentences
) -> bool:
    """A date before today, given as when the parcel is expected: its clause says so just
    before the date ("is expected by", "llegará el", "预计"), the sentence talks about
    delivery, is not conditional and does not say the date was missed ("should have",
    "late"), and nothing between the cue and the date is about a refund or a reply."""
    eta = lex.eta
    if not eta.expect.live(present):
        return False
    left, right = sentence_bounds(text, start, end)
    if not where.has_delivery(left, right):
        return False
    for gate in (eta.conditional, eta.past, eta.late):
        if gate.live(present) and gate.narrow(present).search(text, left, right):
            return False
    negation = negation_end(text, start, end, lex, present)
    if negation is not None and negation <= start:
        return False
    clause_left, _ = clause_bounds(text, start, end, lex, present)
    cue = eta.expect.narrow(present).search(text, max(clause_left, start - _EXPECT_REACH), start)
    return cue is not None and not (
        eta.exclude.live(present) and eta.exclude.narrow(present).search(text, cue.start(), end)
    )


def promises(text: str, lex: Lexicon, today: date, present: frozenset[str]) -> list[Promise]:
    """The delivery promises in a normalised text, one per sentence, relative to ``today``.
    ``present`` (the triggers found in ``text``) lets it skip the date parsers whose words
    and digits are not in the text."""
    eta = lex.eta
    if not eta.delivery.live(present) or eta.delivery.narrow(present).search(text) is None:
        return []
    taken: list[tuple[int, int, date]] = []
    covered = Taken(len(text))
    for finder in (_absolute, _relative, _weekdays, _durations):
        for start, end, value in finder(text, eta, today, present):
            if covered.free(start, end):
                covered.add(start, end)
                taken.append((start, end, value))
    by_sentence: dict[tuple[int, int], list[tuple[int, int, date]]] = {}
    where = _Sentences(text, lex, present) if taken else None
    for start, end, value in sorted(taken):
        assert where is not None
        if value < today:
            if not _is_past_expectation(text, start, end, lex, present, where):
                continue
        elif not _is_promise(text, start, end, lex, present, where):
            continue
        by_sentence.setdefault(sentence_bounds(text, start, end), []).append((start, end, value))
    found: list[Promise] = []
    for items in by_sentence.values():
        latest = max(v for _, _, v in items)
        if latest >= today:  # a date gone by beside a later one is not the promise
            items = [item for item in items if item[2] >= today]
        found.append(Promise(items[0][0], max(e for _, e, _ in items), latest, latest < today))
    return found
