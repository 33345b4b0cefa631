"""Rows behind ``wishdesk stats``."""

from __future__ import annotations

from wishdesk.store.db import Store


def opened_since(store: Store, since: str) -> list[tuple[str, str, str, str | None]]:
    """(opened_at, reason, state, first merchant reply time) for tickets opened since."""
    return store.execute(
        "SELECT t.opened_at, t.reason, t.state, "
        "(SELECT min(m.sent_at) FROM messages m WHERE m.ticket_num = t.num "
        " AND m.sender = 'MERCHANT' AND m.sent_at >= t.opened_at) "
        "FROM tickets t WHERE t.opened_at >= ?",
        (since,),
    ).fetchall()


def replies_since(store: Store, since: str) -> list[str]:
    return [
        r[0]
        for r in store.execute(
            "SELECT sent_at FROM messages WHERE sender = 'MERCHANT' AND sent_at >= ?", (since,)
        ).fetchall()
    ]
