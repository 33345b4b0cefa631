"""Hostile buyer text on every output path: no escapes, controls, markup or formulas out.

Each command runs with colour forced on (FORCE_COLOR=1) and off (NO_COLOR=1); stdout and
stderr are both checked. Paths covered beyond tests/test_terminal_safety.py: show's order
panel and thread, outbox (table/tsv/csv/json), notify results, lint text, audit, templates
show/list, stats, sla calendar, reply --dry-run, config, and error messages echoing input.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest
from wishdata import order, ticket, write_jsonl

# Rich markup first (so a table's truncation cannot hide whether it was interpreted), then
# SGR, OSC title, OSC 8 hyperlink, BEL, bidi override, C1 CSI, DCS.
MARKUP = "[bold red]mk[/bold red]"
HOSTILE = (
    MARKUP + " \x1b[5;35mBL\x1b[0m \x1b]0;pwned\x07 \x1b]8;;http://evil.example\x07ln"
    "\x1b]8;;\x07 \x07 \u202eov\u202c \x9b31m \x1bP1$r\x1b\\ end"
)
BAD = ("\x1b[5;35m", "\x1b]0;", "\x1b]8;;http://evil", "\x07", "\u202e", "\x9b", "\x1bP")
T1 = "5f0000000000000000000001"
O1 = "a00000000000000000000001"
O2 = "-A1"  # a legal Wish-style id that a spreadsheet would read as the formula =-A1
COLOURS = pytest.mark.parametrize("colour", ["on", "off"])


def colour_env(colour: str) -> dict[str, str]:
    return {"FORCE_COLOR": "1"} if colour == "on" else {"NO_COLOR": "1"}


def assert_safe(text: str) -> None:
    for bad in BAD:
        assert bad not in text, f"{bad!r} reached the output"
    # Markup is shown literally, never interpreted: every "mk" keeps its tags in front of it.
    assert text.count("mk[/bold red]") == text.count(MARKUP) or "mk" not in text


def assert_safe_result(result) -> None:
    assert_safe(result.stdout)
    assert_safe(result.stderr)


def assert_no_raw_escape(text: str) -> None:
    assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text
    assert "\u202e" not in text


def assert_no_formula(text: str) -> None:
    for row in csv.reader(io.StringIO(text)):
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@")), cell


@pytest.fixture
def hostile(run, tmp_path, db_path):
    o = order(O1)
    info = o["product_information"]
    info["name"], info["size"], info["color"] = HOSTILE, HOSTILE, '=HYPERLINK("http://x")'
    ship = o["full_address"]["shipping_detail"]
    ship["name"], ship["street_address1"], ship["city"] = HOSTILE, HOSTILE, "@SUM(1+1)"
    o["tracking_information"][0]["shipping_provider"]["name"] = HOSTILE
    o2 = order(O2, tracking=None)
    records = [
        o,
        o2,
        ticket(
            T1,
            subject="=1+1 " + HOSTILE,
            buyer=HOSTILE,
            orders=[O1, O2],
            replies=[
                ("USER", "2026-11-23T08:00:00Z", HOSTILE),
                # A merchant message sent before the linter: audit reports it, quoting it.
                ("MERCHANT", "2026-11-23T09:00:00Z", "Mail me at bob@gmail.com " + HOSTILE),
                ("USER", "2026-11-23T10:00:00Z", "+" + HOSTILE),
            ],
        ),
    ]
    result = run("import", str(write_jsonl(tmp_path / "hostile.jsonl", records)))
    assert result.exit_code == 0, result.stderr
    # A queued notification whose body carries the buyer's name, and an error from Wish.
    queued = run("notify", O1, "-m", "Hello {buyer_name}, order {order_id} ships soon.", "--yes")
    assert queued.exit_code in (0, 1), queued.stderr
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute(
            "INSERT INTO outbox (kind, ticket_id, order_id, body, status, created_at, error) "
            "VALUES ('reply', ?, ?, ?, 'failed', '2026-11-26T06:00:00Z', ?)",
            (T1, O1, "-" + HOSTILE, "=" + HOSTILE),
        )
    conn.close()


@COLOURS
@pytest.mark.parametrize(
    "command",
    [
        ("show", T1, "--format", "table"),
        ("list", "--format", "table"),
        ("outbox", "--status", "any", "--format", "table"),
        ("audit", "--format", "text"),
        ("notify", "-m", "Hi {buyer_name}", "--dry-run", "-F", "table", "--", O1, O2, "nope"),
        ("lint", "--ticket", T1, "Write to bob@gmail.com " + HOSTILE),
        ("lint", "--order", O1, HOSTILE + "\nEmail bob@gmail.com " + HOSTILE),
        ("reply", T1, "-m", "Hello {buyer_name}, see bob@gmail.com", "--dry-run"),
    ],
    ids=lambda c: "-".join(c[:2]) if isinstance(c, tuple) else c,
)
def test_human_output_is_safe(run, hostile, colour, command) -> None:
    result = run(*command, **colour_env(colour))
    assert result.exit_code in (0, 1, 2), result.stderr  # notify: 2 for the unknown order
    assert result.exit_code != 2 or command[0] == "notify"
    assert_safe_result(result)
    assert result.stdout.strip()


def test_show_table_really_shows_the_order_panel_and_thread(run, hostile) -> None:
    out = run("show", T1, "--format", "table", FORCE_COLOR="1").stdout
    assert "\x1b[" in out  # colour was on
    assert "end" in out and MARKUP in out
    assert "Mail me at bob@gmail.com" in out  # the thread is there


@pytest.mark.parametrize(
    "command",
    [
        ("list",),
        ("show", T1),
        ("outbox", "--status", "any"),
        ("notify", "-m", "Hi {buyer_name}", "--dry-run", "--", O1, O2),
    ],
    ids=lambda c: c[0],
)
@pytest.mark.parametrize("fmt", ["tsv", "csv", "json", "jsonl"])
def test_machine_output_is_safe(run, hostile, command, fmt) -> None:
    if command[0] == "show" and fmt in ("tsv", "csv"):
        fmt = "json"
    args = list(command)
    args[1:1] = ["--format", fmt]
    result = run(*args, FORCE_COLOR="1")
    assert result.exit_code in (0, 1), result.stderr
    assert_no_raw_escape(result.stdout)
    assert_safe(result.stderr)
    if fmt == "csv":
        assert_no_formula(result.stdout)
    if fmt == "tsv":
        for line in result.stdout.splitlines():
            assert "\r" not in line
    if fmt == "json":
        json.loads(result.stdout)  # still valid, and lossless for markup
        assert MARKUP in result.stdout or command[0] == "notify"


def test_csv_neutralises_list_cells_too(run, hostile) -> None:
    out = run("list", "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and all(not r["order_ids"].startswith("-") for r in rows)
    assert any(O2 in r["order_ids"] for r in rows)


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl"])
def test_audit_every_format(run, hostile, fmt) -> None:
    result = run("audit", "--format", fmt, FORCE_COLOR="1")
    assert result.exit_code == 1  # the merchant message breaks a rule
    assert_safe_result(result)
    if fmt != "text":
        assert_no_raw_escape(result.stdout)


@COLOURS
def test_lint_batch_and_json(run, colour) -> None:
    line = json.dumps({"id": "x\x1b]0;t\x07", "text": "Write to bob@gmail.com " + HOSTILE})
    result = run("lint", "--batch", "-", input=line + "\n", **colour_env(colour))
    assert result.exit_code == 1
    assert_no_raw_escape(result.stdout)
    result = run("lint", "--format", "json", HOSTILE + " bob@gmail.com", **colour_env(colour))
    assert_no_raw_escape(result.stdout)


@COLOURS
def test_user_template_with_escapes(run, env, colour) -> None:
    from pathlib import Path

    folder = Path(env["WISHDESK_HOME"]) / "templates"
    folder.mkdir(parents=True)
    (folder / "evil.en.txt").write_text("Hi {buyer_name} " + HOSTILE, encoding="utf-8")
    for command in (("templates", "show", "evil"), ("templates", "list", "--format", "table")):
        result = run(*command, **colour_env(colour))
        assert result.exit_code == 0, result.stderr
        assert_safe_result(result)
    shown = run("templates", "show", "evil", "--json")
    assert_no_raw_escape(shown.stdout)


@COLOURS
def test_stats_reason_names(run, hostile, db_path, colour) -> None:
    conn = sqlite3.connect(db_path)
    with conn:  # a store written by something else: the reason column is not to be trusted
        conn.execute("UPDATE tickets SET reason = ?", (HOSTILE,))
    conn.close()
    for fmt in ("table", "json"):
        result = run("stats", "--format", fmt, **colour_env(colour))
        assert result.exit_code == 0, result.stderr
        assert_safe_result(result)
        if fmt == "json":
            assert_no_raw_escape(result.stdout)


@COLOURS
@pytest.mark.parametrize("tty", [False, True])
def test_sla_calendar_holiday_names(run, monkeypatch, colour, tty) -> None:
    from datetime import date

    from wishdesk.cli import context
    from wishdesk.domain.sla.calendar import BusinessCalendar

    def name(self, day: date) -> str | None:
        return HOSTILE if (day.month, day.day) in ((12, 25), (1, 1)) else None

    monkeypatch.setattr(BusinessCalendar, "holiday_name", name)
    monkeypatch.setattr(context, "stdout_is_tty", lambda: tty)
    result = run("sla", "calendar", "--year", "2026", "--country", "US", **colour_env(colour))
    assert result.exit_code == 0, result.stderr
    assert "end" in result.stdout  # the name is there
    assert_safe_result(result)


@COLOURS
def test_config_values_are_shown_clean(run, colour) -> None:
    result = run("config", "set", "merchant.name", HOSTILE, **colour_env(colour))
    assert_safe_result(result)
    for command in (("config", "get", "merchant.name"), ("config", "list")):
        result = run(*command, **colour_env(colour))
        assert_safe_result(result)


ESC_ARG = "ab\x1b]0;pwned\x07\x1b[5;35m\u202e"


@COLOURS
@pytest.mark.parametrize(
    "command",
    [
        ("show", ESC_ARG),
        ("show", "5f" + ESC_ARG),
        ("list", "--state", ESC_ARG),
        ("list", "--reason", ESC_ARG),
        ("list", "--due-within", ESC_ARG),
        ("list", "--order", ESC_ARG),
        ("tag", T1, "--reason", ESC_ARG),
        ("tag", ESC_ARG, "--reason", "other"),
        ("config", "get", ESC_ARG),
        ("config", "set", ESC_ARG, "x"),
        ("config", "set", "calendar.timezone", ESC_ARG),
        ("lint", "--order", ESC_ARG, "hello"),
        ("lint", "--ticket", ESC_ARG, "hello"),
        ("audit", "--since", ESC_ARG),
        ("outbox", "--status", ESC_ARG),
        ("outbox", "cancel", ESC_ARG),
        ("templates", "show", ESC_ARG),
        ("notify", ESC_ARG, "-m", "hi"),
        ("notify", O1, "-m", "hi", "--var", ESC_ARG),
        ("reply", ESC_ARG, "-m", "hi"),
        ("sync", "--base-url", ESC_ARG),
        ("sla", "due", ESC_ARG),
        ("sla", "calendar", "--timezone", ESC_ARG),
        ("import", ESC_ARG),
    ],
    ids=lambda c: "-".join(x for x in c[:2] if x != ESC_ARG) if isinstance(c, tuple) else c,
)
def test_error_messages_echoing_input_are_clean(run, hostile, colour, command) -> None:
    result = run(*command, **colour_env(colour))
    assert result.exit_code == 2 or result.exit_code == 0, (result.exit_code, result.stderr)
    assert_safe_result(result)


@COLOURS
def test_import_errors_quoting_bad_values_are_clean(run, tmp_path, colour) -> None:
    bad = ticket("5f00000000000000000000ff", state=ESC_ARG, subject=HOSTILE)
    bad["buyer_info"]["locale"] = ESC_ARG
    bad2 = order("b0000000000000000000000f", updated_at=ESC_ARG)
    bad3 = {"id": ESC_ARG, "subject": "x", "state": "CLOSED"}
    path = write_jsonl(tmp_path / "bad.jsonl", [bad, bad2, bad3])
    path2 = tmp_path / ("name\x1b]0;pwned\x07.jsonl")
    path2.write_text('{"id": "x", "state": "\x1b[5;35m\\u001b]0;pwned\\u0007"}\n{', "utf-8")
    for args in ((str(path),), (str(path2),), ("--skip-invalid", str(path), str(path2))):
        result = run("import", *args, **colour_env(colour))
        assert result.exit_code == 2, result.stderr
        assert result.stderr.strip()
        assert_safe_result(result)


@COLOURS
def test_reply_dry_run_prints_a_filled_template_clean(run, hostile, env, colour) -> None:
    from pathlib import Path

    folder = Path(env["WISHDESK_HOME"]) / "templates"
    folder.mkdir(parents=True)
    (folder / "hello.en.txt").write_text("Hello {buyer_name}, thanks!", encoding="utf-8")
    result = run("reply", T1, "--template", "hello", "--dry-run", **colour_env(colour))
    assert result.exit_code in (0, 1), result.stderr
    assert "Hello" in result.stdout
    assert_safe_result(result)
