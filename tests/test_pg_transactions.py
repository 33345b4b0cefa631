"""What a team store on PostgreSQL does once or not at all: ``notify`` from two machines
queues each message once (the database's unique key decides, even between transactions that
take no lock of ours), and a recompute after ``config set calendar.*`` that fails half-way
leaves every deadline and the setting as they were."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

from wishdata import order, ticket, write_jsonl

from wishdesk.store import outbox
from wishdesk.store.pg import open_pg_store

AT = "2026-11-26T07:00:00Z"


def _psql(url: str, sql: str) -> list[tuple[Any, ...]]:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        cursor = conn.execute(sql)
        return [tuple(r) for r in cursor.fetchall()] if cursor.description else []


def test_two_notify_runs_at_once_queue_each_message_once(run, pg_url: str, tmp_path: Path) -> None:
    ids = [f"b{i:023d}" for i in range(600)]
    records = [order(i) for i in ids] + [
        ticket(f"5f{n:022d}", orders=[i]) for n, i in enumerate(ids[:50])
    ]
    assert run("--db", pg_url, "import", str(write_jsonl(tmp_path / "o.jsonl", records)))
    (tmp_path / "ids.txt").write_text("\n".join(ids) + "\n")
    env = {**os.environ, "WISHDESK_DB": pg_url, "WISHDESK_HOME": str(tmp_path / "home"),
           "WISHDESK_NOW": AT}  # fmt: skip
    command = [sys.executable, "-m", "wishdesk", "notify", "--orders-file",
               str(tmp_path / "ids.txt"), "-m", "Order {order_id} is delayed, sorry.",
               "--format", "jsonl"]  # fmt: skip
    procs = [
        subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=180) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err for _, err in outputs]
    for _, err in outputs:  # the summary alone: no traceback, nothing about locks
        assert err.startswith("notify: ") and err.count("\n") == 1, err
    results = [json.loads(line) for out, _ in outputs for line in out.splitlines()]
    assert len(results) == 1200
    queued = [r for r in results if r["status"] == "queued"]
    skipped = [r for r in results if r["status"] == "skipped"]
    assert len(queued) == len(skipped) == 600
    assert {r["order_id"] for r in queued} == set(ids)
    # a skipped order names the item the other run queued
    assert {(r["order_id"], r["outbox_id"]) for r in skipped} == {
        (r["order_id"], r["outbox_id"]) for r in queued
    }
    assert _psql(pg_url, "SELECT count(*), count(DISTINCT order_id), count(DISTINCT dedup_key), "
                         "sum(resent) FROM outbox") == [(600, 600, 600, 0)]  # fmt: skip
    # the 50 orders with a ticket got a reply, and one message in the thread each
    assert _psql(pg_url, "SELECT kind, count(*) FROM outbox GROUP BY kind ORDER BY kind") == [
        ("notification", 550),
        ("reply", 50),
    ]
    assert _psql(pg_url, "SELECT count(*), count(DISTINCT ticket_id) FROM messages "
                         "WHERE origin = 'local'") == [(50, 50)]  # fmt: skip


def test_the_unique_key_decides_between_transactions_that_take_no_lock_of_ours(
    pg_url: str,
) -> None:
    """Two transactions insert the same key with no advisory lock: the second waits on the
    unique index until the first commits, then inserts nothing."""
    first, second = (open_pg_store(pg_url, create=True) for _ in range(2))
    once = outbox.Once("k1")
    outcome: list[int | None] = []

    def insert(store: Any) -> None:
        store.conn.raw.execute("BEGIN")
        outcome.append(outbox.add_once(store, once, kind="notification", ticket_id=None,
                                       order_id="o1", body="Delayed", at=AT))  # fmt: skip
        store.conn.raw.execute("COMMIT")

    try:
        first.conn.raw.execute("BEGIN")
        mine = outbox.add_once(first, once, kind="notification", ticket_id=None, order_id="o1",
                               body="Delayed", at=AT)  # fmt: skip
        other = threading.Thread(target=insert, args=(second,))
        other.start()
        other.join(1.0)
        assert other.is_alive()  # waiting on the first transaction's key
        first.conn.raw.execute("COMMIT")
        other.join(30)
        assert not other.is_alive()
    finally:
        first.close()
        second.close()
    assert mine is not None and outcome == [None]
    assert _psql(pg_url, "SELECT id, body FROM outbox") == [(mine, "Delayed")]


def test_a_recompute_that_fails_half_way_changes_nothing(run, pg_url: str, tmp_path: Path) -> None:
    records = [ticket(f"5f{i:022d}", opened_at="2026-11-26T05:00:00Z") for i in range(5)]
    assert run("--db", pg_url, "import", str(write_jsonl(tmp_path / "t.jsonl", records)))
    before = _psql(pg_url, "SELECT id, due_at, escalates_at FROM tickets ORDER BY id")
    settings = _psql(pg_url, "SELECT key, value FROM settings ORDER BY key")
    assert {due for _, due, _ in before} == {"2026-11-30T23:59:59Z"}
    # the database fails the fifth row written: two tickets recomputed, the third not
    _psql(pg_url, """CREATE SEQUENCE writes;
        CREATE FUNCTION fail_late() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF nextval('writes') > 4 THEN RAISE EXCEPTION 'the disk is full'; END IF;
        RETURN NEW; END $$;
        CREATE TRIGGER fail_late BEFORE UPDATE ON tickets FOR EACH ROW EXECUTE FUNCTION fail_late()
        """)  # fmt: skip
    failed = run("--db", pg_url, "config", "set", "calendar.extra_holidays", "2026-11-27")
    assert failed.exit_code == 2  # a store problem
    assert failed.stderr.count("\n") == 1 and "the disk is full" in failed.stderr
    assert "Traceback" not in failed.stderr
    assert _psql(pg_url, "SELECT last_value FROM writes") == [(5,)]  # it failed half-way
    assert _psql(pg_url, "SELECT id, due_at, escalates_at FROM tickets ORDER BY id") == before
    assert _psql(pg_url, "SELECT key, value FROM settings ORDER BY key") == settings
    # without the failure the same change recomputes every ticket
    _psql(pg_url, "DROP TRIGGER fail_late ON tickets")
    done = run("--db", pg_url, "config", "set", "calendar.extra_holidays", "2026-11-27")
    assert done.exit_code == 0, done.stderr
    assert "(deadlines of 5 open tickets recomputed)" in done.stdout
    assert {r[0] for r in _psql(pg_url, "SELECT due_at FROM tickets")} == {"2026-12-01T23:59:59Z"}
