"""SLA deadline speed: ``BusinessCalendar`` against ``holidays`` itself (a plain script).

    python bench/sla_bench.py [COUNT]

Computes COUNT (default 100,000) n-th working days for China (random start dates in
2020-2030, n from 1 to 10) with ``BusinessCalendar.nth_working_day`` and with a loop over
``holidays.country_holidays("CN").get_nth_working_day``, checks that the answers are
identical, and prints the timings, the ratio (target: at least 5x), and the time of COUNT
``due_at`` calls and of building a calendar.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone

import holidays

from wishdesk.domain.settings import CalendarSettings
from wishdesk.domain.sla.calendar import BusinessCalendar

TARGET_RATIO = 5.0
SETTINGS = CalendarSettings(country="CN", timezone="Asia/Shanghai")


def timed(work: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


def main(count: int) -> int:
    rnd = random.Random(20261010)
    low, high = date(2020, 1, 1).toordinal(), date(2030, 12, 31).toordinal()
    cases = [(date.fromordinal(rnd.randint(low, high)), rnd.randint(1, 10)) for _ in range(count)]
    moments = [
        datetime(2020, 1, 1, tzinfo=timezone.utc)
        + timedelta(seconds=rnd.randrange(11 * 365 * 86400))
        for _ in range(count)
    ]

    reference = holidays.country_holidays("CN", years=range(2020, 2032))  # warm, like ours
    calendar = BusinessCalendar(SETTINGS)
    calendar.nth_working_day(date(2026, 1, 1), 1)  # build the first window outside the timing
    build, _ = timed(lambda: BusinessCalendar(SETTINGS).nth_working_day(date(2026, 1, 1), 1))

    theirs_s, theirs = timed(lambda: [reference.get_nth_working_day(d, n) for d, n in cases])
    ours_s, ours = timed(lambda: [calendar.nth_working_day(d, n) for d, n in cases])
    due_s, _ = timed(lambda: [calendar.due_at(m, 2) for m in moments])
    assert ours == theirs, "BusinessCalendar and holidays disagree"
    ratio = theirs_s / ours_s

    rows = [
        ("holidays get_nth_working_day", theirs_s),
        ("BusinessCalendar.nth_working_day", ours_s),
        ("BusinessCalendar.due_at", due_s),
    ]
    print(f"China, {count:,} deadlines (start 2020-2030, n 1-10); answers identical")
    print(f"{'what':<34} {'total':>9} {'per call':>10}")
    for name, seconds in rows:
        print(f"{name:<34} {seconds * 1000:>7.1f}ms {seconds / count * 1e6:>8.2f}us")
    print(f"{'build a calendar (6 years)':<34} {build * 1000:>7.1f}ms")
    print(f"ratio holidays / BusinessCalendar: {ratio:.1f}x (target >= {TARGET_RATIO:.0f}x)")
    return 0 if ratio >= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000))
