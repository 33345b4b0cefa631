"""``wishdesk tag`` (manual reasons survive imports) and ``wishdesk stats``."""

from __future__ import annotations

import json

from wishdata import ticket, write_jsonl

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
    }
    assert week2["opened"] == 1 and week2["within_sla"] == 0.0 and week2["escalations"] == 1
    assert sum(data["reasons"].values()) == 3
    table = run("stats", "--format", "table").stdout
    assert "Service by week" in table and "Tickets by reason" in table
