"""The store: schema through migrations, file mode, WAL, where it lives."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

from wishdesk.store import schema
from wishdesk.store.db import open_store

EXPECTED_COLUMNS = {
    "tickets": [
        "num",
        "id",
        "merchant_id",
        "type",
        "state",
        "subject",
        "sub_label",
        "refund_reason",
        "buyer_name",
        "buyer_locale",
        "opened_at",
        "updated_at",
        "closed_at",
        "closed_by",
        "order_ids",
        "product_ids",
        "reason",
        "reason_source",
        "reason_confidence",
        "awaiting_since",
        "due_at",
        "escalates_at",
        "last_message",
        "last_message_at",
        "message_count",
        "product",  # m006: of the ticket's first order
        "tracking_number",
        "carrier",
        "snoozed_until",  # m008
        "snoozed_at",
        "assignee",  # m009
        "assigned_at",
        "replying_by",
        "replying_since",
    ],
    "messages": [
        "id",
        "ticket_num",
        "ticket_id",
        "sender",
        "sent_at",
        "text",
        "files",
        "digest",
        "origin",
    ],
    "orders": [
        "id",
        "transaction_id",
        "state",
        "released_at",
        "updated_at",
        "product_id",
        "variation_id",
        "sku",
        "product_name",
        "size",
        "color",
        "quantity",
        "expected_ship_at",
        "expected_delivery_at",
        "tracking_number",
        "carrier",
        "tracking",
        "fulfillment",
        "shipping_address",
        "refunds",
        "buyer_name",  # m007: what `orders` filters on
        "country_code",
        "shipped_at",
        "delivered_at",
    ],
    "ticket_orders": ["ticket_num", "ticket_id", "order_id", "position"],
    "settings": ["key", "value"],
    "outbox": [
        "id",
        "kind",
        "ticket_id",
        "order_id",
        "body",
        "status",
        "created_at",
        "sent_at",
        "error",
        "dedup_key",
        "message_id",
        "attempts",
        "request_id",
        "updated_at",
        "prior_state",  # m008: what a queued close or appeal found
        "resent",  # m010: not the first item of its notify key
    ],
    "drafts": ["id", "ticket_id", "text", "created_at", "findings"],
    "notes": ["id", "ticket_id", "text", "author", "created_at"],
    "audit_log": [
        *("id", "at", "action", "ticket_id", "outbox_id", "rule", "reason", "detail"),
        "agent",  # m009
    ],
    "attachments": [
        *("id", "message_id", "ticket_num", "ticket_id", "position", "file_name", "url"),
        *("served_at", "status", "attempts", "error", "sha256", "path", "size"),
        *("content_type", "saved_at"),
    ],
}


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def test_fresh_store_has_exactly_the_expected_columns(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db", create=True)
    for table, columns in EXPECTED_COLUMNS.items():
        assert _columns(store.conn, table) == columns, table
    fts = {r[0] for r in store.execute("SELECT name FROM sqlite_master WHERE name GLOB '*_fts'")}
    assert fts == {"tickets_fts", "messages_fts"}
    applied = [r[0] for r in store.execute("SELECT name FROM _sqlite_migrations")]
    assert applied == [
        "m001_initial",
        "m002_messages_by_ticket_num",
        "m003_ticket_orders_by_ticket_num",
        "m004_current_tracking_first",
        "m005_attachments",
        "m006_ticket_first_order",
        "m007_order_listing",
        "m008_notes_and_snooze",
        "m009_assignment",
        "m010_notify_key",
    ]


def test_store_is_private_and_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "s.db"
    store = open_store(path, create=True)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert store.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_reopening_applies_nothing_twice(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    open_store(path, create=True).close()
    store = open_store(path)
    count = store.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
    assert count == len(schema.MIGRATIONS)


def test_missing_store_is_a_clear_error_for_reading_commands(run, tmp_path: Path) -> None:
    result = run("--db", str(tmp_path / "nope.db"), "list")
    assert result.exit_code == 2
    assert "no store at" in result.stderr
    assert not (tmp_path / "nope.db").exists()


def test_config_path_follows_db_option_env_and_app_dir(run, tmp_path: Path, monkeypatch) -> None:
    assert run("--db", str(tmp_path / "x.db"), "config", "path").stdout.strip() == str(
        tmp_path / "x.db"
    )
    assert run("config", "path").stdout.strip() == os.environ["WISHDESK_DB"]
    monkeypatch.delenv("WISHDESK_DB")
    monkeypatch.setenv("WISHDESK_HOME", str(tmp_path / "home"))
    assert run("config", "path").stdout.strip() == str(tmp_path / "home" / "wishdesk.db")


def test_version(run) -> None:
    from wishdesk import __version__

    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"wishdesk {__version__}"


def test_a_store_readable_by_others_is_made_private_on_open(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    open_store(path, create=True).close()
    os.chmod(path, 0o644)
    open_store(path).close()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
