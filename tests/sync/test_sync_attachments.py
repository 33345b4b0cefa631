"""Buyer photos: downloaded during the pull while their links work, kept privately under a
content hash, listed by `show`, copied out by `wishdesk attachments --save`."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from syncutil import sql
from wishdata import ticket

T1 = "5f00000000000000000000d1"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 40
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(500)
LATER = "2026-11-26T09:30:00Z"  # 2.5 hours on: every link served at NOW has expired


@pytest.fixture
def folder(env) -> Path:
    return Path(env["WISHDESK_HOME"]) / "attachments"


def damaged(wish, files: list[tuple[str, str]], updated_at: str = "2026-11-25T10:00:00Z"):
    """A damaged-item ticket whose buyer sent these (key, file name) photos."""
    obj = ticket(T1, subject="Arrived broken", updated_at=updated_at)
    obj["replies"][0]["supporting_files"] = [
        {"url": f"fake-file:{key}", "file_name": name} for key, name in files
    ]
    wish.add_ticket(obj)


def downloads(wish) -> int:
    return len([c for c in wish.calls if c.path.startswith("/files/")])


def test_photos_are_saved_privately_once_and_shown(sync, run, wish, folder) -> None:
    wish.add_file("k1", JPEG)
    wish.add_file("k2", PNG, "image/png")
    damaged(wish, [("k1", "box.jpg"), ("k2", "../../etc/passwd")])
    result = sync("--no-push")
    assert result.exit_code == 0, result.stderr
    assert "photos: 2 saved" in result.stdout
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 2 and all(
        stat.S_IMODE((folder / n).stat().st_mode) == 0o600 for n in names
    )
    assert {(folder / n).read_bytes() for n in names} == {JPEG, PNG}
    assert all(len(n.split(".")[0]) == 64 for n in names)  # named by their SHA-256
    shown = json.loads(run("show", T1, "--json").stdout)
    assert [(a["file_name"], a["size"]) for a in shown["attachments"]] == [
        ("box.jpg", len(JPEG)),
        ("../../etc/passwd", len(PNG)),
    ]
    assert all(Path(a["path"]).parent == folder and a["url"] for a in shown["attachments"])
    table = run("show", T1, "--format", "table").stdout
    assert "photo: box.jpg" in table and str(folder) in table
    # Wish serves a fresh link on every read: a re-pull downloads nothing again.
    wish.tickets[T1]["updated_at"] = "2026-11-25T11:00:00Z"
    before = downloads(wish)
    again = sync("--no-push")
    assert again.exit_code == 0 and "photos" not in again.stdout
    assert downloads(wish) == before


def test_a_photo_that_is_not_an_image_is_refused(sync, run, wish, folder) -> None:
    wish.add_file("page", b"<html><script>alert(1)</script></html>", "text/html")
    wish.add_file("liar", b"<html>not a jpeg</html>", "image/jpeg")  # the bytes tell
    damaged(wish, [("page", "proof.jpg"), ("liar", "proof2.jpg")])
    result = sync("--no-push")
    assert result.exit_code == 0, result.stderr
    assert "photo proof.jpg not saved: not an image (text/html)" in result.stderr
    assert "photo proof2.jpg not saved: not an image (image/jpeg)" in result.stderr
    assert not folder.exists() or list(folder.iterdir()) == []
    assert "not downloaded: not an image (text/html)" in run("show", T1, "--format", "table").stdout
    assert sync("--no-push").exit_code == 0
    assert downloads(wish) == 2  # refused for good: not fetched again


def test_a_photo_over_the_cap_is_refused(sync, wish, folder, db_path) -> None:
    wish.add_file("huge", JPEG[:12] + bytes(20 * 1024 * 1024), "image/jpeg")
    wish.add_file("ok", JPEG)
    damaged(wish, [("huge", "big.jpg"), ("ok", "small.jpg")])
    result = sync("--no-push")
    assert result.exit_code == 0, result.stderr
    assert "photo big.jpg not saved: over the 20 MB limit" in result.stderr
    assert "photos: 1 saved" in result.stdout
    assert sql(db_path, "SELECT file_name, status FROM attachments ORDER BY position") == [
        ("big.jpg", "rejected"),
        ("small.jpg", "saved"),
    ]
    assert [p.read_bytes() for p in folder.iterdir()] == [JPEG]


def test_a_failed_download_is_retried_next_sync_with_a_fresh_link(
    sync, run, wish, folder, monkeypatch
) -> None:
    damaged(wish, [("k1", "box.jpg")])  # the file is not there yet: the link answers 403
    wish.add_ticket(ticket("5f00000000000000000000d2", updated_at="2026-11-25T10:30:00Z"))
    first = sync("--no-push")
    assert first.exit_code == 0, first.stderr  # never fails the sync
    shown = run("show", T1, "--format", "table").stdout
    assert "not downloaded: link expired (HTTP 403)" in shown
    wish.add_file("k1", JPEG)
    wish.expire_links()  # an hour and more passes: the stored link is dead
    monkeypatch.setenv("WISHDESK_NOW", LATER)
    wish.calls.clear()
    second = sync("--no-push")
    assert second.exit_code == 0, second.stderr
    assert "photos: 1 saved" in second.stdout
    # The ticket itself had not changed (not listed again): read again for a fresh link.
    assert [c.path for c in wish.calls if c.path != "/api/v3/tickets"] == [
        f"/api/v3/tickets/{T1}",
        "/files/k1",
    ]
    assert json.loads(run("show", T1, "--json").stdout)["attachments"][0]["path"]


def test_links_never_carry_the_token(sync, wish) -> None:
    wish.add_file("k1", JPEG)
    damaged(wish, [("k1", "box.jpg")])
    assert sync("--no-push").exit_code == 0
    [fetch] = [c for c in wish.calls if c.path.startswith("/files/")]
    assert fetch.auth == ""


def test_attachments_lists_and_saves_copies(sync, run, wish, tmp_path) -> None:
    wish.add_file("k1", JPEG)
    wish.add_file("k2", PNG, "image/png")
    wish.add_file("gone", JPEG[:40])
    damaged(wish, [("k1", "box.jpg"), ("k2", "../../etc/pass wd"), ("missing", "lost.jpg")])
    assert sync("--no-push").exit_code == 0
    listed = json.loads(run("attachments", T1[:8], "--json").stdout)
    assert [(a["file_name"], bool(a["path"])) for a in listed] == [
        ("box.jpg", True),
        ("../../etc/pass wd", True),
        ("lost.jpg", False),
    ]
    assert listed[2]["note"].startswith("link expired")
    out = tmp_path / "claim"
    (out).mkdir()
    (out / "box.jpg").write_bytes(b"mine")  # never overwritten
    saved = run("attachments", T1, "--save", str(out))
    assert saved.exit_code == 0, saved.stderr
    assert sorted(os.listdir(out)) == ["box-2.jpg", "box.jpg", "pass_wd.png"]
    assert (out / "box.jpg").read_bytes() == b"mine"
    assert (out / "box-2.jpg").read_bytes() == JPEG
    assert "lost.jpg: not downloaded" in saved.stderr
    assert run("attachments", "ffff").exit_code == 2
