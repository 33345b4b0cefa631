"""``wishdesk stats``: weekly service figures, from the stored tickets and messages.

- A week runs Monday to Sunday in the merchant's time zone.
- ``opened``: tickets opened that week; ``replies``: merchant messages sent that week.
- ``median_first_reply_bd``: for tickets opened that week and answered, the median number
  of working days between the local opening date and the local date of the first reply.
- ``within_sla``: of the tickets opened that week that were answered or whose deadline has
  passed, the share answered by their SLA deadline (counted from the opening).
- ``escalations``: tickets opened that week not answered within the escalation hours.
- ``late_to_ship``: orders whose expected ship time fell that week and has passed, shipped
  after it or not yet (approved, no tracking); ``late_to_deliver``: orders whose expected
  delivery time fell that week and has passed, confirmed delivered after it or not yet
  (approved or shipped).
"""

from __future__ import annotations

import statistics
from collections import Counter
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

from wishdesk.clock import iso, parse_time
from wishdesk.domain.settings import sla_settings
from wishdesk.errors import UsageError
from wishdesk.store import messages, orders, tickets
from wishdesk.store import settings as stored
from wishdesk.store.db import Store

WEEK_FIELDS = (
    "week",
    "opened",
    "replies",
    "median_first_reply_bd",
    "within_sla",
    "escalations",
    "late_to_ship",
    "late_to_deliver",
)


class Weekly(NamedTuple):
    """The figures (``weeks`` and ``reasons``), and how many stored tickets and messages
    were left out of them because a time of theirs cannot be read (a damaged row)."""

    data: dict[str, Any]
    damaged: int


def weekly(store: Store, now: datetime, weeks: int) -> Weekly:
    from wishdesk.domain.sla import BusinessCalendar

    sla = sla_settings(stored.load(store))
    calendar = BusinessCalendar(sla.calendar)
    tz = calendar.tz
    today = now.astimezone(tz).date()
    first_monday = today - timedelta(days=today.weekday(), weeks=weeks - 1)
    start = datetime.combine(first_monday, datetime.min.time(), tz)
    since = iso(start)

    def week_of(stamp: str) -> date:
        local = parse_time(stamp).astimezone(tz).date()
        return local - timedelta(days=local.weekday())

    table: dict[date, dict[str, Any]] = {
        first_monday + timedelta(weeks=i): {
            "opened": 0,
            "replies": 0,
            "_delays": [],
            "_judged": 0,
            "_within": 0,
            "escalations": 0,
            "late_to_ship": 0,
            "late_to_deliver": 0,
        }
        for i in range(weeks)
    }
    reasons: Counter[str] = Counter()
    escalation = timedelta(hours=sla.escalation_hours)
    damaged = 0
    for opened_at, reason, _state, first_reply in tickets.opened_since(store, since):
        try:
            week = table.get(week_of(opened_at))
            if week is None:
                continue
            opened = parse_time(opened_at)
            due = calendar.due_at(opened, sla.business_days)
            replied = parse_time(first_reply) if first_reply else None
            delay = None
            if replied is not None:
                delay = calendar.working_days_between(
                    opened.astimezone(tz).date(), replied.astimezone(tz).date()
                )
        except (ValueError, OverflowError, UsageError):  # a time the store should not hold
            damaged += 1
            continue
        reasons[reason] += 1
        week["opened"] += 1
        if delay is not None:
            week["_delays"].append(delay)
        if replied is not None or now > due:
            week["_judged"] += 1
            week["_within"] += replied is not None and replied <= due
        if (replied or now) > opened + escalation:
            week["escalations"] += 1
    for sent_at in messages.merchant_times_since(store, since):
        try:
            week = table.get(week_of(sent_at))
        except (ValueError, OverflowError):
            damaged += 1
            continue
        if week is not None:
            week["replies"] += 1
    damaged += _late_orders(store, since, now, week_of, table)
    out_weeks = []
    for monday, w in sorted(table.items()):
        out_weeks.append(
            {
                "week": monday.isoformat(),
                "opened": w["opened"],
                "replies": w["replies"],
                "median_first_reply_bd": (
                    float(statistics.median(w["_delays"])) if w["_delays"] else None
                ),
                "within_sla": round(w["_within"] / w["_judged"], 3) if w["_judged"] else None,
                "escalations": w["escalations"],
                "late_to_ship": w["late_to_ship"],
                "late_to_deliver": w["late_to_deliver"],
            }
        )
    return Weekly({"weeks": out_weeks, "reasons": dict(reasons.most_common())}, damaged)


def _late(due: str | None, done: str | None, pending: bool, now_iso: str) -> bool:
    """A deadline that has passed, met late, or not met yet while still ``pending``."""
    if not due or due >= now_iso:
        return False
    return done > due if done else pending


def _late_orders(
    store: Store, since: str, now: datetime, week_of: Any, table: dict[date, dict[str, Any]]
) -> int:
    """Count the orders late to ship and to deliver into the week of their deadline;
    returns how many had a time that cannot be read."""
    now_iso, damaged = iso(now), 0
    for state, number, ship_at, shipped, delivery_at, delivered in orders.deadlines_since(
        store, since
    ):
        unshipped = state == "APPROVED" and not number
        for key, due, done, pending in (
            ("late_to_ship", ship_at, shipped, unshipped),
            ("late_to_deliver", delivery_at, delivered, state in ("APPROVED", "SHIPPED")),
        ):
            if not _late(due, done, pending, now_iso):
                continue
            try:
                week = table.get(week_of(due))
            except (ValueError, OverflowError):
                damaged += 1
                continue
            if week is not None:
                week[key] += 1
    return damaged
