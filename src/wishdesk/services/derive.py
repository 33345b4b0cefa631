"""The functions that derive a ticket's reason and SLA clocks, built from the settings."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING

from wishdesk.domain.settings import CalendarSettings, sla_settings
from wishdesk.domain.sla.clocks import Clocks
from wishdesk.store import settings as stored_settings
from wishdesk.store.db import Store
from wishdesk.store.writer import ClockFn, RecordWriter

if TYPE_CHECKING:
    from wishdesk.domain.sla import BusinessCalendar


@lru_cache(maxsize=4)
def _calendar(settings: CalendarSettings) -> BusinessCalendar:
    """One calendar per distinct setting, however many tickets a command touches (notify
    builds a writer for each order it answers on a ticket)."""
    from wishdesk.domain.sla import BusinessCalendar

    return BusinessCalendar(settings)


def clock_fn(store: Store) -> ClockFn:
    """SLA clocks with the store's calendar and SLA settings."""
    from wishdesk.domain.sla import ticket_clocks

    sla = sla_settings(stored_settings.load(store))
    calendar = _calendar(sla.calendar)

    def clocks(state: str, opened_at: datetime, messages: Sequence[tuple[str, datetime]]) -> Clocks:
        return ticket_clocks(state, opened_at, messages, sla, calendar)

    return clocks


@lru_cache(maxsize=8192)
def reason_of(
    subject: str,
    body: str,
    sub_label: str | None,
    refund_reason: str | None,
    ticket_type: str | None = None,
) -> tuple[str, float, str]:
    """The ticket's reason, confidence and source. A pre-purchase ticket is about no order,
    so it is ``other`` by Wish's own definition; the rest goes to the classifier.
    Cached: buyers (and the demo) repeat the same short messages a lot."""
    if ticket_type == "PRE_PURCHASE":
        return "other", 1.0, "wish"
    from wishdesk.domain.reasons import classify

    found = classify(subject, body, sub_label=sub_label, refund_reason=refund_reason)
    return found.reason, round(found.confidence, 3), found.source


def writer(store: Store) -> RecordWriter:
    return RecordWriter(store, clock_fn(store), reason_of)
