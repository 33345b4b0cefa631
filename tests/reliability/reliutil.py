"""Helpers for the reliability tests: real ``wishdesk`` processes on one store, the fake Wish
API (testkit/wishfake.py) and exact checks of what the store holds."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

from wishfake import TOKEN, Answer, FakeWish  # noqa: E402

from wishdesk.store.bulk import DEFERRABLE_INDEXES  # noqa: E402

NOW = "2026-11-26T07:00:00Z"
BAD_WORDS = ("Traceback", "locked", "internal error")

__all__ = ["NOW", "TOKEN", "FakeWish", "SlowWish"]


class SlowWish(FakeWish):
    """The fake, with a pause before answering ticket listings (so a pull can be killed
    between pages) and an optional pause after recording a reply."""

    def __init__(self, list_delay: float = 0.0) -> None:
        super().__init__()
        self.list_delay = list_delay
        self.shuffle_ties = False

    def handle(
        self, method: str, path: str, query: list[tuple[str, str]], raw: bytes, auth: str
    ) -> Answer:
        answer = super().handle(method, path, query, raw, auth)
        if method == "GET" and path == "/api/v3/tickets":
            answer.delay += self.list_delay
        return answer

    def posts(self) -> dict[str, list[str]]:
        """Ticket id -> every reply text POSTed to it, in order."""
        out: dict[str, list[str]] = {}
        with self.lock:
            calls = list(self.calls)
        for c in calls:
            parts = c.path.strip("/").split("/")
            if c.method == "POST" and len(parts) == 5 and parts[4] == "replies":
                out.setdefault(parts[3], []).append(c.body["message"])
        return out


def cli_env(db: Path, **extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"WISHDESK_DEBUG", "FORCE_COLOR", "WISH_ACCESS_TOKEN"}
    }
    env.update(
        WISHDESK_DB=str(db),
        WISHDESK_NOW=NOW,
        WISHDESK_HOME=str(db.parent / "home"),
        WISH_ACCESS_TOKEN=TOKEN,
        NO_COLOR="1",
        EDITOR="false",
        VISUAL="false",
    )
    env.update(extra)
    return env


def start(
    db: Path, *args: str, stdin: Any = subprocess.DEVNULL, **env: str
) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "wishdesk", *args],
        env=cli_env(db, **env),
        stdin=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wishdesk(db: Path, *args: str, timeout: float = 60, **env: str) -> tuple[int, str, str]:
    proc = start(db, *args, **env)
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


def assert_clean(err: str, what: str = "") -> None:
    for word in BAD_WORDS:
        assert word not in err, f"{what}: {word!r} on stderr:\n{err[-3000:]}"


def connect(db: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(db, timeout=30)
    return conn


def scalar(db: Path, sql: str, params: Sequence[Any] = ()) -> Any:
    conn = connect(db)
    try:
        return conn.execute(sql, params).fetchone()[0]
    finally:
        conn.close()


def rows(db: Path, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    conn = connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def counts(db: Path) -> dict[str, int]:
    if not db.exists():
        return {"tickets": 0, "messages": 0, "orders": 0, "outbox": 0}
    conn = connect(db)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {
            t: (conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] if t in names else 0)
            for t in ("tickets", "messages", "orders", "outbox")
        }
    finally:
        conn.close()


def assert_sound(db: Path) -> None:
    """SQLite's own checks (integrity, foreign keys), the FTS indexes' check, and no
    duplicate message or FTS gap."""
    conn = connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        for fts in ("messages_fts", "tickets_fts"):
            if fts in names:
                conn.execute(f"INSERT INTO {fts}({fts}) VALUES('integrity-check')")
        if "tickets" in names:
            indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            assert set(DEFERRABLE_INDEXES) <= indexes, "an import left without its indexes"
        if "messages" in names:
            dupes = conn.execute(
                "SELECT count(*) FROM (SELECT 1 FROM messages GROUP BY ticket_num, sender, "
                "sent_at, digest HAVING count(*) > 1)"
            ).fetchone()[0]
            assert dupes == 0
            # every committed message is searchable
            indexed = conn.execute("SELECT count(*) FROM messages_fts_docsize").fetchone()[0]
            assert indexed == conn.execute("SELECT count(*) FROM messages").fetchone()[0]
    finally:
        conn.close()


def wait_for(predicate: Any, timeout: float, step: float = 0.005) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return False
