"""The "replying" mark: while an agent composes a reply to a ticket (the editor open, or a
filled template waiting for the terminal's confirmation), the ticket is marked as being
answered by them, with the time, so that a second agent's ``reply`` warns or is refused.

The mark expires ``MARK_EXPIRES_AFTER`` after it was set (an editor that crashed never
locks a ticket for good) and is cleared when the reply is queued, aborted or fails.
Taking it is one conditional UPDATE in the store (no mark, an expired one, or the agent's
own), so that of two agents taking it at once exactly one does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from wishdesk.clock import iso, parse_time
from wishdesk.errors import DeclinedError, UsageError
from wishdesk.store import assignment
from wishdesk.store.db import Store

MARK_EXPIRES_AFTER = timedelta(minutes=15)


@dataclass(frozen=True)
class Mark:
    """An agent (``by``) composing a reply to a ticket since ``since`` (UTC ISO)."""

    by: str
    since: str

    def record(self) -> dict[str, Any]:
        """The documented JSON record (``show --json`` ``replying``)."""
        return {"by": self.by, "since": self.since}

    def minutes(self, now: datetime) -> int:
        return max(int((now - parse_time(self.since)).total_seconds() // 60), 0)


# On a terminal: warned that another agent is replying, go on anyway?
GoOn = Callable[[Mark], bool]


def _expired_before(now: datetime) -> str:
    return iso(now - MARK_EXPIRES_AFTER)


def current(store: Store, ticket_id: str, now: datetime) -> Mark | None:
    """The ticket's unexpired mark, whoever holds it."""
    row = assignment.get(store, ticket_id)
    if row is None or row.replying_by is None or row.replying_since is None:
        return None
    if row.replying_since < _expired_before(now):
        return None
    return Mark(row.replying_by, row.replying_since)


def someone_else(store: Store, ticket_id: str, agent: str, now: datetime) -> Mark | None:
    """The ticket's unexpired mark, where another agent than ``agent`` holds it."""
    mark = current(store, ticket_id, now)
    return mark if mark is not None and mark.by != agent else None


def _refused(ticket_id: str, mark: Mark, now: datetime) -> UsageError:
    return UsageError(
        "{agent} is replying to {ticket} since {since} ({minutes} min ago); --force replies anyway",
        agent=mark.by, ticket=ticket_id, since=mark.since, minutes=mark.minutes(now),
    )  # fmt: skip


def _go_on_or_stop(ticket_id: str, mark: Mark, now: datetime, ask: GoOn | None) -> None:
    if ask is None:
        raise _refused(ticket_id, mark, now)
    if not ask(mark):
        raise DeclinedError(
            "not sent: {agent} is replying to {ticket}; nothing was stored",
            agent=mark.by, ticket=ticket_id,
        )  # fmt: skip


def claim(
    store: Store,
    ticket_id: str,
    agent: str,
    now: datetime,
    *,
    take: bool,
    force: bool,
    ask: GoOn | None,
) -> bool:
    """Check the mark before ``agent`` replies, and take it when ``take`` (they are about to
    compose). Another agent's mark: ``force`` goes on; else ``ask`` decides (on a
    terminal), and without it the reply is refused. Returns whether ``agent`` holds the
    mark (``release`` it when done)."""
    mark = someone_else(store, ticket_id, agent, now)
    if mark is not None and not force:
        _go_on_or_stop(ticket_id, mark, now, ask)
        force = True  # they chose to go on
    if not take:
        return False
    at = iso(now)
    if force:
        assignment.set_mark(store, ticket_id, agent, at)
        return True
    if assignment.take_mark(store, ticket_id, agent, at, _expired_before(now)):
        return True
    # another agent took it between the look and the take
    mark = someone_else(store, ticket_id, agent, now)
    if mark is not None:
        _go_on_or_stop(ticket_id, mark, now, ask)
    assignment.set_mark(store, ticket_id, agent, at)
    return True


def release(store: Store, ticket_id: str, agent: str) -> None:
    """``agent`` is done with the reply (queued, aborted or failed): the mark goes."""
    assignment.clear_mark(store, ticket_id, agent)
