"""`wishdesk sync` pull: time-window paging, ties, watermark, orders, the import write path.

Paging must lose nothing whether Wish reads ``updated_at_min/max`` as inclusive or exclusive
(its document does not say): the paging tests run against the fake in both modes."""

from __future__ import annotations

import json

import pytest
from syncutil import BOUNDS, sql
from wishdata import order, ticket
from wishfake import Scripted

from wishdesk.services.sync import pull as pull_module


def tid(n: int) -> str:
    return f"5f{n:022x}"


def oid(n: int) -> str:
    return f"a0{n:022x}"


def at(second: int, ms: int = 0) -> str:
    return f"2026-11-25T10:{second // 60:02d}:{second % 60:02d}.{ms:03d}Z"


def add(wish, n: int, updated: str, state: str = "AWAITING_MERCHANT", **kw) -> None:
    wish.add_ticket(
        ticket(
            tid(n),
            state=state,
            opened_at="2026-11-24T08:00:00Z",
            updated_at=updated,
            replies=[("USER", "2026-11-24T08:00:00Z", f"Where is order number {n}?")],
            **kw,
        )
    )


def ticket_calls(wish):
    return wish.calls_to("GET", "/api/v3/tickets")


BOTH = pytest.mark.parametrize("wish", BOUNDS, indirect=True)


@BOTH
def test_multi_page_pull_with_ties_at_page_edges(sync, wish, db_path, monkeypatch) -> None:
    monkeypatch.setattr(pull_module, "PAGE_SIZE", 4)
    seconds = [0, 1, 1, 1, 2, 2, 3, 3, 3, 4, 5, 5, 6]  # ties straddle every page edge
    for n, s in enumerate(seconds):
        add(wish, n, at(s))
    result = sync("--no-push")
    assert result.exit_code == 0, result.stderr
    assert "tickets: 13 new, 0 updated, 0 unchanged" in result.stdout
    assert sql(db_path, "SELECT count(*) FROM tickets") == [(13,)]
    calls = ticket_calls(wish)
    assert "updated_at_min" not in calls[0].query  # first sync: everything
    assert all(c.query["limit"] == ["4"] for c in calls)
    assert all(c.query["sort_by"] == ["updated_at.asc"] for c in calls)
    # The next page starts 1 ms before the last item's time: nothing is lost either way.
    assert calls[1].query["updated_at_min"] == ["2026-11-25T10:00:00.999Z"]
    assert len(calls) < 12  # bounded
    assert sql(db_path, "SELECT value FROM settings WHERE key = 'sync.tickets_watermark'") == [
        ("2026-11-25T10:00:06Z",)
    ]


@BOTH
def test_a_full_page_of_one_timestamp_is_read_state_by_state(
    sync, wish, db_path, monkeypatch
) -> None:
    monkeypatch.setattr(pull_module, "PAGE_SIZE", 4)
    states = ["AWAITING_MERCHANT"] * 3 + ["AWAITING_USER"] * 3 + ["CLOSED"] * 2 + ["AWAITING_WISH"]
    for n, state in enumerate(states):
        add(wish, n, at(7, 250), state=state)
    add(wish, 50, at(7, 251))
    add(wish, 51, at(9))
    result = sync("--no-push")
    assert result.exit_code == 0, result.stderr
    assert "tickets: 11 new, 0 updated, 0 unchanged" in result.stdout
    assert "warning" not in result.stderr
    per_state = [c for c in ticket_calls(wish) if "states" in c.query]
    assert len(per_state) == 5
    # A window around the instant: the instant itself where Wish's bound is inclusive,
    # 1 ms either side where it is exclusive (two one-item requests found out which).
    window = (
        (["2026-11-25T10:00:07.250Z"], ["2026-11-25T10:00:07.250Z"])
        if wish.bounds == "inclusive"
        else (["2026-11-25T10:00:07.249Z"], ["2026-11-25T10:00:07.251Z"])
    )
    assert all((c.query["updated_at_min"], c.query["updated_at_max"]) == window for c in per_state)
    probes = [c for c in ticket_calls(wish) if c.query["limit"] == ["1"]]
    assert len(probes) == 2
    assert any(c.query["sort_by"] == ["updated_at.desc"] for c in probes)
    assert sql(db_path, "SELECT count(*) FROM tickets") == [(11,)]


@BOTH
def test_a_tie_too_big_for_one_state_is_split_by_type(sync, wish, db_path, monkeypatch) -> None:
    monkeypatch.setattr(pull_module, "PAGE_SIZE", 4)
    for n in range(6):
        add(wish, n, at(7, 250), type="PRE_PURCHASE" if n % 2 else "ORDER")
    add(wish, 50, at(8))
    result = sync("--no-push")
    assert result.exit_code == 0, result.stderr
    assert "warning" not in result.stderr
    assert sql(db_path, "SELECT count(*) FROM tickets") == [(7,)]
    assert any(c.query.get("types") == ["PRE_PURCHASE"] for c in ticket_calls(wish))


def test_a_tie_larger_than_a_page_in_one_state_and_type_warns_and_ends(
    sync, wish, db_path, monkeypatch
) -> None:
    monkeypatch.setattr(pull_module, "PAGE_SIZE", 4)
    for n in range(6):
        add(wish, n, at(7, 250))
    add(wish, 50, at(8))
    result = sync("--no-push")
    assert result.exit_code == 0, result.stderr
    assert "warning: 4 or more AWAITING_MERCHANT ORDER tickets share updated_at" in result.stderr
    stored = {r[0] for r in sql(db_path, "SELECT id FROM tickets")}
    assert tid(50) in stored
    assert len(stored) >= 5
    assert len(ticket_calls(wish)) < 20


def test_incremental_sync_starts_at_the_watermark(sync, wish, db_path) -> None:
    for n in range(3):
        add(wish, n, at(10 + n))
    first = sync("--no-push")
    assert "tickets: 3 new, 0 updated, 0 unchanged" in first.stdout
    wish.calls.clear()
    changed = wish.tickets[tid(0)]
    changed["replies"].append(
        {"sender": "USER", "replied_at": "2026-11-25T11:00:00Z", "message": "Any news?"}
    )
    changed["updated_at"] = "2026-11-25T11:00:00.000Z"
    add(wish, 3, "2026-11-25T11:30:00.000Z")
    second = sync("--no-push")
    assert second.exit_code == 0, second.stderr
    # ticket 2 sits at the watermark (inclusive): read again, unchanged, not counted twice
    assert "tickets: 1 new, 1 updated, 1 unchanged; messages: 2 new" in second.stdout
    calls = ticket_calls(wish)
    assert calls[0].query["updated_at_min"] == ["2026-11-25T10:00:11.999Z"]  # 1 ms before
    assert sql(db_path, "SELECT message_count FROM tickets WHERE id = ?", (tid(0),)) == [(2,)]
    assert sql(db_path, "SELECT value FROM settings WHERE key = 'sync.tickets_watermark'") == [
        ("2026-11-25T11:30:00Z",)
    ]


def test_pull_of_1200_tickets_and_their_orders(sync, wish, db_path) -> None:
    for k in range(10):
        wish.add_order(order(oid(k)))
    for n in range(1200):
        add(wish, n, at(n // 3 % 3600, n % 7), orders=[oid(n % 10)])
    result = sync("--no-push")
    assert result.exit_code == 0, result.stderr
    assert "tickets: 1200 new, 0 updated, 0 unchanged" in result.stdout
    assert "orders: 10 new, 0 updated" in result.stdout
    assert sql(db_path, "SELECT count(*) FROM tickets") == [(1200,)]
    assert sql(db_path, "SELECT count(DISTINCT ticket_id) FROM ticket_orders") == [(1200,)]
    assert len(wish.calls_to("GET")) - len(ticket_calls(wish)) == 10  # each order once
    assert len(ticket_calls(wish)) == 3


def test_pulled_tickets_match_an_import_of_the_same_data(
    sync, run, wish, db_path, tmp_path
) -> None:
    wish.add_order(order(oid(1)))
    add(wish, 1, at(1), orders=[oid(1)], subject="Wrong size, I want to exchange")
    add(wish, 2, at(2), state="AWAITING_USER", subject="Refund please")
    wish.add_ticket(
        ticket(
            tid(3),
            updated_at=at(3),
            replies=[
                ("USER", "2026-11-20T08:00:00Z", "Mi paquete llegó roto"),
                ("MERCHANT", "2026-11-21T08:00:00Z", "Lo sentimos"),
                ("USER", "2026-11-23T09:30:00Z", "¿Y el reembolso?"),
            ],
        )
    )
    assert sync("--no-push").exit_code == 0
    export = tmp_path / "export.jsonl"
    export.write_text(
        "\n".join(json.dumps(o) for o in [*wish.orders.values(), *wish.tickets.values()])
    )
    other = tmp_path / "imported.db"
    assert run("--db", str(other), "import", str(export)).exit_code == 0
    query = (
        "SELECT id, state, reason, reason_source, awaiting_since, due_at, escalates_at, "
        "last_message, message_count, order_ids FROM tickets ORDER BY id"
    )
    assert sql(db_path, query) == sql(other, query)
    assert sql(db_path, "SELECT * FROM orders") == sql(other, "SELECT * FROM orders")
    assert sql(db_path, "SELECT due_at FROM tickets WHERE id = ?", (tid(1),))[0][0] is not None


def test_invalid_records_and_missing_orders_are_reported_and_skipped(sync, wish, db_path) -> None:
    add(wish, 1, at(1), orders=[oid(1), oid(404)])
    wish.add_order(order(oid(1)))
    add(wish, 2, at(2))
    wish.tickets[tid(2)]["replies"] = "hello"
    wish.tolerate("'hello' is not of type 'array'")  # a broken record, on purpose
    add(wish, 3, at(3))
    result = sync("--no-push")
    assert result.exit_code == 0, result.stderr
    assert "tickets: 2 new" in result.stdout
    assert "skipped: 2" in result.stdout
    assert f"skipped ticket {tid(2)}: replies: expected an array, got a string" in result.stderr
    assert f"skipped order {oid(404)}: GET /api/v3/orders/{oid(404)}: HTTP 404" in result.stderr
    assert "Wish-Request-Id: req-" in result.stderr
    # The next sync does not fetch the stored order again for an unchanged ticket.
    again = sync("--no-push")
    assert again.exit_code == 0
    assert len(wish.calls_to("GET", f"/api/v3/orders/{oid(1)}")) == 1


def test_an_unknown_state_type_or_sender_is_kept_as_given(sync, run, wish, db_path) -> None:
    """Wish's enums grow: a newer value is stored as it came, never dropped."""
    add(wish, 1, at(1), state="ON_HOLD_FOR_REVIEW", type="RETURN_REQUEST")
    wish.tickets[tid(1)]["replies"].append(
        {"sender": "AI_ASSISTANT", "replied_at": "2026-11-24T09:00:00Z", "message": "Hi!"}
    )
    wish.add_ticket({"id": tid(2)})  # nothing but an id: still a ticket
    wish.tolerate("'ON_HOLD_FOR_REVIEW' is not one of", "'RETURN_REQUEST' is not one of")
    wish.tolerate("'AI_ASSISTANT' is not one of")
    result = sync("--no-push")
    assert result.exit_code == 0, result.stderr
    assert "tickets: 2 new" in result.stdout and "skipped" not in result.stdout
    assert sql(db_path, "SELECT state, type FROM tickets WHERE id = ?", (tid(1),)) == [
        ("ON_HOLD_FOR_REVIEW", "RETURN_REQUEST")
    ]
    listed = json.loads(run("list", "--state", "any", "--json").stdout)
    assert {t["id"] for t in listed} == {tid(1), tid(2)}
    assert tid(1) not in run("list", "--json").stdout  # not awaiting the merchant
    shown = json.loads(run("show", tid(1), "--json").stdout)
    assert [m["sender"] for m in shown["messages"]] == ["USER", "AI_ASSISTANT"]
    assert "AI_ASSISTANT" in run("show", tid(1), "--format", "table").stdout


def test_a_failure_mid_pull_keeps_committed_pages(sync, wish, db_path, monkeypatch, sleeps) -> None:
    monkeypatch.setattr(pull_module, "PAGE_SIZE", 2)
    for n in range(5):
        add(wish, n, at(20 + n))
    busy = Scripted(503, {"code": 1, "message": "temporarily unavailable"})
    wish.queue("GET", "/api/v3/tickets", Scripted(0), Scripted(0), *[busy] * 6)
    result = sync("--no-push")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "tickets: 3 new, 0 updated, 0 unchanged" in result.stdout
    assert "HTTP 503" in result.stderr and "gave up after 6 attempts" in result.stderr
    assert "done before stopping: tickets: 3 new" in result.stderr
    assert sleeps == pytest.approx([0.75, 1.5, 3.0, 6.0, 12.0])
    assert sql(db_path, "SELECT count(*) FROM tickets") == [(3,)]
    assert sql(db_path, "SELECT value FROM settings WHERE key = 'sync.tickets_watermark'") == [
        ("2026-11-25T10:00:22Z",)
    ]
    again = sync("--no-push")
    assert again.exit_code == 0, again.stderr
    assert "tickets: 2 new, 0 updated, 1 unchanged" in again.stdout
