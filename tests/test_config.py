"""``wishdesk init`` and ``wishdesk config``: validation, and deadlines that follow changes."""

from __future__ import annotations

import json

from wishdata import ticket, write_jsonl


def test_init_stores_calendar_and_sla_settings(run) -> None:
    result = run(
        "init",
        "--country",
        "CN",
        "--timezone",
        "Asia/Shanghai",
        "--sla-days",
        "3",
        "--escalation-hours",
        "24",
    )
    assert result.exit_code == 0, result.stderr
    assert run("config", "get", "calendar.country").stdout.strip() == "CN"
    assert run("config", "get", "sla.business_days").stdout.strip() == "3"
    assert run("init").exit_code == 0  # re-running keeps everything
    assert run("config", "get", "calendar.timezone").stdout.strip() == "Asia/Shanghai"


def test_bad_values_are_refused_and_change_nothing(run, db_path) -> None:
    for key, value, message in [
        ("calendar.country", "XX", "unknown country"),
        ("calendar.timezone", "Mars/Olympus", "unknown time zone"),
        ("calendar.extra_holidays", "2026-02-30", "bad date"),
        ("calendar.weekend", "fri,funday", "bad weekend day"),
        ("sla.business_days", "zero", "not a whole number"),
        ("no.such.key", "1", "unknown setting"),
    ]:
        result = run("config", "set", key, value)
        assert result.exit_code == 2, key
        assert message in result.stderr
        assert "Traceback" not in result.stderr
    bad_init = run("init", "--country", "XX")
    assert bad_init.exit_code == 2 and not db_path.exists()
    run("init")
    listed = {r["key"]: r["value"] for r in json.loads(run("config", "list", "--json").stdout)}
    assert listed["calendar.country"] == "" and listed["sla.business_days"] == "2"


def test_changing_the_calendar_recomputes_open_deadlines(run, tmp_path) -> None:
    run(
        "import", str(write_jsonl(tmp_path / "t.jsonl", [ticket(opened_at="2026-11-26T05:00:00Z")]))
    )
    assert json.loads(run("list", "--json").stdout)[0]["due_at"] == "2026-11-30T23:59:59Z"
    result = run("config", "set", "calendar.extra_holidays", "2026-11-27")
    assert "recomputed" in result.stdout
    assert json.loads(run("list", "--json").stdout)[0]["due_at"] == "2026-12-01T23:59:59Z"
    run("config", "set", "calendar.timezone", "Asia/Shanghai")
    # 2026-11-26T05:00Z is 13:00 Thursday in Shanghai; due Tue Dec 1 23:59:59 +08:00
    assert json.loads(run("list", "--json").stdout)[0]["due_at"] == "2026-12-01T15:59:59Z"
    overlap = run("config", "set", "calendar.extra_workdays", "2026-11-27")
    assert overlap.exit_code == 2 and "both" in overlap.stderr
