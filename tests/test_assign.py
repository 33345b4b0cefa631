"""``wishdesk assign`` and the ``list`` filters on it: who works a ticket, kept through
re-imports, in the JSON and tsv/csv, and in the audit log with the agent who set it."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from wishdata import order, ticket, write_jsonl

from wishdesk.services.inbox import LIST_FIELDS

T1 = "5f0000000000000000000001"
T2 = "5f1000000000000000000002"
T3 = "5f2000000000000000000003"


@pytest.fixture
def store(run, tmp_path: Path) -> Path:
    records = [
        order(),
        ticket(T1, orders=["a00000000000000000000001"]),
        ticket(T2, subject="Refund?", opened_at="2026-11-24T08:00:00Z"),
        ticket(T3, subject="Size", opened_at="2026-11-25T08:00:00Z"),
    ]
    source = write_jsonl(tmp_path / "s.jsonl", records)
    assert run("import", str(source)).exit_code == 0
    run("config", "set", "user.name", "Ana")
    return source


def listed(run, *args: str, **env: str) -> list[str]:
    result = run("list", *args, "--format", "json", **env)
    assert result.exit_code == 0, result.stderr
    return [t["id"] for t in json.loads(result.stdout)]


def shown(run, ticket_id: str = T1) -> dict:
    return json.loads(run("show", ticket_id, "--json").stdout)


def test_assign_to_me_to_a_name_and_to_nobody(run, store) -> None:
    mine = run("assign", T1[:6], "--me")
    assert (mine.exit_code, mine.stdout) == (0, f"{T1} assigned to Ana\n")
    assert shown(run)["assignee"] == "Ana"
    other = run("assign", T2, "--to", "  Bo Chen ")
    assert (other.exit_code, other.stdout) == (0, f"{T2} assigned to Bo Chen\n")
    again = run("assign", T2, "--to", "Bo Chen")
    assert again.stdout == f"{T2} was already assigned to Bo Chen\n"
    gone = run("assign", T2, "--none")
    assert (gone.exit_code, gone.stdout) == (0, f"{T2} is no longer assigned (was Bo Chen)\n")
    assert shown(run, T2)["assignee"] is None
    assert run("assign", T2, "--none").stdout == f"{T2} was not assigned\n"


@pytest.mark.parametrize(
    "args",
    [
        (T1,),  # none of them
        (T1, "--me", "--none"),
        (T1, "--to", "Bo", "--me"),
        (T1, "--to", "   "),
        (T1, "--to", "Bo\x1b[31m"),
        (T1, "--to", "x" * 65),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(run, store, args) -> None:
    result = run("assign", *args)
    assert result.exit_code == 2
    assert result.stderr.startswith("wishdesk: ") and result.stderr.count("\n") == 1
    assert shown(run)["assignee"] is None


def test_an_unknown_ticket_exits_2(run, store) -> None:
    result = run("assign", "5f99", "--me")
    assert result.exit_code == 2 and "no ticket '5f99'" in result.stderr


def test_list_filters_mine_unassigned_and_by_name(run, store) -> None:
    assert run("assign", T1, "--me").exit_code == 0
    assert run("assign", T3, "--to", "Bo").exit_code == 0
    assert listed(run, "--mine") == [T1]
    assert listed(run, "--assignee", "Bo") == [T3]
    assert listed(run, "--assignee", "Nobody") == []
    assert listed(run, "--unassigned") == [T2]
    # combinable with the other filters
    assert listed(run, "--mine", "--reason", "other") == []
    assert listed(run, "--assignee", "Bo", "--search", "size") == [T3]
    assert listed(run, "--unassigned", "--state", "closed") == []
    # another agent at this machine sees their own
    assert listed(run, "--mine", LOGNAME="Bo") == [T1]  # user.name is set: it wins
    assert run("config", "set", "user.name", "").exit_code == 0  # the login name then
    assert listed(run, "--mine", LOGNAME="Bo") == [T3]


@pytest.mark.parametrize(
    "args", [("--mine", "--unassigned"), ("--mine", "--assignee", "Bo"), ("--assignee", "")]
)
def test_list_filters_exclude_each_other(run, store, args) -> None:
    result = run("list", *args)
    assert result.exit_code == 2 and result.stderr.startswith("wishdesk: ")


def test_assignee_is_in_the_json_and_last_in_tsv_and_csv(run, store) -> None:
    assert run("assign", T1, "--to", "Bo").exit_code == 0
    records = {t["id"]: t for t in json.loads(run("list", "--json").stdout)}
    assert records[T1]["assignee"] == "Bo" and records[T2]["assignee"] is None
    assert list(records[T1]) == list(LIST_FIELDS) and LIST_FIELDS[-1] == "assignee"
    rows = {line.split("\t")[0]: line.split("\t") for line in run("list").stdout.splitlines()}
    assert rows[T1][-1] == "Bo" and rows[T2][-1] == ""
    assert len(rows[T1]) == len(LIST_FIELDS)
    header, *lines = run("list", "--format", "csv").stdout.splitlines()
    assert header.endswith(",snoozed_until,assignee")
    assert any(line.startswith(T1) and line.endswith(",Bo") for line in lines)
    jsonl = [json.loads(line) for line in run("list", "--format", "jsonl").stdout.splitlines()]
    assert {t["id"]: t["assignee"] for t in jsonl}[T1] == "Bo"


def test_show_has_the_assignee_in_json_and_plain_text(run, store) -> None:
    assert run("assign", T1, "--to", "Bo [b]x[/b]").exit_code == 0
    assert shown(run)["assignee"] == "Bo [b]x[/b]"
    plain = run("show", T1).stdout
    assert "assignee:\tBo [b]x[/b]\n" in plain


def test_the_assignment_survives_a_reimport_of_newer_copies(run, store, tmp_path) -> None:
    assert run("assign", T1, "--to", "Bo").exit_code == 0
    newer = ticket(
        T1,
        subject="Where is my order? (2)",
        updated_at="2026-11-25T09:00:00Z",
        orders=["a00000000000000000000001"],
        replies=[("USER", "2026-11-25T09:00:00Z", "Any news about my parcel?")],
    )
    result = run("import", str(write_jsonl(tmp_path / "newer.jsonl", [newer])))
    assert "1 updated" in result.stdout, result.stdout
    got = shown(run)
    assert got["subject"] == "Where is my order? (2)" and got["assignee"] == "Bo"
    assert run("import", str(store)).exit_code == 0  # the older copies again: nothing changes
    assert shown(run)["assignee"] == "Bo"


def test_the_audit_log_names_the_agent_of_each_action(run, store, db_path) -> None:
    assert run("assign", T1, "--to", "Bo").exit_code == 0
    assert run("tag", T1, "--reason", "shipping-eta").exit_code == 0
    assert run("note", T1, "-m", "Checked with the warehouse.").exit_code == 0
    reply = run("reply", T1, "-m", "Your parcel left our warehouse today.", LOGNAME="x")
    assert reply.exit_code == 0, reply.stderr
    assert run("appeal", T3, "--reason", "abusive").exit_code == 0
    assert run("close", T2).exit_code == 0
    log = shown(run)["audit_log"]
    assert [(e["action"], e["agent"]) for e in log] == [
        ("assign", "Ana"),
        ("tag", "Ana"),
        ("note", "Ana"),
        ("reply", "Ana"),
    ]
    assert log[3]["outbox_id"] == 1
    assert [(e["action"], e["agent"], e["reason"]) for e in shown(run, T3)["audit_log"]] == [
        ("appeal", "Ana", "abusive")
    ]
    assert [e["action"] for e in shown(run, T2)["audit_log"]] == ["close"]
    detail = sqlite3.connect(db_path).execute(
        "SELECT detail FROM audit_log WHERE action = 'assign'"
    )
    assert json.loads(detail.fetchone()[0]) == {"from": None, "to": "Bo"}


def test_assign_help_has_examples(run) -> None:
    result = run("assign", "--help")
    assert result.exit_code == 0 and "wishdesk assign TICKET --me" in result.stdout


def test_audit_names_who_queued_each_outbox_body(run, store, tmp_path, db_path) -> None:
    promise = "Good news: it will arrive tomorrow!"  # before the order's estimate: truth.eta
    sent = run("reply", T1, "-m", promise, "--override", "truth.eta", "--reason", "courier")
    assert sent.exit_code == 0, sent.stderr
    result = run("audit", "--format", "jsonl")
    assert result.exit_code == 1  # the overridden error is still an error on re-reading
    found = {r["id"]: r for r in map(json.loads, result.stdout.splitlines())}
    assert found["outbox:1"]["agent"] == "Ana" and found["outbox:1"]["ticket_id"] == T1
    # the reply's message in the thread names who queued it, also once it is Wish's copy;
    # a message written on Wish itself names nobody
    wish_copy = ticket(
        T1,
        orders=["a00000000000000000000001"],
        replies=[
            ("USER", "2026-11-23T08:00:00Z", "Hi, where is my package? It has been three weeks."),
            ("MERCHANT", "2026-11-26T07:00:05Z", promise),
        ],
    )
    on_wish = ticket(T2, replies=[("MERCHANT", "2026-11-25T08:00:00Z", promise)])
    source = write_jsonl(tmp_path / "again.jsonl", [wish_copy, on_wish])
    assert run("import", str(source)).exit_code == 0
    again = [json.loads(line) for line in run("audit", "--format", "jsonl").stdout.splitlines()]
    thread = {r["ticket_id"]: r for r in again if r["id"].startswith("message:")}
    assert thread[T1]["agent"] == "Ana" and "agent" not in thread[T2]
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT origin FROM messages WHERE text = ? AND ticket_id = ?",
                        (promise, T1)).fetchall() == [("wish",)]  # fmt: skip


def test_assignee_names_complete_from_the_store(run, store) -> None:
    from test_completion import complete

    assert run("assign", T1, "--to", "Bo Chen").exit_code == 0
    assert run("assign", T2, "--to", "Bob").exit_code == 0
    assert run("assign", T3, "--me").exit_code == 0
    assert complete(run, "wishdesk list --assignee Bo") == ["plain,Bo Chen", "plain,Bob"]
    assert complete(run, "wishdesk assign 5f --to A") == ["plain,Ana"]
    assert complete(run, "wishdesk list --assignee Bob", "zsh") == ["plain", "Bob", "1 ticket"]
