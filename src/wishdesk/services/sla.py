"""``wishdesk sla``: deadlines and the business-day calendar, with the store's calendar or
one given on the command line."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from wishdesk.errors import UsageError

if TYPE_CHECKING:
    from wishdesk.domain.settings import SlaSettings
    from wishdesk.domain.sla.calendar import BusinessCalendar
    from wishdesk.store.db import Store


def settings_for(given: Mapping[str, str | None], store: Callable[[], Store]) -> SlaSettings:
    """The calendar from the command line when any option names one (no store needed),
    else the store's."""
    from wishdesk.domain import settings

    if any(value is not None for value in given.values()):
        values = {k: settings.validate(k, v) for k, v in given.items() if v is not None}
        settings.validate_calendar(values)
        return settings.sla_settings(values)
    from wishdesk.store.settings import load

    return settings.sla_settings(load(store()))


def calendar(sla: SlaSettings) -> BusinessCalendar:
    from wishdesk.domain.sla.calendar import BusinessCalendar

    return BusinessCalendar(sla.calendar)


def parse_starts(starts: Sequence[str]) -> list[datetime]:
    """Clock starts as typed (ISO-8601; UTC when no offset is given)."""
    from wishdesk.clock import parse_time

    moments = []
    for text in starts:
        try:
            moments.append(parse_time(text))
        except ValueError:
            raise UsageError(
                "bad START {text!r}: use ISO-8601, e.g. 2026-10-09T08:30:00Z", text=text[:40]
            ) from None
    return moments


def due_dates(
    starts: Sequence[str], moments: Sequence[datetime], days: int | None, sla: SlaSettings
) -> list[str]:
    """The SLA deadline of each start, in UTC ISO form; ``days`` business days, else the
    settings'."""
    from wishdesk.clock import iso
    from wishdesk.domain.settings import validate

    n = sla.business_days if days is None else int(validate("sla.business_days", str(days)))
    business = calendar(sla)
    out = []
    for text, moment in zip(starts, moments, strict=True):
        try:
            out.append(iso(business.due_at(moment, n)))
        except OverflowError:  # the deadline would fall after the year 9999
            raise UsageError(
                "START {text!r} is too late: no deadline before 9999", text=text[:40]
            ) from None
    return out
