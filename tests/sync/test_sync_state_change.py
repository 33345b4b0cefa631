"""`wishdesk close` and `wishdesk appeal` through `sync` against the fake Wish API (which
checks every request and response against the OpenAPI extract)."""

from __future__ import annotations

import json

from wishdata import ticket, write_jsonl
from wishfake import Scripted

T1 = "5f00000000000000000000a1"
T2 = "5f00000000000000000000a2"


def state(run, ticket_id: str) -> str:
    return str(json.loads(run("show", ticket_id, "--json").stdout)["state"])


def test_a_close_and_an_appeal_reach_wish_once(run, sync, wish, tmp_path) -> None:
    for t in (ticket(T1), ticket(T2)):
        wish.add_ticket(t)
    run("import", str(write_jsonl(tmp_path / "t.jsonl", [ticket(T1), ticket(T2)])))
    assert run("close", T1).exit_code == 0
    assert run("appeal", T2, "--reason", "the buyer threatens us").exit_code == 0
    result = sync()
    assert result.exit_code == 0, result.stderr
    assert "outbox: 2 sent, 0 failed, 0 manual" in result.stdout
    assert [(c.path, c.body) for c in wish.calls_to("PUT")] == [
        (f"/api/v3/tickets/{T1}", {"state": "CLOSED"}),
        (f"/api/v3/tickets/{T2}", {"state": "AWAITING_WISH"}),
    ]
    assert (wish.tickets[T1]["state"], wish.tickets[T2]["state"]) == ("CLOSED", "AWAITING_WISH")
    assert wish.violations == []
    items = json.loads(run("outbox", "-s", "any", "--json").stdout)
    assert [(i["kind"], i["status"], i["sent_at"]) for i in items] == [
        ("close", "sent", "2026-11-26T07:00:00Z"),
        ("appeal", "sent", "2026-11-26T07:00:00Z"),
    ]
    assert (state(run, T1), state(run, T2)) == ("CLOSED", "AWAITING_WISH")  # pulled back
    cancel = run("outbox", "cancel", "1")
    assert cancel.exit_code == 2 and "only queued, failed or manual" in cancel.stderr
    again = sync()
    assert again.exit_code == 0 and len(wish.calls_to("PUT")) == 2


def test_a_pull_before_the_push_keeps_the_queued_close(run, sync, wish, tmp_path) -> None:
    run("import", str(write_jsonl(tmp_path / "t.jsonl", [ticket(T1)])))
    newer = ticket(
        T1,
        updated_at="2026-11-26T06:30:00Z",
        replies=[
            ("USER", "2026-11-23T08:00:00Z", "Hi, where is my package? It has been three weeks."),
            ("USER", "2026-11-26T06:30:00Z", "Hello??"),
        ],
    )
    wish.add_ticket(newer)
    assert run("close", T1).exit_code == 0
    pulled = sync("--no-push")
    assert pulled.exit_code == 0, pulled.stderr
    assert state(run, T1) == "CLOSED"  # Wish has not seen the close yet
    assert sync("--no-pull").exit_code == 0
    assert wish.tickets[T1]["state"] == "CLOSED"


def test_a_close_wish_refuses_fails_and_puts_the_ticket_back(run, sync, wish, tmp_path) -> None:
    wish.add_ticket(ticket(T1))
    run("import", str(write_jsonl(tmp_path / "t.jsonl", [ticket(T1)])))
    refusal = Scripted(400, {"code": 1003, "message": "no permission to close this ticket"})
    wish.queue("PUT", f"/api/v3/tickets/{T1}", refusal)
    run("close", T1)
    result = sync("--no-pull")
    assert result.exit_code == 0, result.stderr
    assert "outbox: 0 sent, 1 failed, 0 manual" in result.stdout
    [item] = json.loads(run("outbox", "--json").stdout)
    assert item["status"] == "failed" and "no permission" in item["error"]
    assert state(run, T1) == "AWAITING_MERCHANT"
    assert json.loads(run("list", "--json").stdout)[0]["id"] == T1


def test_a_buyer_message_pulled_by_sync_ends_a_snooze(run, sync, wish, tmp_path) -> None:
    run("import", str(write_jsonl(tmp_path / "t.jsonl", [ticket(T1)])))
    assert run("snooze", T1, "--until", "2026-12-20").exit_code == 0
    wrote = ticket(
        T1,
        updated_at="2026-11-26T06:40:00Z",
        replies=[
            ("USER", "2026-11-23T08:00:00Z", "Hi, where is my package? It has been three weeks."),
            ("USER", "2026-11-26T06:40:00Z", "Any news?"),
        ],
    )
    wish.add_ticket(wrote)
    assert sync().exit_code == 0
    assert json.loads(run("show", T1, "--json").stdout)["snoozed_until"] is None
    assert [t["id"] for t in json.loads(run("list", "--json").stdout)] == [T1]
