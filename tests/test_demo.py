"""``wishdesk demo``: deterministic, relative to now, and careful with real stores."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from wishdata import ticket, write_jsonl


def dump(path: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT t.id, t.state, t.reason, t.subject, t.due_at, count(m.id) FROM tickets t "
            "JOIN messages m ON m.ticket_id = t.id GROUP BY t.id ORDER BY t.id"
        ).fetchall()
    finally:
        conn.close()


def test_same_seed_and_now_give_the_same_store(run, tmp_path) -> None:
    a, b, c = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "c.db"
    assert run("--db", str(a), "demo", "--tickets", "150", "--quiet").exit_code == 0
    assert run("--db", str(b), "demo", "--tickets", "150", "--quiet").exit_code == 0
    assert run("--db", str(c), "demo", "--tickets", "150", "--seed", "2", "--quiet").exit_code == 0
    assert dump(a) == dump(b)
    assert dump(a) != dump(c)
    assert len(dump(a)) == 150


def test_demo_covers_states_reasons_languages_and_urgency(run, tmp_path) -> None:
    db = str(tmp_path / "d.db")
    run("--db", db, "demo", "--tickets", "400", "--quiet")
    tickets = json.loads(run("--db", db, "list", "--state", "any", "--limit", "0", "--json").stdout)
    assert {t["state"] for t in tickets} >= {"AWAITING_MERCHANT", "AWAITING_USER", "CLOSED"}
    assert len({t["reason"] for t in tickets}) >= 7
    assert {(t["buyer_locale"] or "")[:2] for t in tickets} >= {
        "en",
        "es",
        "fr",
        "de",
        "pt",
        "it",
        "zh",
    }
    waiting = [t for t in tickets if t["state"] == "AWAITING_MERCHANT"]
    assert any(t["overdue"] for t in waiting) and any(not t["escalated"] for t in waiting)


def test_demo_shows_the_inbox_and_replaces_an_earlier_demo(run, tmp_path) -> None:
    db = str(tmp_path / "d.db")
    first = run("--db", db, "demo", "--tickets", "50")
    assert first.exit_code == 0
    # the 20 most urgent tickets awaiting the merchant, as TSV in a pipe
    assert first.stdout == run("--db", db, "list", "--limit", "20").stdout
    assert 0 < first.stdout.count("\n") <= 20
    run("--db", db, "demo", "--tickets", "30", "--quiet")
    assert len(dump(Path(db))) == 30


def test_demo_refuses_a_store_with_real_tickets(run, tmp_path, db_path) -> None:
    run("import", str(write_jsonl(tmp_path / "t.jsonl", [ticket()])))
    result = run("demo", "--tickets", "10")
    assert result.exit_code == 2
    assert "holds real tickets" in result.stderr
    assert len(dump(db_path)) == 1


@pytest.mark.parametrize(
    "work",
    [("note", "-m", "Ask the warehouse."), ("snooze", "--until", "2d"), ("close",)],
    ids=["note", "snooze", "close"],
)
def test_demo_refuses_a_demo_store_you_have_worked_in(run, db_path, work) -> None:
    assert run("demo", "--tickets", "10", "--quiet").exit_code == 0
    first = run("list", "-n", "1").stdout.split("\t")[0]
    assert run(work[0], first, *work[1:]).exit_code == 0
    result = run("demo", "--tickets", "10", "--quiet")
    assert result.exit_code == 2 and "holds real tickets" in result.stderr
