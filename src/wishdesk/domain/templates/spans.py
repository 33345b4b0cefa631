"""``--var`` values written as a span from today: ``+10d``, ``+2w`` or ``+15bd`` (business
days, by the store's calendar) name the date that far ahead of the merchant's today, and are
then written out in the buyer's language as an ISO date is (``values.template_values``).

A cron job can say "a new date 15 business days from now" without date arithmetic in the
shell, and a page of documentation stays true whatever day it is read. Only values that are
exactly such a span change; ``+4h`` or ``+10 days`` stay text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta
from typing import Protocol

from wishdesk.domain.durations import Duration, read_duration

_SPAN = re.compile(r"\s*\+\s*(\d+\s*(?:d|w|bd))\s*", re.IGNORECASE)
_DAYS = {"d": 1, "w": 7}


class WorkingDays(Protocol):
    def local_date(self, moment: datetime) -> date: ...

    def nth_working_day(self, day: date, n: int) -> date: ...


def _span(text: str) -> Duration | None:
    """The duration of a span from today, or None when ``text`` is not one; a span longer
    than ten years is refused (``durations.read_duration``)."""
    match = _SPAN.fullmatch(text)
    return None if match is None else read_duration(match.group(1))


def span_date(text: str, now: datetime, calendar: Callable[[], WorkingDays]) -> str | None:
    """The ISO date ``text`` names when it is a span from today (``+15bd``), else None."""
    duration = _span(text)
    if duration is None:
        return None
    days = calendar()
    today = days.local_date(now)
    if duration.unit == "bd":
        day = days.nth_working_day(today, duration.amount) if duration.amount else today
    else:
        day = today + timedelta(days=duration.amount * _DAYS[duration.unit])
    return day.isoformat()


def resolve_spans(
    values: Mapping[str, str], now: datetime, calendar: Callable[[], WorkingDays]
) -> dict[str, str]:
    """``values`` with each span from today replaced by the date it names."""
    return {key: span_date(value, now, calendar) or value for key, value in values.items()}


def check_spans(values: Mapping[str, str]) -> None:
    """Refuse (``UsageError``, exit 2) a span from today longer than ten years, before a
    command touches anything."""
    for value in values.values():
        _span(value)
