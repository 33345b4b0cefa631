"""The year view of the business-day calendar: month grids, in colour or in plain text.

Both looks come from the same lines of (text, kind) segments, so a pipe and a terminal show
the same characters; on a terminal rich adds colour. Each day cell is four characters wide
and its marker says what the day is, so the plain text reads at a glance::

     7   working day      (7)  weekend      7*  holiday      7+  make-up workday
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from wishdesk.domain.settings import WEEKDAYS
from wishdesk.i18n import N_, _, language
from wishdesk.render.safe import clean
from wishdesk.render.width import cells

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
DAY_NAMES = (N_("Mo"), N_("Tu"), N_("We"), N_("Th"), N_("Fr"), N_("Sa"), N_("Su"))
WEEKDAY_NAMES = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
MONTH_NAMES = (
    N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
    N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
)  # fmt: skip
CELL = 4
MONTH_WIDTH = 7 * CELL
GAP = "  "

MAKEUP_DAY = N_("make-up workday")

Segment = tuple[str, str]
Line = list[Segment]


@dataclass(frozen=True)
class Day:
    day: date
    kind: str
    name: str | None


Names = Callable[[date], "str | None"]


def holiday_names(calendar: BusinessCalendar) -> Names:
    """The holidays' names in the interface's language: in Chinese, those the ``holidays``
    package has in Chinese for the country (``zh_CN``), else its default names."""
    from wishdesk.domain.sla.calendar import EXTRA_HOLIDAY_NAME

    if language() == "en":
        return calendar.holiday_name
    local = _chinese_holidays(calendar)

    def name(day: date) -> str | None:
        found = calendar.holiday_name(day)
        if found is None or found == EXTRA_HOLIDAY_NAME:
            return found and _(found)
        return (local.get(day) if local is not None else None) or found

    return name


def _chinese_holidays(calendar: BusinessCalendar) -> dict[date, str] | None:
    import holidays

    from wishdesk.domain.settings import validate_calendar

    settings = calendar.settings
    country = settings.country.strip().upper()
    if not country:
        return None
    subdivision = validate_calendar(
        {"calendar.country": country, "calendar.subdivision": settings.subdivision.strip()}
    )
    local = holidays.country_holidays(country, subdivision or None, language="zh_CN")
    return local if "zh_CN" in (local.supported_languages or ()) else None


def classify(calendar: BusinessCalendar, day: date, names: Names | None = None) -> Day:
    """What ``day`` is: a working day, weekend, holiday or make-up workday, and its name."""
    name = (names or calendar.holiday_name)(day)
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
    title = _("{month} {year}").format(month=_(MONTH_NAMES[head.month - 1]), year=head.year)
    left = (MONTH_WIDTH - cells(title)) // 2
    names = [_(DAY_NAMES[(first + i) % 7]) for i in range(7)]
    lines: list[Line] = [
        [(" " * left + title + " " * (MONTH_WIDTH - cells(title) - left), TITLE)],
        [("".join(" " * (CELL - 1 - cells(n)) + n + " " for n in names), DIM)],
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
            label = iso_dates(clean(day.name, one_line=True)) if day.name else _(MAKEUP_DAY)
            if day.kind == MAKEUP and day.name:
                label = _("{holiday} (a working day here)").format(holiday=label)
            d = day.day
            when = f"{_(WEEKDAY_NAMES[d.weekday()])} {d.isoformat()}"
            out.append([(f"  {when}  ", DIM), (cell(day), day.kind), (f"  {label}", WORK)])
    return out


def legend(calendar: BusinessCalendar, year: int) -> list[Line]:
    settings = calendar.settings
    weekend = calendar.weekend_days(date(year, 12, 31))
    where = settings.country or _("no country")
    if settings.country and settings.subdivision:
        where += f"-{settings.subdivision.upper()}"
    weekend_text = ",".join(WEEKDAYS[d] for d in sorted(weekend)) or _("none")
    count = calendar.working_days_between(date(year - 1, 12, 31), date(year, 12, 31))
    about = _(": {where}, {zone}, weekend {weekend}; {count} working days").format(
        where=where, zone=calendar.tz.key, weekend=weekend_text, count=count
    )
    return [
        [(_("Business days {year}").format(year=year), TITLE), (about, WORK)],
        [
            (_("Legend: "), DIM),
            ("  7", WORK),
            (" " + _("working day") + "  ", DIM),
            (" (7)", WEEKEND),
            (" " + _("weekend") + "  ", DIM),
            ("  7*", HOLIDAY),
            (" " + _("holiday") + "  ", DIM),
            ("  7+", MAKEUP),
            (" " + _(MAKEUP_DAY), DIM),
        ],
    ]


def year_view(
    calendar: BusinessCalendar, year: int, *, per_row: int = 3, today: date | None = None
) -> list[Line]:
    """The whole year: a legend, then rows of ``per_row`` months, each followed by the list
    of that row's holidays and make-up workdays."""
    first = first_weekday(calendar.weekend_days(date(year, 12, 31)))
    lines = legend(calendar, year)
    names = holiday_names(calendar)
    for start in range(1, 13, per_row):
        chosen = range(start, min(13, start + per_row))
        months = [_month(calendar, year, m, names) for m in chosen]
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


def _month(calendar: BusinessCalendar, year: int, month: int, names: Names) -> list[Day]:
    first = date(year, month, 1)
    length = monthrange(year, month)[1]
    return [classify(calendar, first + timedelta(days=i), names) for i in range(length)]


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
