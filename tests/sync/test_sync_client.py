"""`wishdesk sync` as an API citizen: tokens, errors, 429, retries, no secrets in output."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timezone

import pytest
from wishdata import ticket
from wishfake import TOKEN, Scripted

from wishdesk.services.sync.pool import parse_reset

T1 = "5f00000000000000000000b1"
NOW_EPOCH = datetime(2026, 11, 26, 7, 0, tzinfo=timezone.utc).timestamp()


def test_no_token_says_how_to_provide_one(sync, wish) -> None:
    result = sync(token=None)
    assert result.exit_code == 2
    assert "WISH_ACCESS_TOKEN" in result.stderr and "--token-file" in result.stderr
    assert "Traceback" not in result.output
    assert wish.calls == []


def test_token_file_is_read(sync, wish, tmp_path) -> None:
    wish.add_ticket(ticket(T1))
    path = tmp_path / "token"
    path.write_text(TOKEN + "\n")
    result = sync("--token-file", str(path), token=None)
    assert result.exit_code == 0, result.stderr
    assert "tickets: 1 new" in result.stdout
    missing = sync("--token-file", str(tmp_path / "nope"), token=None)
    assert missing.exit_code == 2
    assert "cannot read the token file" in missing.stderr


@pytest.mark.parametrize("debug", [False, True])
def test_expired_token_is_one_clear_line_without_the_token(sync, wish, db_path, debug) -> None:
    wish.queue(
        "GET",
        "/api/v3/tickets",
        Scripted(401, {"code": 1015, "message": f"access token {TOKEN} expired"}),
    )
    result = sync(pre=("--debug",) if debug else ())
    assert result.exit_code == 2
    assert TOKEN not in result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith("wishdesk: Wish")]
    assert len(lines) == 1
    assert "HTTP 401 (code 1015): access token [token] expired" in lines[0]
    assert "Wish-Request-Id: req-0001" in lines[0]
    assert "invalid or expired" in lines[0]
    if not debug:
        assert "Traceback" not in result.output
    else:
        assert "GET /api/v3/tickets -> HTTP 401" in result.stderr  # the request log


@pytest.mark.parametrize(
    ("reset", "waited"),
    [
        (str(int(NOW_EPOCH) + 7), 7.0),  # epoch seconds
        ("2026-11-26T07:00:42Z", 42.0),  # ISO-8601
        ("2026-11-26T15:00:00+08:00", 1.0),  # in the past: the minimum
        (str(int(NOW_EPOCH) + 86_400), 90.0),  # capped
        ("3", 3.0),  # a small number: seconds from now
    ],
)
def test_429_waits_until_the_reset(sync, wish, sleeps, reset, waited) -> None:
    wish.add_ticket(ticket(T1))
    wish.queue(
        "GET",
        "/api/v3/tickets",
        Scripted(429, {"code": 1, "message": "too many"}, {"Wish-Rate-Limit-Reset": reset}),
    )
    result = sync("--no-push")
    assert result.exit_code == 0, result.stderr
    assert sleeps == [waited]
    assert "tickets: 1 new" in result.stdout


def test_parse_reset_forms() -> None:
    now = datetime(2026, 11, 26, 7, 0, tzinfo=timezone.utc)
    assert parse_reset("1795676410.5", now) == pytest.approx(10.5)
    assert parse_reset("2026-11-26T07:01:00.000Z", now) == 60.0
    assert parse_reset("soon", now) is None


def test_503_then_success(sync, wish, sleeps) -> None:
    wish.add_ticket(ticket(T1))
    wish.queue("GET", "/api/v3/tickets", Scripted(503, {"code": 1, "message": "busy"}))
    result = sync("--no-push")
    assert result.exit_code == 0, result.stderr
    assert sleeps == [0.75]


def test_unreachable_server_gives_up_with_exit_2(run, db_path, sleeps, monkeypatch) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = run(
        "--db",
        str(db_path),
        "sync",
        "--base-url",
        f"http://127.0.0.1:{port}",
        WISH_ACCESS_TOKEN=TOKEN,
    )
    assert result.exit_code == 2
    assert "cannot connect" in result.stderr and "gave up after 6 attempts" in result.stderr
    assert len(sleeps) == 5
    assert "Traceback" not in result.output


def test_options_are_checked(sync) -> None:
    both = sync("--sandbox")
    assert both.exit_code == 2 and "cannot be used together" in both.stderr
    nothing = sync("--no-pull", "--no-push")
    assert nothing.exit_code == 2


def test_other_commands_do_not_import_httpx() -> None:
    code = "import sys, wishdesk.cli.app; print('httpx' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_one_sync_at_a_time(sync, wish, db_path) -> None:
    from wishdesk.services.sync import sync_lock

    wish.add_ticket(ticket(T1))
    assert sync("--no-push").exit_code == 0  # creates the store
    with sync_lock(db_path):
        busy = sync()
    assert busy.exit_code == 2
    assert "another `wishdesk sync` is running" in busy.stderr
    assert sync().exit_code == 0
