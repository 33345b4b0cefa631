"""The year view of the business-day calendar: month grids, in colour or in plain text.

Both looks come from the same lines of (text, kind) segments, so a pipe and a terminal show
the same characters; on a terminal rich adds colour. Each day cell is four characters wide
and its marker says what the day is, so the plain text reads at a glance::

     7   working day      (7)  weekend      7*  holiday      7+  make-up workday
"""

from __future__ import annotations

import re
from calendar import day_abbr, month_name, monthrange
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from wishdesk.domain.settings import WEEKDAYS
from wishdesk.render.safe import clean

if TYPE_CHECKING:
    from rich.console import Console

    from wishdesk.domain.sla.calendar import BusinessCalendar

WORK, WEEKEND, HOLIDAY, MAKEUP = "work", "weekend", "holiday", "makeup"
TITLE, DIM, TODAY = "title", "dim", "today"
STYLES = {
    WORK: "",
    WEEKEND: "dim",
    HOLIDAY: "bold red",
    MAKEUP: "bold green",
    TITLE: "bold",
    DIM: "dim",
}
DAY_NAMES = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
CELL = 4
MONTH_WIDTH = 7 * CELL
GAP = "  "

Segment = tuple[str, str]
Line = list[Segment]


@dataclass(frozen=True)
class Day:
    day: date
    kind: str
    name: str | None


def classify(calendar: BusinessCalendar, day: date) -> Day:
    """What ``day`` is: a working day, weekend, holiday or make-up workday, and its name."""
    name = calendar.holiday_name(day)
    if calendar.is_working_day(day):
        kind = MAKEUP if calendar.is_weekend(day) or name else WORK
    else:
        kind = HOLIDAY if name else WEEKEND
    return Day(day, kind, name)


def cell(day: Day) -> str:
    number = day.day.day
    if day.kind == WEEKEND:
        return f"{'(' + str(number):>3})"
    suffix = {HOLIDAY: "*", MAKEUP: "+"}.get(day.kind, " ")
    return f"{number:>3}{suffix}"


def first_weekday(weekend: frozenset[int]) -> int:
    """The column the week starts on: the first day after the weekend (Monday by default)."""
    starts = [d for d in range(7) if d not in weekend and (d - 1) % 7 in weekend]
    return starts[0] if starts else 0


def month_lines(days: list[Day], first: int, today: date | None) -> list[Line]:
    """One month: title, day names, then six week rows (blank ones padded)."""
    head = days[0].day
    title = f"{month_name[head.month]} {head.year}"
    lines: list[Line] = [
        [(title.center(MONTH_WIDTH), TITLE)],
        [("".join(f"{DAY_NAMES[(first + i) % 7]:>3} " for i in range(7)), DIM)],
    ]
    week: Line = [(" " * CELL, WORK)] * ((head.weekday() - first) % 7)
    for day in days:
        week.append((cell(day), f"{day.kind} {TODAY}" if day.day == today else day.kind))
        if len(week) == 7:
            lines.append(week)
            week = []
    if week:
        lines.append(week + [(" " * CELL, WORK)] * (7 - len(week)))
    while len(lines) < 8:
        lines.append([(" " * MONTH_WIDTH, WORK)])
    return lines


_US_DATE = re.compile(r"\b(\d{2})/(\d{2})/(\d{4})\b")


def iso_dates(text: str) -> str:
    """``substituted from 01/04/2026`` (the holidays package's US form) in ISO form."""
    return _US_DATE.sub(lambda m: f"{m[3]}-{m[1]}-{m[2]}", text)


def named_lines(days: list[Day]) -> list[Line]:
    """The holidays and make-up workdays of some months, one a line, in date order."""
    out: list[Line] = []
    for day in days:
        if day.kind == HOLIDAY or day.kind == MAKEUP:
            # Holiday names come from the holidays package: cleaned like any outside text.
            label = iso_dates(clean(day.name, one_line=True)) if day.name else "make-up workday"
            if day.kind == MAKEUP and day.name:
                label = f"{label} (a working day here)"
            d = day.day
            when = f"{day_abbr[d.weekday()]} {d.isoformat()}"
            out.append([(f"  {when}  ", DIM), (cell(day), day.kind), (f"  {label}", WORK)])
    return out


def legend(calendar: BusinessCalendar, year: int) -> list[Line]:
    settings = calendar.settings
    weekend = calendar.weekend_days(date(year, 12, 31))
    where = settings.country or "no country"
    if settings.country and settings.subdivision:
        where += f"-{settings.subdivision.upper()}"
    weekend_text = ",".join(WEEKDAYS[d] for d in sorted(weekend)) or "none"
    count = calendar.working_days_between(date(year - 1, 12, 31), date(year, 12, 31))
    return [
        [
            (f"Business days {year}", TITLE),
            (f": {where}, {calendar.tz.key}, weekend {weekend_text}; {count} working days", WORK),
        ],
        [
            ("Legend: ", DIM),
            ("  7", WORK),
            (" working day  ", DIM),
            (" (7)", WEEKEND),
            (" weekend  ", DIM),
            ("  7*", HOLIDAY),
            (" holiday  ", DIM),
            ("  7+", MAKEUP),
            (" make-up workday", DIM),
        ],
    ]


def year_view(
    calendar: BusinessCalendar, year: int, *, per_row: int = 3, today: date | None = None
) -> list[Line]:
    """The whole year: a legend, then rows of ``per_row`` months, each followed by the list
    of that row's holidays and make-up workdays."""
    first = first_weekday(calendar.weekend_days(date(year, 12, 31)))
    lines = legend(calendar, year)
    for start in range(1, 13, per_row):
        months = [_month(calendar, year, m) for m in range(start, min(13, start + per_row))]
        grids = [month_lines(days, first, today) for days in months]
        rows: list[Line] = []
        for row in zip(*grids, strict=True):
            line: Line = []
            for i, part in enumerate(row):
                if i:
                    line.append((GAP, WORK))
                line.extend(part)
            rows.append(line)
        while rows and not "".join(text for text, _ in rows[-1]).strip():
            rows.pop()  # the sixth week row, when no month in this row needs it
        lines.append([])
        lines.extend(rows)
        named = named_lines([day for days in months for day in days])
        if named:
            lines.append([])
            lines.extend(named)
    return lines


def _month(calendar: BusinessCalendar, year: int, month: int) -> list[Day]:
    first = date(year, month, 1)
    length = monthrange(year, month)[1]
    return [classify(calendar, first + timedelta(days=i)) for i in range(length)]


def months_per_row(width: int) -> int:
    """How many month grids fit side by side in ``width`` columns (1 to 3)."""
    return max(1, min(3, (width + len(GAP)) // (MONTH_WIDTH + len(GAP))))


def plain_text(lines: list[Line]) -> str:
    """The view as plain text: markers only, no colour, no trailing spaces."""
    return "".join("".join(text for text, _ in line).rstrip() + "\n" for line in lines)


def print_rich(lines: list[Line], console: Console) -> None:
    """The view on a terminal: the same characters, coloured."""
    from rich.text import Text

    styles = {**STYLES, TODAY: "reverse"}
    for line in lines:
        text = Text(no_wrap=True, overflow="crop")
        for part, kinds in line:
            text.append(part, style=" ".join(styles.get(k, "") for k in kinds.split()).strip())
        text.rstrip()
        console.print(text, soft_wrap=True)
