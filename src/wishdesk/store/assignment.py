"""The ``tickets`` table's team columns (m009): who works a ticket (``assignee``) and who is
writing a reply to it (the "replying" mark: ``replying_by`` since ``replying_since``).

Kept apart from ``store/tickets.py`` as the listing query is (``store/listing.py``): these
columns are the merchant's own, never Wish's, and no import or sync writes them. Every
value reaches the store as a bound parameter; writers run in the caller's transaction or,
alone, as one statement.
"""

from __future__ import annotations

from dataclasses import dataclass

from wishdesk.store.db import Store


@dataclass(frozen=True, slots=True)
class Assignment:
    """A ticket's agent and its replying mark, as stored (an expired mark included)."""

    ticket_id: str
    assignee: str | None
    assigned_at: str | None
    replying_by: str | None
    replying_since: str | None


def get(store: Store, ticket_id: str) -> Assignment | None:
    row = store.one(
        "SELECT id, assignee, assigned_at, replying_by, replying_since FROM tickets WHERE id = ?",
        (ticket_id,),
    )
    return None if row is None else Assignment(*row)


def assign(store: Store, ticket_id: str, assignee: str | None, at: str) -> None:
    """``assignee`` works the ticket from ``at`` on (None: nobody does)."""
    store.execute(
        "UPDATE tickets SET assignee = ?, assigned_at = ? WHERE id = ?",
        (assignee, None if assignee is None else at, ticket_id),
    )


def take_mark(store: Store, ticket_id: str, agent: str, at: str, expired_before: str) -> bool:
    """Mark the ticket as being answered by ``agent`` since ``at``, where it has no mark,
    or one set before ``expired_before``, or ``agent``'s own. One UPDATE, so that of two
    agents taking it at once exactly one does. Returns whether ``agent`` holds it now."""
    cursor = store.execute(
        "UPDATE tickets SET replying_by = ?, replying_since = ? WHERE id = ? AND "
        "(replying_by IS NULL OR replying_since IS NULL OR replying_since < ? "
        "OR replying_by = ?)",
        (agent, at, ticket_id, expired_before, agent),
    )
    return cursor.rowcount == 1


def clear_mark(store: Store, ticket_id: str, agent: str) -> None:
    """``agent`` no longer writes a reply to the ticket (another agent's mark stays)."""
    store.execute(
        "UPDATE tickets SET replying_by = NULL, replying_since = NULL "
        "WHERE id = ? AND replying_by = ?",
        (ticket_id, agent),
    )


def assignees(store: Store, prefix: str, limit: int) -> list[tuple[str, int]]:
    """``(name, tickets assigned)`` of the agents whose name starts with ``prefix``."""
    return store.all(
        "SELECT assignee, count(*) FROM tickets WHERE assignee >= ? AND assignee < ? "
        "GROUP BY assignee ORDER BY assignee LIMIT ?",
        (prefix, prefix + "\U0010ffff", limit),
    )


def set_mark(store: Store, ticket_id: str, agent: str, at: str) -> None:
    """Mark the ticket as being answered by ``agent`` since ``at``, whoever held it
    (``reply --force``, or an agent who chose to go on)."""
    store.execute(
        "UPDATE tickets SET replying_by = ?, replying_since = ? WHERE id = ?",
        (agent, at, ticket_id),
    )
