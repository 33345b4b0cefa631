"""``wishdesk sla due|calendar`` through the real CLI, with a frozen clock and a temp store."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

Run = Callable[..., Result]  # the `run` fixture of conftest.py

CN = ("--country", "CN", "--timezone", "Asia/Shanghai")


def make_store(path: Path, values: dict[str, str]) -> None:
    from wishdesk.store.db import open_store
    from wishdesk.store.settings import save

    store = open_store(path, create=True)
    try:
        save(store, values)
    finally:
        store.close()


def test_due_with_a_calendar_from_the_command_line(run: Run) -> None:
    # Shanghai: 23:00 on Wed 30 Sep and 00:30 on Thu 1 Oct 2026, National Day week ahead.
    result = run("sla", "due", *CN, "2026-09-30T15:00:00Z", "2026-10-01T00:30:00+08:00")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "2026-10-09T15:59:59Z\n2026-10-09T15:59:59Z\n"
    result = run("sla", "due", *CN, "--days", "3", "2026-09-30T16:30:00Z")
    assert result.stdout == "2026-10-10T15:59:59Z\n"  # the make-up Saturday


def test_due_with_the_stores_calendar_and_business_days(run: Run, tmp_path: Path) -> None:
    db = tmp_path / "cn.db"
    make_store(
        db,
        {
            "calendar.country": "CN",
            "calendar.timezone": "Asia/Shanghai",
            "sla.business_days": "3",
            "calendar.extra_holidays": "2026-10-09",
        },
    )
    result = run("--db", str(db), "sla", "due", "2026-09-30T16:30:00Z")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "2026-10-12T15:59:59Z\n"  # 8 Oct, 10 Oct (9 Oct is off), 12 Oct
    result = run("--db", str(db), "sla", "due", "--days", "1", "2026-09-30T16:30:00Z")
    assert result.stdout == "2026-10-08T15:59:59Z\n"


def test_due_with_a_weekend_override_needs_no_store(run: Run, tmp_path: Path) -> None:
    db = tmp_path / "absent.db"
    # Thursday 4 June 2026 with a Friday/Saturday weekend: next working day is Sunday.
    result = run("--db", str(db), "sla", "due", "--weekend", "fri,sat", "-n", "1",
                 "2026-06-04T10:00:00Z")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "2026-06-07T23:59:59Z\n"
    assert not db.exists()


def test_due_without_a_store_or_options_is_trouble(run: Run, tmp_path: Path) -> None:
    result = run("--db", str(tmp_path / "none.db"), "sla", "due", "2026-06-04T10:00:00Z")
    assert result.exit_code == 2
    assert "no store" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--weekend", "sat,sun", "2026-13-01"), "bad START '2026-13-01'"),
        (("--weekend", "sat,sun", "yesterday"), "bad START"),
        (("--weekend", "sat,sunday", "2026-06-01"), "bad weekend day 'sunday'"),
        (("--country", "XX", "2026-06-01"), "unknown country 'XX'"),
        (("--country", "US", "--subdivision", "ZZ", "2026-06-01"), "unknown subdivision"),
        (("--timezone", "Mars/Base", "2026-06-01"), "unknown time zone"),
        (("--timezone", "UTC", "--days", "0", "2026-06-01"), "between 1 and 60"),
    ],
)
def test_due_rejects_bad_input_with_one_line(run: Run, args: tuple[str, ...], message: str) -> None:
    result = run("sla", "due", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_calendar_plain_text_marks_every_kind_of_day(run: Run) -> None:
    result = run("sla", "calendar", *CN, "--year", "2026")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("Business days 2026: CN, Asia/Shanghai, weekend sat,sun;")
    assert "\x1b[" not in out
    lines = out.splitlines()
    october = next(line for line in lines if line.lstrip().startswith("5*  6*  7*  8   9  10+(11)"))
    assert october  # holidays, working days, the make-up Saturday, a weekend Sunday
    assert "  Sat 2026-10-10   10+  make-up workday" in lines  # ISO dates (spec)
    assert "  Thu 2026-10-01    1*  National Day" in lines
    assert "  Sat 2026-02-14   14+  make-up workday" in lines
    header = (
        " Mo  Tu  We  Th  Fr  Sa  Su    Mo  Tu  We  Th  Fr  Sa  Su    Mo  Tu  We  Th  Fr  Sa  Su"
    )
    assert lines.count(header) == 4  # three months a row, four rows


def test_calendar_starts_the_week_after_the_weekend(run: Run) -> None:
    result = run("sla", "calendar", "--country", "SA", "--year", "2026")
    assert result.exit_code == 0, result.stderr
    assert " Su  Mo  Tu  We  Th  Fr  Sa" in result.stdout
    assert "weekend fri,sat" in result.stdout
    assert "  Thu 2026-03-19   19*  Eid al-Fitr Holiday" in result.stdout.splitlines()


def test_calendar_year_defaults_to_now_in_the_calendars_zone(run: Run) -> None:
    # 20:00 UTC on 31 Dec 2026 is already 1 Jan 2027 in Shanghai.
    result = run("sla", "calendar", *CN, WISHDESK_NOW="2026-12-31T20:00:00Z")
    assert result.stdout.startswith("Business days 2027:")
    result = run("sla", "calendar", "--timezone", "UTC", WISHDESK_NOW="2026-12-31T20:00:00Z")
    assert result.stdout.startswith("Business days 2026: no country, UTC, weekend sat,sun;")


def test_calendar_uses_the_store(run: Run, tmp_path: Path) -> None:
    db = tmp_path / "de.db"
    make_store(db, {"calendar.country": "DE", "calendar.subdivision": "by"})
    result = run("--db", str(db), "sla", "calendar", "--year", "2026")
    assert result.exit_code == 0, result.stderr
    assert "Business days 2026: DE-BY, UTC" in result.stdout
    assert "Corpus Christi" in result.stdout  # a Bavarian holiday


def test_calendar_on_a_terminal_has_colour_unless_told_not_to(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("wishdesk.cli.context.stdout_is_tty", lambda: True)
    monkeypatch.setenv("FORCE_COLOR", "1")
    result = run("sla", "calendar", *CN, "--year", "2026")
    assert result.exit_code == 0, result.stderr
    assert "\x1b[1;31m" in result.stdout  # holidays in bold red
    assert "National Day" in result.stdout
    result = run("--no-color", "sla", "calendar", *CN, "--year", "2026")
    assert "\x1b[1;31m" not in result.stdout
    assert " 10+" in result.stdout  # the markers stay without colour
