"""Migration m009: who works a ticket, who is writing a reply to it, and who did what.

Apart from ``schema.py``, which is near its size limit; the columns' SQL is
``store/assignment.py`` (the ticket's) and ``store/audit_log.py`` (the agent).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


def m009_assignment(db: Database) -> None:
    """A ticket's agent (``assignee``, set by ``assign`` at ``assigned_at``) and its
    "replying" mark (``replying_by`` since ``replying_since``: an agent composing a reply);
    neither is Wish's, so the record writer never touches them. Each audit log entry names
    the agent who acted (``agent``: ``user.name``; null for entries made before), found by
    outbox item for ``audit``."""
    for column in ("assignee", "assigned_at", "replying_by", "replying_since"):
        db.execute(f"ALTER TABLE tickets ADD COLUMN {column} TEXT")  # fixed names
    # the assigned tickets, which ``list --mine``, ``--assignee`` and ``--unassigned`` find
    # by row number (as the snoozed ones)
    db.execute("CREATE INDEX idx_tickets_assignee ON tickets (assignee) WHERE assignee IS NOT NULL")
    db.execute("ALTER TABLE audit_log ADD COLUMN agent TEXT")
    # ``audit`` names who queued each outbox body it re-lints: from the entry naming it
    db.execute(
        "CREATE INDEX idx_audit_log_outbox_id ON audit_log (outbox_id) WHERE outbox_id IS NOT NULL"
    )
