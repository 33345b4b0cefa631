"""Human times: local time in the merchant's zone and short relative ages."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from wishdesk.clock import parse_time


@lru_cache(maxsize=8)
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name or "UTC")


def readable(stamp: str) -> datetime | None:
    """A stored time, or None when the store holds something that is not one (a damaged
    row shows as ``?``, it does not stop the listing)."""
    try:
        return parse_time(stamp)
    except ValueError:
        return None


def local(stamp: str | None, tz: str, fmt: str = "%Y-%m-%d %H:%M") -> str:
    if not stamp:
        return ""
    moment = readable(stamp)
    try:
        return "?" if moment is None else moment.astimezone(zone(tz)).strftime(fmt)
    except OverflowError:  # year 1 or 9999 in a zone where that day does not exist
        return "?"


def span(delta: timedelta) -> str:
    """``45m``, ``5h``, ``3d``, ``7w`` (absolute value)."""
    seconds = abs(int(delta.total_seconds()))
    if seconds < 3600:
        return f"{max(seconds // 60, 1)}m"
    if seconds < 2 * 86400:
        return f"{seconds // 3600}h"
    if seconds < 14 * 86400:
        return f"{seconds // 86400}d"
    return f"{seconds // (7 * 86400)}w"


def ago(stamp: str | None, now: datetime) -> str:
    if not stamp:
        return ""
    moment = readable(stamp)
    return "?" if moment is None else f"{span(now - moment)} ago"


def until(stamp: str | None, now: datetime) -> str:
    """``in 5h`` for a future time, ``5h ago`` for a past one."""
    if not stamp:
        return ""
    moment = readable(stamp)
    if moment is None:
        return "?"
    return f"in {span(moment - now)}" if moment >= now else f"{span(now - moment)} ago"
