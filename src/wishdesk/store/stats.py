"""Rows behind ``wishdesk stats``, streamed: a store of a million tickets opened in the
period must not be held in memory at once."""

from __future__ import annotations

from collections.abc import Iterator

from wishdesk.store.db import Store


def opened_since(store: Store, since: str) -> Iterator[tuple[str, str, str, str | None]]:
    """(opened_at, reason, state, first merchant reply time) for tickets opened since."""
    yield from store.execute(
        "SELECT t.opened_at, t.reason, t.state, "
        "(SELECT min(m.sent_at) FROM messages m WHERE m.ticket_num = t.num "
        " AND m.sender = 'MERCHANT' AND m.sent_at >= t.opened_at) "
        "FROM tickets t WHERE t.opened_at >= ?",
        (since,),
    )


def replies_since(store: Store, since: str) -> Iterator[str]:
    """When each merchant message since ``since`` was sent."""
    for row in store.execute(
        "SELECT sent_at FROM messages WHERE sender = 'MERCHANT' AND sent_at >= ?", (since,)
    ):
        yield row[0]
