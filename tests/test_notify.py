"""``wishdesk notify``: per-order rendering and linting, idempotency, concurrency."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from wishdata import order, ticket, write_jsonl

O1, O2, O3 = "a00000000000000000000001", "a00000000000000000000002", "a00000000000000000000003"
T1 = "5f0000000000000000000001"
TEXT = "Hello {buyer_name}, your order {order_id} ({product}) is delayed at the carrier. Sorry!"


@pytest.fixture
def store(run, tmp_path):
    records = [
        order(O1),
        order(O2, tracking=None, state="APPROVED"),
        order(O3),
        ticket(T1, orders=[O1]),
    ]
    assert run("import", str(write_jsonl(tmp_path / "s.jsonl", records))).exit_code == 0


def results(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_orders_from_arguments_queue_a_reply_or_a_notification(run, store, db_path) -> None:
    result = run("notify", O1, O2, "-m", TEXT, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    first, second = results(result)
    assert (first["order_id"], first["status"], first["ticket_id"]) == (O1, "queued", T1)
    assert (second["status"], second["ticket_id"]) == ("queued", None)
    assert set(first) >= {"order_id", "status", "ticket_id", "outbox_id", "findings"}
    rows = (
        sqlite3.connect(db_path)
        .execute("SELECT kind, order_id, body FROM outbox ORDER BY id")
        .fetchall()
    )
    assert rows[0][:2] == ("reply", O1) and rows[1][:2] == ("notification", O2)
    assert "Hello Ann Lee, your order a00000000000000000000001 (LED strip 5m)" in rows[0][2]
    # the reply went into the ticket's thread and stopped its clock
    shown = json.loads(run("show", T1, "--json").stdout)
    assert shown["state"] == "AWAITING_USER" and shown["messages"][-1]["sender"] == "MERCHANT"


def test_rerun_is_skipped_with_the_earlier_time_unless_resend(run, store) -> None:
    run("notify", O2, "-m", TEXT)
    again = results(run("notify", O2, "-m", TEXT, "--format", "jsonl"))[0]
    assert again["status"] == "skipped" and again["queued_at"] == "2026-11-26T07:00:00Z"
    other_vars = results(run("notify", O2, "-m", TEXT, "--var", "x=1", "--format", "jsonl"))[0]
    assert other_vars["status"] == "queued"  # different variables: a different message
    forced = results(run("notify", O2, "-m", TEXT, "--resend", "--format", "jsonl"))[0]
    assert forced["status"] == "queued"


def test_stdin_ids_and_csv_with_per_order_variables(run, store, db_path) -> None:
    result = run(
        "notify",
        "--orders-file",
        "-",
        "-m",
        "Order {order_id}: {note}",
        "--format",
        "jsonl",
        input=f"order_id,note\n{O2},first\n{O3},second\n",
    )
    assert [r["status"] for r in results(result)] == ["queued", "queued"]
    bodies = [r[0] for r in sqlite3.connect(db_path).execute("SELECT body FROM outbox")]
    assert bodies == [f"Order {O2}: first", f"Order {O3}: second"]
    plain = run(
        "notify",
        "--orders-file",
        "-",
        "-m",
        "Order {order_id} update",
        "--format",
        "jsonl",
        input=f"{O2}\n\n# comment\n{O3}\n",
    )
    assert [r["order_id"] for r in results(plain)] == [O2, O3]


def test_unknown_and_blocked_orders_set_the_exit_code(run, store) -> None:
    missing = run("notify", O2, "nope", "-m", TEXT, "--format", "jsonl")
    assert missing.exit_code == 2
    assert [r["status"] for r in results(missing)] == ["queued", "not_found"]
    blocked = run(
        "notify",
        O3,
        "-m",
        "Pay the shipping difference by bank transfer to IBAN DE89370400440532013000 please",
        "--format",
        "jsonl",
    )
    assert blocked.exit_code == 1
    [r] = results(blocked)
    assert r["status"] == "blocked" and r["outbox_id"] is None
    assert {f["rule"] for f in r["findings"]} & {"payment.off-platform", "payment.details-shared"}


def test_a_missing_template_value_blocks_that_order_only(run, store) -> None:
    result = run("notify", O1, O2, "-m", "Tracking: {tracking_number}", "--format", "jsonl")
    assert result.exit_code == 1
    first, second = results(result)
    assert first["status"] == "queued"
    assert second["status"] == "blocked" and "tracking_number" in second["findings"][0]["message"]


def test_dry_run_stores_nothing(run, store, db_path) -> None:
    result = run("notify", O1, O2, "-m", TEXT, "--dry-run", "--format", "jsonl")
    assert [r["status"] for r in results(result)] == ["dry_run", "dry_run"]
    assert sqlite3.connect(db_path).execute("SELECT count(*) FROM outbox").fetchone()[0] == 0


def test_usage_errors(run, store) -> None:
    assert run("notify", O1).exit_code == 2  # no body
    assert run("notify", "-m", TEXT).exit_code == 2  # no orders
    assert run("notify", O1, "-m", TEXT, "--template", "shipped").exit_code == 2


def test_two_concurrent_runs_queue_each_order_exactly_once(run, store, db_path, tmp_path) -> None:
    ids = [f"b{i:023d}" for i in range(600)]
    run("import", str(write_jsonl(tmp_path / "many.jsonl", [order(i) for i in ids])))
    (tmp_path / "ids.txt").write_text("\n".join(ids) + "\n")
    env = {**os.environ, "WISHDESK_DB": str(db_path)}
    command = [
        sys.executable,
        "-m",
        "wishdesk",
        "notify",
        "--orders-file",
        str(tmp_path / "ids.txt"),
        "-m",
        "Order {order_id} is delayed, sorry.",
        "--format",
        "jsonl",
    ]
    procs = [
        subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [o[1] for o in outputs]
    assert all("locked" not in err for _, err in outputs)
    statuses = [json.loads(line)["status"] for out, _ in outputs for line in out.splitlines()]
    assert statuses.count("queued") == 600 and statuses.count("skipped") == 600
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*), count(DISTINCT order_id) FROM outbox").fetchone() == (
        600,
        600,
    )


def test_template_per_order_with_variables(run, store, db_path) -> None:
    run("config", "set", "merchant.name", "Aurora Home")
    result = run(
        "notify",
        O3,
        "--template",
        "shipping-delay",
        "--var",
        "new_date=2026-12-24",
        "--format",
        "jsonl",
    )
    assert result.exit_code == 0, result.stderr
    body = sqlite3.connect(db_path).execute("SELECT body FROM outbox").fetchone()[0]
    assert "24 December 2026" in body and "Aurora Home" in body
    unknown = run("notify", O3, "--template", "nope")
    assert unknown.exit_code == 2 and "shipping-delay" in unknown.stderr


def test_the_audit_log_names_who_queued_each_message(run, store, env) -> None:
    run("config", "set", "user.name", "Ana")
    first, second = results(run("notify", O1, O2, "-m", TEXT, "--format", "jsonl"))
    assert run("notify", O1, "-m", TEXT, LOGNAME="Bo").exit_code == 0  # skipped: no entry
    log = json.loads(run("show", T1, "--json").stdout)["audit_log"]
    assert [(e["action"], e["agent"], e["outbox_id"]) for e in log] == [
        ("notify", "Ana", first["outbox_id"])
    ]
    # a rule added since, which the queued messages break: audit names who queued each
    rules = '[rules."custom.carrier"]\nseverity = "error"\nmessage = "m"\n'
    rules += 'patterns = ["carrier"]\n'
    (Path(env["WISHDESK_HOME"]) / "rules.toml").write_text(rules)
    audited = [json.loads(line) for line in run("audit", "--format", "jsonl").stdout.splitlines()]
    agents = {(r["id"].split(":")[0], r.get("ticket_id")): r.get("agent") for r in audited}
    assert agents == {
        ("message", T1): "Ana",  # the reply's message in the ticket's thread
        ("outbox", T1): "Ana",
        ("outbox", None): "Ana",  # the notification about the order without a ticket
    }
    assert second["outbox_id"] in {int(r["id"].split(":")[1]) for r in audited}


def test_a_reply_whose_key_is_taken_writes_nothing_to_the_thread(backend) -> None:
    """notify's reply: the outbox item goes in first, so a key another run holds leaves the
    thread and the ticket's state as they were (on both backends)."""
    from wishdesk.services.outbox import queue_reply_once
    from wishdesk.store import messages
    from wishdesk.store.outbox import Once

    at = "2026-11-26T07:00:00Z"
    with backend.transaction():
        backend.execute(
            "INSERT INTO tickets (id, state, opened_at, updated_at) "
            "VALUES (?, 'AWAITING_MERCHANT', ?, ?)",
            (T1, at, at),
        )
    queued = []
    for text in ("Your order ships today.", "Your order ships today!"):
        with backend.transaction():
            queued.append(queue_reply_once(backend, T1, O1, text, at, Once("k1")))
    assert queued[0] is not None and queued[1] is None
    thread = messages.thread(backend, T1)
    assert [m.text for m in thread] == ["Your order ships today."]
    assert backend.all("SELECT id, message_id FROM outbox") == [(queued[0], thread[0].id)]
    assert backend.one("SELECT state FROM tickets WHERE id = ?", (T1,)) == ("AWAITING_USER",)
