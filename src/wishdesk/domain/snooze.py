"""When a snooze ends: ``snooze --until WHEN`` read in the merchant's time zone.

WHEN is a date (``2026-12-05``: the start of that day), a date and a time
(``2026-12-05 9:00``, ``2026-12-05T09:00``; with ``Z`` or an offset it is that moment),
``today`` or ``tomorrow`` with an optional time (``tomorrow 9:00``), or a span from now:
``30m``, ``4h``, ``2d``, ``1w``, or ``3bd`` (business days: the same local time on the
third working day after today, by the store's calendar).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from wishdesk.domain.durations import read_duration
from wishdesk.errors import UsageError

UTC = timezone.utc

# (local date, n) -> the n-th working day after it
NthWorkingDay = Callable[[date, int], date]

_DAY_TIME = re.compile(
    r"(today|tomorrow|\d{4}-\d{2}-\d{2})(?:[T ]\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?", re.IGNORECASE
)
LONGEST = timedelta(days=366 * 2)


def snooze_end(text: str, now: datetime, tz: ZoneInfo, nth_working_day: NthWorkingDay) -> datetime:
    """The moment (UTC) that WHEN names; refused when it is not after ``now`` or more than
    two years ahead."""
    when = text.strip()
    moment = _span(when, now, tz, nth_working_day) or _day_time(when, now, tz)
    if moment is None:
        raise UsageError(
            "cannot read the time {when!r}: use e.g. 2026-12-05, 'tomorrow 9:00', "
            "'2026-12-05 14:30', 4h, 2d or 3bd",
            when=when[:40],
        )
    if moment <= now:
        raise UsageError("{when!r} is in the past: a snooze ends later than now", when=when[:40])
    if moment - now > LONGEST:
        raise UsageError("{when!r} is more than two years ahead", when=when[:40])
    return moment


def _span(when: str, now: datetime, tz: ZoneInfo, nth: NthWorkingDay) -> datetime | None:
    try:
        span = read_duration(when)
    except UsageError:
        raise UsageError("{when!r} is more than two years ahead", when=when) from None
    if span is None:
        return None
    if span.unit != "bd":
        return now + span.span()
    amount = span.amount
    if amount > 520:
        raise UsageError("{when!r} is more than two years ahead", when=when)
    local = now.astimezone(tz)
    day = nth(local.date(), amount) if amount else local.date()
    return _at(day, local.time().replace(tzinfo=None), tz)


def _day_time(when: str, now: datetime, tz: ZoneInfo) -> datetime | None:
    if re.search(r"(Z|[+-]\d{2}:?\d{2})$", when) and re.match(r"\d{4}-\d{2}-\d{2}[T ]", when):
        from wishdesk.clock import parse_time

        try:
            return parse_time(when)
        except ValueError:
            return None
    match = _DAY_TIME.fullmatch(when)
    if match is None:
        return None
    word, hour, minute, second = match.groups()
    today = now.astimezone(tz).date()
    try:
        if word.lower() in ("today", "tomorrow"):
            day = today + timedelta(days=word.lower() == "tomorrow")
        else:
            day = date.fromisoformat(word)
        clock = time(int(hour or 0), int(minute or 0), int(second or 0))
    except ValueError as exc:
        raise UsageError("bad time {when!r}: {error}", when=when[:40], error=exc) from None
    return _at(day, clock, tz)


def _at(day: date, clock: time, tz: ZoneInfo) -> datetime:
    """A local wall-clock time as a UTC moment (a time a DST change skips: the later one)."""
    try:
        return datetime.combine(day, clock, tzinfo=tz).astimezone(UTC)
    except OverflowError:
        raise UsageError("{day} is out of range", day=day.isoformat()) from None
