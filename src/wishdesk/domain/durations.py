"""Durations typed on the command line: ``30m``, ``12h``, ``1d``, ``1w`` or ``2bd`` (business
days). One reader for every option that takes one (``--due-within``, ``overdue --within``,
``orders --updated-since``, ``snooze --until``); what a business day means is the caller's."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from wishdesk.errors import UsageError

_DURATION = re.compile(r"\s*(\d+)\s*(m|h|d|w|bd)\s*", re.IGNORECASE)
_MINUTES = {"m": 1, "h": 60, "d": 1440, "w": 10080}
# The longest window a duration may name, per unit: ten years.
_MAX_DURATION = {"m": 10 * 366 * 1440, "h": 10 * 366 * 24, "d": 10 * 366, "w": 10 * 53, "bd": 2610}


@dataclass(frozen=True)
class Duration:
    amount: int
    unit: str  # m, h, d, w, bd

    def span(self) -> timedelta:
        """The length of a clock duration (not ``bd``: a business day has no fixed length)."""
        return timedelta(minutes=self.amount * _MINUTES[self.unit])

    def deadline(self, now: datetime, business_days: Any = None) -> datetime:
        """``now`` plus this duration; ``bd`` needs a calendar with ``due_at``.
        Callers list what falls due *before* this moment (overdue: now > due_at)."""
        if self.unit == "bd":
            if self.amount == 0:
                return now
            # a deadline at 23:59:59 on the last business day is inside the window
            end: datetime = business_days.due_at(now, self.amount)
            return end + timedelta(seconds=1)
        return now + self.span()


def read_duration(text: str) -> Duration | None:
    """The duration ``text`` names, or None when it is not written as one; a duration longer
    than ten years is refused."""
    match = _DURATION.fullmatch(text)
    if not match:
        return None
    amount, unit = int(match.group(1)), match.group(2).lower()
    if amount > _MAX_DURATION[unit]:
        raise UsageError(
            "duration {text!r} is too long: at most {most}{unit}",
            text=text.strip(),
            most=_MAX_DURATION[unit],
            unit=unit,
        )
    return Duration(amount, unit)


def parse_duration(text: str) -> Duration:
    """``30m``, ``12h``, ``1d``, ``1w`` or ``2bd`` (business days)."""
    duration = read_duration(text)
    if duration is None:
        raise UsageError("bad duration {text!r}: use e.g. 30m, 12h, 1d, 1w or 2bd", text=text)
    return duration
