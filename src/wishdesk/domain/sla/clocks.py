"""The two SLA clocks of a ticket (spec "SLA: the two clocks").

- ``awaiting_since``: for a ticket awaiting the merchant, the oldest message from the buyer
  or Wish support after the merchant's last reply; ``opened_at`` when there is none.
- ``due_at``: 23:59:59 local time on the N-th working day after the local date of
  ``awaiting_since``, in UTC.
- ``escalates_at``: ``awaiting_since`` + the escalation hours, weekends included.

Other states have no clock: all three are ``None``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from wishdesk.domain.settings import SlaSettings

MERCHANT = "MERCHANT"


class DeadlineCalendar(Protocol):
    def due_at(self, start: datetime, n: int) -> datetime: ...


@dataclass(frozen=True)
class Clocks:
    awaiting_since: datetime | None = None
    due_at: datetime | None = None
    escalates_at: datetime | None = None


NO_CLOCK = Clocks()


def awaiting_since(
    state: str, opened_at: datetime, messages: Iterable[tuple[str, datetime]]
) -> datetime | None:
    """When the merchant's clock started; ``messages`` are (sender, sent_at) in any order."""
    if state != "AWAITING_MERCHANT":
        return None
    ordered = sorted(messages, key=lambda m: m[1])
    last_merchant = max((at for sender, at in ordered if sender == MERCHANT), default=None)
    for sender, at in ordered:
        if sender != MERCHANT and (last_merchant is None or at > last_merchant):
            return at
    return opened_at


def ticket_clocks(
    state: str,
    opened_at: datetime,
    messages: Iterable[tuple[str, datetime]],
    sla: SlaSettings,
    calendar: DeadlineCalendar,
) -> Clocks:
    start = awaiting_since(state, opened_at, messages)
    if start is None:
        return NO_CLOCK
    return Clocks(
        awaiting_since=start,
        due_at=calendar.due_at(start, sla.business_days),
        escalates_at=start + timedelta(hours=sla.escalation_hours),
    )
