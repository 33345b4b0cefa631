"""Human times: local time in the merchant's zone and short relative ages."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from wishdesk.clock import parse_time
from wishdesk.i18n import _


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


def labelled(stamp: str | None, tz: str) -> str:
    """A local time with its zone: ``2026-12-01 18:00 CST``."""
    if not stamp:
        return ""
    moment = readable(stamp)
    if moment is None:
        return "?"
    try:
        return f"{local(stamp, tz)} {zone_label(tz, moment)}"
    except OverflowError:  # at the calendar's very ends a zone cannot place it
        return "?"


def span(delta: timedelta) -> str:
    """``45m``, ``5h``, ``3d``, ``7w`` (absolute value); ``5小时`` in Chinese."""
    seconds = abs(int(delta.total_seconds()))
    if seconds < 3600:
        return _("{n}m").format(n=max(seconds // 60, 1))
    if seconds < 2 * 86400:
        return _("{n}h").format(n=seconds // 3600)
    if seconds < 14 * 86400:
        return _("{n}d").format(n=seconds // 86400)
    return _("{n}w").format(n=seconds // (7 * 86400))


def past(delta: timedelta) -> str:
    """``3h ago`` (``3小时前``)."""
    return _("{span} ago").format(span=span(delta))


def ahead(delta: timedelta) -> str:
    """``in 5h`` (``5小时后``)."""
    return _("in {span}").format(span=span(delta))


def late(delta: timedelta) -> str:
    """A deadline missed by ``delta``: ``late 3d`` (``逾期3天``)."""
    return _("late {span}").format(span=span(delta))


def ago(stamp: str | None, now: datetime) -> str:
    if not stamp:
        return ""
    moment = readable(stamp)
    return "?" if moment is None else past(now - moment)


def until(stamp: str | None, now: datetime) -> str:
    """``in 5h`` for a future time, ``5h ago`` for a past one."""
    if not stamp:
        return ""
    moment = readable(stamp)
    if moment is None:
        return "?"
    return ahead(moment - now) if moment >= now else past(now - moment)


def zone_label(tz: str, at: datetime | None = None) -> str:
    """How a person reads the merchant's zone: its abbreviation (``CST``, ``CET``), else the
    offset from UTC (``UTC+8``)."""
    moment = (at or datetime.now(zone("UTC"))).astimezone(zone(tz))
    name = moment.strftime("%Z")
    if name and name[0] not in "+-":
        return name
    offset = moment.utcoffset() or timedelta(0)
    hours, rest = divmod(int(offset.total_seconds()), 3600)
    minutes = rest // 60
    return f"UTC{hours:+d}" + (f":{minutes:02d}" if minutes else "")


def with_relative(stamp: str, tz: str, now: datetime, *, future: bool = False) -> str:
    """``2026-12-01 18:00 CST (3h ago)``: the local time and how long ago it was (or, with
    ``future``, how far ahead or behind it is)."""
    relative = until(stamp, now) if future else ago(stamp, now)
    return _("{time} ({relative})").format(time=labelled(stamp, tz), relative=relative)
