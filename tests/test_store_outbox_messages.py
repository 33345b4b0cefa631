"""The outbox's and the messages' contracts (store/outbox.py, store/messages.py), on
SQLite and on PostgreSQL: ids, de-duplication, claims, threads."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from wishdesk.domain.models import Message
from wishdesk.store import messages, outbox

AT = "2026-11-26T07:00:00Z"


def _ticket(store: Any, ticket_id: str = "t1") -> int:
    with store.transaction():
        store.execute(
            "INSERT INTO tickets (id, state, opened_at, updated_at) "
            "VALUES (?, 'AWAITING_MERCHANT', ?, ?)",
            (ticket_id, AT, AT),
        )
    row = store.one("SELECT num FROM tickets WHERE id = ?", (ticket_id,))
    return int(row[0])


def _when(hour: int) -> datetime:
    return datetime(2026, 11, 25, hour, tzinfo=timezone.utc)


def test_queued_items_get_growing_ids_and_read_back_whole(backend: Any) -> None:
    with backend.transaction():
        first = outbox.add(backend, kind="reply", ticket_id="t1", order_id=None, body="Hi 100%",
                           at=AT, dedup_key="k1")  # fmt: skip
        second = outbox.add(backend, kind="close", ticket_id="t1", order_id=None, body=None,
                            at=AT, prior_state="AWAITING_MERCHANT")  # fmt: skip
    assert 0 < first < second
    item = outbox.get(backend, first)
    assert item is not None
    assert (item.kind, item.body, item.status, item.attempts) == ("reply", "Hi 100%", "queued", 0)
    assert [i.id for i in outbox.with_status(backend, ["queued"])] == [first, second]
    assert [i.id for i in outbox.with_status(backend, [], ["close"])] == [second]
    assert outbox.pending_for_ticket(backend, "t1") == [(first, "reply"), (second, "close")]
    found = outbox.first_with_key(backend, "k1")
    assert found is not None and found.id == first


def test_a_key_is_queued_once_unless_resent(backend: Any) -> None:
    def once(body: str, key: str = "k1", resend: bool = False) -> int | None:
        with backend.transaction():
            return outbox.add_once(backend, outbox.Once(key, resend), kind="notification",
                                   ticket_id=None, order_id="o1", body=body, at=AT)  # fmt: skip

    first = once("first")
    assert first is not None and once("again") is None  # the unique key, not a look-up
    again = once("resent", resend=True)
    assert again is not None and again > first
    assert once("still not") is None
    rows = backend.all("SELECT id, body, resent FROM outbox ORDER BY id")
    assert [tuple(r) for r in rows] == [(first, "first", 0), (again, "resent", 1)]
    found = outbox.first_with_key(backend, "k1")
    assert found is not None and found.id == first
    # a resend of a key nobody queued yet is its first item: a plain run then skips it
    fresh = once("x", "k2", resend=True)
    assert fresh is not None and once("k2 taken", "k2") is None
    assert backend.one("SELECT resent FROM outbox WHERE id = ?", (fresh,)) == (0,)


def test_an_item_is_claimed_once_and_settled(backend: Any) -> None:
    with backend.transaction():
        item_id = outbox.add(backend, kind="reply", ticket_id="t1", order_id=None, body="x", at=AT)
    assert outbox.claim(backend, item_id, AT) is True
    assert outbox.claim(backend, item_id, AT) is False  # no longer queued
    outbox.settle(backend, item_id, "sent", now=AT, sent_at=AT, request_id="r1")
    item = outbox.get(backend, item_id)
    assert item is not None
    assert (item.status, item.attempts, item.sent_at) == ("sent", 1, AT)
    assert [t.text for t in outbox.bodies_since(backend)] == ["x"]


def test_wish_messages_are_stored_once_and_read_in_order(backend: Any) -> None:
    num = _ticket(backend)
    thread = [Message("CUSTOMER", _when(9), "where is it?"), Message("MERCHANT", _when(10), "soon")]
    with backend.transaction():
        assert messages.insert_from_wish(backend, num, "t1", thread) == 2
    with backend.transaction():
        assert messages.insert_from_wish(backend, num, "t1", thread) == 0  # already stored
    rows = messages.thread(backend, "t1")
    assert [(r.sender, r.sent_at, r.text, r.origin) for r in rows] == [
        ("CUSTOMER", "2026-11-25T09:00:00Z", "where is it?", "wish"),
        ("MERCHANT", "2026-11-25T10:00:00Z", "soon", "wish"),
    ]
    assert messages.count_from(backend, num, "CUSTOMER") == 1
    assert [t.text for t in messages.merchant_texts(backend)] == ["soon"]


def test_a_local_reply_is_adopted_unless_wish_has_the_same_message(backend: Any) -> None:
    num = _ticket(backend)
    with backend.transaction():
        messages.insert_from_wish(backend, num, "t1", [Message("MERCHANT", _when(10), "dup")])
        local = messages.add_local(backend, "t1", "dup", AT)
        other = messages.add_local(backend, "t1", "new", AT)
    assert 0 < local < other
    assert messages.local_replies(backend, num) == [(local, "dup"), (other, "new")]
    with backend.transaction():
        messages.adopt(backend, local, Message("MERCHANT", _when(10), "dup"))  # conflicts
        messages.adopt(backend, other, Message("MERCHANT", _when(11), "new"))
    assert messages.origin(backend, local) == "local"  # left as it was
    assert messages.origin(backend, other) == "wish"
    with backend.transaction():
        messages.delete_local(backend, local)
    assert messages.origin(backend, local) is None
