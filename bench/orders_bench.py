"""The orders listing on a demo store of about 100,000 orders, against a peer.

    python bench/orders_bench.py [--tickets 94000]

Peer, measured in the same run on the same file, taking turns: ``sqlite-utils query``
running the SELECT ``wishdesk orders --late-delivery --format tsv`` runs (the same text
cells, filters and order, the open tickets included; only the carriers' tracking pages,
which wishdesk asks a Python function for, are missing from it), tsv output. Target: at or
below 1.0x, for the default (all, in tsv) and for ``-n 50``.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from harness import HEADER, NOW, Timing, demo_store, measure, row, tool

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

TICKETS = 94_000  # about 100,000 orders: the demo makes some 1.06 orders a ticket


def pairs(db: str, wishdesk: str, su: str) -> Iterator[tuple[str, list[str], list[str]]]:
    """(label, our command, the peer's command) for the late-delivery listing."""
    from wishdesk.clock import parse_time
    from wishdesk.services.orders import OrdersRequest, orders_query
    from wishdesk.store.order_listing import list_sql

    now = parse_time(NOW)
    for limit, label in ((0, "orders --late-delivery (all)"), (50, "orders --late-delivery -n 50")):
        query = orders_query(OrdersRequest(late_delivery=True, limit=limit), now)
        sql, params = list_sql(query, NOW, text=True)
        peer_sql = sql
        for value in params:  # the values inlined, as a person would type them
            peer_sql = peer_sql.replace(
                "?", f"'{value}'" if isinstance(value, str) else str(value), 1
            )
        ours = [wishdesk, "--db", db, "orders", "--late-delivery", "--format", "tsv"]
        if limit:
            ours += ["--limit", str(limit)]
        yield label, ours, [su, "query", db, peer_sql, "--tsv", "--no-headers"]


def orders_in(db: str) -> int:
    return int(sqlite3.connect(db).execute("SELECT count(*) FROM orders").fetchone()[0])


def interleaved(ours: list[str], peer: list[str], repeat: int = 7) -> tuple[Timing, Timing]:
    """Best of ``repeat`` runs each, taking turns: on a shared machine a load that comes
    and goes weighs on both alike."""
    runs = [(measure(ours, repeat=1), measure(peer, repeat=1)) for _ in range(repeat)]
    best = [min((r[i] for r in runs), key=lambda t: t.seconds) for i in (0, 1)]
    peak = max(r[0].peak_mb for r in runs)
    return Timing(best[0].seconds, peak), best[1]


def run_pairs(db: str) -> list[tuple[str, Timing, Timing]]:
    wishdesk, su = tool("wishdesk"), tool("sqlite-utils")
    return [(label, *interleaved(ours, peer)) for label, ours, peer in pairs(db, wishdesk, su)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=TICKETS)
    args = parser.parse_args()
    db = str(demo_store(args.tickets))
    late = sqlite3.connect(db).execute(
        "SELECT count(*) FROM orders WHERE state IN ('APPROVED', 'SHIPPED') AND "
        f"delivered_at IS NULL AND expected_delivery_at < '{NOW}'"
    )
    print(f"\n{orders_in(db):,} orders, {late.fetchone()[0]:,} late to deliver ({db}), "
          f"{datetime.now():%Y-%m-%d}\n")  # fmt: skip
    print(HEADER)
    for label, ours, peer in run_pairs(db):
        print(row(label, ours, peer, "sqlite-utils query"), f"{ours.peak_mb:.0f} MB", flush=True)


if __name__ == "__main__":
    main()
