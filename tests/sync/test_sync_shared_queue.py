"""Syncs that share a PostgreSQL store share its queue: each outbox item is claimed by one of
them (``FOR UPDATE SKIP LOCKED``) and held while it is sent, so two pushes at once send every
item exactly once and neither waits for the other's requests; an item another live sync is
sending is left to it; what PostgreSQL undoes to break a conflict is run again by the store."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections import Counter
from typing import Any
from urllib.parse import urlsplit

import pytest
from wishdata import ticket
from wishfake import TOKEN, running

AT = "2026-11-26T06:00:00Z"
ITEMS = 120


def tid(n: int) -> str:
    return f"5f{n:022x}"


def _queue(url: str, count: int) -> list[int]:
    """A store holding ``count`` tickets awaiting the merchant, one queued reply each."""
    from wishdesk.domain.wish import parse_ticket
    from wishdesk.services.tickets import writer
    from wishdesk.store import outbox
    from wishdesk.store.pg import open_pg_store

    store = open_pg_store(url, create=True)
    try:
        with store.transaction():
            write = writer(store)
            ids = []
            for n in range(count):
                write.write_ticket(parse_ticket(ticket(tid(n))))
                body = f"Reply number {n}: your parcel is on its way."
                ids.append(outbox.add(store, kind="reply", ticket_id=tid(n), order_id=None,
                                      body=body, at=AT))  # fmt: skip
        return ids
    finally:
        store.close()


def _statuses(url: str) -> list[tuple[Any, ...]]:
    import psycopg

    with psycopg.connect(url) as conn:
        return conn.execute(
            "SELECT status, attempts, count(*) FROM outbox GROUP BY 1, 2"
        ).fetchall()


def _sync(url: str, base: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "WISHDESK_DB": url, "WISH_ACCESS_TOKEN": TOKEN}
    env["WISHDESK_NOW"] = "2026-11-26T07:00:00Z"
    return subprocess.Popen(
        [sys.executable, "-m", "wishdesk", "sync", "--base-url", base, *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_pushes_at_once_send_every_item_exactly_once(pg_url: str) -> None:
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as conn:  # the store pins its own level
        conn.execute(
            f'ALTER DATABASE "{urlsplit(pg_url).path.lstrip("/")}" '
            "SET default_transaction_isolation = 'serializable'"
        )
    _queue(pg_url, ITEMS)
    with running() as wish:
        for n in range(ITEMS):
            wish.add_ticket(ticket(tid(n)))
        wish.latency = 0.02  # each reply takes a while: the two pushes overlap
        procs = [_sync(pg_url, wish.url, "--no-pull") for _ in range(2)]
        outputs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err for _, err in outputs]
    assert [err for _, err in outputs] == ["", ""]
    posted = Counter(c.path for c in wish.calls if c.method == "POST")
    assert len(posted) == ITEMS and set(posted.values()) == {1}  # every item, once
    sent = [int(re.search(r"outbox: (\d+) sent", out)[1]) for out, _ in outputs]  # type: ignore[index]
    assert sum(sent) == ITEMS and min(sent) > 0, sent  # both took their share
    replies = [n for path, n in wish.arrivals if path.endswith("/replies")]
    assert max(replies) == 2  # sending at the same moment: neither waited for the other
    assert _statuses(pg_url) == [("sent", 1, ITEMS)]


def test_an_item_another_live_sync_is_sending_is_left_to_it(pg_url, run, monkeypatch) -> None:
    from wishdesk.store import outbox
    from wishdesk.store.pg import open_pg_store

    (item,) = _queue(pg_url, 1)
    monkeypatch.setenv("WISH_ACCESS_TOKEN", TOKEN)
    with running() as wish:
        wish.add_ticket(ticket(tid(0)))
        holder = open_pg_store(pg_url)
        assert outbox.claim(holder, item, AT)  # a sync that is sending it right now
        result = run("--db", pg_url, "sync", "--no-pull", "--base-url", wish.url)
        assert (result.exit_code, result.stdout) == (0, "outbox: 0 sent, 0 failed, 0 manual\n")
        assert wish.calls == []  # not even looked at on Wish
        other = open_pg_store(pg_url)
        assert outbox.claim(other, item, AT) is False  # nor claimed by another
        other.close()
        holder.close()  # that sync died: its connection, and its hold on the item, are gone
        result = run("--db", pg_url, "sync", "--no-pull", "--base-url", wish.url)
        assert result.exit_code == 0, result.stderr
        # Judged as a crash: not on the ticket at Wish, so queued again, then sent once.
        assert result.stdout == "outbox: 1 sent, 0 failed, 0 manual, 1 queued again\n"
        assert [c.method for c in wish.calls] == ["GET", "POST"]
    assert _statuses(pg_url) == [("sent", 2, 1)]


def test_a_claim_passes_over_an_item_another_transaction_holds(pg_url: str) -> None:
    from wishdesk.store import outbox
    from wishdesk.store.pg import open_pg_store

    first, second = _queue(pg_url, 2)
    writer, syncer = open_pg_store(pg_url), open_pg_store(pg_url)
    try:
        with writer.transaction():  # as `outbox cancel` reads the item it may cancel
            assert outbox.get(writer, first, lock=True) is not None
            started = time.monotonic()
            assert outbox.claim(syncer, first, AT) is False  # passed over, not waited for
            assert outbox.claim(syncer, second, AT) is True  # the next one is free
            assert time.monotonic() - started < 1
        assert outbox.claim(syncer, first, AT) is True  # free again once that one ended
    finally:
        writer.close()
        syncer.close()


RAISE = "DO $$ BEGIN RAISE EXCEPTION 'could not serialize access' USING ERRCODE = '{code}'; END $$"


@pytest.mark.parametrize("code", ["40001", "40P01"])  # serialization_failure, deadlock_detected
def test_what_postgresql_undoes_is_run_again(pg_url: str, code: str) -> None:
    from wishdesk.store.pg import open_pg_store

    store = open_pg_store(pg_url, create=True)
    tries: list[int] = []

    def work(conn: Any) -> str:
        tries.append(1)
        conn.execute("INSERT INTO settings (key, value) VALUES (?, ?)", (f"k{len(tries)}", "v"))
        if len(tries) < 3:
            conn.execute(RAISE.format(code=code))
        return "done"

    try:
        assert store.retrying(work) == "done"
        assert len(tries) == 3
        # The undone attempts left nothing behind.
        assert store.all("SELECT key FROM settings WHERE key LIKE 'k%' ORDER BY key") == [("k3",)]
    finally:
        store.close()


def test_a_store_too_busy_to_retry_says_so_in_one_line(pg_url, monkeypatch) -> None:
    from wishdesk.errors import StoreError
    from wishdesk.store import pg

    monkeypatch.setattr(pg, "RETRIES", 3)
    monkeypatch.setattr(pg.time, "sleep", lambda _: None)
    store = pg.open_pg_store(pg_url, create=True)
    try:
        with pytest.raises(StoreError) as caught:
            store.retrying(lambda conn: conn.execute(RAISE.format(code="40001")))
    finally:
        store.close()
    text = caught.value.message
    assert "stayed too busy" in text and "serialize" not in text and "\n" not in text
