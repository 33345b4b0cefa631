"""Inbox benchmarks on a demo store: list, overdue, start-up and the Chinese catalog, each
against a peer.

    python bench/inbox_bench.py [--tickets 100000]

Peers, measured in the same run on the same file: ``sqlite-utils query`` running the
equivalent SELECT (tsv output), and ``python -c "import typer"`` for start-up.
Targets: `wishdesk --version` at most 1.2x `python -c "import typer"`; `list --format tsv`
(the default view) at most 0.8x `sqlite-utils query`; overdue at or below 1.0x. The cost of
the catalog: the same human screen (the inbox table, the root help) with ``LANG=zh_CN.UTF-8``
against ``LANG=C.UTF-8`` (deciding the language, reading the .mo, translating): at most 5 ms.
"""

from __future__ import annotations

import argparse
import sys

from harness import HEADER, NOW, demo_store, measure, row, tool

LIST_COLUMNS = (
    "id, state, reason, reason_source, subject, buyer_name, buyer_locale, order_ids, "
    "opened_at, updated_at, awaiting_since, due_at, escalates_at, "
    "due_at < '{now}' AS overdue, escalates_at < '{now}' AS escalated, last_message, "
    "product, tracking_number, carrier"
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=100_000)
    args = parser.parse_args()
    db = str(demo_store(args.tickets))
    wishdesk, sqlite_utils = tool("wishdesk"), tool("sqlite-utils")
    cols = LIST_COLUMNS.format(now=NOW)
    default_view = (
        f"SELECT {cols} FROM tickets WHERE state = 'AWAITING_MERCHANT' "
        "ORDER BY due_at IS NULL, due_at, opened_at, id LIMIT 50"
    )
    all_open = default_view.replace(" LIMIT 50", "")
    overdue = (
        f"SELECT {cols} FROM tickets WHERE state = 'AWAITING_MERCHANT' AND "
        f"(due_at <= '{NOW}' OR escalates_at <= '{NOW}') "
        "ORDER BY due_at IS NULL, due_at, opened_at, id"
    )
    print(f"\n{args.tickets:,} tickets ({db})\n")
    print(HEADER)
    pairs = [
        (
            "list (default view, 50)",
            [wishdesk, "--db", db, "list", "--format", "tsv"],
            [sqlite_utils, "query", db, default_view, "--tsv", "--no-headers"],
        ),
        (
            "list --limit 0 (all awaiting)",
            [wishdesk, "--db", db, "list", "--limit", "0", "--format", "tsv"],
            [sqlite_utils, "query", db, all_open, "--tsv", "--no-headers"],
        ),
        (
            "overdue",
            [wishdesk, "--db", db, "overdue", "--format", "tsv"],
            [sqlite_utils, "query", db, overdue, "--tsv", "--no-headers"],
        ),
        ("start-up (--version)", [wishdesk, "--version"], [sys.executable, "-c", "import typer"]),
    ]
    for label, ours_cmd, peer_cmd in pairs:
        ours, peer = measure(ours_cmd), measure(peer_cmd)
        peer_label = (
            "python -c 'import typer'" if "import typer" in peer_cmd else "sqlite-utils query"
        )
        print(row(label, ours, peer, peer_label))
    for label, cmd in (
        ("inbox table, zh", [wishdesk, "--db", db, "list", "--format", "table", "-n", "20"]),
        ("root help, zh", [wishdesk, "--help"]),
    ):
        catalog_cost(label, cmd)


def catalog_cost(label: str, cmd: list[str]) -> None:
    """The same screen in Chinese and in English, interleaved, best of 11 each."""
    chinese = english = None
    for _ in range(11):
        zh = measure(cmd, repeat=1, env={"LANG": "zh_CN.UTF-8", "COLUMNS": "100"})
        en = measure(cmd, repeat=1, env={"LANG": "C.UTF-8", "COLUMNS": "100"})
        chinese = zh if chinese is None or zh.seconds < chinese.seconds else chinese
        english = en if english is None or en.seconds < english.seconds else english
    assert chinese is not None and english is not None
    extra = (chinese.seconds - english.seconds) * 1000
    print(row(f"{label} (catalog {extra:+.1f} ms)", chinese, english, "the same, LANG=C.UTF-8"))


if __name__ == "__main__":
    main()
