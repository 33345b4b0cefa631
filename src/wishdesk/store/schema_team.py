"""Migrations m009 and m010: who works a ticket, who is writing a reply to it, who did what,
and a ``notify`` message queued once whoever else queues it at the same moment.

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


# The rows that m010's unique index holds: the first item queued under each notify key.
ONCE = "dedup_key IS NOT NULL AND resent = 0"
# m010 marks every item but the first of each key as queued again (``resent``).
MARK_RESENT = (
    "UPDATE outbox SET resent = 1 WHERE dedup_key IS NOT NULL AND id > "
    "(SELECT min(o.id) FROM outbox o WHERE o.dedup_key = outbox.dedup_key)"
)


def m010_notify_key(db: Database) -> None:
    """``notify`` queues each (order, template or text, variables) once in the database
    itself: a unique index over the outbox items of each key that are not ``resent``
    (``notify --resend`` queues one again with ``resent = 1``). A store made before may hold
    several items of one key (resends, or two runs that raced an earlier wishdesk): every
    one is kept, the first as the key's item and the others marked ``resent``, so the index
    never refuses old rows. Thread messages find who queued them through their outbox item
    (``audit``), by an index on ``outbox.message_id``."""
    db.execute("ALTER TABLE outbox ADD COLUMN resent INTEGER NOT NULL DEFAULT 0")
    db.execute(MARK_RESENT)
    db.execute(f"CREATE UNIQUE INDEX idx_outbox_dedup_key_once ON outbox (dedup_key) WHERE {ONCE}")
    db.execute(
        "CREATE INDEX idx_outbox_message_id ON outbox (message_id) WHERE message_id IS NOT NULL"
    )
