"""Two processes, one ordering forced with a barrier: settings are read in the transaction
that writes with them, checks and writes are one transaction, and no linting or rendering
happens while the write lock is held (issue 19, points 1 and 2).

Barriers: a FIFO as the second file of an import (it opens it only after committing the
first), the fake Wish API holding its first page until released, and the test holding the
write lock itself until both racers wait for it (seen in /proc/PID/wchan).
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from reliutil import (
    GatedWish,
    assert_clean,
    invoke,
    rows,
    scalar,
    start,
    wait_for,
    wait_until_waiting_for_lock,
    wishdesk,
    write_lock,
)
from wishdata import order, ticket, write_jsonl

OPENED = "2026-11-23T08:00:00Z"  # Monday; 17:00 in Tokyo, the same day


def tickets(prefix: str, n: int) -> list[dict[str, object]]:
    return [ticket(f"{prefix}{i:022d}", opened_at=OPENED) for i in range(n)]


def expected_due(db: Path) -> str:
    """The deadline of a ticket opened at OPENED, with the store's calendar as it is now."""
    code, out, err = wishdesk(db, "sla", "due", OPENED)
    assert code == 0, err
    return out.strip()


def test_import_uses_the_calendar_of_its_own_transaction(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    assert wishdesk(db, "init", "--timezone", "America/Los_Angeles")[0] == 0
    old_due = expected_due(db)
    first = write_jsonl(tmp_path / "first.jsonl", tickets("5a", 5))
    second = tmp_path / "second.jsonl"
    os.mkfifo(second)
    proc = start(db, "import", str(first), str(second))
    try:
        # Barrier: the first file is committed; the importer now waits to open the second,
        # holding no lock, with its record writer long built.
        assert wait_for(lambda: scalar(db, "SELECT count(*) FROM tickets") == 5, 30)
        code, _, err = wishdesk(db, "config", "set", "calendar.timezone", "Asia/Tokyo")
        assert code == 0, err
        with open(second, "w", encoding="utf-8") as feed:
            feed.write("".join(json.dumps(t) + "\n" for t in tickets("5b", 300)))
        _, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    assert_clean(err)
    new_due = expected_due(db)
    assert new_due != old_due
    deadlines = rows(db, "SELECT due_at, count(*) FROM tickets GROUP BY due_at")
    assert deadlines == [(new_due, 305)], deadlines  # the first five recomputed by config


def test_sync_uses_the_calendar_of_its_own_transaction(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    assert wishdesk(db, "init", "--timezone", "America/Los_Angeles")[0] == 0
    wish = GatedWish().start()
    try:
        for t in tickets("5c", 300):
            wish.add_ticket(t)
        proc = start(db, "sync", "--base-url", wish.url, "--no-push")
        try:
            # Barrier: the pull asked for its first page, its record writer built.
            assert wish.listed.wait(30)
            code, _, err = wishdesk(db, "config", "set", "calendar.timezone", "Asia/Tokyo")
            assert code == 0, err
            wish.release()
            _, err = proc.communicate(timeout=60)
        finally:
            proc.kill()
    finally:
        wish.release()
        wish.stop()
    assert proc.returncode == 0, err
    assert rows(db, "SELECT due_at, count(*) FROM tickets GROUP BY due_at") == [
        (expected_due(db), 300)
    ]


def test_a_day_cannot_become_both_holiday_and_workday_at_once(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    assert wishdesk(db, "init")[0] == 0
    with write_lock(db):
        racers = [
            start(db, "config", "set", "calendar.extra_holidays", "2026-12-24"),
            start(db, "config", "set", "calendar.extra_workdays", "2026-12-24"),
        ]
        # Barrier: both have opened the store and wait for the write lock.
        wait_until_waiting_for_lock(*racers)
    results = [(p.wait(60), p.communicate()[1]) for p in racers]
    assert sorted(code for code, _ in results) == [0, 2], results
    refused = next(err for code, err in results if code == 2)
    assert "2026-12-24 cannot be both an extra holiday and an extra workday" in refused
    assert_clean(refused)
    values = dict(rows(db, "SELECT key, value FROM settings"))
    both = {values.get("calendar.extra_holidays"), values.get("calendar.extra_workdays")}
    assert both == {"2026-12-24", None} or both == {"2026-12-24", ""}, values
    code, _, err = wishdesk(db, "config", "set", "calendar.timezone", "Asia/Tokyo")
    assert code == 0, err


def test_a_store_with_a_day_in_both_lists_still_takes_other_settings(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    assert wishdesk(db, "init")[0] == 0
    conn = sqlite3.connect(db)  # as an older wishdesk could leave it
    with conn:
        conn.executemany(
            "INSERT OR REPLACE INTO settings (key, value) VALUES (?, '2026-12-24')",
            [("calendar.extra_holidays",), ("calendar.extra_workdays",)],
        )
    conn.close()
    assert wishdesk(db, "config", "set", "calendar.timezone", "Asia/Tokyo")[0] == 0
    code, _, err = wishdesk(db, "config", "set", "calendar.extra_holidays", "2026-12-24,2026-12-31")
    assert code == 2 and "cannot be both" in err
    assert wishdesk(db, "config", "set", "calendar.extra_workdays", "")[0] == 0


# no linting while the write lock is held ----------------------------------------------------
def lock_is_free(db: Path) -> bool:
    """Could another process write to the store right now?"""
    conn = sqlite3.connect(db, timeout=0, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        conn.close()


@pytest.fixture
def probed_lint(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """The real linter, noting before each call whether the write lock was free, and
    running ``before_first`` (if set) once, as a concurrent writer would."""
    import wishdesk.domain.policy as policy

    real = policy.lint
    seen: dict[str, object] = {"free": [], "before_first": None, "db": None}

    def lint(text: str, **kwargs: object):  # type: ignore[no-untyped-def]
        seen["free"].append(lock_is_free(seen["db"]))  # type: ignore[union-attr, arg-type]
        hook = seen["before_first"]
        if hook is not None:
            seen["before_first"] = None
            hook()  # type: ignore[operator]
        return real(text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(policy, "lint", lint)
    return seen


O1 = "a00000000000000000000001"
T1 = "5f0000000000000000000001"


def test_notify_lints_with_no_lock_held_and_rechecks_under_it(
    tmp_path: Path, probed_lint: dict[str, object]
) -> None:
    db = tmp_path / "store.db"
    seed = [order(O1, tracking="LZ123456789CN"), order("a00000000000000000000002")]
    assert invoke(db, ["import", str(write_jsonl(tmp_path / "s.jsonl", seed))]).exit_code == 0
    assert invoke(db, ["config", "set", "merchant.name", "Lumen Shop"]).exit_code == 0
    probed_lint["db"] = db

    def newer_tracking() -> None:  # an import of a newer copy of the order, meanwhile
        conn = sqlite3.connect(db)
        with conn:
            conn.execute(
                "UPDATE orders SET tracking_number = 'LZ987654321CN', updated_at = ?, "
                "tracking = ? WHERE id = ?",
                (
                    "2026-11-25T10:00:00Z",
                    json.dumps([{"tracking_number": "LZ987654321CN", "carrier": "China Post"}]),
                    O1,
                ),
            )
        conn.close()

    probed_lint["before_first"] = newer_tracking
    args = ["notify", O1, "a00000000000000000000002", "--template", "tracking"]
    result = invoke(db, [*args, "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    assert all(probed_lint["free"]), probed_lint["free"]  # type: ignore[arg-type]
    assert len(probed_lint["free"]) == 3  # type: ignore[arg-type]  # O1 linted again
    body = scalar(db, "SELECT body FROM outbox WHERE order_id = ?", (O1,))
    assert "LZ987654321CN" in body and "LZ123456789CN" not in body


def test_reply_lints_with_no_lock_held(tmp_path: Path, probed_lint: dict[str, object]) -> None:
    db = tmp_path / "store.db"
    seed = [order(O1), ticket(T1, orders=[O1])]
    assert invoke(db, ["import", str(write_jsonl(tmp_path / "s.jsonl", seed))]).exit_code == 0
    assert invoke(db, ["config", "set", "merchant.name", "Lumen Shop"]).exit_code == 0
    probed_lint["db"] = db
    result = invoke(db, ["reply", T1, "--template", "order-status", "--yes"])
    assert result.exit_code == 0, result.stderr
    assert probed_lint["free"] == [True]


def test_a_buyer_with_a_huge_name_costs_no_time(tmp_path: Path) -> None:
    """A 100,000-character buyer name (within the import limits): a template takes at most
    200 characters of it, and reply and notify answer at once."""
    import time

    db = tmp_path / "store.db"
    name = "arrive tomorrow " * 6250
    seed = [order(O1), ticket(T1, orders=[O1], buyer=name)]
    assert invoke(db, ["import", str(write_jsonl(tmp_path / "s.jsonl", seed))]).exit_code == 0
    assert invoke(db, ["config", "set", "merchant.name", "Lumen Shop"]).exit_code == 0
    began = time.monotonic()
    dry = invoke(db, ["reply", T1, "--template", "order-status", "--dry-run"])
    notified = invoke(db, ["notify", O1, "--template", "shipping-delay", "--var",
                           "new_date=2026-12-20", "--format", "jsonl"])  # fmt: skip
    assert time.monotonic() - began < 10
    assert dry.exit_code in (0, 1), dry.stderr
    assert notified.exit_code in (0, 1), notified.stderr
    assert len(dry.stdout) < 3000
    assert "arrive tomorrow arrive" in dry.stdout and name not in dry.stdout
    # the name reads as a delivery promise: the linter blocks it, at once
    found = json.loads(notified.stdout)
    assert found["status"] == "blocked", found
    assert [f["rule"] for f in found["findings"]] == ["truth.eta"]
    assert len(found["findings"][0]["match"]) < 300
