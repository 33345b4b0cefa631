"""``wishdesk init`` and ``wishdesk config``: the settings, validated; deadlines follow every
calendar or SLA change."""

from __future__ import annotations

from collections.abc import Mapping

from wishdesk.domain import settings as keys
from wishdesk.errors import UsageError
from wishdesk.store import settings as stored
from wishdesk.store.db import Store

RECORD_FIELDS = ("key", "value", "help")


def validated(changes: Mapping[str, str]) -> dict[str, str]:
    """The changes as given, each checked on its own (before any store is created); what
    depends on the other settings is checked by ``update``."""
    for key, value in changes.items():
        keys.validate(key, value)
    return dict(changes)


def records(store: Store) -> list[dict[str, str]]:
    """Every setting with its value and what it means (``config list``)."""
    return [{"key": k, "value": v, "help": keys.KEYS[k].help} for k, v in current(store).items()]


def current(store: Store) -> dict[str, str]:
    return keys.with_defaults(stored.load(store))


def get(store: Store, key: str) -> str:
    if key not in keys.KEYS:
        raise UsageError(f"unknown setting {key!r}: see `wishdesk config list`")
    return current(store)[key]


def update(store: Store, changes: Mapping[str, str]) -> int:
    """Validate and store several settings at once; nothing changes if any is invalid.
    The values are checked against the others in the transaction that writes them, so two
    ``config set`` at once cannot each pass a check the other makes false. Returns the
    number of open tickets whose deadlines were recomputed."""
    canonical = {k: keys.validate(k, v) for k, v in changes.items()}
    with store.transaction():
        before = current(store)
        merged = {**before, **canonical}
        subdivision = keys.validate_calendar(merged)
        if subdivision != merged["calendar.subdivision"]:
            canonical["calendar.subdivision"] = merged["calendar.subdivision"] = subdivision
        if _DAY_LISTS.intersection(canonical):
            _check_overlap(merged)
        recompute = any(keys.KEYS[k].recompute and merged[k] != before[k] for k in canonical)
        stored.save(store, canonical)
        if not recompute:
            return 0
        from wishdesk.services.tickets import recompute_open

        return recompute_open(store)


# A day in both lists is refused when one of them is set; a store that holds one from an
# older wishdesk still takes every other setting (and the fix of either list).
_DAY_LISTS = frozenset({"calendar.extra_holidays", "calendar.extra_workdays"})


def _check_overlap(values: Mapping[str, str]) -> None:
    both = keys.parse_dates(values["calendar.extra_holidays"]) & keys.parse_dates(
        values["calendar.extra_workdays"]
    )
    if both:
        day = min(both).isoformat()
        raise UsageError(f"{day} cannot be both an extra holiday and an extra workday")
