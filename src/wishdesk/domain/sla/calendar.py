"""The merchant's business-day calendar: which dates are working days, and SLA deadlines.

A date is a working day by these rules, first match wins:

1. it is in ``extra_workdays``: working;
2. it is in ``extra_holidays``: not working;
3. it is a weekend day (the ``weekend`` override, else the country's own weekend for that
   date as ``holidays`` knows it, else Saturday and Sunday): working only when ``holidays``
   lists it as a make-up workday (``weekend_workdays``, e.g. China's working Saturdays);
4. otherwise: working unless it is a public holiday of the country and subdivision.

Without overrides, rules 3 and 4 are exactly ``HolidayBase.is_working_day``. Working days
are precomputed as sorted day ordinals for a window of years (grown on demand), so
``nth_working_day`` and ``due_at`` are a ``bisect`` each.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from wishdesk.domain.settings import CalendarSettings
from wishdesk.errors import UsageError
from wishdesk.i18n import N_

if TYPE_CHECKING:
    from holidays import HolidayBase

UTC = timezone.utc
DEFAULT_WEEKEND = frozenset({5, 6})
EXTRA_HOLIDAY_NAME = N_("Day off (calendar.extra_holidays)")  # translated where shown
YEARS_BEFORE = 2  # the first window: this many years before the first date asked about ...
YEARS_AFTER = 3  # ... and this many after
GROW_YEARS = 3  # how far the window grows when a date falls outside it
_MIN_YEAR, _MAX_YEAR = date.min.year, date.max.year


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        raise UsageError(
            f"unknown time zone {name!r}: use an IANA name like Asia/Shanghai"
        ) from None


def _country_holidays(country: str, subdivision: str) -> HolidayBase | None:
    """The ``holidays`` calendar (English names where the country has them), or None."""
    country = country.strip().upper()
    subdivision = subdivision.strip()
    if not country:
        return None
    import holidays

    known = holidays.list_supported_countries().get(country)
    if known is None:
        raise UsageError(
            f"unknown country {country!r}: use an ISO 3166 code that holidays supports"
        )
    subdiv: str | None = None
    if subdivision:
        # holidays matches subdivision codes case-sensitively; settings accept any case.
        matches = [code for code in known if code.upper() == subdivision.upper()]
        if not matches:
            raise UsageError(f"unknown subdivision {subdivision!r} for {country}")
        subdiv = matches[0]
    return holidays.country_holidays(country, subdiv, language="en_US")


def _out_of_range() -> UsageError:
    return UsageError(f"dates must lie between years {_MIN_YEAR} and {_MAX_YEAR}")


class BusinessCalendar:
    """Working days and end-of-day deadlines for one ``CalendarSettings``."""

    def __init__(self, settings: CalendarSettings) -> None:
        self.settings = settings
        self.tz = _zone(settings.timezone)
        self._holidays = _country_holidays(settings.country, settings.subdivision)
        self._weekend = None if settings.weekend is None else frozenset(settings.weekend)
        self._extra_holidays = settings.extra_holidays
        self._extra_workdays = settings.extra_workdays
        self._by_year: dict[int, list[int]] = {}  # year -> its working-day ordinals
        self._ordinals: list[int] = []  # all of them, sorted, for years _first.._last
        self._first = self._last = 0
        self._end_of_day: dict[int, datetime] = {}  # ordinal -> 23:59:59 local, in UTC

    # -- the rules ------------------------------------------------------------------------

    def is_weekend(self, day: date) -> bool:
        """Whether ``day`` falls on a weekend day (override, country's, or Sat/Sun)."""
        if self._weekend is not None:
            return day.weekday() in self._weekend
        if self._holidays is not None:
            return bool(self._holidays.is_weekend(day))
        return day.weekday() in DEFAULT_WEEKEND

    def weekend_days(self, day: date) -> frozenset[int]:
        """The weekday numbers (Mon=0) of the weekend in force in the week of ``day``."""
        monday = day - timedelta(days=day.weekday())
        week = (monday + timedelta(days=i) for i in range(7))
        return frozenset(d.weekday() for d in week if self.is_weekend(d))

    def _rule(self, day: date) -> bool:
        if day in self._extra_workdays:
            return True
        if day in self._extra_holidays:
            return False
        hol = self._holidays
        if self.is_weekend(day):
            return hol is not None and day in hol.weekend_workdays
        return hol is None or day not in hol

    def holiday_name(self, day: date) -> str | None:
        """The holiday's name (several joined by "; "), or None; extra holidays included."""
        name: str | None = None
        if self._holidays is not None:
            name = self._holidays.get(day)
        if name is None and day in self._extra_holidays:
            name = EXTRA_HOLIDAY_NAME
        return name

    def is_makeup_workday(self, day: date) -> bool:
        """A weekend day that is a working day (a make-up day, or an extra workday)."""
        return self.is_weekend(day) and self.is_working_day(day)

    # -- the window of precomputed working days -------------------------------------------

    def _year_ordinals(self, year: int) -> list[int]:
        if self._holidays is not None:
            self._holidays.get(date(year, 1, 1))  # expands the holidays to this year
        first = date(year, 1, 1).toordinal()
        last = date(year, 12, 31).toordinal()
        rule = self._rule
        return [o for o in range(first, last + 1) if rule(date.fromordinal(o))]

    def _cover(self, first: int, last: int) -> None:
        """Make the window hold at least the years ``first`` to ``last``."""
        if self._by_year and self._first <= first and last <= self._last:
            return
        if not _MIN_YEAR <= first <= last <= _MAX_YEAR:
            raise _out_of_range()
        if self._by_year:
            first, last = min(first, self._first), max(last, self._last)
        for year in range(first, last + 1):
            if year not in self._by_year:
                self._by_year[year] = self._year_ordinals(year)
        self._first, self._last = first, last
        self._ordinals = [o for year in range(first, last + 1) for o in self._by_year[year]]

    def _cover_day(self, day: date) -> None:
        year = day.year
        if not self._by_year:
            self._cover(max(_MIN_YEAR, year - YEARS_BEFORE), min(_MAX_YEAR, year + YEARS_AFTER))
        elif not self._first <= year <= self._last:
            self._cover(min(year, self._first), max(year, self._last))

    def _grow(self, forward: bool) -> None:
        if forward:
            if self._last >= _MAX_YEAR:
                raise UsageError(f"no working day before the end of year {_MAX_YEAR}")
            self._cover(self._first, min(_MAX_YEAR, self._last + GROW_YEARS))
        else:
            if self._first <= _MIN_YEAR:
                raise UsageError(f"no working day after the start of year {_MIN_YEAR}")
            self._cover(max(_MIN_YEAR, self._first - GROW_YEARS), self._last)

    # -- queries --------------------------------------------------------------------------

    def is_working_day(self, day: date) -> bool:
        self._cover_day(day)
        ordinal = day.toordinal()
        index = bisect_left(self._ordinals, ordinal)
        return index < len(self._ordinals) and self._ordinals[index] == ordinal

    def nth_working_day(self, day: date, n: int) -> date:
        """The n-th working day after ``day`` (n >= 1).

        Same semantics as ``HolidayBase.get_nth_working_day``: n = 0 gives ``day`` when it
        is a working day, else the next one; a negative n counts backwards.
        """
        self._cover_day(day)
        ordinal = day.toordinal()
        while True:
            ordinals = self._ordinals
            if n > 0:
                index = bisect_right(ordinals, ordinal) + n - 1
            else:
                index = bisect_left(ordinals, ordinal) + n
            if index < 0:
                self._grow(forward=False)
            elif index >= len(ordinals):
                self._grow(forward=True)
            else:
                return date.fromordinal(ordinals[index])

    def working_days_between(self, start: date, end: date) -> int:
        """How many working days d there are with start < d <= end (0 when end <= start)."""
        if end <= start:
            return 0
        self._cover(start.year, end.year)
        return bisect_right(self._ordinals, end.toordinal()) - bisect_right(
            self._ordinals, start.toordinal()
        )

    def end_of_day(self, day: date) -> datetime:
        """The last second of ``day`` in the calendar's zone (23:59:59 local), in UTC.

        When 23:59:59 happens twice (a DST change at midnight, as in Chile), the later one.
        """
        ordinal = day.toordinal()
        moment = self._end_of_day.get(ordinal)
        if moment is None:
            local = datetime(day.year, day.month, day.day, 23, 59, 59, tzinfo=self.tz, fold=1)
            try:
                moment = local.astimezone(UTC)
            except OverflowError:  # the last day of year 9999, east of UTC
                raise _out_of_range() from None
            self._end_of_day[ordinal] = moment
        return moment

    def local_date(self, moment: datetime) -> date:
        """The calendar date of ``moment`` in the calendar's zone (naive means UTC)."""
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        try:
            return moment.astimezone(self.tz).date()
        except OverflowError:  # the first hours of year 1, west of UTC
            raise _out_of_range() from None

    def due_at(self, start: datetime, n: int) -> datetime:
        """23:59:59 local on the n-th working day after the local date of ``start``, in UTC."""
        return self.end_of_day(self.nth_working_day(self.local_date(start), n))
