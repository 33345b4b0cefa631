"""Clear messages for a broken world (issue 19, point 5): a full disk, a read-only store,
files that are not stores (left untouched), a store from a newer wishdesk, orders files as
spreadsheets write them, damaged times in the store, line separators in TSV and CSV.

The full-disk and read-only cases mount a small tmpfs, so they run only as root (skipped
otherwise, with the reason)."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from reliutil import (
    assert_clean,
    assert_no_crash,
    assert_sound,
    counts,
    invoke,
    remount,
    rows,
    scalar,
    start,
    tmpfs,
    wishdesk,
)
from wishdata import order, ticket, write_jsonl

T1, O1 = "5f0000000000000000000001", "a00000000000000000000001"


def many_tickets(tmp_path: Path, n: int, name: str = "many.jsonl") -> Path:
    text = "Where is my parcel? It has been three weeks, please tell me. " * 20
    records = [
        ticket(f"5e{i:022d}", replies=[("USER", "2026-11-23T08:00:00Z", f"{i}: {text}")])
        for i in range(n)
    ]
    return write_jsonl(tmp_path / name, records)


# a full disk ---------------------------------------------------------------------------------
@pytest.mark.parametrize("size", ["400k", "600k", "1m"])
def test_a_full_disk_says_so_and_keeps_the_store_whole(tmp_path: Path, size: str) -> None:
    big = many_tickets(tmp_path, 1500)
    with tmpfs(tmp_path / "disk", size) as disk:
        db = disk / "store.db"
        code, _, err = wishdesk(
            db, "import", str(write_jsonl(tmp_path / "one.jsonl", [ticket(T1)]))
        )
        assert code == 0, err
        code, out, err = wishdesk(db, "import", str(big))
        assert code == 2, (out, err)
        assert_clean(err)
        assert "the disk is full" in err and "cannot rollback" not in err, err
        assert counts(db)["tickets"] == 1  # nothing half-written
        assert_sound(db)
        code, out, err = wishdesk(db, "list", "--format", "tsv")
        assert code == 0 and out.startswith(T1), err


@pytest.mark.parametrize("size", ["120k", "300k"])
def test_a_store_that_barely_fits_is_whole_or_not_there(tmp_path: Path, size: str) -> None:
    """Room for the store but not for a second copy of it: a store made in WAL mode sat in
    its -wal file until the checkpoint at close, which failed without a word, and the link
    put a malformed file in place. Either the store is whole or nothing is there."""
    with tmpfs(tmp_path / "disk", size) as disk:
        db = disk / "store.db"
        code, _, err = wishdesk(db, "init")
        assert_clean(err)
        if code == 0:
            assert_sound(db)
            code, _, err = wishdesk(db, "list", "--format", "tsv")
            assert code == 0, err
        else:
            assert code == 2 and "the disk is full" in err, err
            assert list(disk.iterdir()) == []


def test_a_store_cannot_be_created_on_a_full_disk_and_leaves_nothing(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "disk", "64k") as disk:
        code, _, err = wishdesk(disk / "store.db", "init")
        assert code == 2
        assert_clean(err)
        assert "cannot create the store" in err, err
        assert "the disk is full" in err or "No space left" in err, err
        assert list(disk.iterdir()) == []


def test_a_store_on_a_disk_full_to_the_last_byte_can_still_be_read(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "disk", "1m") as disk:
        db = disk / "store.db"
        assert wishdesk(db, "import", str(write_jsonl(tmp_path / "t.jsonl", [ticket(T1)])))[0] == 0
        with open(disk / "filler", "wb", buffering=0) as filler:
            try:
                while True:
                    filler.write(b"\0" * 4096)
                    filler.flush()
            except OSError:
                pass
        code, out, err = wishdesk(db, "list", "--format", "tsv")
        assert code == 0 and out.startswith(T1), err
        code, _, err = wishdesk(db, "tag", T1, "--reason", "other")
        assert code == 2 and "the store can only be read now (the disk is full)" in err, err


# a read-only store ---------------------------------------------------------------------------
def test_a_read_only_store_can_be_read_and_says_why_it_cannot_be_written(
    tmp_path: Path,
) -> None:
    with tmpfs(tmp_path / "ro", "4m") as place:
        db = place / "store.db"
        seed = write_jsonl(tmp_path / "s.jsonl", [order(O1), ticket(T1, orders=[O1])])
        assert wishdesk(db, "import", str(seed))[0] == 0
        remount(place, "ro")
        for args in (["list"], ["show", T1], ["overdue"], ["stats"], ["outbox"]):
            code, _, err = wishdesk(db, *args)
            assert code in (0, 1), (args, err)
            assert_clean(err)
        code, _, err = wishdesk(db, "reply", T1, "-m", "Hello, it ships today.")
        assert code == 2
        assert "can only be read now (its file or its directory cannot be written)" in err, err
        remount(place, "rw")


# files that are not stores --------------------------------------------------------------------
def _untouched(path: Path):  # type: ignore[no-untyped-def]
    before = (path.read_bytes(), stat.S_IMODE(path.stat().st_mode))
    return lambda: (path.read_bytes(), stat.S_IMODE(path.stat().st_mode)) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is an empty file, not a wishdesk store"),
        (b"my notes\nbuy milk\n", "is not a wishdesk store (not an SQLite database)"),
        (None, "is an SQLite database but not a wishdesk store"),
    ],
)
@pytest.mark.parametrize("command", [["list"], ["init"], ["import", "-"]])
def test_a_file_that_is_not_a_store_is_refused_and_left_as_it_was(
    tmp_path: Path, content: bytes | None, message: str, command: list[str]
) -> None:
    path = tmp_path / "notes.txt"
    if content is None:
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE recipes (name)")
        conn.commit()
        conn.close()
    else:
        path.write_bytes(content)
    os.chmod(path, 0o644)
    same = _untouched(path)
    code, _, err = wishdesk(path, *command)
    assert code == 2 and message in err, err
    assert_clean(err)
    assert same(), "the file was changed"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_a_store_from_a_newer_wishdesk_is_refused_at_open(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    assert wishdesk(db, "import", str(write_jsonl(tmp_path / "t.jsonl", [ticket(T1)])))[0] == 0
    conn = sqlite3.connect(db)
    with conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('wishdesk', 'm999_from_the_future', '2030-01-01')"
        )
    conn.close()
    for args in (["list"], ["import", str(tmp_path / "t.jsonl")], ["config", "list"]):
        code, _, err = wishdesk(db, *args)
        assert code == 2, err
        assert "was made by a newer wishdesk (it has migration m999_from_the_future" in err
        assert "upgrade wishdesk" in err
    assert counts(db)["tickets"] == 1


def test_stores_created_at_once_make_one_store(tmp_path: Path) -> None:
    db = tmp_path / "new" / "store.db"
    files = [write_jsonl(tmp_path / f"{i}.jsonl", [ticket(f"5f{i:022d}")]) for i in range(4)]
    procs = [start(db, "import", str(f)) for f in files]
    for proc in procs:
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
    assert counts(db)["tickets"] == 4
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    assert [p.name for p in db.parent.iterdir() if not p.name.startswith("store.db")] == []


# orders files as spreadsheets write them ----------------------------------------------------
O2 = "a00000000000000000000002"
CSV = f"order_id,note\n{O1},first\n{O2},second\n"


@pytest.fixture
def notify_store(tmp_path: Path) -> Path:
    db = tmp_path / "store.db"
    assert (
        wishdesk(db, "import", str(write_jsonl(tmp_path / "o.jsonl", [order(O1), order(O2)])))[0]
        == 0
    )
    return db


def _notify(db: Path, data: bytes, source: str):  # type: ignore[no-untyped-def]
    args = ["notify", "--orders-file"]
    if source == "-":
        return invoke(db, [*args, "-", "-m", "Order {order_id}: {note}", "--dry-run",
                           "--format", "jsonl"], input=data)  # fmt: skip
    path = db.parent / "orders.csv"
    path.write_bytes(data)
    return invoke(db, [*args, str(path), "-m", "Order {order_id}: {note}", "--dry-run",
                       "--format", "jsonl"])  # fmt: skip


@pytest.mark.parametrize("source", ["-", "path"])
@pytest.mark.parametrize(
    "data",
    [
        CSV.encode(),
        b"\xef\xbb\xbf" + CSV.encode(),  # Excel's "CSV UTF-8"
        CSV.encode("utf-16"),  # "Unicode text" (with its byte-order mark)
        CSV.encode("utf-16-be").join([b"\xfe\xff", b""]),
        CSV.replace("\n", "\r").encode(),  # old Mac line ends
        CSV.replace("\n", "\r\n").encode(),
        CSV.replace("order_id,note", " order_id , note ").encode(),
    ],
    ids=["utf8", "bom", "utf16", "utf16be", "cr", "crlf", "padded"],
)
def test_orders_files_as_spreadsheets_write_them(
    notify_store: Path, data: bytes, source: str
) -> None:
    result = _notify(notify_store, data, source)
    assert_no_crash(result, {0})
    found = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["order_id"], r["status"]) for r in found] == [(O1, "dry_run"), (O2, "dry_run")]


@pytest.mark.parametrize("source", ["-", "path"])
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("order_id,note\n{O1},发货\n".encode("gbk"), "not UTF-8 text (byte"),
        (b"\xff\xfe" + b"\x00\xd8", "not UTF-16 text"),
        (f"order_id,note\n{O1},{'x' * 140_000}\n".encode(), "line 2: not valid CSV: a cell is"),
        (b"order_id,note\n,lost\n", "line 2: order_id is empty"),
    ],
    ids=["gbk", "bad-utf16", "huge-cell", "empty-id"],
)
def test_orders_files_that_cannot_be_read_are_one_clear_error(
    notify_store: Path, data: bytes, message: str, source: str
) -> None:
    result = _notify(notify_store, data.replace(b"{O1}", O1.encode()), source)
    assert_no_crash(result, {2})
    assert message in result.stderr, result.stderr
    assert scalar(notify_store, "SELECT count(*) FROM outbox") == 0


# damaged times in the store ------------------------------------------------------------------
@pytest.mark.parametrize("value", ["garbage", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z"])
def test_damaged_times_in_the_store(tmp_path: Path, value: str) -> None:
    db = tmp_path / "store.db"
    seed = [order(O1), ticket(T1, orders=[O1]), ticket("5f0000000000000000000002")]
    assert wishdesk(db, "import", str(write_jsonl(tmp_path / "s.jsonl", seed)))[0] == 0
    assert wishdesk(db, "config", "set", "calendar.timezone", "Pacific/Kiritimati")[0] == 0
    conn = sqlite3.connect(db)
    with conn:
        conn.execute(
            "UPDATE tickets SET opened_at = ?, due_at = ? WHERE id = ?", (value,) * 2 + (T1,)
        )
        conn.execute("UPDATE messages SET sent_at = ? WHERE ticket_id = ?", (value, T1))
    conn.close()
    result = invoke(db, ["stats", "--json"])
    assert_no_crash(result, {0})
    if value > "2026":  # sorts into the weeks stats reads
        assert "left out: a time of theirs in the store is damaged" in result.stderr
    for args in (["list", "--format", "table"], ["list", "--json"], ["show", T1], ["overdue"]):
        assert_no_crash(invoke(db, args), {0, 1})
    for args in (["reply", T1, "-m", "Hello, it ships today."],
                 ["config", "set", "sla.business_days", "3"]):  # fmt: skip
        written = invoke(db, args)
        assert_no_crash(written, {0, 2})
        if written.exit_code == 2:
            assert f"ticket {T1}" in written.stderr or "dates must lie" in written.stderr


# line separators in machine output ----------------------------------------------------------
def test_line_and_paragraph_separators_never_split_a_row(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    odd = "Line one\u2028line two\u2029next paragraph"
    seed = [ticket(T1, subject=odd), ticket("5f0000000000000000000002")]
    assert wishdesk(db, "import", str(write_jsonl(tmp_path / "s.jsonl", seed)))[0] == 0
    tsv = invoke(db, ["list", "--format", "tsv"]).stdout
    assert len(tsv.splitlines()) == 2 and "Line one\\u2028line two\\u2029next" in tsv
    out = invoke(db, ["list", "--format", "csv"]).stdout
    assert len(out.splitlines()) == 3
    assert len(list(csv.reader(io.StringIO(out)))) == 3
    assert rows(db, "SELECT subject FROM tickets WHERE id = ?", (T1,)) == [(odd,)]  # kept
