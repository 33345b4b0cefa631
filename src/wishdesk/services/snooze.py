"""``wishdesk snooze``: hide a ticket from ``list`` until a time, or until the buyer writes
again (the record writer ends it: ``services/tickets.py``), whichever comes first.

Its SLA clocks keep running and ``overdue`` still reports it: a snooze only quiets the
inbox. ``list --snoozed`` shows the snoozed tickets.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from wishdesk.clock import iso
from wishdesk.errors import UsageError
from wishdesk.services.inbox import resolve
from wishdesk.store import tickets
from wishdesk.store.db import Store

CLOSED = ("CLOSED", "PERMANENTLY_CLOSED")


@dataclass(frozen=True)
class Snooze:
    ticket_id: str
    until: str | None  # ISO UTC; None: not snoozed (any more)
    was: str | None  # the snooze it had before, if it was still running
    timezone: str  # the merchant's, for saying when


def snooze(store: Store, ref: str, when: str | None, now: datetime) -> Snooze:
    """Snooze the ticket ``ref`` names until ``when`` (``None``: end its snooze)."""
    from wishdesk.domain.settings import sla_settings
    from wishdesk.domain.sla.calendar import BusinessCalendar
    from wishdesk.domain.snooze import snooze_end
    from wishdesk.store.settings import load

    ticket_id = resolve(store, ref)
    calendar = sla_settings(load(store)).calendar
    until = None
    if when is not None:
        days = BusinessCalendar(calendar)
        until = iso(snooze_end(when, now, days.tz, days.nth_working_day))
    at = iso(now)
    with store.transaction():
        row = tickets.get(store, ticket_id)
        assert row is not None
        if until is not None and row.state in CLOSED:
            raise UsageError(
                "ticket {ticket_id} is {state}: nothing to snooze",
                ticket_id=ticket_id,
                state=row.state,
            )
        was = row.snoozed_until if row.snoozed_until and row.snoozed_until > at else None
        tickets.set_snooze(store, ticket_id, until, None if until is None else at)
    return Snooze(ticket_id, until, was, calendar.timezone)
