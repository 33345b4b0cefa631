"""The PostgreSQL test infrastructure itself: the cluster starts, every test gets a database
of its own, and no server outlives the process that started it."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pgserver
import pytest

TESTKIT = Path(__file__).resolve().parent.parent / "testkit"


def _tables(url: str) -> list[str]:
    import psycopg

    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
        ).fetchall()
    return [row[0] for row in rows]


def test_each_test_gets_a_fresh_empty_database(pg_url: str, pg_server: str) -> None:
    import psycopg

    assert pg_url != pg_server
    assert _tables(pg_url) == []
    with psycopg.connect(pg_url) as conn:
        conn.execute("CREATE TABLE mark (x int)")
    assert _tables(pg_url) == ["mark"]


def test_a_second_test_does_not_see_the_first_ones_tables(pg_url: str) -> None:
    assert _tables(pg_url) == []


def test_the_database_is_dropped_after_the_test(pg_server: str) -> None:
    import psycopg
    from pgfixtures import with_database

    # the fixture's own steps, as the test run takes them
    name = "wdtest_dropcheck"
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
        with psycopg.connect(with_database(pg_server, name)) as conn:
            conn.execute("SELECT 1")
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        left = admin.execute("SELECT datname FROM pg_database WHERE datname LIKE 'wdtest_%'")
        assert name not in [row[0] for row in left.fetchall()]


@pytest.mark.skipif(not pgserver.available(), reason="PostgreSQL is not installed")
def test_a_cluster_is_stopped_and_removed_even_when_nobody_stops_it() -> None:
    """A process that starts a cluster and exits without a word leaves no server running
    and no directory behind (the atexit hook)."""
    script = (
        "import pgserver, psycopg\n"
        "c = pgserver.start()\n"
        "psycopg.connect(c.url).execute('SELECT 1')\n"
        "print(c.pid(), c.root)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=TESTKIT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    pid_text, root = done.stdout.split()
    pid = int(pid_text)
    deadline = time.monotonic() + 10
    while pgserver.alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not pgserver.alive(pid)
    assert not Path(root).exists()


@pytest.mark.skipif(not pgserver.available(), reason="PostgreSQL is not installed")
def test_stop_ends_the_server_and_can_be_called_twice() -> None:
    cluster = pgserver.start(stop_at_exit=False)
    try:
        pid = cluster.pid()
        assert pid is not None and pgserver.alive(pid)
    finally:
        pgserver.stop(cluster)
    pgserver.stop(cluster)
    assert cluster.pid() is None
    assert not pgserver.alive(pid)
    assert not cluster.root.exists()
