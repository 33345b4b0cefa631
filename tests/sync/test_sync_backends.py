"""`wishdesk sync` says and does the same on a store file and on a PostgreSQL store: one flow
of pulls and pushes with every option, each backend against its own fake Wish API holding
the same data, output compared line for line and the requests Wish received compared too."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from wishdata import order, ticket
from wishfake import TOKEN, FakeWish, running

T = [f"5f00000000000000000000a{n}" for n in range(5)]
ORD = [f"a000000000000000000000a{n}" for n in range(5)]
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 8

FLOW: list[list[str]] = [
    ["sync", "--dry-run"],  # no store yet: a dry run makes none
    ["init", "--timezone", "Asia/Shanghai"],
    ["sync", "--dry-run"],  # nothing to push, no request
    PULL := ["sync", "--no-push", "--concurrency", "2"],
    ["sync", "--no-pull"],  # nothing queued
    ["reply", T[0], "-m", "Your parcel left our warehouse today.", "--yes"],
    ["close", T[1]],
    ["appeal", T[2], "--reason", "The buyer insults our staff."],
    ["config", "set", "merchant.name", "Acme"],
    ["notify", ORD[4], "--template", "shipping-delay", "--var", "new_date=2026-12-24", "--yes"],
    ["reply", T[3], "-m", "We are checking with the carrier.", "--yes"],  # Wish refuses it
    ["sync", "--dry-run", "--sandbox"],
    PUSH := [
        "sync",
        "--no-pull",
        "--timeout",
        "5",
        "--token-file",
        "{token}",
        "--concurrency",
        "1",
    ],
    ["sync"],  # pulls back what Wish made of the pushes
    ["sync", "--no-pull", "--no-push"],  # a usage error
    ["outbox", "--status", "any", "--format", "json"],
    ["list", "--state", "any", "--format", "json"],
    ["attachments", T[4], "--json"],
]


def _fill(wish: FakeWish) -> None:
    wish.add_file("p1", JPEG)
    for n, (tid, oid) in enumerate(zip(T, ORD, strict=True)):
        wish.add_order(order(oid, tracking=f"LZ00000000{n}CN"))
        obj = ticket(tid, orders=[oid], updated_at=f"2026-11-25T10:0{n}:00Z")
        if n == 4:  # its buyer has the last word: a notice about its order is a notification
            obj["state"] = "AWAITING_USER"
            obj["replies"][0]["supporting_files"] = [{"url": "fake-file:p1", "file_name": "a.jpg"}]
        wish.add_ticket(obj)


def _requests(wish: FakeWish) -> list[tuple[str, str, Any]]:
    """What Wish received, photo links (which carry a request counter) left out."""
    return [(c.method, c.path, c.body) for c in wish.calls if not c.path.startswith("/files/")]


def _flow(run: Any, db: str, home: Path, token: Path) -> tuple[list[tuple[int, str]], Any]:
    said = []
    with running() as wish:
        _fill(wish)
        for step in FLOW:
            args = [a.replace("{token}", str(token)) for a in step]
            if step is PUSH:  # the buyer wrote again on Wish meanwhile: no reply accepted
                wish.tickets[T[3]]["state"] = "AWAITING_USER"
            if args[0] == "sync" and "--sandbox" not in args:
                args += ["--base-url", wish.url]
            given = "" if "--token-file" in args else TOKEN
            result = run("--db", db, *args, WISHDESK_HOME=str(home), WISH_ACCESS_TOKEN=given)
            text = result.stdout + result.stderr
            for secret, mark in ((db, "STORE"), (str(home), "HOME"), (wish.url, "WISH")):
                text = text.replace(secret, mark)
            said.append((result.exit_code, text))
        return said, _requests(wish)


def test_sync_says_and_sends_the_same_on_both_backends(run, pg_url, tmp_path, monkeypatch):
    monkeypatch.delenv("WISH_ACCESS_TOKEN", raising=False)
    token = tmp_path / "token.txt"
    token.write_text(TOKEN + "\n")
    stores = {"sqlite": str(tmp_path / "sync.db"), "postgres": pg_url}
    outcome = {name: _flow(run, db, tmp_path / name, token) for name, db in stores.items()}
    sqlite_said, sqlite_sent = outcome["sqlite"]
    postgres_said, postgres_sent = outcome["postgres"]
    for step, here, there in zip(FLOW, sqlite_said, postgres_said, strict=True):
        assert there == here, step
    assert sorted(postgres_sent, key=repr) == sorted(sqlite_sent, key=repr)  # orders: 2 at once
    # What the flow did, on both: the pull, the push, the photo.
    said = dict(zip(map(tuple, FLOW), postgres_said, strict=True))
    codes = [code for code, _ in postgres_said]
    assert codes == [2] + [0] * 13 + [2] + [0] * 3  # no store yet; --no-pull --no-push
    assert "photos: 1 saved" in said[tuple(PULL)][1]
    assert "outbox: 3 sent, 1 failed, 1 manual" in said[tuple(PUSH)][1]
    assert [p for m, p, _ in postgres_sent if m in ("POST", "PUT")] == [
        f"/api/v3/tickets/{T[0]}/replies",
        f"/api/v3/tickets/{T[1]}",
        f"/api/v3/tickets/{T[2]}",
        f"/api/v3/tickets/{T[3]}/replies",  # refused: failed
    ]
    items = json.loads(postgres_said[-3][1])
    assert sorted(i["status"] for i in items) == ["failed", "manual", "sent", "sent", "sent"]
    shown = json.loads(postgres_said[-1][1])
    assert [a["size"] for a in shown] == [len(JPEG)]
