"""Settings use cases: ``init``, ``config get/set/list``; deadlines follow every change."""

from __future__ import annotations

from collections.abc import Mapping

from wishdesk.domain import settings as keys
from wishdesk.errors import UsageError
from wishdesk.store import settings as stored
from wishdesk.store.db import Store


def current(store: Store) -> dict[str, str]:
    return keys.with_defaults(stored.load(store))


def get(store: Store, key: str) -> str:
    if key not in keys.KEYS:
        raise UsageError(f"unknown setting {key!r}: see `wishdesk config list`")
    return current(store)[key]


def update(store: Store, changes: Mapping[str, str]) -> int:
    """Validate and store several settings at once; nothing changes if any is invalid.
    Returns the number of open tickets whose deadlines were recomputed."""
    canonical = {k: keys.validate(k, v) for k, v in changes.items()}
    merged = {**current(store), **canonical}
    subdivision = keys.validate_calendar(merged)
    if subdivision != merged["calendar.subdivision"]:
        canonical["calendar.subdivision"] = merged["calendar.subdivision"] = subdivision
    _check_overlap(merged)
    recompute = any(keys.KEYS[k].recompute and merged[k] != current(store)[k] for k in canonical)
    with store.transaction():
        stored.save(store, canonical)
        return recompute_open(store) if recompute else 0


def _check_overlap(values: Mapping[str, str]) -> None:
    both = keys.parse_dates(values["calendar.extra_holidays"]) & keys.parse_dates(
        values["calendar.extra_workdays"]
    )
    if both:
        day = min(both).isoformat()
        raise UsageError(f"{day} cannot be both an extra holiday and an extra workday")


def recompute_open(store: Store) -> int:
    """Recompute the SLA clocks of every ticket awaiting the merchant."""
    from wishdesk.services.derive import writer
    from wishdesk.store.inbox import open_ticket_ids

    w = writer(store)
    ids = open_ticket_ids(store)
    for ticket_id in ids:
        w.refresh(ticket_id)
    return len(ids)
