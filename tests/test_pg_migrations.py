"""Upgrading a PostgreSQL store made at any earlier step: opened by this wishdesk, it ends at
the newest step with every row kept and the columns later steps derive filled, as
tests/test_migrations.py checks for the SQLite file."""

from __future__ import annotations

import json
from typing import Any

import pytest

from wishdesk.services.notify import Body, dedup_key
from wishdesk.store import pg_schema, schema
from wishdesk.store.digest import digest

T1, O1 = "5f0000000000000000000001", "a00000000000000000000001"
OPENED, LATER, AT = "2026-11-20T08:00:00Z", "2026-11-21T09:00:00Z", "2026-11-22T10:00:00Z"
NOTICE = "Order {order_id} is delayed, sorry."
THREAD = [("USER", OPENED, "Where is my parcel? 还没有收到"), ("MERCHANT", LATER, "It ships 100%.")]
TRACKING = [  # Wish lists the newest first: the first is the current one (m004)
    {"tracking_number": "NEW123456789CN", "carrier": "China Post"},
    {"tracking_number": "OLD987654321CN", "carrier": "Yanwen"},
]
FULFILLMENT = [
    {"event_type": "MARK_SHIPPED", "event_time": "2026-11-18T08:00:00Z"},
    {"event_type": "CONFIRMED_DELIVERED", "event_time": "2026-11-24T08:00:00Z"},
]
ADDRESS = {"name": "Ann Lee", "country_code": "de"}


def _insert(conn: Any, table: str, values: dict[str, Any], returning: str = "id") -> Any:
    """The row's ``returning`` column (None for a table without one)."""
    columns, marks = ", ".join(values), ", ".join("%s" for _ in values)
    sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"
    cursor = conn.execute(
        sql + (f" RETURNING {returning}" if returning else ""), list(values.values())
    )
    return cursor.fetchone()[0] if returning else None


def _store_at(url: str, applied: int) -> str:
    """A store that has the first ``applied`` steps, holding what a wishdesk of then wrote:
    a ticket with its thread, its order, a setting, notify items (the same key queued twice,
    as ``--resend`` did), an audit log entry and (from m008) a note. Returns the key."""
    import psycopg

    have = set(schema.MIGRATION_NAMES[:applied])
    key = dedup_key(O1, Body(text=NOTICE), {})
    with psycopg.connect(url, autocommit=True) as conn:
        assert pg_schema.apply(conn, upto=schema.MIGRATION_NAMES[applied - 1]) == list(
            schema.MIGRATION_NAMES[:applied]
        )
        ticket = {"id": T1, "state": "AWAITING_MERCHANT", "subject": "Parcel?", "opened_at": OPENED,
                  "updated_at": LATER, "buyer_name": "Ann Lee", "buyer_locale": "en-US",
                  "order_ids": json.dumps([O1])}  # fmt: skip
        if "m006_ticket_first_order" in have:  # kept current by the writer since
            ticket |= {"product": "LED strip", "tracking_number": TRACKING[0]["tracking_number"],
                       "carrier": "China Post"}  # fmt: skip
        num = _insert(conn, "tickets", ticket, returning="num")
        by_num = {"ticket_num": num} if "m002_messages_by_ticket_num" in have else {}
        for sender, sent_at, text in THREAD:
            _insert(conn, "messages", {"ticket_id": T1, "sender": sender, "sent_at": sent_at,
                                       "text": text, "digest": digest(text)} | by_num)  # fmt: skip
        link = {"ticket_num": num} if "m003_ticket_orders_by_ticket_num" in have else {}
        _insert(conn, "ticket_orders", {"ticket_id": T1, "order_id": O1, "position": 0} | link, "")
        # before m004 the current tracking was taken from the last entry: the replaced one
        current = TRACKING[0 if "m004_current_tracking_first" in have else 1]
        order = {"id": O1, "state": "SHIPPED", "updated_at": LATER, "product_name": "LED strip",
                 "tracking_number": current["tracking_number"], "carrier": current["carrier"],
                 "tracking": json.dumps(TRACKING), "fulfillment": json.dumps(FULFILLMENT),
                 "shipping_address": json.dumps(ADDRESS)}  # fmt: skip
        if "m007_order_listing" in have:
            order |= {"buyer_name": "Ann Lee", "country_code": "DE",
                      "shipped_at": FULFILLMENT[0]["event_time"],
                      "delivered_at": FULFILLMENT[1]["event_time"]}  # fmt: skip
        _insert(conn, "orders", order, "")
        _insert(conn, "settings", {"key": "merchant.name", "value": "Acme"}, "")
        for status, dedup in (("cancelled", key), ("queued", key), ("queued", None)):
            _insert(conn, "outbox", {"kind": "notification", "order_id": O1, "body": "Delayed",
                                     "status": status, "created_at": AT, "updated_at": AT,
                                     "dedup_key": dedup})  # fmt: skip
        entry = {"at": AT, "action": "reply", "ticket_id": T1, "detail": "{}"}
        _insert(conn, "audit_log", entry | ({"agent": "Bo"} if "m009_assignment" in have else {}))
        if "m008_notes_and_snooze" in have:
            _insert(conn, "notes", {"ticket_id": T1, "text": "Courier called.", "author": "Bo",
                                    "created_at": AT})  # fmt: skip
    return key


def _rows(url: str, sql: str) -> list[tuple[Any, ...]]:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        return [tuple(r) for r in conn.execute(sql).fetchall()]


@pytest.mark.parametrize("applied", range(1, len(schema.MIGRATIONS)))
def test_a_store_of_every_earlier_step_is_upgraded_with_its_data_whole(
    run, pg_url: str, applied: int
) -> None:
    key = _store_at(pg_url, applied)
    shown = run("--db", pg_url, "show", T1, "--json")
    assert shown.exit_code == 0, shown.stderr
    assert _rows(pg_url, "SELECT name FROM _migrations ORDER BY name") == [
        (name,) for name in schema.MIGRATION_NAMES
    ]
    got = json.loads(shown.stdout)
    assert [(m["sender"], m["sent_at"], m["text"]) for m in got["messages"]] == THREAD
    assert [(e["action"], e["agent"]) for e in got["audit_log"]] == [
        ("reply", "Bo" if applied >= 9 else None)
    ]
    assert [(n["text"], n["author"]) for n in got["notes"]] == (
        [("Courier called.", "Bo")] if applied >= 8 else []
    )
    assert _rows(pg_url, "SELECT product, tracking_number, carrier FROM tickets") == [
        ("LED strip", "NEW123456789CN", "China Post")
    ]
    assert _rows(
        pg_url,
        "SELECT tracking_number, carrier, buyer_name, country_code, shipped_at, delivered_at "
        "FROM orders",
    ) == [
        ("NEW123456789CN", "China Post", "Ann Lee", "DE", *(e["event_time"] for e in FULFILLMENT))
    ]
    assert _rows(pg_url, "SELECT count(*) FROM messages WHERE ticket_num IS NOT NULL") == [(2,)]
    assert _rows(pg_url, "SELECT ticket_num IS NOT NULL FROM ticket_orders") == [(True,)]
    # every notify item kept; the key's first is its own, so notify skips the message
    assert _rows(pg_url, "SELECT status, dedup_key, resent FROM outbox ORDER BY id") == [
        ("cancelled", key, 0),
        ("queued", key, 1),
        ("queued", None, 0),
    ]
    again = run("--db", pg_url, "notify", O1, "-m", NOTICE, "--format", "jsonl")
    assert again.exit_code == 0, again.stderr
    assert (json.loads(again.stdout)["status"], json.loads(again.stdout)["outbox_id"]) == (
        "skipped",
        1,
    )
    # and the store takes writes of today's wishdesk
    assert run("--db", pg_url, "config", "get", "merchant.name").stdout == "Acme\n"
    reply = run("--db", pg_url, "reply", T1, "-m", "It left the warehouse.", "--yes")
    assert reply.exit_code == 0, reply.stderr
    assert run("--db", pg_url, "list", "--state", "any", "--format", "tsv").exit_code == 0


def test_apply_stops_after_the_step_asked_for(pg_url: str) -> None:
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as conn:
        assert pg_schema.apply(conn, upto="m002_messages_by_ticket_num") == [
            "m001_initial",
            "m002_messages_by_ticket_num",
        ]
        assert pg_schema.apply(conn, upto="m002_messages_by_ticket_num") == []
        with pytest.raises(ValueError, match="m999"):
            pg_schema.apply(conn, upto="m999")
        assert pg_schema.apply(conn) == list(schema.MIGRATION_NAMES[2:])
