"""``wishdesk assign``: who works a ticket, and the ``list`` filters on it.

The agent's name is ``user.name`` (this machine's config; default the login name). An
assignment is the merchant's own: it is not sent to Wish (Wish has no assignment) and no
import or sync changes it. Each one lands in the audit log with the agent who made it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime

from wishdesk.clock import iso
from wishdesk.errors import UsageError
from wishdesk.services.inbox import resolve
from wishdesk.store import assignment
from wishdesk.store.db import Store
from wishdesk.store.listing import TicketQuery

MAX_NAME_CHARS = 64
COMPLETION_LIMIT = 50


@dataclass(frozen=True)
class Assigned:
    ticket_id: str
    assignee: str | None  # None: nobody works it now
    previous: str | None
    by: str  # the agent who assigned it

    @property
    def changed(self) -> bool:
        return self.assignee != self.previous


def agent_name(text: str, option: str = "--to") -> str:
    """A name as typed, checked: one line of printable text, at most ``MAX_NAME_CHARS``."""
    name = text.strip()
    if not name:
        raise UsageError("{option} needs a name", option=option)
    if len(name) > MAX_NAME_CHARS:
        raise UsageError(
            "the name is {length} characters: at most {limit}", length=len(name),
            limit=MAX_NAME_CHARS,
        )  # fmt: skip
    if any(unicodedata.category(c).startswith("C") for c in name):
        raise UsageError("{option} takes a name without control characters", option=option)
    return name


def assign(
    store: Store, ref: str, *, to: str | None, me: bool, none: bool, now: datetime
) -> Assigned:
    """Set who works the ticket ``ref`` names: ``to``, this agent (``me``) or nobody."""
    from wishdesk.services import attribution

    if me + none + (to is not None) != 1:
        raise UsageError("give exactly one of --to NAME, --me or --none")
    agent = attribution.agent()
    name = agent if me else None if none else agent_name(to or "")
    ticket_id = resolve(store, ref)
    at = iso(now)
    with store.transaction():
        current = assignment.get(store, ticket_id)
        previous = current.assignee if current else None
        if name != previous:
            assignment.assign(store, ticket_id, name, at)
            detail = {"from": previous, "to": name}
            attribution.record(store, "assign", ticket_id, at=at, agent=agent, detail=detail)
    return Assigned(ticket_id, name, previous, agent)


def assignee_names(store: Store, prefix: str) -> list[tuple[str, str]]:
    """``(name, "3 tickets")`` of the agents with tickets whose name starts with ``prefix``
    (shell completion of ``--assignee``)."""
    rows = assignment.assignees(store, prefix, COMPLETION_LIMIT)
    return [(name, f"{count} ticket{'s' if count != 1 else ''}") for name, count in rows]


@dataclass(frozen=True)
class AgentFilter:
    """Whose tickets ``list`` shows: ``mine`` (``user.name``'s), ``unassigned``, or those of
    ``assignee``; at most one of them."""

    mine: bool = False
    unassigned: bool = False
    assignee: str | None = None

    def apply(self, query: TicketQuery) -> None:
        if self.mine + self.unassigned + (self.assignee is not None) > 1:
            raise UsageError("give one of --mine, --unassigned or --assignee NAME")
        if self.mine:
            from wishdesk.services.config import user_name

            query.assignee = user_name()
        elif self.assignee is not None:
            query.assignee = agent_name(self.assignee, "--assignee")
        query.unassigned = self.unassigned
