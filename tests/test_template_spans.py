"""``--var new_date=+15bd``: a span from today names a date (business days by the store's
calendar), written in the buyer's language; the outbox's once-only key keeps it as typed."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone

import pytest
from wishdata import order, ticket, write_jsonl

from wishdesk.domain.settings import CalendarSettings
from wishdesk.domain.sla.calendar import BusinessCalendar
from wishdesk.domain.templates.spans import check_spans, resolve_spans, span_date
from wishdesk.errors import UsageError

O1, O2 = "a00000000000000000000001", "a00000000000000000000002"
T1 = "5f0000000000000000000001"
NOW = datetime(2026, 11, 26, 7, tzinfo=timezone.utc)  # a Thursday, 15:00 in Shanghai
LATE = datetime(2026, 11, 26, 18, tzinfo=timezone.utc)  # already Friday in Shanghai


def china() -> BusinessCalendar:
    return BusinessCalendar(CalendarSettings(country="CN", timezone="Asia/Shanghai"))


@pytest.mark.parametrize(
    ("text", "now", "want"),
    [
        ("+15bd", NOW, "2026-12-17"),  # Fri 27 Nov is the first, Thu 17 Dec the fifteenth
        ("+15BD", NOW, "2026-12-17"),
        (" + 15 bd ", NOW, "2026-12-17"),
        ("+15bd", LATE, "2026-12-18"),  # the merchant's today, not UTC's
        ("+2w", NOW, "2026-12-10"),
        ("+10d", NOW, "2026-12-06"),
        ("+0d", NOW, "2026-11-26"),
        ("+0bd", NOW, "2026-11-26"),
        # the National Day week (1-7 October 2026 off): the next business day is 8 October
        ("+1bd", datetime(2026, 9, 30, 4, tzinfo=timezone.utc), "2026-10-08"),
    ],
)
def test_a_span_from_today_names_a_date(text: str, now: datetime, want: str) -> None:
    assert span_date(text, now, china) == want


@pytest.mark.parametrize("text", ["15bd", "+4h", "+30m", "+10 days", "+-3d", "2026-12-24", "+"])
def test_other_values_stay_text(text: str) -> None:
    def no_calendar() -> BusinessCalendar:
        raise AssertionError("the calendar is only built for a span")

    assert span_date(text, NOW, no_calendar) is None
    assert resolve_spans({"new_date": text}, NOW, no_calendar) == {"new_date": text}


def test_a_span_longer_than_ten_years_is_refused() -> None:
    with pytest.raises(UsageError, match="too long"):
        check_spans({"a": "x", "new_date": "+3661d"})
    check_spans({"new_date": "+3660d", "note": "+99999h"})  # hours are text, not a span
    assert span_date("+3660d", NOW, china) == "2036-12-03"  # ten years and two leap days


@pytest.fixture
def store(run, tmp_path):
    records = [order(O1), order(O2, delivery="2026-12-01T00:00:00Z"), ticket(T1, orders=[O1])]
    records[-1]["buyer_info"]["locale"] = "de-DE"
    assert run("import", str(write_jsonl(tmp_path / "s.jsonl", records))).exit_code == 0
    assert run("config", "set", "merchant.name", "Aurora Home").exit_code == 0


def bodies(db_path) -> list[str]:
    rows = sqlite3.connect(db_path).execute("SELECT body FROM outbox ORDER BY id").fetchall()
    return [row[0] for row in rows]


def test_notify_writes_the_date_in_the_buyers_language(run, store, db_path) -> None:
    done = run("notify", O1, "--template", "shipping-delay", "--var", "new_date=+15bd")
    assert done.exit_code == 0, done.stderr
    assert "17. Dezember 2026" in bodies(db_path)[0]


def test_the_same_span_tomorrow_is_the_same_message(run, store, db_path) -> None:
    """A cron job that runs every day does not notify the same buyer again: the once-only
    key holds ``+15bd``, not the date it named that day."""
    assert run("notify", O2, "-m", "New date: {new_date}", "--var", "new_date=+15bd").exit_code == 0
    again = run(
        "notify", O2, "-m", "New date: {new_date}", "--var", "new_date=+15bd", "--format",
        "jsonl", WISHDESK_NOW="2026-11-27T07:00:00Z",
    )  # fmt: skip
    assert json.loads(again.stdout)["status"] == "skipped"
    assert bodies(db_path) == ["New date: 17 December 2026"]


def test_reply_takes_a_span_too(run, store, db_path) -> None:
    done = run("reply", T1, "--template", "shipping-delay", "--var", "new_date=+2w", "--yes")
    assert done.exit_code == 0, done.stderr
    assert "10. Dezember 2026" in bodies(db_path)[0]


@pytest.mark.parametrize("command", ["notify", "reply"])
def test_a_span_too_long_is_one_clear_error(run, store, db_path, command: str) -> None:
    target = O1 if command == "notify" else T1
    done = run(command, target, "--template", "shipping-delay", "--var", "new_date=+4000d")
    assert done.exit_code == 2
    assert done.stderr.strip() == "wishdesk: duration '4000d' is too long: at most 3660d"
    assert bodies(db_path) == []
