"""``wishdesk tag`` (manual reasons survive imports) and ``wishdesk stats``."""

from __future__ import annotations

import json

from wishdata import order, ticket, write_jsonl

T1 = "5f0000000000000000000001"


def test_manual_reason_survives_reimport_and_auto_restores(run, tmp_path) -> None:
    path = write_jsonl(tmp_path / "t.jsonl", [ticket(T1)])
    run("import", str(path))
    result = run("tag", T1[:6], "--reason", "change-address")
    assert result.exit_code == 0 and result.stdout.split() == [T1, "change-address", "manual"]
    newer = ticket(
        T1,
        replies=[
            ("USER", "2026-11-23T08:00:00Z", "Where is my package?"),
            ("USER", "2026-11-24T08:00:00Z", "Hello??"),
        ],
    )
    run("import", str(write_jsonl(tmp_path / "n.jsonl", [newer])))
    record = json.loads(run("list", "--json", "--reason", "change-address").stdout)[0]
    assert record["reason"] == "change-address" and record["reason_source"] == "manual"
    auto = run("tag", T1, "--auto")
    assert auto.exit_code == 0 and auto.stdout.split()[2] in ("text", "wish")
    assert run("tag", T1).exit_code == 2
    assert run("tag", T1, "--reason", "bogus").exit_code == 2


def test_stats_counts_weeks_replies_sla_and_reasons(run, tmp_path) -> None:
    records = [
        # answered the same day: within SLA
        ticket(
            "5f0000000000000000000001",
            state="AWAITING_USER",
            opened_at="2026-11-16T08:00:00Z",
            replies=[
                ("USER", "2026-11-16T08:00:00Z", "My parcel arrived damaged"),
                ("MERCHANT", "2026-11-16T10:00:00Z", "So sorry, we will make it right."),
            ],
        ),
        # answered four working days later: late and escalated
        ticket(
            "5f0000000000000000000002",
            state="AWAITING_USER",
            opened_at="2026-11-16T09:00:00Z",
            replies=[
                ("USER", "2026-11-16T09:00:00Z", "Where is my order?"),
                ("MERCHANT", "2026-11-20T09:00:00Z", "It is on its way."),
            ],
        ),
        # never answered, past due: escalated
        ticket("5f0000000000000000000003", opened_at="2026-11-23T08:00:00Z"),
    ]
    run("import", str(write_jsonl(tmp_path / "s.jsonl", records)))
    data = json.loads(run("stats", "--weeks", "2").stdout)
    week1, week2 = data["weeks"]
    assert week1 == {
        "week": "2026-11-16",
        "opened": 2,
        "replies": 2,
        "median_first_reply_bd": 2.0,
        "within_sla": 0.5,
        "escalations": 1,
        "late_to_ship": 0,
        "late_to_deliver": 0,
    }
    assert week2["opened"] == 1 and week2["within_sla"] == 0.0 and week2["escalations"] == 1
    assert sum(data["reasons"].values()) == 3
    table = run("stats", "--format", "table").stdout
    assert "Service by week" in table and "Tickets by reason" in table


def test_stats_counts_orders_late_to_ship_and_to_deliver_in_their_deadline_week(
    run, tmp_path
) -> None:
    def due(ship: str, delivery: str) -> dict[str, str]:
        return {"expected_ship_time": ship, "expected_delivery_time": delivery}

    def events(*pairs: tuple[str, str]) -> list[dict[str, str]]:
        return [{"event_type": e, "event_time": t} for e, t in pairs]

    week1, week2 = "2026-11-17T00:00:00Z", "2026-11-24T00:00:00Z"
    records = [
        # not shipped by its deadline in week 1: late to ship
        order("a00000000000000000000001", state="APPROVED", tracking=None,
              fulfillment_requirements=due(week1, "2026-12-20T00:00:00Z")),
        # shipped two days after its deadline: late to ship; arrived on time
        order("a00000000000000000000002", fulfillment_requirements=due(week1, week2),
              fulfillment_records=events(("MARK_SHIPPED", "2026-11-19T00:00:00Z"),
                                         ("CONFIRMED_DELIVERED", "2026-11-23T00:00:00Z"))),
        # delivered a day late, and one still on its way: late to deliver in week 2
        order("a00000000000000000000003", fulfillment_requirements=due("2026-11-10", week2),
              fulfillment_records=events(("CONFIRMED_DELIVERED", "2026-11-25T00:00:00Z"))),
        order("a00000000000000000000004", fulfillment_requirements=due("2026-11-10", week2)),
        # refunded: neither
        order("a00000000000000000000005", state="REFUNDED", tracking=None,
              fulfillment_requirements=due(week1, week2)),
        # due later this week, not yet: neither
        order("a00000000000000000000006", state="APPROVED", tracking=None,
              fulfillment_requirements=due("2026-11-27T00:00:00Z", "2026-11-28T00:00:00Z")),
    ]  # fmt: skip
    run("import", str(write_jsonl(tmp_path / "o.jsonl", records)))
    weeks = json.loads(run("stats", "--weeks", "2").stdout)["weeks"]
    assert [(w["late_to_ship"], w["late_to_deliver"]) for w in weeks] == [(2, 0), (0, 2)]
    csv_header = run("stats", "--weeks", "2", "--format", "csv").stdout.splitlines()[0]
    assert csv_header.endswith(",escalations,late_to_ship,late_to_deliver")
    assert "Late" in run("stats", "--format", "table").stdout
