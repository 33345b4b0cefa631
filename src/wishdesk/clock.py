"""The one clock of wishdesk, and the timestamp format of the store.

``WISHDESK_NOW`` (ISO-8601) freezes "now" for every command. Every timestamp in the store
and in machine output is UTC ISO-8601 with a ``Z`` suffix, to the second
(``2026-11-26T06:59:49Z``), so that text order is time order.
"""

from __future__ import annotations

import os
import re
from datetime import datetime, timedelta, timezone

from wishdesk.errors import UsageError

UTC = timezone.utc
# The times wishdesk works with: a record's times, and "now". Near year 1 or 9999 a moment has
# no local date in some zones, and a week or a deadline from it none at all.
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
LATEST = datetime(3000, 1, 1, tzinfo=UTC)

_ISO = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?"
    r"\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?)?"
)


def parse_time(text: str) -> datetime:
    """Parse an ISO-8601 timestamp into an aware UTC datetime.

    Accepts ``YYYY-MM-DD``, ``YYYY-MM-DDTHH:MM[:SS[.fff]]`` with ``Z`` or ``±hh[:mm]``;
    a time without an offset is taken as UTC. Raises ``ValueError`` on anything else.
    """
    if not isinstance(text, str):
        raise ValueError("not a string")
    if len(text) == 20 and text[10] == "T" and text[19] == "Z":
        # The store's own form, by far the most common: the C parser is much faster.
        try:
            return datetime.fromisoformat(text[:19] + "+00:00")  # tzinfo is UTC itself
        except ValueError:
            pass  # fall through for the full grammar and its error message
    match = _ISO.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"not an ISO-8601 time: {text[:40]!r}")
    year, month, day, hour, minute, second, fraction, offset = match.groups()
    micro = int((fraction or "0")[:6].ljust(6, "0"))
    moment = datetime(
        int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0), micro
    )
    tz = UTC
    if offset and offset not in ("Z", "z"):
        sign = -1 if offset[0] == "-" else 1
        digits = offset[1:].replace(":", "")
        delta = timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))
        if delta >= timedelta(hours=24):
            raise ValueError(f"bad UTC offset: {offset}")
        tz = timezone(sign * delta)
    try:
        return moment.replace(tzinfo=tz).astimezone(UTC)
    except OverflowError:  # "0001-01-01T00:00:00+01:00" is before year 1 in UTC
        raise ValueError(f"not a time wishdesk can hold: {text[:40]!r}") from None


def iso(moment: datetime) -> str:
    """Format an aware datetime as the store's UTC text form."""
    if moment.tzinfo is not UTC:
        moment = moment.astimezone(UTC)
    return (
        f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}T"
        f"{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}Z"
    )


def normalise(text: str) -> str:
    """Parse any accepted ISO-8601 form and return the store's UTC text form."""
    return iso(parse_time(text))


def now() -> datetime:
    """The current time, or the frozen time in ``WISHDESK_NOW``."""
    frozen = os.environ.get("WISHDESK_NOW")
    if frozen:
        try:
            moment = parse_time(frozen)
        except ValueError:
            raise UsageError(
                "WISHDESK_NOW is not an ISO-8601 time: {frozen!r}", frozen=frozen[:40]
            ) from None
        if not EARLIEST <= moment < LATEST:
            raise UsageError(
                "WISHDESK_NOW must lie between {first} and {last}: {frozen!r}",
                first=EARLIEST.year,
                last=LATEST.year - 1,
                frozen=frozen[:40],
            )
        return moment
    return datetime.now(UTC).replace(microsecond=0)
