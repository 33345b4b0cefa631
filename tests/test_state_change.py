"""``wishdesk close`` and ``wishdesk appeal``: queued for sync, refused where Wish would
refuse them, the ticket's state here at once, and ``outbox cancel`` putting it back."""

from __future__ import annotations

import json

import pytest
from wishdata import order, ticket, write_jsonl

T1 = "5f0000000000000000000001"
O1 = "a00000000000000000000001"
CLEAN = "Hello Ann, your parcel is with China Post. Thank you for your patience!"


def load(run, tmp_path, *records) -> None:
    result = run("import", str(write_jsonl(tmp_path / "t.jsonl", list(records))))
    assert result.exit_code == 0, result.stderr


def shown(run, ref: str = T1) -> dict:
    return json.loads(run("show", ref, "--json").stdout)


def ids(run, *args: str) -> list[str]:
    return [t["id"] for t in json.loads(run(*args, "--json").stdout)]


@pytest.fixture
def store(run, tmp_path) -> None:
    load(run, tmp_path, order(), ticket(T1, orders=[O1], opened_at="2026-11-20T08:00:00Z"))


def test_close_queues_it_and_the_ticket_leaves_the_inbox_and_overdue(run, store) -> None:
    assert ids(run, "overdue") == [T1]  # opened 2026-11-20: late
    result = run("close", T1[:6])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        f"queued close of {T1} (outbox #1): CLOSED here now, was AWAITING_MERCHANT; "
        "`wishdesk sync` sends it\n"
    )
    [item] = json.loads(run("outbox", "--json").stdout)
    assert (item["kind"], item["status"], item["ticket_id"], item["order_id"]) == (
        "close", "queued", T1, O1,
    )  # fmt: skip
    assert item["body"] is None
    got = shown(run)
    assert got["state"] == "CLOSED" and got["due_at"] is None and got["escalates_at"] is None
    assert [i["kind"] for i in got["outbox"]] == ["close"]
    assert ids(run, "list") == [] and ids(run, "list", "--state", "closed") == [T1]
    assert run("overdue").exit_code == 0 and run("overdue").stdout == ""


def test_outbox_cancel_puts_a_closed_ticket_back_as_it_was(run, store) -> None:
    before = shown(run)
    run("close", T1)
    assert run("outbox", "cancel", "1").exit_code == 0
    after = shown(run)
    for key in ("state", "awaiting_since", "due_at", "escalates_at", "overdue"):
        assert after[key] == before[key], key
    assert after["outbox"][0]["status"] == "cancelled"
    assert ids(run, "list") == [T1] and run("overdue").exit_code == 1
    assert run("close", T1).exit_code == 0  # a cancelled close is no longer in the way


def test_appeal_hands_it_to_wish_with_the_reason_in_the_audit_log(run, store) -> None:
    run("config", "set", "user.name", "Ana")
    result = run("appeal", T1, "--reason", "Abusive buyer [bold]x[/bold]")
    assert result.exit_code == 0, result.stderr
    assert "queued appeal of" in result.stdout and "AWAITING_WISH here now" in result.stdout
    got = shown(run)
    assert got["state"] == "AWAITING_WISH" and got["due_at"] is None
    assert got["audit_log"] == [
        {
            "at": "2026-11-26T07:00:00Z",
            "action": "appeal",
            "outbox_id": 1,
            "rule": None,
            "reason": "Abusive buyer [bold]x[/bold]",
            "agent": "Ana",
        }
    ]
    assert ids(run, "list", "--state", "awaiting-wish") == [T1]
    assert run("outbox", "cancel", "1").exit_code == 0
    assert shown(run)["state"] == "AWAITING_MERCHANT"


@pytest.mark.parametrize(
    "state,command,says",
    [
        ("CLOSED", "close", "is already closed (CLOSED)"),
        ("CLOSED", "appeal", "is CLOSED: Wish takes an appeal only for an open ticket"),
        ("PERMANENTLY_CLOSED", "close", "is PERMANENTLY_CLOSED: Wish never changes it again"),
        ("PERMANENTLY_CLOSED", "appeal", "is PERMANENTLY_CLOSED"),
        ("AWAITING_WISH", "appeal", "is already with Wish support (AWAITING_WISH)"),
        ("SOMETHING_NEW", "close", "is SOMETHING_NEW: Wish does not say it can be moved"),
    ],
)
def test_refused_where_wish_would_refuse_it(run, tmp_path, state, command, says) -> None:
    load(run, tmp_path, ticket(T1, state=state))
    result = run(command, T1)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"wishdesk: ticket {T1} {says}")
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
    assert json.loads(run("outbox", "-s", "any", "--json").stdout) == []
    assert shown(run)["state"] == state


@pytest.mark.parametrize("state", ["AWAITING_USER", "AWAITING_WISH"])
def test_a_ticket_not_awaiting_you_can_still_be_closed(run, tmp_path, state) -> None:
    load(run, tmp_path, ticket(T1, state=state))
    assert run("close", T1).exit_code == 0
    assert shown(run)["state"] == "CLOSED"
    run("outbox", "cancel", "1")
    assert shown(run)["state"] == state


def test_one_change_at_a_time_and_never_the_same_twice(run, store) -> None:
    run("close", T1)
    again = run("close", T1)
    assert again.exit_code == 2
    assert again.stderr == (
        f"wishdesk: a close of ticket {T1} already waits: outbox #1; `wishdesk sync` sends "
        "it, `wishdesk outbox cancel 1` takes it back\n"
    )
    other = run("appeal", T1)
    assert other.exit_code == 2 and "waits first (one change at a time)" in other.stderr
    assert len(json.loads(run("outbox", "--json").stdout)) == 1


def test_reply_close_is_the_same_state_change(run, store) -> None:
    assert run("reply", T1, "-m", CLEAN, "--close").exit_code == 0
    assert shown(run)["state"] == "CLOSED"
    assert run("close", T1).exit_code == 2  # that close already waits
    assert run("outbox", "cancel", "2").exit_code == 0  # the close alone: the reply stays
    got = shown(run)
    assert got["state"] == "AWAITING_USER" and [m["sender"] for m in got["messages"]][-1] == (
        "MERCHANT"
    )
    assert run("close", T1).exit_code == 0


def test_an_empty_reason_and_an_unknown_ticket_are_usage_errors(run, store) -> None:
    empty = run("appeal", T1, "--reason", " ")
    assert empty.exit_code == 2 and "--reason is empty" in empty.stderr
    unknown = run("close", "ffff")
    assert unknown.exit_code == 2 and unknown.stderr == "wishdesk: no ticket 'ffff'\n"


def test_a_pull_keeps_the_pending_state_and_cancel_puts_back_what_wish_said(
    run, store, tmp_path
) -> None:
    run("close", T1)
    newer = ticket(
        T1,
        state="AWAITING_USER",
        orders=[O1],
        opened_at="2026-11-20T08:00:00Z",
        updated_at="2026-11-26T06:30:00Z",
    )
    load(run, tmp_path, newer)
    assert shown(run)["state"] == "CLOSED"  # the close still waits for sync
    run("outbox", "cancel", "1")
    assert shown(run)["state"] == "AWAITING_USER"  # Wish's latest word, not the old state


def test_retry_of_a_failed_close_closes_the_ticket_here_again(run, store, db_path) -> None:
    import sqlite3

    run("close", T1)
    run("outbox", "cancel", "1")
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("UPDATE outbox SET status = 'failed', error = 'HTTP 400' WHERE id = 1")
    conn.close()
    assert run("outbox", "retry", "1").exit_code == 0
    assert shown(run)["state"] == "CLOSED"
    run("outbox", "cancel", "1")
    assert shown(run)["state"] == "AWAITING_MERCHANT"


def test_cancelling_a_reply_under_an_appeal_leaves_the_appeal_in_charge(run, store) -> None:
    assert run("reply", T1, "-m", CLEAN).exit_code == 0  # outbox #1, AWAITING_USER
    assert run("appeal", T1).exit_code == 0  # outbox #2, from AWAITING_USER
    run("outbox", "cancel", "1")
    got = shown(run)
    assert got["state"] == "AWAITING_WISH" and [m["sender"] for m in got["messages"]] == ["USER"]
    run("outbox", "cancel", "2")
    assert shown(run)["state"] == "AWAITING_MERCHANT"  # yours again, as without the reply


def test_retry_is_refused_while_another_change_waits(run, store, db_path) -> None:
    import sqlite3

    run("close", T1)
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("UPDATE outbox SET status = 'failed' WHERE id = 1")
    conn.close()
    run("outbox", "cancel", "1")
    assert run("appeal", T1).exit_code == 0
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE outbox SET status = 'failed' WHERE id = 1")
    result = run("outbox", "retry", "1")
    assert result.exit_code == 2 and "an appeal of ticket" in result.stderr
