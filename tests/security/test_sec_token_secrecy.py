"""The Wish access token never reaches the store, stdout/stderr or --debug output.

The fake API echoes the token in its error messages and in ``Wish-Request-Id`` (a hostile or
buggy server); every sync outcome is tried: success, 401, 500, timeout, unreachable or
malformed base URL, each with and without ``--debug``.
"""

from __future__ import annotations

import socket
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from wishdata import ticket
from wishfake import TOKEN, FakeWish, Scripted

T1 = "5f0000000000000000000001"
ECHO = {"code": 1015, "message": f"token {TOKEN} is not valid (Bearer {TOKEN})"}
ECHO_HEADERS = {"Wish-Request-Id": f"req-{TOKEN}"}


def store_text(db: Path) -> str:
    """Every byte of the store files, and every row of every table, as text."""
    raw = b"".join(p.read_bytes() for p in db.parent.glob(db.name + "*") if p.is_file())
    conn = sqlite3.connect(db)
    try:
        dump = "\n".join(conn.iterdump())
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        rows = [repr(conn.execute(f'SELECT * FROM "{t}"').fetchall()) for t in tables]
    finally:
        conn.close()
    return raw.decode("latin-1") + dump + "\n".join(rows)


def assert_secret(result, db: Path) -> None:
    for text in (result.stdout, result.stderr):
        assert TOKEN not in text
        assert TOKEN[:12] not in text  # not even a prefix of it
    if db.exists():
        assert TOKEN not in store_text(db)
        assert TOKEN.encode("utf-16-le").decode("latin-1") not in store_text(db)


@pytest.fixture
def queued(run, wish: FakeWish, db_path: Path, tmp_path: Path) -> int:
    from syncutil import queue_item

    wish.add_ticket(ticket(T1, updated_at="2026-11-25T10:00:00Z"))
    return queue_item(db_path, "reply", T1, "Hello, your parcel left today.")


@pytest.fixture
def silent_server() -> Iterator[str]:
    """Accepts connections and never answers: every request times out."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        sock.close()


def sync(run, db: Path, url: str, *args: str, debug: bool, token_file: Path | None = None):
    pre = ("--debug",) if debug else ()
    auth = ("--token-file", str(token_file)) if token_file else ()
    env = {} if token_file else {"WISH_ACCESS_TOKEN": TOKEN}
    return run(*pre, "--db", str(db), "sync", "--base-url", url, *auth, *args, **env)


DEBUG = pytest.mark.parametrize("debug", [False, True], ids=["plain", "debug"])


@DEBUG
def test_success(run, wish, queued, db_path, no_sleep, debug, tmp_path) -> None:
    token_file = tmp_path / "token"
    token_file.write_text(TOKEN + "\n")
    result = sync(run, db_path, wish.url, debug=debug, token_file=token_file)
    assert result.exit_code == 0, result.stderr
    assert "1 sent" in result.stdout
    assert_secret(result, db_path)


@DEBUG
@pytest.mark.parametrize("where", ["push", "pull"])
def test_401_echoing_the_token(run, wish, queued, db_path, no_sleep, debug, where) -> None:
    path = (
        ("POST", f"/api/v3/tickets/{T1}/replies") if where == "push" else ("GET", "/api/v3/tickets")
    )
    wish.queue(*path, Scripted(401, ECHO, ECHO_HEADERS))
    args = () if where == "push" else ("--no-push",)
    result = sync(run, db_path, wish.url, *args, debug=debug)
    assert result.exit_code == 2
    assert "[token]" in result.stderr  # Wish's message is shown, the token is not
    assert_secret(result, db_path)


@DEBUG
@pytest.mark.parametrize("method", ["POST", "GET"])
def test_500_echoing_the_token(run, wish, queued, db_path, no_sleep, debug, method) -> None:
    answers = [Scripted(500, ECHO, ECHO_HEADERS)] * 10
    if method == "POST":
        wish.queue("POST", f"/api/v3/tickets/{T1}/replies", *answers)
        wish.queue("GET", f"/api/v3/tickets/{T1}", *answers)
        args: tuple[str, ...] = ()
    else:
        wish.queue("GET", "/api/v3/tickets", *answers)
        args = ("--no-push",)
    result = sync(run, db_path, wish.url, *args, debug=debug)
    assert result.exit_code == 2
    assert_secret(result, db_path)


@DEBUG
def test_200_with_an_error_code_echoing_the_token(run, wish, queued, db_path, no_sleep, debug):
    # Off the document on purpose: an error code in a 200 answer.
    wish.queue(
        "POST", f"/api/v3/tickets/{T1}/replies", Scripted(200, ECHO, ECHO_HEADERS, valid=False)
    )
    result = sync(run, db_path, wish.url, debug=debug)
    assert_secret(result, db_path)


@DEBUG
def test_timeouts(run, silent_server, queued, db_path, no_sleep, debug) -> None:
    result = sync(run, db_path, silent_server, "--timeout", "0.05", debug=debug)
    assert result.exit_code == 2
    assert_secret(result, db_path)


@DEBUG
def test_reply_timeout_then_check(run, wish, queued, db_path, no_sleep, debug) -> None:
    wish.reply_delay = 0.5
    result = sync(run, db_path, wish.url, "--timeout", "0.1", debug=debug)
    assert_secret(result, db_path)


@DEBUG
@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:1",
        "http://[::1",
        "https://",
        "http://exa mple.com",
        "ftp://x",
        "http://\x00",
    ],
)
def test_bad_base_urls(run, queued, db_path, no_sleep, debug, url) -> None:
    result = sync(run, db_path, url, debug=debug)
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr or debug
    assert_secret(result, db_path)


def test_a_bad_token_is_refused_without_being_echoed(run, db_path, tmp_path) -> None:
    token_file = tmp_path / "token"
    for bad in (TOKEN + " extra", TOKEN + "\x1b[31m", TOKEN + "é"):
        token_file.write_text(bad, encoding="utf-8")
        result = sync(run, db_path, "http://127.0.0.1:1", debug=True, token_file=token_file)
        assert result.exit_code == 2
        assert TOKEN not in result.stderr + result.stdout
        result = run("--debug", "--db", str(db_path), "sync", WISH_ACCESS_TOKEN=bad)
        assert result.exit_code == 2
        assert TOKEN not in result.stderr + result.stdout


def test_the_token_is_not_in_reprs() -> None:
    from wishdesk.services.sync import SyncOptions
    from wishdesk.services.sync.client import WishClient
    from wishdesk.services.sync.token import TokenSource

    assert TOKEN not in repr(SyncOptions(tokens=TokenSource(TOKEN)))
    assert TOKEN not in repr(TokenSource(TOKEN, secrets=["other"]))
    client = WishClient(TOKEN, "http://127.0.0.1:1")
    try:
        assert TOKEN not in repr(client) and TOKEN not in repr(vars(client).get("base_url"))
        assert client.redact(f"x {TOKEN} y") == "x [token] y"
    finally:
        client.close()


def _login(run, wish: FakeWish, tmp_path: Path) -> None:
    from wishfake import AUTH_CODE, CLIENT_ID, CLIENT_SECRET, REDIRECT_URI

    secret = tmp_path / "secret"
    secret.write_text(CLIENT_SECRET)
    args = ["--client-id", CLIENT_ID, "--redirect-uri", REDIRECT_URI, "--code", AUTH_CODE]
    result = run(
        "auth", "login", *args, "--client-secret-file", str(secret), "--base-url", wish.url
    )
    assert result.exit_code == 0, result.stderr


def _assert_no_login_secret(wish: FakeWish, result, db: Path) -> None:
    from wishfake import AUTH_CODE, CLIENT_SECRET

    kept = store_text(db) if db.exists() else ""
    for secret in (CLIENT_SECRET, AUTH_CODE, *wish.access, *wish.refresh_tokens):
        assert secret not in result.stdout + result.stderr
        assert secret not in kept


@DEBUG
def test_renewal_secrets_mid_sync(run, wish, queued, db_path, no_sleep, debug, tmp_path) -> None:
    _login(run, wish, tmp_path)
    wish.expire_token_after(0)
    result = run(
        *(("--debug",) if debug else ()), "--db", str(db_path), "sync", "--base-url", wish.url
    )
    assert result.exit_code == 0, result.stderr
    _assert_no_login_secret(wish, result, db_path)


@DEBUG
def test_renewal_secrets_when_refused(run, wish, queued, db_path, no_sleep, debug, tmp_path):
    from wishfake import CLIENT_SECRET

    _login(run, wish, tmp_path)
    echo = {"code": 1008, "message": f"revoked {wish.refresh_token} for {CLIENT_SECRET}"}
    wish.queue(
        "GET",
        "/api/v3/oauth/refresh_token",
        Scripted(400, echo, {"Wish-Request-Id": CLIENT_SECRET}),
    )
    wish.expire_token_after(0)
    result = run(
        *(("--debug",) if debug else ()), "--db", str(db_path), "sync", "--base-url", wish.url
    )
    assert result.exit_code == 2
    _assert_no_login_secret(wish, result, db_path)
