"""``wishdesk outbox``: listing, cancel and retry."""

from __future__ import annotations

import json
import sqlite3

import pytest
from wishdata import order, ticket, wish_copy, write_jsonl

T1 = "5f0000000000000000000001"
O1 = "a00000000000000000000001"
CLEAN = "Hello Ann, your parcel is with China Post. Thank you for your patience!"


@pytest.fixture
def store(run, tmp_path):
    run("import", str(write_jsonl(tmp_path / "s.jsonl", [order(), ticket(T1, orders=[O1])])))
    assert run("reply", T1, "-m", CLEAN).exit_code == 0


def test_list_formats_and_fields(run, store) -> None:
    [item] = json.loads(run("outbox", "--json").stdout)
    assert set(item) == {
        "id",
        "kind",
        "ticket_id",
        "order_id",
        "body",
        "status",
        "created_at",
        "sent_at",
        "error",
    }
    assert (item["kind"], item["status"], item["ticket_id"]) == ("reply", "queued", T1)
    assert run("outbox").stdout.startswith("1\treply\t")
    assert json.loads(run("outbox", "--status", "sent", "--json").stdout) == []
    assert "The outbox is empty." in run("outbox", "-s", "cancelled", "--format", "table").stdout
    assert run("outbox", "--status", "bogus").exit_code == 2


def test_cancel_puts_the_ticket_back_in_your_hands(run, store) -> None:
    assert run("outbox", "cancel", "1").exit_code == 0
    shown = json.loads(run("show", T1, "--json").stdout)
    assert shown["state"] == "AWAITING_MERCHANT" and shown["due_at"] is not None
    assert [m["sender"] for m in shown["messages"]] == ["USER"]
    assert json.loads(run("outbox", "-s", "any", "--json").stdout)[0]["status"] == "cancelled"
    again = run("outbox", "cancel", "1")
    assert again.exit_code == 2 and "only queued" in again.stderr
    assert run("outbox", "cancel", "99").exit_code == 2


def test_retry_requeues_failed_items_only(run, store, db_path) -> None:
    assert run("outbox", "retry", "1").exit_code == 2  # queued: nothing to retry
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE outbox SET status = 'failed', error = 'HTTP 400' WHERE id = 1")
    conn.commit()
    assert json.loads(run("outbox", "--json").stdout)[0]["error"] == "HTTP 400"
    assert run("outbox", "retry", "1").exit_code == 0
    item = json.loads(run("outbox", "--json").stdout)[0]
    assert item["status"] == "queued" and item["error"] is None


def test_cancelling_a_reply_cancels_its_close_and_stays_cancelled_for_notify(run, store) -> None:
    run("outbox", "cancel", "1")
    shown = json.loads(run("show", T1, "--json").stdout)
    assert run("reply", T1, "-m", CLEAN, "--close").exit_code == 0
    reply_id, close_id = (i["id"] for i in json.loads(run("outbox", "--json").stdout))
    assert run("outbox", "cancel", str(reply_id)).exit_code == 0
    statuses = {
        i["id"]: i["status"] for i in json.loads(run("outbox", "-s", "any", "--json").stdout)
    }
    assert statuses[close_id] == "cancelled"
    assert shown["state"] == "AWAITING_MERCHANT"
    # a cancelled notification is how a manual item is marked handled: it does not come back
    run("notify", O1, "-m", "Order {order_id}: an update.")
    [item] = json.loads(run("outbox", "--json").stdout)
    run("outbox", "cancel", str(item["id"]))
    again = json.loads(run("notify", O1, "-m", "Order {order_id}: an update.", "--json").stdout)
    assert again[0]["status"] == "skipped"


def test_a_reply_whose_copy_came_back_cannot_be_cancelled(run, store, tmp_path) -> None:
    pulled = wish_copy(T1, O1, CLEAN, "2026-11-26T07:04:00Z")
    run("import", str(write_jsonl(tmp_path / "p.jsonl", [pulled])))
    result = run("outbox", "cancel", "1")
    assert result.exit_code == 2 and "already on Wish" in result.stderr
    assert json.loads(run("show", T1, "--json").stdout)["state"] == "AWAITING_USER"


def test_a_newer_wish_snapshot_wins_but_a_pending_reply_keeps_the_ticket_with_the_buyer(
    run, store, tmp_path
) -> None:
    still_waiting = ticket(
        T1,
        orders=[O1],
        updated_at="2026-11-24T00:00:00Z",
        replies=[
            ("USER", "2026-11-23T08:00:00Z", "Hello?"),
            ("USER", "2026-11-24T00:00:00Z", "Any news?"),
        ],
    )
    run("import", str(write_jsonl(tmp_path / "a.jsonl", [still_waiting])))
    assert json.loads(run("show", T1, "--json").stdout)["state"] == "AWAITING_USER"
    closed = ticket(
        T1,
        state="CLOSED",
        orders=[O1],
        updated_at="2026-11-24T01:00:00Z",
        replies=[("USER", "2026-11-23T08:00:00Z", "Hello?")],
    )
    run("import", str(write_jsonl(tmp_path / "b.jsonl", [closed])))
    assert json.loads(run("show", T1, "--json").stdout)["state"] == "CLOSED"
