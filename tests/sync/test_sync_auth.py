"""`wishdesk auth` and tokens that renew: a cron job that runs `sync` can forget about them."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from syncutil import item, queue_item, sql
from wishdata import ticket
from wishfake import AUTH_CODE, CLIENT_ID, CLIENT_SECRET, MERCHANT_ID, REDIRECT_URI, Scripted

T1 = "5f00000000000000000000c1"
T2 = "5f00000000000000000000c2"
REFRESH = "/api/v3/oauth/refresh_token"


@pytest.fixture
def creds(env) -> Path:
    return Path(env["WISHDESK_HOME"]) / "credentials.json"


@pytest.fixture
def login(run, wish, tmp_path):
    secret = tmp_path / "secret"
    secret.write_text(CLIENT_SECRET + "\n")

    def invoke(*extra: str, code: str = AUTH_CODE):
        return run(
            *extra,
            "auth",
            "login",
            "--client-id",
            CLIENT_ID,
            "--redirect-uri",
            REDIRECT_URI,
            "--client-secret-file",
            str(secret),
            "--code",
            code,
            "--base-url",
            wish.url,
        )

    return invoke


def secrets(wish) -> list[str]:
    return [CLIENT_SECRET, AUTH_CODE, *wish.access, *wish.refresh_tokens]


def assert_no_secret(wish, *texts: str) -> None:
    for secret in secrets(wish):
        for text in texts:
            assert secret not in text


def test_login_keeps_the_tokens_private_and_status_shows_no_secret(
    run, wish, login, creds, db_path
) -> None:
    result = login()
    assert result.exit_code == 0, result.stderr
    assert f"merchant_id:\t{MERCHANT_ID}" in result.stdout
    assert stat.S_IMODE(creds.stat().st_mode) == 0o600
    assert stat.S_IMODE(creds.parent.stat().st_mode) == 0o700
    kept = json.loads(creds.read_text())
    assert kept["access_token"] == wish.token and kept["refresh_token"] == wish.refresh_token
    assert kept["expiry_time"] == "2026-12-26T07:00:00Z"
    shown = run("auth", "status", "--base-url", wish.url)
    assert shown.exit_code == 0
    assert "scopes:\ttickets:read tickets:write orders:read" in shown.stdout
    assert "expiry_time:\t2026-12-26T07:00:00Z" in shown.stdout
    assert_no_secret(wish, result.stdout, result.stderr, shown.stdout, shown.stderr)
    assert not db_path.exists()  # auth never touches the store
    [exchange] = wish.calls_to("POST", "/api/v3/oauth/access_token")
    assert exchange.query == {} and exchange.body["grant_type"] == "authorization_code"


def test_a_bad_code_is_one_line_without_secrets(wish, login, creds) -> None:
    result = login(code="wish-code-not-this-one")
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert "Wish would not exchange the code: code 10008" in line
    assert CLIENT_SECRET not in line and "wish-code-not-this-one" not in line
    assert not creds.exists()


def test_the_whole_redirect_url_can_be_pasted_as_the_code(wish, login) -> None:
    result = login(code=f"{REDIRECT_URI}?code={AUTH_CODE}&state=x")
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("debug", [False, True])
def test_a_30_day_expiry_in_the_middle_of_a_sync(sync, wish, login, creds, db_path, debug):
    """The token expires between two requests: one refresh, the request repeated, the sync
    finishes; nothing failed, nothing sent twice, the new pair kept for the next sync."""
    assert login().exit_code == 0
    old = wish.token
    for t in (T1, T2):
        wish.add_ticket(ticket(t, updated_at="2026-11-25T10:00:00Z"))
    first = queue_item(db_path, "reply", T1, "Your parcel left today.")
    second = queue_item(db_path, "reply", T2, "A new one is on its way.")
    wish.expire_token_after(1)  # the first reply goes through, the second meets an expired token
    result = sync(token=None, pre=("--debug",) if debug else ())
    assert result.exit_code == 0, result.stderr
    assert "outbox: 2 sent, 0 failed" in result.stdout
    assert [item(db_path, i)["status"] for i in (first, second)] == ["sent", "sent"]
    for t in (T1, T2):
        assert [r["message"] for r in wish.tickets[t]["replies"] if r["sender"] == "MERCHANT"]
        assert len([r for r in wish.tickets[t]["replies"] if r["sender"] == "MERCHANT"]) == 1
    assert len(wish.calls_to("GET", REFRESH)) == 1
    assert wish.access[old] == "revoked"
    assert json.loads(creds.read_text())["access_token"] == wish.token != old
    assert_no_secret(wish, result.stdout, result.stderr)
    if debug:
        assert f"GET {REFRESH} -> HTTP 200" in result.stderr  # the query is never logged
    again = sync(token=None)
    assert again.exit_code == 0 and len(wish.calls_to("GET", REFRESH)) == 1


def test_a_revoked_refresh_token_stops_with_one_line_and_keeps_items_queued(
    sync, wish, login, db_path
) -> None:
    assert login().exit_code == 0
    wish.add_ticket(ticket(T1))
    reply = queue_item(db_path, "reply", T1, "Your parcel left today.")
    wish.refresh_tokens[wish.refresh_token] = "revoked"
    wish.expire_token_after(0)
    result = sync(token=None)
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert "Wish would not renew the access token (code 1008" in line
    assert f"run `wishdesk auth login --client-id {CLIENT_ID} --redirect-uri" in line
    assert item(db_path, reply)["status"] == "queued"
    assert_no_secret(wish, result.stdout, result.stderr)
    assert "Traceback" not in result.output


def test_a_token_about_to_expire_is_renewed_first(sync, wish, login, monkeypatch) -> None:
    assert login().exit_code == 0
    wish.add_ticket(ticket(T1))
    monkeypatch.setenv("WISHDESK_NOW", "2026-12-25T12:00:00Z")  # 19 h before the expiry
    wish.calls.clear()
    result = sync("--no-push", token=None)
    assert result.exit_code == 0, result.stderr
    assert wish.calls[0].path == REFRESH
    assert all(c.auth == f"Bearer {wish.token}" for c in wish.calls[1:])


def test_refresh_status_logout(run, wish, login, creds) -> None:
    assert login().exit_code == 0
    before = wish.token
    renewed = run("auth", "refresh", "--base-url", wish.url)
    assert renewed.exit_code == 0, renewed.stderr
    assert renewed.stdout.startswith("renewed\n")
    assert json.loads(creds.read_text())["access_token"] == wish.token != before
    assert run("auth", "logout").stdout == "logged out\n"
    assert not creds.exists()
    gone = run("auth", "status", "--base-url", wish.url)
    assert gone.exit_code == 2 and "not logged in: run `wishdesk auth login`" in gone.stderr
    assert run("auth", "logout").stdout == "not logged in\n"


def test_tokens_are_never_sent_to_another_server(sync, run, wish, login) -> None:
    assert login().exit_code == 0
    result = run("sync", "--base-url", "http://127.0.0.1:9")
    assert result.exit_code == 2
    assert "the stored credentials are for" in result.stderr
    assert sync("--no-push", token=None).exit_code == 0


def test_a_credentials_file_others_can_read_is_refused(sync, wish, login, creds) -> None:
    assert login().exit_code == 0
    creds.chmod(0o644)
    result = sync("--no-push", token=None)
    assert result.exit_code == 2 and "readable by others" in result.stderr
    assert wish.calls_to("GET", "/api/v3/tickets") == []


def test_an_explicit_token_wins_over_the_stored_ones(sync, wish, login) -> None:
    assert login().exit_code == 0
    wish.add_ticket(ticket(T1))
    wish.access["hand-made-token"] = "valid"
    assert sync("--no-push", token="hand-made-token").exit_code == 0
    assert {c.auth for c in wish.calls_to("GET", "/api/v3/tickets")} == {"Bearer hand-made-token"}


def test_refresh_errors_echoing_secrets_are_redacted(sync, wish, login, db_path) -> None:
    assert login().exit_code == 0
    echo = {"code": 1008, "message": f"bad {CLIENT_SECRET} / {wish.refresh_token}"}
    wish.queue("GET", REFRESH, Scripted(400, echo))
    wish.expire_token_after(0)
    result = sync("--no-push", pre=("--debug",), token=None)
    assert result.exit_code == 2
    assert_no_secret(wish, result.stdout, result.stderr)
    assert sql(db_path, "SELECT count(*) FROM tickets") == [(0,)]
