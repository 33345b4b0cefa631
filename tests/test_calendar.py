"""Known cases of the business-day calendar (dates checked against holidays 0.109 data)."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from wishdesk.domain.settings import CalendarSettings
from wishdesk.domain.sla.calendar import EXTRA_HOLIDAY_NAME, BusinessCalendar
from wishdesk.errors import UsageError

UTC = timezone.utc


def cal(**kwargs: object) -> BusinessCalendar:
    return BusinessCalendar(CalendarSettings(**kwargs))  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def cn() -> BusinessCalendar:
    return cal(country="CN", timezone="Asia/Shanghai")


# China 2026, National Day: Thu 1 Oct .. Wed 7 Oct off (the 3rd and 4th are the weekend,
# 5 Oct is "observed", 6 and 7 Oct are days off moved from Sun 20 Sep and Sat 10 Oct);
# Sun 20 Sep and Sat 10 Oct are make-up working days.
def test_china_national_day_2026_week_is_off(cn: BusinessCalendar) -> None:
    assert [cn.is_working_day(date(2026, 10, d)) for d in range(1, 11)] == [
        False, False, False, False, False, False, False, True, True, True,
    ]  # fmt: skip
    assert cn.holiday_name(date(2026, 10, 1)) == "National Day"


def test_china_makeup_saturday_2026_10_10(cn: BusinessCalendar) -> None:
    saturday = date(2026, 10, 10)
    assert saturday.weekday() == 5
    assert cn.is_working_day(saturday)
    assert cn.is_makeup_workday(saturday)
    assert cn.holiday_name(saturday) is None
    assert not cn.is_makeup_workday(date(2026, 10, 17))  # an ordinary Saturday
    assert not cn.is_working_day(date(2026, 10, 17))


def test_china_nth_working_day_across_national_day(cn: BusinessCalendar) -> None:
    start = date(2026, 9, 30)  # Wednesday, the last working day before the holiday
    assert cn.nth_working_day(start, 1) == date(2026, 10, 8)
    assert cn.nth_working_day(start, 2) == date(2026, 10, 9)
    assert cn.nth_working_day(start, 3) == date(2026, 10, 10)  # the make-up Saturday
    assert cn.nth_working_day(start, 4) == date(2026, 10, 12)
    # Friday 18 Sep: the next working day is the make-up Sunday 20 Sep.
    assert cn.nth_working_day(date(2026, 9, 18), 1) == date(2026, 9, 20)


def test_china_spring_festival_2026(cn: BusinessCalendar) -> None:
    # Sat 14 Feb is a working day; Sun 15 Feb .. Mon 23 Feb are off; Sat 28 Feb works.
    assert cn.is_makeup_workday(date(2026, 2, 14))
    assert cn.nth_working_day(date(2026, 2, 13), 1) == date(2026, 2, 14)
    assert cn.nth_working_day(date(2026, 2, 13), 2) == date(2026, 2, 24)
    assert not any(cn.is_working_day(date(2026, 2, d)) for d in range(15, 24))
    assert cn.is_makeup_workday(date(2026, 2, 28))


def test_china_deadline_in_utc(cn: BusinessCalendar) -> None:
    # 23:00 in Shanghai on Wed 30 Sep: two working days later is Fri 9 Oct.
    assert cn.due_at(datetime(2026, 9, 30, 15, 0, tzinfo=UTC), 2) == datetime(
        2026, 10, 9, 15, 59, 59, tzinfo=UTC
    )
    # 00:30 on Thu 1 Oct local (still 30 Sep in UTC): counts from 1 Oct; 3rd is Sat 10 Oct.
    assert cn.due_at(datetime(2026, 9, 30, 16, 30, tzinfo=UTC), 3) == datetime(
        2026, 10, 10, 15, 59, 59, tzinfo=UTC
    )


def test_saudi_friday_saturday_weekend_and_eid() -> None:
    sa = cal(country="SA", timezone="Asia/Riyadh")
    assert sa.weekend_days(date(2026, 3, 5)) == {4, 5}
    assert sa.nth_working_day(date(2026, 3, 5), 1) == date(2026, 3, 8)  # Thu -> Sun
    # Eid al-Fitr 2026: Thu 19 .. Tue 24 Mar off.
    assert sa.nth_working_day(date(2026, 3, 18), 1) == date(2026, 3, 25)


def test_uae_weekend_changed_in_2022() -> None:
    ae = cal(country="AE")
    assert ae.nth_working_day(date(2021, 6, 3), 1) == date(2021, 6, 6)  # Fri/Sat weekend
    assert ae.nth_working_day(date(2026, 6, 5), 1) == date(2026, 6, 8)  # Sat/Sun weekend


def test_weekend_override_friday_saturday() -> None:
    plain = cal(weekend=(4, 5))
    assert plain.nth_working_day(date(2026, 6, 4), 1) == date(2026, 6, 7)  # Thu -> Sun
    assert plain.is_working_day(date(2026, 6, 7))
    assert plain.weekend_days(date(2026, 6, 7)) == {4, 5}
    # Overriding China's weekend keeps its holidays and make-up days.
    cn_fri_sat = cal(country="CN", weekend=(4, 5))
    assert not cn_fri_sat.is_working_day(date(2026, 10, 1))
    assert cn_fri_sat.is_working_day(date(2026, 10, 10))  # make-up Saturday still works
    assert cn_fri_sat.is_working_day(date(2026, 10, 11))  # a Sunday is a weekday now
    assert not cn_fri_sat.is_working_day(date(2026, 10, 16))  # a Friday is weekend now


def test_no_country_means_saturday_sunday_and_no_holidays() -> None:
    plain = cal()
    assert plain.nth_working_day(date(2026, 12, 24), 1) == date(2026, 12, 25)
    assert plain.nth_working_day(date(2026, 12, 25), 1) == date(2026, 12, 28)
    assert plain.holiday_name(date(2026, 12, 25)) is None


def test_start_on_a_holiday() -> None:
    us = cal(country="US", subdivision="CA", timezone="America/Los_Angeles")
    christmas = date(2026, 12, 25)  # a Friday
    assert not us.is_working_day(christmas)
    assert us.nth_working_day(christmas, 1) == date(2026, 12, 28)
    assert us.nth_working_day(christmas, 0) == date(2026, 12, 28)
    assert us.nth_working_day(date(2026, 11, 25), 1) == date(2026, 11, 30)  # Thanksgiving + Fri
    assert us.holiday_name(date(2026, 3, 31)) == "Cesar Chavez Day"  # a California holiday


def test_extra_holidays_and_workdays() -> None:
    monday, saturday = date(2026, 6, 8), date(2026, 6, 6)
    off = cal(extra_holidays=frozenset({monday}))
    assert off.nth_working_day(date(2026, 6, 5), 1) == date(2026, 6, 9)
    assert off.holiday_name(monday) == EXTRA_HOLIDAY_NAME
    on = cal(extra_workdays=frozenset({saturday}))
    assert on.nth_working_day(date(2026, 6, 5), 1) == saturday
    assert on.is_makeup_workday(saturday)
    both = cal(extra_holidays=frozenset({saturday}), extra_workdays=frozenset({saturday}))
    assert both.is_working_day(saturday)  # extra_workdays wins
    # An extra workday beats a country holiday (5 Oct 2026, China).
    cn = cal(country="CN", extra_workdays=frozenset({date(2026, 10, 5)}))
    assert cn.nth_working_day(date(2026, 9, 30), 1) == date(2026, 10, 5)


def test_working_days_between(cn: BusinessCalendar) -> None:
    assert cn.working_days_between(date(2026, 9, 30), date(2026, 10, 10)) == 3
    assert cn.working_days_between(date(2026, 9, 30), date(2026, 9, 30)) == 0
    assert cn.working_days_between(date(2026, 10, 10), date(2026, 9, 30)) == 0
    plain = cal()
    assert plain.working_days_between(date(2026, 6, 5), date(2026, 6, 12)) == 5
    assert plain.working_days_between(date(2025, 12, 31), date(2026, 12, 31)) == 261
    # far outside the first window, in both directions
    assert plain.working_days_between(date(1990, 1, 1), date(2090, 1, 1)) == 26089


def test_window_grows_in_both_directions() -> None:
    plain = cal()
    assert plain.nth_working_day(date(2026, 1, 1), 1) == date(2026, 1, 2)
    assert plain.nth_working_day(date(2040, 12, 31), 1) == date(2041, 1, 1)
    assert plain.nth_working_day(date(1999, 12, 31), 1) == date(2000, 1, 3)
    assert plain.nth_working_day(date(2026, 1, 5), -1) == date(2026, 1, 2)
    assert plain.nth_working_day(date(2026, 1, 1), 600) == date(2028, 4, 20)


def test_end_of_day_in_an_ambiguous_hour_is_the_later_one() -> None:
    # Chile leaves DST at midnight between Sat 4 and Sun 5 Apr 2026: 23:00-23:59:59 on the
    # 4th happens twice. The deadline is the later 23:59:59 (UTC-4).
    chile = cal(timezone="America/Santiago")
    assert chile.end_of_day(date(2026, 4, 4)) == datetime(2026, 4, 5, 3, 59, 59, tzinfo=UTC)
    assert chile.due_at(datetime(2026, 4, 3, 12, tzinfo=UTC), 1) == datetime(
        2026, 4, 7, 3, 59, 59, tzinfo=UTC
    )  # Fri 3 Apr -> Mon 6 Apr, 23:59:59 UTC-4


def test_due_at_uses_the_local_date_and_accepts_naive_utc() -> None:
    ny = cal(country="US", timezone="America/New_York")
    # 02:00 UTC on Sat 7 Mar is still Fri 6 Mar in New York: one working day -> Mon 9 Mar,
    # which is after the switch to DST (UTC-4).
    start = datetime(2026, 3, 7, 2, 0, tzinfo=UTC)
    assert ny.due_at(start, 1) == datetime(2026, 3, 10, 3, 59, 59, tzinfo=UTC)
    assert ny.due_at(start.replace(tzinfo=None), 1) == ny.due_at(start, 1)


def test_subdivision_any_case_and_bad_settings() -> None:
    assert cal(country="us", subdivision="ca").holiday_name(date(2026, 3, 31)) is not None
    with pytest.raises(UsageError, match="unknown country"):
        cal(country="XX")
    with pytest.raises(UsageError, match="unknown subdivision"):
        cal(country="US", subdivision="ZZ")
    with pytest.raises(UsageError, match="unknown time zone"):
        cal(timezone="Mars/Olympus")


def test_end_of_the_calendar_is_an_error_not_a_crash() -> None:
    with pytest.raises(UsageError):
        cal().nth_working_day(date(9999, 12, 31), 1)
