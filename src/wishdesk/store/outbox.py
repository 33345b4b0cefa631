"""The ``outbox`` table: what waits for ``sync``, and what became of it.

Every outbox item comes back as one ``OutboxItem``. Statuses and kinds are those of
``wishdesk.domain.outbox``. Writers run in the caller's transaction, except ``claim``,
``settle`` and ``adopt``, which ``sync`` commits one by one around each request.

Claims differ by backend. On SQLite one sync runs at a time (its lock file), and a claim is
a write transaction like any other. On PostgreSQL several syncs share the queue: a claim
locks the item's row ``FOR UPDATE SKIP LOCKED`` (a row another transaction holds is passed
over, never waited for) without the store's write lock, and the sync holds a session lock
on the item (``CLAIM_LOCK``, its id) while it is being sent. The server drops that lock when
the sync's connection ends, crash or not, so another sync judges an item left ``sending``
(``adopt``) only when no live sync is sending it. A writer that reads an item's status to
change it (``outbox cancel``) reads it with ``get(..., lock=True)``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any, cast

from wishdesk.store.db import Store
from wishdesk.store.messages import MerchantText

if TYPE_CHECKING:
    from wishdesk.store.pg import PgConnection, PgStore

CLAIM_LOCK = 0x77646F62  # PostgreSQL: the session lock space (CLAIM_LOCK, item id)

# The documented JSON fields of an item (``outbox --json``, ``show --json``).
FIELDS = ("id", "kind", "ticket_id", "order_id", "body", "status", "created_at", "sent_at", "error")


@dataclass(frozen=True, slots=True)
class OutboxItem:
    id: int
    kind: str
    ticket_id: str | None
    order_id: str | None
    body: str | None
    status: str
    created_at: str
    sent_at: str | None
    error: str | None
    attempts: int
    message_id: int | None  # the thread message a reply put there
    prior_state: str | None = None  # the ticket state a close or appeal found (cancel: back)

    def record(self) -> dict[str, Any]:
        """The documented JSON record."""
        return {name: getattr(self, name) for name in FIELDS}


_SELECT = ", ".join(
    "COALESCE(attempts, 0)" if f.name == "attempts" else f.name for f in fields(OutboxItem)
)


def _items(store: Store, sql: str, params: Sequence[Any]) -> list[OutboxItem]:
    return [OutboxItem(*row) for row in store.all(sql, params)]


def add(
    store: Store,
    *,
    kind: str,
    ticket_id: str | None,
    order_id: str | None,
    body: str | None,
    at: str,
    dedup_key: str | None = None,
    message_id: int | None = None,
    prior_state: str | None = None,
) -> int:
    """Queue an item; returns its id."""
    cursor = store.execute(
        "INSERT INTO outbox (kind, ticket_id, order_id, body, status, created_at, updated_at, "
        "dedup_key, message_id, prior_state) VALUES (?, ?, ?, ?, 'queued', ?, ?, ?, ?, ?)",
        (kind, ticket_id, order_id, body, at, at, dedup_key, message_id, prior_state),
    )
    return int(cursor.lastrowid or 0)


def get(store: Store, item_id: int, *, lock: bool = False) -> OutboxItem | None:
    """The item; with ``lock``, on PostgreSQL, its row is locked until the caller's
    transaction ends (a sync's claim passes it over meanwhile). SQLite's write transaction
    already excludes every other writer."""
    sql = f"SELECT {_SELECT} FROM outbox WHERE id = ?"
    if lock and store.backend == "postgres":
        sql += " FOR UPDATE"
    found = _items(store, sql, (item_id,))
    return found[0] if found else None


def with_status(
    store: Store, statuses: Sequence[str], kinds: Sequence[str] = ()
) -> list[OutboxItem]:
    """Items in these statuses (all when empty) and kinds (all when empty), oldest first."""
    where, params = ["TRUE"], list[Any]()
    if statuses:
        marks = ", ".join("?" for _ in statuses)
        where.append(f"status IN ({marks})")
        params += list(statuses)
    if kinds:
        marks = ", ".join("?" for _ in kinds)
        where.append(f"kind IN ({marks})")
        params += list(kinds)
    sql = f"SELECT {_SELECT} FROM outbox WHERE " + " AND ".join(where) + " ORDER BY id"
    return _items(store, sql, params)


def for_ticket(store: Store, ticket_id: str) -> list[OutboxItem]:
    return _items(
        store, f"SELECT {_SELECT} FROM outbox WHERE ticket_id = ? ORDER BY id", (ticket_id,)
    )


def first_with_key(store: Store, dedup_key: str) -> OutboxItem | None:
    """The first item ever queued with this key, whatever became of it."""
    sql = (
        f"SELECT {_SELECT} FROM outbox WHERE id = (SELECT min(id) FROM outbox WHERE dedup_key = ?)"
    )
    found = _items(store, sql, (dedup_key,))
    return found[0] if found else None


def pending_for_ticket(store: Store, ticket_id: str) -> list[tuple[int, str]]:
    """(id, kind) of the replies, closes and appeals of this ticket that still wait to reach
    Wish (queued or being sent), oldest first."""
    return store.conn.execute(
        "SELECT id, kind FROM outbox WHERE ticket_id = ? AND status IN ('queued', 'sending') "
        "AND kind IN ('reply', 'close', 'appeal') ORDER BY id",
        (ticket_id,),
    ).fetchall()


def set_prior_state(store: Store, item_id: int, state: str) -> None:
    """What the ticket's state would be without this close or appeal (Wish's newer word)."""
    store.execute("UPDATE outbox SET prior_state = ? WHERE id = ?", (state, item_id))


def sent_reply_bodies(store: Store, ticket_id: str, exclude: int) -> list[str]:
    """Bodies of the replies to ``ticket_id`` already marked sent (other than ``exclude``)."""
    return [
        r[0] or ""
        for r in store.all(
            "SELECT body FROM outbox WHERE ticket_id = ? AND kind = 'reply' AND status = 'sent' "
            "AND id != ?",
            (ticket_id, exclude),
        )
    ]


def bodies_since(store: Store, since: str | None = None) -> Iterator[MerchantText]:
    """Queued and sent bodies, oldest first (``since``: a store timestamp); ``at`` is when a
    sent body went out, "" for one still queued; ``agent`` who queued it, where the audit
    log says."""
    for row in store.rows(
        "SELECT id, ticket_id, order_id, body, CASE WHEN status = 'sent' THEN sent_at END, "
        "(SELECT a.agent FROM audit_log a WHERE a.outbox_id = outbox.id AND a.agent IS NOT NULL "
        "ORDER BY a.id LIMIT 1) "
        "FROM outbox WHERE status IN ('queued', 'sent') AND body IS NOT NULL "
        "AND COALESCE(sent_at, created_at) >= ? ORDER BY COALESCE(sent_at, created_at), id",
        (since or "",),
    ):
        yield MerchantText(f"outbox:{row[0]}", row[1], row[2], row[3] or "", row[4] or "", row[5])


def delivered(store: Store, message_id: int, sent_at: str) -> None:
    """The reply that put this message in the thread is on Wish (its copy came back): a
    queued or failed item becomes ``sent``. One being sent is left to ``sync`` to settle."""
    store.execute(
        "UPDATE outbox SET status = 'sent', sent_at = ?, error = NULL, updated_at = ? "
        "WHERE message_id = ? AND kind = 'reply' AND status IN ('queued', 'failed')",
        (sent_at, sent_at, message_id),
    )


def set_status(store: Store, item_id: int, status: str, at: str, error: str | None = None) -> None:
    store.execute(
        "UPDATE outbox SET status = ?, error = ?, updated_at = ? WHERE id = ?",
        (status, error, at, item_id),
    )


def cancel_close_with(store: Store, ticket_id: str, created_at: str, at: str) -> None:
    """Cancel the queued close that ``reply --close`` queued together with a reply."""
    store.execute(
        "UPDATE outbox SET status = 'cancelled', updated_at = ? WHERE ticket_id = ? "
        "AND kind = 'close' AND status = 'queued' AND created_at = ?",
        (at, ticket_id, created_at),
    )


_CLAIM = (
    "UPDATE outbox SET status = 'sending', attempts = COALESCE(attempts, 0) + 1, "
    "updated_at = ? WHERE id = ? AND status = 'queued'"
)
_SETTLE = (
    "UPDATE outbox SET status = ?, sent_at = COALESCE(?, sent_at), error = ?, "
    "request_id = COALESCE(?, request_id), updated_at = ? WHERE id = ? AND status = ?"
)


def claim(store: Store, item_id: int, now: str) -> bool:
    """``queued`` -> ``sending``, attempts + 1, committed before the request goes out.

    False when the item is no longer queued (cancelled meanwhile, or another sync took it),
    or, on PostgreSQL, when another transaction holds it at this moment.
    """
    if store.backend == "postgres":
        return _claim_shared(cast("PgStore", store), item_id, now)
    with store.transaction() as conn:
        return bool(conn.execute(_CLAIM, (now, item_id)).rowcount == 1)


def _claim_shared(store: PgStore, item_id: int, now: str) -> bool:
    """The claim on PostgreSQL (see the module's text)."""

    def work(conn: PgConnection) -> bool:
        free = conn.execute(
            "SELECT id FROM outbox WHERE id = ? AND status = 'queued' FOR UPDATE SKIP LOCKED",
            (item_id,),
        ).fetchone()
        if free is None or not store.try_hold(CLAIM_LOCK, item_id):
            return False
        return bool(conn.execute(_CLAIM, (now, item_id)).rowcount == 1)

    taken = bool(store.retrying(work))
    if not taken:
        store.let_go(CLAIM_LOCK, item_id)
    return taken


def adopt(store: Store, item: OutboxItem) -> bool:
    """May this sync judge ``item``, found ``sending``? On SQLite always (one sync at a
    time). On PostgreSQL only when no live sync is sending it (the item is then held for
    this one until it is settled) and it is still ``sending``."""
    if store.backend != "postgres":
        return True
    pg = cast("PgStore", store)
    if not pg.try_hold(CLAIM_LOCK, item.id):
        return False
    now = get(store, item.id)
    if now is None or now.status != "sending":
        pg.let_go(CLAIM_LOCK, item.id)
        return False
    return True


def settle(
    store: Store,
    item_id: int,
    status: str,
    *,
    now: str,
    sent_at: str | None = None,
    error: str | None = None,
    request_id: str | None = None,
    expect: str = "sending",
) -> bool:
    """Record the outcome of an item that is in status ``expect``; False when it was not
    (another sync settled it, or it was cancelled). On PostgreSQL the sync lets go of the
    item, unless it stays ``sending``: then the item is held until this sync ends, and
    judged by a later one."""
    params = (status, sent_at, error, request_id, now, item_id, expect)
    if store.backend == "postgres":
        pg = cast("PgStore", store)
        changed = bool(pg.retrying(lambda conn: conn.execute(_SETTLE, params).rowcount == 1))
        if status != "sending":
            pg.let_go(CLAIM_LOCK, item_id)
        return changed
    with store.transaction() as conn:
        return bool(conn.execute(_SETTLE, params).rowcount == 1)
