"""``wishdesk import``: formats, idempotency, newest wins, all-or-nothing per file."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from wishdata import order, ticket, write_jsonl


def counts(db: Path) -> tuple[int, int, int]:
    conn = sqlite3.connect(db)
    try:
        return tuple(  # type: ignore[return-value]
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("tickets", "messages", "orders")
        )
    finally:
        conn.close()


def test_jsonl_array_envelope_and_stdin_all_import(run, tmp_path, db_path) -> None:
    write_jsonl(tmp_path / "a.jsonl", [order(), ticket(orders=["a00000000000000000000001"])])
    (tmp_path / "b.json").write_text(json.dumps([ticket("5f0000000000000000000002")], indent=2))
    (tmp_path / "c.json").write_text(
        json.dumps(
            {"code": 0, "message": "", "data": [ticket("5f0000000000000000000003")]}, indent=1
        )
    )
    (tmp_path / "d.json").write_text(
        json.dumps({"code": 0, "message": "", "data": ticket("5f0000000000000000000004")})
    )
    result = run(
        "import",
        str(tmp_path / "a.jsonl"),
        str(tmp_path / "b.json"),
        str(tmp_path / "c.json"),
        str(tmp_path / "d.json"),
    )
    assert result.exit_code == 0, result.stderr
    assert "tickets: 4 new, 0 updated, 0 unchanged" in result.stdout
    assert "orders: 1 new" in result.stdout
    stdin = run("import", "-", input=json.dumps(ticket("5f0000000000000000000005")))
    assert stdin.exit_code == 0
    assert counts(db_path) == (5, 5, 1)


def test_import_is_idempotent_and_deduplicates_replies(run, tmp_path, db_path) -> None:
    path = write_jsonl(tmp_path / "t.jsonl", [order(), ticket(orders=["a00000000000000000000001"])])
    assert run("import", str(path)).exit_code == 0
    before = sqlite3.connect(db_path).execute("SELECT * FROM tickets").fetchall()
    again = run("import", str(path))
    assert "tickets: 0 new, 0 updated, 1 unchanged; messages: 0 new" in again.stdout
    assert "orders: 0 new, 0 updated, 1 unchanged" in again.stdout
    assert sqlite3.connect(db_path).execute("SELECT * FROM tickets").fetchall() == before
    assert counts(db_path) == (1, 1, 1)


def test_newer_updated_at_wins_and_older_is_ignored(run, tmp_path, db_path) -> None:
    replies = [("USER", "2026-11-23T08:00:00Z", "Where is my parcel?")]
    first = ticket(replies=replies, subject="Old subject")
    newer = ticket(
        state="AWAITING_USER",
        subject="New subject",
        updated_at="2026-11-24T09:00:00Z",
        replies=[*replies, ("MERCHANT", "2026-11-24T09:00:00Z", "It is on its way.")],
    )
    older = ticket(subject="Stale subject", updated_at="2026-11-23T08:30:00Z", replies=replies)
    for i, record in enumerate((first, newer, older)):
        assert run("import", str(write_jsonl(tmp_path / f"{i}.jsonl", [record]))).exit_code == 0
    row = (
        sqlite3.connect(db_path)
        .execute("SELECT subject, state, message_count, due_at FROM tickets")
        .fetchone()
    )
    assert row == ("New subject", "AWAITING_USER", 2, None)


def test_new_reply_in_an_older_snapshot_is_still_merged(run, tmp_path, db_path) -> None:
    base = ticket(
        replies=[("USER", "2026-11-23T08:00:00Z", "Hello")], updated_at="2026-11-25T00:00:00Z"
    )
    extra = ticket(
        replies=[
            ("USER", "2026-11-23T08:00:00Z", "Hello"),
            ("USER", "2026-11-23T09:00:00Z", "Any news?"),
        ],
        updated_at="2026-11-24T00:00:00Z",
    )
    run("import", str(write_jsonl(tmp_path / "a.jsonl", [base])))
    result = run("import", str(write_jsonl(tmp_path / "b.jsonl", [extra])))
    assert "1 updated" in result.stdout and "messages: 1 new" in result.stdout
    assert counts(db_path)[1] == 2


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ({**ticket(), "state": ["WAITING"]}, "state: expected a string, got an array"),
        ({**ticket(), "opened_at": "yesterday"}, "opened_at: not an ISO-8601 time"),
        ({**ticket(), "id": None}, "id: missing"),
        ({**ticket(), "replies": "hello"}, "replies: expected an array, got a string"),
        (
            {
                **ticket(),
                "replies": [
                    {"sender": {"bot": 1}, "replied_at": "2026-11-23T08:00:00Z", "message": "x"}
                ],
            },
            "replies[0].sender: expected a string, got an object",
        ),
        ({**ticket(), "subject": 5 * [1]}, "subject: expected a string, got an array"),
        ({**order(), "updated_at": "soon"}, "updated_at: not an ISO-8601 time"),
        ({"hello": "world"}, "neither a ticket nor an order"),
        ("hello", "expected a JSON object, got a string"),
        ({**ticket(), "subject": "a\x00b"}, "subject: contains a NUL character"),
    ],
)
def test_an_invalid_record_imports_nothing_and_names_line_and_field(
    run, tmp_path, db_path, record, expected
) -> None:
    path = write_jsonl(
        tmp_path / "bad.jsonl", [order(), record, ticket("5f0000000000000000000009")]
    )
    result = run("import", str(path))
    assert result.exit_code == 2
    assert f"bad.jsonl, line 2: {expected}" in result.stderr
    assert "nothing imported" in result.stderr
    assert counts(db_path) == (0, 0, 0)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'{"id": "x",\n "state": ', "line 2: invalid JSON"),
        (b"\xff\xfe{}", "not valid UTF-8"),
        (b'{"code": 1004, "message": "token expired", "data": null}', "API error (code 1004)"),
        (b"[" * 200_000, "nested too deeply"),
    ],
)
def test_unreadable_files_are_rejected_whole(run, tmp_path, db_path, content, expected) -> None:
    good = write_jsonl(tmp_path / "good.jsonl", [ticket()])
    (tmp_path / "bad.json").write_bytes(content)
    result = run("import", str(good), str(tmp_path / "bad.json"))
    assert result.exit_code == 2
    assert expected in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert counts(db_path) == (1, 1, 0)  # the good file still landed


def test_skip_invalid_imports_the_rest_and_reports(run, tmp_path, db_path) -> None:
    records = [ticket(f"5f00000000000000000000{i:02d}") for i in range(30)]
    for i in range(0, 30, 2):
        records[i]["opened_at"] = "NOPE"
    path = write_jsonl(tmp_path / "t.jsonl", records)
    strict = run("import", str(path))
    assert strict.exit_code == 2
    assert strict.stderr.count("opened_at: not an ISO-8601 time") == 15
    lenient = run("import", "--skip-invalid", str(path))
    assert lenient.exit_code == 0
    assert "skipped 15 invalid records" in lenient.stderr
    assert counts(db_path)[0] == 15


def test_at_most_twenty_errors_are_listed(run, tmp_path) -> None:
    records = [{**ticket(f"5f00000000000000000000{i:02d}"), "opened_at": "NOPE"} for i in range(25)]
    result = run("import", str(write_jsonl(tmp_path / "t.jsonl", records)))
    assert result.stderr.count("opened_at: not an ISO-8601 time") == 20
    assert "... and 5 more" in result.stderr


def test_array_items_are_named_by_index_and_line(run, tmp_path) -> None:
    records = [ticket(), {**ticket("5f0000000000000000000002"), "opened_at": 7}]
    (tmp_path / "a.json").write_text(json.dumps(records, indent=2))
    result = run("import", str(tmp_path / "a.json"))
    assert "a.json, item[1], line 2" in result.stderr or "item[1], line" in result.stderr
    assert "opened_at: expected an ISO-8601 time, got a number" in result.stderr


def test_missing_file_is_a_clear_error(run, tmp_path) -> None:
    result = run("import", str(tmp_path / "missing.json"))
    assert result.exit_code == 2
    assert "cannot read" in result.stderr


def test_duplicate_ids_in_one_file_keep_the_newest(run, tmp_path, db_path) -> None:
    a = ticket(subject="first", updated_at="2026-11-23T08:00:00Z")
    b = ticket(subject="second", updated_at="2026-11-23T09:00:00Z")
    run("import", str(write_jsonl(tmp_path / "t.jsonl", [b, a])))
    assert sqlite3.connect(db_path).execute("SELECT subject FROM tickets").fetchone()[0] == "second"


def test_line_numbers_stay_right_across_buffer_refills(run, tmp_path, monkeypatch) -> None:
    from wishdesk.services.ingest import reader

    monkeypatch.setattr(reader, "CHUNK", 64)  # force many refills and trims
    records = [ticket(f"5f00000000000000000000{i:02d}") for i in range(40)]
    records[33]["opened_at"] = "NOPE"
    path = tmp_path / "t.jsonl"
    path.write_text("\n\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    result = run("import", str(path))
    assert "t.jsonl, line 67: opened_at: not an ISO-8601 time: 'NOPE'" in result.stderr


def test_error_messages_stay_one_short_line(run) -> None:
    run("init")
    result = run("show", "x" * 5000)
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("wishdesk: no ticket") and len(line) < 500
