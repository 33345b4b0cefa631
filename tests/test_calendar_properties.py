"""Properties of the business-day calendar, checked against ``holidays`` itself."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from functools import cache
from zoneinfo import ZoneInfo

import holidays
from hypothesis import given, settings
from hypothesis import strategies as st

from wishdesk.domain.settings import CalendarSettings
from wishdesk.domain.sla.calendar import BusinessCalendar

UTC = timezone.utc
COUNTRIES = [
    ("CN", ""),
    ("US", "CA"),
    ("GB", ""),
    ("DE", "BY"),
    ("FR", ""),
    ("BR", ""),
    ("SA", ""),
    ("IL", ""),
    ("AE", ""),
]
ZONES = ["America/New_York", "Europe/Berlin", "Australia/Sydney", "America/Santiago", "UTC"]
DATES = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))
EXAMPLES = settings(max_examples=150, deadline=None)


@cache
def ours(country: str, subdivision: str, zone: str = "UTC") -> BusinessCalendar:
    return BusinessCalendar(
        CalendarSettings(country=country, subdivision=subdivision, timezone=zone)
    )


@cache
def reference(country: str, subdivision: str) -> holidays.HolidayBase:
    return holidays.country_holidays(country, subdivision or None)


@EXAMPLES
@given(st.sampled_from(COUNTRIES), DATES, st.integers(min_value=1, max_value=10))
def test_nth_working_day_matches_holidays(where: tuple[str, str], day: date, n: int) -> None:
    assert ours(*where).nth_working_day(day, n) == reference(*where).get_nth_working_day(day, n)


@EXAMPLES
@given(st.sampled_from(COUNTRIES), DATES, st.integers(min_value=-10, max_value=0))
def test_zero_and_backwards_match_holidays(where: tuple[str, str], day: date, n: int) -> None:
    assert ours(*where).nth_working_day(day, n) == reference(*where).get_nth_working_day(day, n)


@EXAMPLES
@given(st.sampled_from(COUNTRIES), DATES)
def test_is_working_day_matches_holidays(where: tuple[str, str], day: date) -> None:
    assert ours(*where).is_working_day(day) == reference(*where).is_working_day(day)


@EXAMPLES
@given(st.sampled_from(COUNTRIES), DATES, st.integers(min_value=0, max_value=40))
def test_working_days_between_counts(where: tuple[str, str], start: date, span: int) -> None:
    end = start + timedelta(days=span)
    expected = sum(
        reference(*where).is_working_day(start + timedelta(days=i)) for i in range(1, span + 1)
    )
    assert ours(*where).working_days_between(start, end) == expected


@EXAMPLES
@given(
    st.sampled_from(ZONES),
    st.sampled_from([("US", ""), ("DE", "BY"), ("CN", ""), ("", "")]),
    st.datetimes(
        min_value=datetime(2020, 1, 1), max_value=datetime(2030, 12, 31), timezones=st.just(UTC)
    ),
    st.integers(min_value=1, max_value=10),
)
def test_due_at_is_2359_59_local_on_the_nth_working_day(
    zone: str, where: tuple[str, str], start: datetime, n: int
) -> None:
    calendar = ours(*where, zone)
    due = calendar.due_at(start, n)
    assert due.tzinfo is UTC and due.microsecond == 0
    local = due.astimezone(ZoneInfo(zone))
    assert local.time() == time(23, 59, 59)
    local_start = start.astimezone(ZoneInfo(zone)).date()
    assert local.date() == calendar.nth_working_day(local_start, n)
    assert calendar.is_working_day(local.date())
    assert due > start
    # The deadline is the last second of the day: one second later is the next local day.
    assert (due + timedelta(seconds=1)).astimezone(ZoneInfo(zone)).date() > local.date()


# Starts around the DST changes and year ends of both hemispheres.
EDGES = [
    datetime(2026, 3, 8, 6, 59, 59, tzinfo=UTC),  # New York springs forward
    datetime(2026, 11, 1, 5, 30, tzinfo=UTC),  # New York falls back
    datetime(2026, 3, 29, 0, 59, 59, tzinfo=UTC),  # Berlin springs forward
    datetime(2026, 10, 25, 1, 0, tzinfo=UTC),  # Berlin falls back
    datetime(2026, 4, 4, 15, 59, 59, tzinfo=UTC),  # Sydney falls back
    datetime(2026, 10, 3, 16, 0, tzinfo=UTC),  # Sydney springs forward
    datetime(2026, 4, 5, 2, 30, tzinfo=UTC),  # Santiago falls back (at local midnight)
    datetime(2026, 9, 6, 4, 0, tzinfo=UTC),  # Santiago springs forward
    datetime(2025, 12, 31, 12, 0, tzinfo=UTC),  # year end: already 2026 in Sydney
    datetime(2026, 12, 31, 23, 59, 59, tzinfo=UTC),
]


@settings(max_examples=120, deadline=None)
@given(
    st.sampled_from(ZONES),
    st.sampled_from(EDGES),
    st.integers(min_value=-36 * 3600, max_value=36 * 3600),
    st.integers(min_value=1, max_value=5),
)
def test_due_at_around_dst_and_year_end(zone: str, edge: datetime, shift: int, n: int) -> None:
    start = edge + timedelta(seconds=shift)
    calendar = ours("", "", zone)
    local = calendar.due_at(start, n).astimezone(ZoneInfo(zone))
    assert local.time() == time(23, 59, 59)
    expected = calendar.nth_working_day(start.astimezone(ZoneInfo(zone)).date(), n)
    assert local.date() == expected


@settings(max_examples=100, deadline=None)
@given(
    st.data(),
    st.frozensets(DATES, max_size=20),
    st.frozensets(DATES, max_size=20),
    st.sampled_from([None, (5, 6), (4, 5), (6,), (3, 4)]),
)
def test_overrides_follow_the_documented_precedence(
    data: st.DataObject,
    extra_holidays: frozenset[date],
    extra_workdays: frozenset[date],
    weekend: tuple[int, ...] | None,
) -> None:
    listed = sorted(extra_holidays | extra_workdays)
    day = data.draw(st.one_of(DATES, st.sampled_from(listed)) if listed else DATES)
    calendar = BusinessCalendar(
        CalendarSettings(
            country="CN",
            weekend=weekend,
            extra_holidays=extra_holidays,
            extra_workdays=extra_workdays,
        )
    )
    cn = reference("CN", "")
    if day in extra_workdays:
        expected = True
    elif day in extra_holidays:
        expected = False
    elif weekend is None:
        expected = cn.is_working_day(day)
    elif day.weekday() in weekend:
        expected = day in cn.weekend_workdays
    else:
        expected = day not in cn
    assert calendar.is_working_day(day) == expected
