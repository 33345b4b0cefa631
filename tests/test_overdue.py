"""``wishdesk overdue``: the cron command. Silent and 0 with nothing to report, else 1."""

from __future__ import annotations

import json

import pytest
from wishdata import ticket, write_jsonl

LATE = "5f0000000000000000000001"  # opened Mon 23 08:00Z: due Wed 25 23:59:59, escalates Wed 08:00
SOON = "5f0000000000000000000002"  # buyer wrote Tue 24 10:00Z: escalates Thu 26 10:00Z
FRESH = "5f0000000000000000000003"  # opened Thu 26 06:00Z


@pytest.fixture
def store(run, tmp_path):
    records = [
        ticket(LATE, opened_at="2026-11-23T08:00:00Z"),
        ticket(SOON, opened_at="2026-11-24T10:00:00Z"),
        ticket(FRESH, opened_at="2026-11-26T06:00:00Z"),
    ]
    assert run("import", str(write_jsonl(tmp_path / "o.jsonl", records))).exit_code == 0


def ids(result) -> list[str]:
    return [line.split("\t")[0] for line in result.stdout.splitlines()]


def test_nothing_to_report_is_silent_and_exit_0(run, store) -> None:
    result = run("overdue", WISHDESK_NOW="2026-11-23T09:00:00Z")
    assert result.exit_code == 0
    assert result.stdout == ""


def test_overdue_lists_and_exits_1(run, store) -> None:
    result = run("overdue")
    assert result.exit_code == 1
    assert ids(result) == [LATE]


def test_clocks_and_window(run, store) -> None:
    # At Thu 26 07:00Z: SOON escalates in 3h and is due Thu 26 23:59:59; FRESH is due Mon 30.
    assert ids(run("overdue", "--within", "4h")) == [LATE, SOON]
    assert ids(run("overdue", "--within", "4h", "--clock", "sla")) == [LATE]
    assert ids(run("overdue", "--within", "4h", "--clock", "escalation")) == [LATE, SOON]
    assert ids(run("overdue", "--within", "1bd", "--clock", "sla")) == [LATE, SOON]
    assert ids(run("overdue", "--within", "2bd", "--clock", "sla")) == [LATE, SOON, FRESH]
    quiet = run("overdue", "--clock", "escalation", WISHDESK_NOW="2026-11-25T07:00:00Z")
    assert quiet.exit_code == 0 and quiet.stdout == ""


def test_formats(run, store) -> None:
    data = json.loads(run("overdue", "--json").stdout)
    assert [r["id"] for r in data] == [LATE] and data[0]["overdue"] and data[0]["escalated"]
    assert "Overdue or due soon: 1" in run("overdue", "--format", "table").stdout
    empty = run("overdue", "--json", WISHDESK_NOW="2026-11-23T09:00:00Z")
    assert empty.exit_code == 0 and empty.stdout == ""


def test_a_reply_stops_the_clock_and_a_new_buyer_message_restarts_it(run, tmp_path) -> None:
    replied = ticket(
        LATE,
        state="AWAITING_USER",
        replies=[
            ("USER", "2026-11-23T08:00:00Z", "Hello?"),
            ("MERCHANT", "2026-11-23T09:00:00Z", "Hello! Checking for you."),
        ],
    )
    run("import", str(write_jsonl(tmp_path / "a.jsonl", [replied])))
    assert run("overdue").exit_code == 0
    again = ticket(
        LATE,
        replies=[
            ("USER", "2026-11-23T08:00:00Z", "Hello?"),
            ("MERCHANT", "2026-11-23T09:00:00Z", "Hello! Checking for you."),
            ("USER", "2026-11-26T01:00:00Z", "Any news?"),
        ],
    )
    run("import", str(write_jsonl(tmp_path / "b.jsonl", [again])))
    data = json.loads(run("list", "--json").stdout)
    assert data[0]["awaiting_since"] == "2026-11-26T01:00:00Z"
    assert data[0]["escalates_at"] == "2026-11-28T01:00:00Z"
    assert run("overdue").exit_code == 0


def test_wish_support_handing_back_starts_the_clock(run, tmp_path) -> None:
    handed_back = ticket(
        LATE,
        replies=[
            ("USER", "2026-11-20T08:00:00Z", "Refund please"),
            ("MERCHANT", "2026-11-20T09:00:00Z", "Of course, we are on it."),
            ("WISH_SUPPORT", "2026-11-25T12:00:00Z", "Merchant, please confirm the refund."),
        ],
    )
    run("import", str(write_jsonl(tmp_path / "w.jsonl", [handed_back])))
    record = json.loads(run("list", "--json").stdout)[0]
    assert record["awaiting_since"] == "2026-11-25T12:00:00Z"
    assert record["due_at"] == "2026-11-27T23:59:59Z"
