#!/usr/bin/env python3
"""A pull of 1,000 tickets that reference 1,000 orders, with 50 ms added to every answer of
the fake Wish API: `sync --concurrency 1` (one request at a time, as before) against the
default pool, side by side in one run, and a check that both leave the same store.

    .venv/bin/python bench/sync_bench.py [--tickets N] [--latency SECONDS]

The fake runs here without checking requests against the OpenAPI document (the tests do
that for the same requests): the figure is the client's, not the validator's.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # wishdata factories
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "testkit"))  # the fake Wish API

from harness import DATA, measure, tool
from wishdata import order, ticket
from wishfake import FakeWish

QUERIES = (
    "SELECT * FROM orders ORDER BY id",
    "SELECT id, state, reason, awaiting_since, due_at, order_ids, message_count FROM tickets "
    "ORDER BY id",
    "SELECT ticket_id, order_id, position FROM ticket_orders ORDER BY ticket_id, order_id",
)


def store_rows(db: Path) -> list[list[tuple[object, ...]]]:
    conn = sqlite3.connect(db)
    try:
        return [conn.execute(q).fetchall() for q in QUERIES]
    finally:
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tickets", type=int, default=1000)
    parser.add_argument("--latency", type=float, default=0.05)
    args = parser.parse_args()
    wishdesk = tool("wishdesk")
    DATA.mkdir(parents=True, exist_ok=True)
    fake = FakeWish(validate=False)
    for n in range(args.tickets):
        order_id = f"a2{n:022x}"
        fake.add_order(order(order_id, tracking=f"LZ{n:09d}CN"))
        stamp = f"2026-11-25T{n // 3600 % 24:02d}:{n // 60 % 60:02d}:{n % 60:02d}Z"
        fake.add_ticket(ticket(f"5a{n:022x}", updated_at=stamp, orders=[order_id]))
    fake.latency = args.latency
    fake.start()
    results = {}
    try:
        for label, extra in (("--concurrency 1", ["--concurrency", "1"]), ("default (8)", [])):
            db = DATA / f"sync-{extra[-1] if extra else 'default'}.db"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
            cmd = [wishdesk, "--db", str(db), "sync", "--no-push", "--base-url", fake.url, *extra]
            timing = measure(
                cmd,
                repeat=1,
                env={"WISH_ACCESS_TOKEN": fake.token, "WISHDESK_HOME": str(DATA / "home")},
            )
            results[label] = (timing, store_rows(db))
            print(
                f"  sync pull {label:<16} {timing.seconds:7.2f} s  {timing.peak_mb:5.0f} MB",
                flush=True,
            )
    finally:
        fake.stop()
    (serial, serial_rows), (pooled, pooled_rows) = results.values()
    same = serial_rows == pooled_rows
    print(
        f"\n{args.tickets:,} tickets / {args.tickets:,} orders, {args.latency * 1000:.0f} ms "
        f"per answer: {serial.seconds:.1f} s one at a time, {pooled.seconds:.1f} s pooled, "
        f"{serial.seconds / pooled.seconds:.1f}x faster; same store: {same}"
    )
    if not same:
        raise SystemExit("bench: the two pulls left different stores")


if __name__ == "__main__":
    main()
