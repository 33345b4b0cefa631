"""Hostile input to every command: random arguments and standard input, on a demo store and
on one with damaged times, edge values, random and huge text to the linter. Always a
documented exit code and a short message, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reliutil import HOSTILE, assert_no_crash, fresh_copy, invoke
from typer.testing import Result


# random arguments to every command ---------------------------------------------------------
def command_table() -> dict[tuple[str, ...], list[Any]]:
    """Every command path (``("sla", "due")``) with its click parameters, from the app."""
    import typer.main

    from wishdesk.cli.app import app

    root = typer.main.get_command(app)
    ctx = root.make_context("wishdesk", ["--help"], resilient_parsing=True)
    table: dict[tuple[str, ...], list[Any]] = {}

    def walk(cmd: Any, path: tuple[str, ...]) -> None:
        if hasattr(cmd, "list_commands"):
            if path:
                table[path] = list(cmd.params)
            for name in cmd.list_commands(ctx):
                walk(cmd.get_command(ctx, name), (*path, name))
        else:
            table[path] = list(cmd.params)

    walk(root, ())
    return table


COMMANDS = command_table()
WORDS = [
    "",
    "-",
    "--",
    "0",
    "-1",
    "1",
    "3",
    "2147483648",
    "1e9",
    "nan",
    "inf",
    "x",
    "small",
    "12h",
    "1d",
    "2bd",
    "-2bd",
    "0bd",
    "99999d",
    "1.5h",
    "d",
    "bd",
    "5f",
    "5f0",
    "60",
    "a0",
    "zz",
    "%",
    "_",
    "*",
    "'",
    '"',
    ";",
    "\\",
    "awaiting-merchant",
    "any",
    "closed",
    "AWAITING_MERCHANT",
    "shipping-eta",
    "other",
    "2026-11-23",
    "2026-02-30",
    "0000-01-01",
    "10000-01-01",
    "2026-11-23T08:00:00+25:00",
    "US",
    "CN",
    "XX",
    "us",
    "Europe/Berlin",
    "Mars/Phobos",
    "UTC",
    "fri,sat",
    "sun,sun",
    ",",
    "sla.business_days",
    "sla.escalation_hours",
    "calendar.timezone",
    "calendar.weekend",
    "calendar.extra_holidays",
    "calendar.country",
    "merchant.name",
    "nope.key",
    "shipped",
    "tracking",
    "sold-out",
    "../../etc/passwd",
    "key=value",
    "=",
    "a=",
    "{order_id}",
    "{nope}",
    "\u202e\x1b[31mred\x07",
    "\udcff",
    "日本語",
    "x" * 5000,
    "truth.eta",
    "payment.off-platform",
    "/dev/null",
    "/nonexistent/file",
    "/tmp",
]
values = st.one_of(st.sampled_from(WORDS), st.text(max_size=12).filter(lambda s: "\x00" not in s))


@st.composite
def argv(draw: st.DrawFn) -> list[str]:
    path = draw(st.sampled_from(sorted(COMMANDS)))
    params = COMMANDS[path]
    args: list[str] = []
    for _ in range(draw(st.integers(0, 5))):
        if params and draw(st.integers(0, 3)):
            p = draw(st.sampled_from(params))
            if p.param_type_name == "option":
                names = list(p.opts) + list(p.secondary_opts)
                args.append(draw(st.sampled_from(names)))
                if not p.is_flag:
                    if path == ("demo",) and "--tickets" in p.opts:
                        args.append(draw(st.sampled_from(["0", "1", "5", "-1", "x", "small"])))
                    else:
                        args.append(draw(values))
            else:
                args.append(draw(values))
        else:
            args.append(draw(values))
    if path == ("sync",):
        args = [a for a in args if a not in ("--sandbox", "--token-file")]
        args += ["--base-url", "http://127.0.0.1:9"]  # never the real Wish
    return [*path, *args]


STDIN = st.sampled_from(
    [
        "",
        "hello\n",
        "5f\n",
        "{}",
        "\x00\xff",
        b"\xff\xfe\x00",  # not UTF-8
        b"\xef\xbb\xbforder_id,note\r6aa,x\r",  # a spreadsheet's CSV
        "order_id,note\n5f," + "x" * 140_000 + "\n",
    ]
)


@pytest.fixture(scope="module")
def damaged_store(workdir: Path, demo_store: Path) -> Path:
    """The demo store with times no wishdesk writes: text that is not a time, years 1 and
    9999, in every table that holds times."""
    import sqlite3

    db = fresh_copy(demo_store, workdir)
    conn = sqlite3.connect(db)
    with conn:
        for n, value in enumerate(["garbage", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z"]):
            conn.execute(
                "UPDATE tickets SET opened_at = ?, updated_at = ?, due_at = ?, "
                "awaiting_since = ?, escalates_at = ?, last_message_at = ? WHERE num % 3 = ?",
                (value,) * 6 + (n,),
            )
            conn.execute("UPDATE OR IGNORE messages SET sent_at = ? WHERE id % 3 = ?", (value, n))
            conn.execute(
                "UPDATE orders SET expected_delivery_at = ?, updated_at = ? WHERE rowid % 3 = ?",
                (value, value, n),
            )
        conn.execute("INSERT OR REPLACE INTO settings (key, value) "
                     "VALUES ('calendar.timezone', 'Pacific/Kiritimati')")  # fmt: skip
    conn.close()
    return db


@pytest.mark.parametrize("template", ["demo_store", "damaged_store"])
@settings(HOSTILE, max_examples=200)
@given(args=argv(), stdin=STDIN)
def test_random_arguments(
    args: list[str], stdin: str | bytes, template: str, workdir: Path, request: Any
) -> None:
    db = fresh_copy(request.getfixturevalue(template), workdir)
    result = invoke(db, args, input=stdin)
    assert_no_crash(result, {0, 1, 2})


@pytest.mark.parametrize(
    "args",
    [
        ["sla", "due", "2026-11-23T08:00:00Z", "--days", "2147483647"],
        ["sla", "due", "9999-12-31T23:00:00Z", "--days", "5"],
        ["sla", "due", "0001-01-01T00:00:00Z", "--days", "-5"],
        ["list", "--due-within", "99999999bd"],
        ["overdue", "--within", "999999999999d"],
        ["list", "--limit", "99999999999999999999"],
        ["config", "set", "sla.business_days", "99999999999"],
        ["config", "set", "sla.escalation_hours", "-99999999999"],
        ["config", "set", "calendar.extra_holidays", "10000-01-01"],
        ["show", ""],
        ["reply", "", "-m", "hi"],
        ["tag", "5", "--reason", "nope"],
        ["outbox", "cancel", "99999999999999999999"],
        ["import", "/tmp"],
        ["notify", "--orders-file", "/tmp", "-m", "x"],
        ["sla", "calendar", "--year", "9999"],
        ["sla", "calendar", "--year", "1"],
        ["sla", "calendar", "--year", "9998", "--timezone", "Pacific/Kiritimati"],
        ["sla", "due", "9999-12-31T23:59:59Z", "--timezone", "Pacific/Kiritimati"],
        ["sla", "due", "0001-01-01T00:00:00Z", "--timezone", "America/Adak", "--days", "3"],
    ],
)
def test_edge_arguments_are_quick_and_clean(
    args: list[str], workdir: Path, demo_store: Path
) -> None:
    import time

    db = fresh_copy(demo_store, workdir)
    began = time.monotonic()
    result = invoke(db, args)
    assert_no_crash(result, {0, 1, 2})
    assert time.monotonic() - began < 10


# the linter ------------------------------------------------------------------------------
def check_lint_json(text: str, result: Result) -> None:
    assert_no_crash(result, {0, 1})
    doc = json.loads(result.stdout)
    assert isinstance(doc["ok"], bool) and isinstance(doc["findings"], list)
    assert doc["ok"] == (result.exit_code == 0)
    for f in doc["findings"]:
        start, end = f["span"]
        assert 0 <= start <= end <= len(text)
        assert f["severity"] in ("error", "warning")


@settings(HOSTILE, max_examples=150)
@given(
    text=st.one_of(
        st.text(max_size=300),
        st.text(st.characters(max_codepoint=0x9F), max_size=300),
        st.lists(st.sampled_from([*WORDS[:60], "PayPal", "card", "IBAN", "@", "http://x.co"])).map(
            " ".join
        ),
    )
)
def test_lint_random_text(text: str, workdir: Path, empty_store: Path) -> None:
    result = invoke(empty_store, ["lint", "-", "--format", "json"], input=text.encode("utf-8"))
    # what the linter saw: stdin decoded as text
    check_lint_json(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "A" * 1_000_000,
        "pay me " * 150_000,
        "\x00\x1b[2J\x07" * 10_000,
        "😀" * 100_000,
        "\n" * 200_000,
        "x" * 2001,
        "",
    ],
)
def test_lint_huge_or_odd_input(text: str, empty_store: Path) -> None:
    import time

    began = time.monotonic()
    result = invoke(empty_store, ["lint", "-", "--format", "json"], input=text.encode("utf-8"))
    check_lint_json(text, result)
    assert time.monotonic() - began < 20
    if text in ("", "x" * 2001):
        assert result.exit_code == 1
    text_out = invoke(empty_store, ["lint", "-"], input=text.encode("utf-8"))
    assert_no_crash(text_out, {0, 1})
