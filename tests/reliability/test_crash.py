"""SIGKILL at varied moments: the store stays sound, a re-run completes, counts are exact."""

from __future__ import annotations

import json
import signal
import time
from pathlib import Path

import pytest
from reliutil import (
    SlowWish,
    assert_clean,
    assert_sound,
    counts,
    rows,
    scalar,
    start,
    wait_for,
    wishdesk,
)
from wishdata import order, ticket, write_jsonl

OPENED = "2026-11-23T08:00:00Z"
IMPORT_TICKETS = 7000
NOTIFY_ORDERS = 3000


def kill(proc, after: float) -> None:  # type: ignore[no-untyped-def]
    """SIGKILL ``proc`` once ``after`` seconds have passed (if it is still running)."""
    try:
        proc.wait(timeout=after)
    except Exception:
        proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)


@pytest.fixture(scope="module")
def big_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("crash") / "big.jsonl"
    return write_jsonl(
        path,
        (
            ticket(
                f"6f{i:022d}",
                opened_at=OPENED,
                replies=[
                    ("USER", OPENED, f"Where is my parcel number {i}? ¿Dónde está?"),
                    ("MERCHANT", "2026-11-23T09:00:00Z", f"It is on its way, parcel {i}."),
                    ("USER", "2026-11-24T08:00:00Z", f"Still nothing for {i}."),
                ],
            )
            for i in range(IMPORT_TICKETS)
        ),
    )


@pytest.mark.parametrize("after", [0.2, 0.5, 1.0])
def test_import_killed(tmp_path: Path, big_file: Path, after: float) -> None:
    db = tmp_path / "store.db"
    code, _, err = wishdesk(db, "init")
    assert code == 0, err
    kill(start(db, "import", str(big_file)), after)
    assert_sound(db)
    # one file is one transaction: all of it or nothing
    assert counts(db)["tickets"] in (0, IMPORT_TICKETS)
    code, _out, err = wishdesk(db, "import", str(big_file))
    assert code == 0, err
    assert_clean(err)
    assert counts(db) == {
        "tickets": IMPORT_TICKETS,
        "messages": 3 * IMPORT_TICKETS,
        "orders": 0,
        "outbox": 0,
    }
    assert_sound(db)
    # the search index holds every message exactly once
    assert scalar(db, "SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'nothing'") == (
        IMPORT_TICKETS
    )


@pytest.mark.parametrize("after", [0.35, 0.7])
def test_notify_killed(tmp_path: Path, after: float) -> None:
    db = tmp_path / "store.db"
    ids = [f"c{i:023d}" for i in range(NOTIFY_ORDERS)]
    code, _, err = wishdesk(
        db, "import", str(write_jsonl(tmp_path / "o.jsonl", [order(o) for o in ids]))
    )
    assert code == 0, err
    (tmp_path / "ids.txt").write_text("\n".join(ids) + "\n")
    command = (
        "notify",
        "--orders-file",
        str(tmp_path / "ids.txt"),
        "-m",
        "Order {order_id} is delayed, sorry.",
        "--format",
        "jsonl",
    )
    kill(start(db, *command), after)
    assert_sound(db)
    done = counts(db)["outbox"]
    assert done % 500 == 0 or done == NOTIFY_ORDERS  # batches commit whole
    code, out, err = wishdesk(db, *command)
    assert code == 0, err
    assert_clean(err)
    statuses = [json.loads(line)["status"] for line in out.splitlines()]
    assert statuses.count("skipped") == done
    assert statuses.count("queued") == NOTIFY_ORDERS - done
    assert rows(db, "SELECT count(*), count(DISTINCT order_id) FROM outbox") == [
        (NOTIFY_ORDERS, NOTIFY_ORDERS)
    ]
    assert_sound(db)


@pytest.mark.parametrize("requests", [2, 5])
def test_pull_killed(tmp_path: Path, requests: int) -> None:
    db = tmp_path / "store.db"
    total = 3000  # six pages of 500
    wish = SlowWish(list_delay=0.05).start()
    try:
        for i in range(total):
            at = f"2026-11-25T{i // 3600:02d}:{i // 60 % 60:02d}:{i % 60:02d}Z"
            wish.add_ticket(ticket(f"7a{i:022d}", opened_at=OPENED, updated_at=at))
        proc = start(db, "sync", "--base-url", wish.url, "--no-push")
        assert wait_for(lambda: wish.count >= requests, 30)
        time.sleep(0.03)  # and a little more: into the write of a page
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=30)
        if db.exists():
            assert_sound(db)
        partial = counts(db)["tickets"]
        # pages commit whole; each page after the first starts at (and re-reads) the last
        # updated_at of the one before
        assert partial < total and (partial == 0 or (partial - 500) % 499 == 0), partial
        code, _out, err = wishdesk(db, "sync", "--base-url", wish.url, "--no-push")
    finally:
        wish.stop()
    assert code == 0, err
    assert_clean(err)
    assert counts(db)["tickets"] == total and counts(db)["messages"] == total
    assert_sound(db)


@pytest.mark.parametrize("posts", [1, 6, 13])
def test_push_killed(tmp_path: Path, posts: int) -> None:
    """Kill `sync` while Wish is answering its N-th reply: every reply arrives exactly once."""
    db = tmp_path / "store.db"
    n = 16
    tickets = [f"5c{i:022d}" for i in range(n)]
    orders = [f"f{i:023d}" for i in range(n)]
    seed = [order(o) for o in orders]
    seed += [ticket(t, opened_at=OPENED, orders=[o]) for t, o in zip(tickets, orders, strict=True)]
    code, _, err = wishdesk(db, "import", str(write_jsonl(tmp_path / "seed.jsonl", seed)))
    assert code == 0, err
    code, _, err = wishdesk(db, "notify", *orders, "-m", "Hello, order {order_id} has shipped.")
    assert code == 0, err
    assert scalar(db, "SELECT count(*) FROM outbox WHERE kind = 'reply'") == n
    wish = SlowWish().start()
    try:
        wish.reply_delay = 0.2  # the reply is recorded, the answer is slow: die in between
        for t, o in zip(tickets, orders, strict=True):
            wish.add_ticket(ticket(t, opened_at=OPENED, orders=[o]))
            wish.add_order(order(o))
        proc = start(db, "sync", "--base-url", wish.url, "--no-pull")
        assert wait_for(lambda: sum(map(len, wish.posts().values())) >= posts, 60)
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=30)
        assert_sound(db)
        wish.reply_delay = 0.0
        code, _out, err = wishdesk(db, "sync", "--base-url", wish.url)
        assert code == 0, err
        assert_clean(err)
        received = wish.posts()
    finally:
        wish.stop()
    # every reply reached Wish exactly once, and the outbox knows it
    assert sorted(received) == sorted(tickets)
    assert all(len(texts) == 1 for texts in received.values()), received
    assert rows(db, "SELECT status, count(*) FROM outbox GROUP BY status") == [("sent", n)]
    # the pull after the push brought Wish's copies: one merchant message per ticket
    assert scalar(db, "SELECT count(*) FROM messages WHERE sender = 'MERCHANT'") == n
    assert counts(db)["messages"] == 2 * n
    assert_sound(db)
