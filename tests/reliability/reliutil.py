"""Helpers for the reliability tests: real ``wishdesk`` processes on one store, the fake Wish
API (testkit/wishfake.py) and exact checks of what the store holds."""

from __future__ import annotations

import contextlib
import gc
import itertools
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner, Result

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

from wishfake import TOKEN, Answer, FakeWish  # noqa: E402

from wishdesk.store.bulk import DEFERRABLE_INDEXES  # noqa: E402

NOW = "2026-11-26T07:00:00Z"
BAD_WORDS = ("Traceback", "locked", "internal error")

__all__ = ["NOW", "TOKEN", "FakeWish", "GatedWish", "SlowWish"]


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


class GatedWish(FakeWish):
    """The fake, holding its answer to the first ticket listing until ``release()``: a test
    knows the pull has started (``listed`` is set) and can act before the page arrives."""

    def __init__(self) -> None:
        super().__init__()
        self.listed = threading.Event()
        self._gate = threading.Event()

    def release(self) -> None:
        self._gate.set()

    def handle(
        self, method: str, path: str, query: dict[str, list[str]], body: Any, auth: str
    ) -> tuple[int, Any, dict[str, str], float]:
        if method == "GET" and path == "/api/v3/tickets":
            self.listed.set()
            self._gate.wait(60)
        return super().handle(method, path, query, body, auth)


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


# Hostile input ------------------------------------------------------------------------------
HOSTILE = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)


def fresh_copy(template: Path, workdir: Path) -> Path:
    target = Path(tempfile.mkdtemp(dir=workdir)) / "store.db"
    shutil.copy(template, target)
    return target


MAX_LINE = 2000  # a "one-line message" that echoes a multi-megabyte field is not one


def invoke(db: Path, args: list[str], input: str | bytes | None = None) -> Result:
    """The real CLI in this process (CliRunner), on ``db``, with the clock frozen."""
    from wishdesk.cli.app import app

    env = {
        "WISHDESK_DB": str(db),
        "WISHDESK_HOME": str(db.parent / "home"),
        "WISHDESK_NOW": NOW,
        "WISHDESK_DEBUG": "",
        "WISH_ACCESS_TOKEN": "",
        "NO_COLOR": "1",
        "EDITOR": "false",
        "VISUAL": "false",
        "COLUMNS": "120",
    }
    return CliRunner().invoke(app, args, input=input, env=env, catch_exceptions=False)


def assert_no_crash(result: Result, codes: set[int]) -> None:
    """A documented exit code; no traceback, no "internal error", no endless line."""
    err = result.stderr
    assert result.exit_code in codes, (result.exit_code, err[-2000:])
    assert "Traceback" not in err + result.stdout
    assert "internal error" not in err, err[-2000:]
    for line in err.splitlines():
        assert len(line) <= MAX_LINE, f"stderr line of {len(line)} characters: {line[:200]}..."


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


# Barriers between processes -----------------------------------------------------------------
def waiting_for_lock(proc: subprocess.Popen[str]) -> bool:
    """Is the process asleep in SQLite's busy handler, waiting for the write lock? (Linux:
    its kernel wait channel; wishdesk sleeps nowhere else.)"""
    try:
        return "nanosleep" in Path(f"/proc/{proc.pid}/wchan").read_text()
    except OSError:
        return False


def wait_until_waiting_for_lock(*procs: subprocess.Popen[str], timeout: float = 30) -> None:
    if not Path(f"/proc/{os.getpid()}/wchan").exists():
        pytest.skip("needs /proc/PID/wchan (Linux) to see a process wait for the lock")
    for proc in procs:
        if not wait_for(lambda p=proc: waiting_for_lock(p) or p.poll() is not None, timeout):
            raise AssertionError(f"process {proc.pid} never waited for the write lock")
        assert proc.poll() is None, proc.communicate()


@contextlib.contextmanager
def write_lock(db: Path) -> Iterator[sqlite3.Connection]:
    """Hold the store's write lock (``BEGIN IMMEDIATE``) until the block ends; what the block
    writes on the yielded connection commits as it ends."""
    conn = sqlite3.connect(db, timeout=30, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        yield conn
        conn.execute("COMMIT")
    finally:
        conn.close()


@contextlib.contextmanager
def tmpfs(path: Path, size: str) -> Iterator[Path]:
    """A small tmpfs at ``path`` (a full disk on demand); skipped unless running as root."""
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root: the disk-full case runs only as root")
    path.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(path)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def remount(path: Path, options: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{options}", str(path)], check=True)


# Cost in time -------------------------------------------------------------------------------
GROWTH = 10  # how much longer the long input is
ALLOWED = 12.0  # ... and how much more it may cost: linear, with room for noise
SLACK = 0.03  # seconds: what the clock itself cannot tell apart on a loaded machine


def repeated(phrase: str, size: int) -> str:
    return (phrase * (size // max(1, len(phrase)) + 1))[:size]


def cpu_cost(fn: Callable[[], object], runs: int) -> float:
    """The least CPU time (this process only, so other load counts less) of ``runs`` calls."""
    costs = []
    for _ in range(runs):
        gc.collect()
        began = time.process_time()
        fn()
        costs.append(time.process_time() - began)
    return min(costs)


def assert_grows_linearly(
    small: Callable[[], object], large: Callable[[], object], what: str
) -> None:
    """``large`` (``GROWTH`` times the input of ``small``) costs at most ``ALLOWED`` times
    what ``small`` costs; measured twice before failing: a load spike is not a quadratic
    parser."""
    ratios = []
    for _ in range(2):
        short, long = cpu_cost(small, 3), cpu_cost(large, 2)
        if long <= ALLOWED * short + SLACK:
            return
        ratios.append(f"{short:.4f}s -> {long:.4f}s ({long / max(short, 1e-6):.1f}x)")
    raise AssertionError(f"{what}: " + ", ".join(ratios))


def assert_linear(fn: Callable[[str], object], phrase: str, size: int = 10_000) -> None:
    """``fn`` on ``phrase`` repeated to ``GROWTH`` times ``size`` characters costs at most
    ``ALLOWED`` times what it costs on ``size`` characters. Each call gets a copy of the
    text with another first character, so that no cache keyed on the text carries over."""
    fn(phrase * 3)  # regexes compiled, caches of the words filled
    calls = itertools.count()

    def on(text: str) -> Callable[[], object]:
        return lambda: fn("\u2007xyz"[next(calls) % 4] + text[1:])

    assert_grows_linearly(
        on(repeated(phrase, size)),
        on(repeated(phrase, size * GROWTH)),
        f"{size} -> {size * GROWTH} characters of {phrase[:40]!r}",
    )
