"""Upgrading a store made by an earlier wishdesk: data kept, outputs unchanged, one upgrade
even when several processes open the old store at once."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations
from wishdata import ticket, write_jsonl

from wishdesk.errors import StoreError
from wishdesk.store import schema
from wishdesk.store.db import open_store

NOW_AT = "2026-11-26T07:00:00Z"

TICKETS = [
    ticket(
        f"5f00000000000000000000{i:02d}",
        subject=f"Parcel {i} tracking",
        opened_at=f"2026-11-{10 + i:02d}T08:00:00Z",
        replies=[
            ("USER", f"2026-11-{10 + i:02d}T08:00:00Z", f"Where is parcel {i}? Kein Tracking."),
            ("MERCHANT", f"2026-11-{10 + i:02d}T09:00:00Z", "It ships tomorrow, sorry."),
            ("USER", f"2026-11-{11 + i:02d}T09:00:00Z", "还没有收到包裹"),
        ][: 1 + i % 3],
        orders=[f"a000000000000000000000{i:02d}"],
    )
    for i in range(1, 9)
]


def _as_m001(current: Path, old: Path) -> None:
    """Copy a current store's rows into a store that has only the first migration."""
    conn = sqlite3.connect(old, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    migrations = Migrations(schema.MIGRATION_SET)
    migrations()(schema.m001_initial)
    migrations.apply(Database(conn))
    conn.execute("ATTACH ? AS cur", (str(current),))
    conn.execute("BEGIN")
    for table in ("tickets", "orders", "settings"):  # the columns m001 made, in its order
        columns = ", ".join(r[1] for r in conn.execute(f"PRAGMA table_info({table})"))
        conn.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM cur.{table}")
    for table, columns in (
        ("ticket_orders", "ticket_id, order_id, position"),
        ("messages", "id, ticket_id, sender, sent_at, text, files, digest, origin"),
    ):
        conn.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM cur.{table}")
    conn.execute("INSERT INTO messages_fts (rowid, text) SELECT id, text FROM messages")
    conn.execute("INSERT INTO tickets_fts (tickets_fts) VALUES ('rebuild')")
    conn.execute("COMMIT")
    conn.execute("DETACH cur")
    conn.close()
    old.chmod(0o600)


def applied_migrations(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    finally:
        conn.close()


def _at_step(path: Path, last: str) -> sqlite3.Connection:
    """A store file with the migrations up to ``last`` only (an earlier wishdesk's)."""
    conn = sqlite3.connect(path, isolation_level=None)
    migrations = Migrations(schema.MIGRATION_SET)
    for fn in schema.MIGRATIONS[: schema.MIGRATION_NAMES.index(last) + 1]:
        migrations()(fn)
    migrations.apply(Database(conn))
    return conn


def _views(run, db: Path) -> dict[str, str]:
    """What users see of a store: the inbox, threads, searches, stats."""
    out = {}
    commands = {
        "list": ("list", "--state", "any", "--format", "json"),
        "search": ("list", "--state", "any", "-q", "tracking", "--format", "json"),
        "search-cjk": ("list", "--state", "any", "-q", "包裹", "--format", "json"),
        "stats": ("stats", "--json"),
        "by-order": ("list", "--state", "any", "--order", f"a{4:023d}", "--format", "json"),
        **{t["id"]: ("show", t["id"], "--json") for t in TICKETS},
    }
    for name, args in commands.items():
        result = run("--db", str(db), *args)
        assert result.exit_code == 0, (name, result.stderr)
        out[name] = result.stdout
    return out


def test_an_old_store_is_upgraded_with_every_row_and_output_kept(run, tmp_path: Path) -> None:
    current, old = tmp_path / "current.db", tmp_path / "old.db"
    source = write_jsonl(tmp_path / "t.jsonl", TICKETS)
    assert run("--db", str(current), "import", str(source)).exit_code == 0
    _as_m001(current, old)
    assert applied_migrations(old) == ["m001_initial"]

    expected = _views(run, current)
    assert _views(run, old) == expected
    assert applied_migrations(old) == list(schema.MIGRATION_NAMES)
    assert json.loads(expected["search"]) and json.loads(expected["search-cjk"])
    assert len(json.loads(expected["by-order"])) == 1

    conn = sqlite3.connect(old)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.execute("INSERT INTO messages_fts (messages_fts) VALUES ('integrity-check')")
    conn.execute("ATTACH ? AS cur", (str(current),))
    for table in ("messages", "ticket_orders"):
        mismatched = conn.execute(
            f"SELECT count(*) FROM {table} x JOIN tickets t ON t.num = x.ticket_num "
            "WHERE t.id != x.ticket_id"
        ).fetchone()[0]
        assert mismatched == 0, table
        mine, theirs = (
            conn.execute(f"SELECT count(*) FROM {db}.{table}").fetchone()[0]
            for db in ("main", "cur")
        )
        assert mine == theirs > 0, table
    conn.close()

    # Writing after the upgrade: a re-import adds nothing, a reply lands in the thread.
    again = run("--db", str(old), "import", str(source))
    assert "messages: 0 new" in again.stdout
    one_reply = TICKETS[2]["id"]
    reply = run("--db", str(old), "reply", one_reply, "-m", "It left the warehouse.")
    assert reply.exit_code == 0, reply.stderr
    thread = json.loads(run("--db", str(old), "show", one_reply, "--json").stdout)
    assert [(m["sender"], m["text"]) for m in thread["messages"]][1:] == [
        ("MERCHANT", "It left the warehouse.")
    ]


def test_processes_opening_an_old_store_at_once_upgrade_it_once(run, tmp_path: Path) -> None:
    current, old = tmp_path / "current.db", tmp_path / "old.db"
    assert run("--db", str(current), "import", str(write_jsonl(tmp_path / "t.jsonl", TICKETS)))
    _as_m001(current, old)
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "wishdesk", "--db", str(old), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for args in [("list", "--format", "tsv")] * 3 + [("overdue", "--format", "tsv")] * 2
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=60)
        assert proc.returncode in (0, 1), err
        assert err == "", err
    assert applied_migrations(old) == list(schema.MIGRATION_NAMES)


def test_a_failing_upgrade_leaves_the_store_as_it_was(run, tmp_path, monkeypatch) -> None:
    db = tmp_path / "s.db"
    assert run("--db", str(db), "import", str(write_jsonl(tmp_path / "t.jsonl", TICKETS)))

    def m999_broken(database: Database) -> None:
        database.execute("CREATE TABLE half_done (x)")
        database.execute("DELETE FROM messages")
        database.execute("SELECT * FROM no_such_table")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, m999_broken])
    monkeypatch.setattr(schema, "MIGRATION_NAMES", (*schema.MIGRATION_NAMES, "m999_broken"))
    with pytest.raises(StoreError, match="no such table: no_such_table"):
        open_store(db)
    monkeypatch.undo()

    conn = sqlite3.connect(db)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "half_done" not in tables
    assert conn.execute("SELECT count(*) FROM messages").fetchone()[0] > 0
    conn.close()
    assert applied_migrations(db) == list(schema.MIGRATION_NAMES)


def test_m004_makes_the_first_tracking_entry_the_current_one(run, tmp_path: Path) -> None:
    """Stores written before m004 took the last ``tracking_information`` entry as current;
    Wish lists the newest first, so after a reshipment that was the replaced number."""
    from wishdata import order

    db = tmp_path / "old.db"
    reshipped = order(tracking="NEW123456789CN")
    reshipped["tracking_information"].append(
        {"tracking_number": "OLD987654321CN", "shipping_provider": {"name": "Yanwen"}}
    )
    assert run("--db", str(db), "import", str(write_jsonl(tmp_path / "o.jsonl", [reshipped])))
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE orders SET tracking_number = 'OLD987654321CN', carrier = 'Yanwen'")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm004_current_tracking_first'")
    conn.close()
    open_store(db).close()
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT tracking_number, carrier FROM orders").fetchall() == [
        ("NEW123456789CN", "China Post")
    ]
    conn.close()


@pytest.mark.parametrize("applied", range(1, len(schema.MIGRATIONS)))
def test_m009_upgrades_a_store_of_every_earlier_version(run, tmp_path: Path, applied) -> None:
    """A store left at any earlier migration gets the team columns, its tickets unassigned
    and unmarked, and takes an assignment and a reply afterwards."""
    old = tmp_path / "old.db"
    conn = _at_step(old, schema.MIGRATION_NAMES[applied - 1])
    conn.execute(
        "INSERT INTO tickets (id, state, opened_at, updated_at, subject) VALUES "
        "(?, 'AWAITING_MERCHANT', '2026-11-20T08:00:00Z', '2026-11-20T08:00:00Z', 'Parcel?')",
        (TICKETS[0]["id"],),
    )
    conn.close()
    old.chmod(0o600)
    listed = run("--db", str(old), "list", "--format", "json")
    assert listed.exit_code == 0, listed.stderr
    assert [t["assignee"] for t in json.loads(listed.stdout)] == [None]
    assert applied_migrations(old) == list(schema.MIGRATION_NAMES)
    assigned = run("--db", str(old), "assign", TICKETS[0]["id"], "--to", "Ana", LOGNAME="Bo")
    assert assigned.exit_code == 0, assigned.stderr
    got = json.loads(run("--db", str(old), "show", TICKETS[0]["id"], "--json").stdout)
    assert (got["assignee"], got["replying"]) == ("Ana", None)
    assert [(e["action"], e["agent"]) for e in got["audit_log"]] == [("assign", "Bo")]
    assert run("--db", str(old), "list", "--assignee", "Ana", "--format", "tsv").stdout


def test_m010_keeps_every_item_of_a_key_an_older_store_queued_twice(run, tmp_path) -> None:
    """Before m010, ``--resend`` (or two runs racing an older wishdesk) queued one notify key
    more than once: the upgrade keeps every item, the first as the key's own, so the unique
    index takes the old rows, and ``notify`` then skips the message as before."""
    from wishdesk.services.notify import Body, dedup_key

    order_id, notice = f"a{1:023d}", "Order {order_id} is delayed, sorry."
    key = dedup_key(order_id, Body(text=notice), {})
    old = tmp_path / "old.db"
    conn = _at_step(old, "m009_assignment")
    conn.execute("INSERT INTO orders (id, updated_at) VALUES (?, ?)", (order_id, NOW_AT))
    items = [  # (status, dedup_key, created_at)
        ("cancelled", key, "2026-11-20T08:00:00Z"),
        ("sent", key, "2026-11-21T08:00:00Z"),
        ("queued", "other", "2026-11-22T08:00:00Z"),
        ("queued", key, "2026-11-23T08:00:00Z"),
        ("queued", None, "2026-11-24T08:00:00Z"),
    ]
    for status, dedup, at in items:
        conn.execute(
            "INSERT INTO outbox (kind, order_id, body, status, created_at, updated_at, "
            "dedup_key) VALUES ('notification', ?, 'Order delayed', ?, ?, ?, ?)",
            (order_id, status, at, at, dedup),
        )
    conn.close()
    old.chmod(0o600)

    again = run("--db", str(old), "notify", order_id, "-m", notice, "--format", "jsonl")
    assert again.exit_code == 0, again.stderr
    assert json.loads(again.stdout) | {"findings": []} == {
        "order_id": order_id, "status": "skipped", "ticket_id": None, "outbox_id": 1,
        "queued_at": "2026-11-20T08:00:00Z", "findings": [],
    }  # fmt: skip
    assert applied_migrations(old) == list(schema.MIGRATION_NAMES)
    conn = sqlite3.connect(old)
    kept = conn.execute("SELECT status, dedup_key, created_at, resent FROM outbox ORDER BY id")
    assert kept.fetchall() == [(*item, int(n in (1, 3))) for n, item in enumerate(items)]
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        conn.execute(
            "INSERT INTO outbox (kind, status, created_at, dedup_key) "
            "VALUES ('notification', 'queued', ?, 'other')",
            (NOW_AT,),
        )
    conn.close()
    forced = run(
        "--db", str(old), "notify", order_id, "-m", notice, "--resend", "--format", "jsonl"
    )
    assert json.loads(forced.stdout)["status"] == "queued"
    assert sqlite3.connect(old).execute("SELECT count(*) FROM outbox").fetchone() == (6,)
