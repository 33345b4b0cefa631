"""`wishdesk sync` push: replies, closes, appeals, never twice, failures settled."""

from __future__ import annotations

from syncutil import item, queue_item, sql
from wishdata import ticket
from wishfake import Scripted

T1 = "5f00000000000000000000a1"
T2 = "5f00000000000000000000a2"
NOW = "2026-11-26T07:00:00Z"


def merchant_replies(wish, ticket_id: str) -> list[str]:
    return [r["message"] for r in wish.tickets[ticket_id]["replies"] if r["sender"] == "MERCHANT"]


def posts(wish, ticket_id: str = T1) -> int:
    return len(wish.calls_to("POST", f"/api/v3/tickets/{ticket_id}/replies"))


def test_reply_then_close_are_sent_once(sync, wish, db_path) -> None:
    wish.add_ticket(ticket(T1))
    reply = queue_item(db_path, "reply", T1, "Hello Ann, your parcel is on its way.")
    close = queue_item(db_path, "close", T1)
    result = sync("--no-pull")
    assert result.exit_code == 0, result.stderr
    assert "outbox: 2 sent, 0 failed, 0 manual" in result.stdout
    assert merchant_replies(wish, T1) == ["Hello Ann, your parcel is on its way."]
    assert wish.calls_to("PUT")[0].body == {"state": "CLOSED"}
    assert wish.tickets[T1]["state"] == "CLOSED"
    for item_id in (reply, close):
        row = item(db_path, item_id)
        assert row["status"] == "sent"
        assert row["sent_at"] == NOW
        assert row["attempts"] == 1
        assert row["request_id"].startswith("req-")
        assert row["error"] is None
    again = sync("--no-pull")
    assert "outbox: 0 sent" in again.stdout
    assert posts(wish) == 1


def test_appeal_sets_awaiting_wish_and_503_is_retried(sync, wish, db_path, sleeps) -> None:
    wish.add_ticket(ticket(T1))
    wish.queue("PUT", f"/api/v3/tickets/{T1}", Scripted(503, {"code": 1, "message": "busy"}))
    appeal = queue_item(db_path, "appeal", T1)
    result = sync("--no-pull")
    assert result.exit_code == 0, result.stderr
    assert wish.tickets[T1]["state"] == "AWAITING_WISH"
    assert item(db_path, appeal)["status"] == "sent"
    assert sleeps == [0.75]


def test_rejected_reply_fails_with_the_request_id_and_is_not_retried(sync, wish, db_path) -> None:
    wish.add_ticket(ticket(T1, state="AWAITING_USER"))
    reply = queue_item(db_path, "reply", T1, "Thanks, we are on it.")
    result = sync("--no-pull")
    assert result.exit_code == 0, result.stderr
    assert "outbox: 0 sent, 1 failed, 0 manual" in result.stdout
    row = item(db_path, reply)
    assert row["status"] == "failed"
    assert "ticket is not awaiting merchant" in row["error"]
    assert row["request_id"] in row["error"]
    assert f"outbox #{reply}: reply to ticket {T1} failed" in result.stderr
    sync("--no-pull")
    assert posts(wish) == 1
    assert item(db_path, reply)["attempts"] == 1


def test_too_long_and_notifications_never_reach_the_api(sync, wish, db_path) -> None:
    wish.add_ticket(ticket(T1))
    long = queue_item(db_path, "reply", T1, "x" * 2001)
    note = queue_item(db_path, "notification", None, "Your order ships Monday.", order_id="a01")
    result = sync("--no-pull")
    assert result.exit_code == 0, result.stderr
    assert "outbox: 0 sent, 1 failed, 1 manual" in result.stdout
    assert "2001 characters, over the Wish API limit of 2000" in item(db_path, long)["error"]
    assert item(db_path, note)["status"] == "manual"
    assert "merchant dashboard" in item(db_path, note)["error"]
    assert wish.calls == []


def test_dry_run_prints_and_changes_nothing(sync, wish, db_path) -> None:
    wish.add_ticket(ticket(T1))
    reply = queue_item(db_path, "reply", T1, "Hello\x1b[31m there")
    queue_item(db_path, "close", T1)
    queue_item(db_path, "notification", None, "Delay", order_id="a01")
    before = sql(db_path, "SELECT * FROM outbox")
    result = sync("--dry-run", token=None)
    assert result.exit_code == 0, result.stderr
    assert f"would send outbox #{reply}: reply to ticket {T1} (16 characters): Hello" in (
        result.stdout
    )
    assert "\x1b" not in result.stdout
    assert f"would send outbox #{reply + 1}: close ticket {T1}" in result.stdout
    assert "notification for order a01 manual" in result.stdout
    assert sql(db_path, "SELECT * FROM outbox") == before
    assert wish.calls == []


def test_timeout_after_wish_got_the_reply_is_not_sent_twice(sync, wish, db_path) -> None:
    wish.add_ticket(ticket(T1))
    reply = queue_item(db_path, "reply", T1, "We shipped it today.")
    wish.reply_delay = 1.0
    # The check right after the timeout fails too: the item stays unconfirmed.
    busy = Scripted(503, {"code": 1, "message": "busy"})
    wish.queue("GET", f"/api/v3/tickets/{T1}", *[busy] * 6)
    first = sync("--no-pull", "--timeout", "0.2")
    assert first.exit_code == 2
    assert "Traceback" not in first.output
    assert "unconfirmed" in first.stderr and "never sent twice" in first.stderr
    assert item(db_path, reply)["status"] == "sending"
    wish.reply_delay = 0.0
    second = sync("--no-pull")
    assert second.exit_code == 0, second.stderr
    assert "outbox: 1 sent" in second.stdout
    row = item(db_path, reply)
    assert row["status"] == "sent"
    assert row["sent_at"] == "2026-11-26T06:59:00Z"  # Wish's replied_at
    assert posts(wish) == 1
    assert merchant_replies(wish, T1) == ["We shipped it today."]


def test_timeout_checked_at_once_when_wish_answers(sync, wish, db_path) -> None:
    wish.add_ticket(ticket(T1))
    reply = queue_item(db_path, "reply", T1, "We shipped it today.")
    wish.reply_delay = 1.0
    result = sync("--no-pull", "--timeout", "0.2")
    assert result.exit_code == 0, result.stderr
    assert item(db_path, reply)["status"] == "sent"
    assert posts(wish) == 1


def test_items_left_sending_by_a_crash_are_reconciled(sync, wish, db_path) -> None:
    wish.add_ticket(ticket(T1))
    wish.add_ticket(ticket(T2))
    # T1: Wish has the reply (whitespace differs); T2: it never left.
    wish.tickets[T1]["replies"].append(
        {
            "sender": "MERCHANT",
            "replied_at": "2026-11-26T05:00:00Z",
            "message": "Sorry  for\nthe delay",
        }
    )
    arrived = queue_item(db_path, "reply", T1, "Sorry for the delay", status="sending")
    lost = queue_item(db_path, "reply", T2, "Sorry for the delay", status="sending")
    result = sync("--no-pull")
    assert result.exit_code == 0, result.stderr
    assert item(db_path, arrived)["status"] == "sent"
    assert item(db_path, arrived)["sent_at"] == "2026-11-26T05:00:00Z"
    assert posts(wish, T1) == 0
    row = item(db_path, lost)
    assert row["status"] == "sent"
    assert row["attempts"] == 2
    assert posts(wish, T2) == 1


def test_an_earlier_identical_reply_does_not_count_as_this_one(sync, wish, db_path) -> None:
    wish.add_ticket(ticket(T1))
    wish.tickets[T1]["replies"].append(
        {"sender": "MERCHANT", "replied_at": "2026-11-25T05:00:00Z", "message": "On its way"}
    )
    earlier = queue_item(db_path, "reply", T1, "On its way")
    sql(db_path, "UPDATE outbox SET status = 'sent' WHERE id = ?", (earlier,))
    again = queue_item(db_path, "reply", T1, "On its way", status="sending")
    result = sync("--no-pull")
    assert result.exit_code == 0, result.stderr
    assert item(db_path, again)["status"] == "sent"
    assert posts(wish) == 1


def test_a_refused_token_during_push_requeues_the_item(sync, wish, db_path) -> None:
    """Wish documents token errors as HTTP 400 with a code: told by the code, they leave the
    item queued (never failed), and the sync stops with one line saying what to run."""
    wish.add_ticket(ticket(T1))
    reply = queue_item(db_path, "reply", T1, "Hello")
    wish.expire_token_after(0)
    result = sync("--no-pull")
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert "HTTP 400 (code 1007): access token expired" in line
    assert "wishdesk auth login" in line
    row = item(db_path, reply)
    assert row["status"] == "queued"
    assert "HTTP 400 (code 1007)" in row["error"]
    assert merchant_replies(wish, T1) == []  # refused: Wish did not take it
    fresh = wish._issue()["access_token"]  # the merchant makes a new token
    assert sync("--no-pull", token=fresh).exit_code == 0
    assert item(db_path, reply)["status"] == "sent"
