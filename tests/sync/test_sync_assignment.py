"""``sync`` and the team columns: an assignment and a replying mark are the store's own, so
a pull never overwrites them and a push never sends them (Wish has no assignment)."""

from __future__ import annotations

import json

from wishdata import ticket

T1 = "5f0000000000000000000001"


def test_a_pull_keeps_the_assignment_and_sends_nothing_for_it(sync, wish, run, db_path) -> None:
    wish.add_ticket(ticket(T1, updated_at="2026-11-25T10:00:00Z"))
    assert sync("--no-push").exit_code == 0
    assert run("--db", str(db_path), "assign", T1, "--to", "Ana").exit_code == 0
    wish.calls.clear()
    pushed = sync()  # nothing queued: an assignment is not an outbox item
    assert pushed.exit_code == 0, pushed.stderr
    writes = [c for c in wish.calls if c.method != "GET" and "/tickets" in c.path]
    assert writes == [] and wish.calls_to("GET", "/api/v3/tickets")
    changed = wish.tickets[T1]
    changed["replies"].append(
        {"sender": "USER", "replied_at": "2026-11-25T11:00:00Z", "message": "Any news?"}
    )
    changed["updated_at"] = "2026-11-25T11:00:00.000Z"
    pulled = sync("--no-push")
    assert "1 updated" in pulled.stdout, pulled.stdout
    got = json.loads(run("--db", str(db_path), "show", T1, "--json").stdout)
    assert got["assignee"] == "Ana" and got["messages"][-1]["text"] == "Any news?"
