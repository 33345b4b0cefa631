"""Buyer text never reaches the terminal as escape sequences, controls or rich markup."""

from __future__ import annotations

import csv
import io
import json

import pytest
from wishdata import order, ticket, write_jsonl

HOSTILE = (
    "Hi \x1b[5;35mBLINK\x1b[0m \x1b]0;pwned-title\x07 \x1b]8;;http://evil.example\x07link"
    "\x1b]8;;\x07 bell\x07 [bold red]markup[/bold red] \u202eoverride\u202c \x9b31m end"
)
T1 = "5f0000000000000000000001"
BAD = ("\x1b[5;35m", "\x1b]", "\x07", "\u202e", "\x9b", "pwned-title\x07")


@pytest.fixture
def hostile(run, tmp_path):
    o = order()
    o["full_address"]["shipping_detail"]["name"] = "Eve \x1b[5;35m[blink]x[/blink]"
    o["full_address"]["shipping_detail"]["city"] = "=cmd|' /C calc'!A0"
    records = [
        o,
        ticket(
            T1,
            subject="=1+1 " + HOSTILE,
            buyer="[bold]Eve\x1b[5;35m",
            locale="en\x07",
            orders=[o["id"]],
            replies=[("USER", "2026-11-23T08:00:00Z", HOSTILE)],
        ),
    ]
    assert run("import", str(write_jsonl(tmp_path / "h.jsonl", records))).exit_code == 0


def assert_clean(text: str) -> None:
    for bad in BAD:
        assert bad not in text, repr(bad)


@pytest.mark.parametrize("color", ["force", "none"])
@pytest.mark.parametrize("command", [("list",), ("show", T1)])
def test_table_output_is_clean_with_colour_on_and_off(run, hostile, color, command) -> None:
    env = {"FORCE_COLOR": "1"} if color == "force" else {"NO_COLOR": "1"}
    result = run(*command, "--format", "table", **env)
    assert result.exit_code == 0
    assert_clean(result.stdout)
    assert "[bold red]markup[/bold red]" in result.stdout or "[bold" in result.stdout
    if color == "force":
        assert "\x1b[" in result.stdout  # colour really was on
    else:
        assert "\x1b[" not in result.stdout


@pytest.mark.parametrize("command", [("list",), ("show", T1)])
def test_tsv_is_clean_and_one_line_per_row(run, hostile, command) -> None:
    out = run(*command, "--format", "tsv").stdout
    assert_clean(out)
    assert len(out.splitlines()) == 1
    assert "[bold red]markup[/bold red]" in out


@pytest.mark.parametrize("command", [("list",), ("show", T1)])
def test_json_keeps_the_text_but_escapes_the_controls(run, hostile, command) -> None:
    out = run(*command, "--json").stdout
    assert_clean(out)
    data = json.loads(out)
    record = data[0] if isinstance(data, list) else data
    assert "\x1b]0;pwned-title\x07" in record["subject"]  # lossless for machines
    assert "\u202e" in record["subject"]


def test_csv_is_clean_and_formulas_are_neutralised(run, hostile) -> None:
    out = run("list", "--format", "csv").stdout
    assert_clean(out)
    row = next(csv.DictReader(io.StringIO(out)))
    assert row["subject"].startswith("'=1+1")
    assert row["buyer_name"].startswith("[bold]Eve")
