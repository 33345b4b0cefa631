"""What a merchant at the keyboard stumbled on in the first five minutes, each through the
real CLI: demo over real data, ``show`` in a pipe, queued replies, empty replies, order-id
prefixes, the linter's gutter in a pipe, CSV for spreadsheets."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil

import pytest
from wishdata import order, ticket, write_jsonl

T1 = "5f0000000000000000000001"
O1 = "a00000000000000000000001"


@pytest.fixture
def store(run, tmp_path):
    records = [order(), ticket(T1, orders=[O1]), ticket("5f0000000000000000000002", orders=[])]
    assert run("import", str(write_jsonl(tmp_path / "s.jsonl", records))).exit_code == 0


def test_demo_never_replaces_what_it_did_not_write(run, tmp_path) -> None:
    demo, mine = tmp_path / "demo.db", tmp_path / "mine.db"
    assert run("--db", str(demo), "demo", "--tickets", "30", "--quiet").exit_code == 0
    assert run("--db", str(demo), "demo", "--tickets", "30", "--quiet").exit_code == 0  # again
    shutil.copy(demo, mine)
    first = run("--db", str(mine), "list", "-n", "1", "--format", "tsv").stdout.split("\t")[0]
    assert run("--db", str(mine), "reply", first, "-m", "We are checking it.").exit_code == 0
    refused = run("--db", str(mine), "demo", "--quiet")
    assert refused.exit_code == 2
    assert refused.stderr.count("\n") == 1 and "--db demo.db" in refused.stderr
    outbox = json.loads(run("--db", str(mine), "outbox", "--json").stdout)
    assert [i["body"] for i in outbox] == ["We are checking it."]  # nothing lost
    imported = tmp_path / "other.db"
    source = write_jsonl(tmp_path / "t.jsonl", [ticket(T1)])
    assert run("--db", str(imported), "import", str(source)).exit_code == 0
    assert run("--db", str(imported), "demo", "--quiet").exit_code == 2
    assert run("--db", str(imported), "show", T1, "--json").exit_code == 0


def test_show_in_a_pipe_is_plain_text_with_the_thread(run, store) -> None:
    out = run("show", T1).stdout
    lines = out.splitlines()
    assert lines[0] == "title:\tWhere is my order?"
    assert f"id:\t{T1}" in lines and "order:\t" + O1 in lines and "--" in lines
    thread = lines[lines.index("--") + 1 :]
    assert thread[0] == "USER 2026-11-23T08:00:00Z"
    assert "\x1b" not in out and "\t" not in "".join(thread)
    row = run("show", T1, "--format", "tsv").stdout
    assert row.count("\n") == 1 and row.startswith(T1 + "\t")


def test_a_reply_is_marked_queued_until_sync_sends_it(run, store) -> None:
    assert run("reply", T1, "-m", "Thanks, we are looking into it.").exit_code == 0
    data = json.loads(run("show", T1, "--json").stdout)
    assert [m["queued"] for m in data["messages"]] == [False, True]
    assert "MERCHANT 20" in run("show", T1).stdout
    assert "(queued, not sent)" in run("show", T1).stdout
    assert run("outbox", "cancel", "1").exit_code == 0
    data = json.loads(run("show", T1, "--json").stdout)
    assert [m["queued"] for m in data["messages"]] == [False]


@pytest.mark.parametrize("body", ["", "   ", "\n"])
def test_an_empty_reply_is_refused_not_saved(run, store, body: str) -> None:
    result = run("reply", T1, "-m", body)
    assert result.exit_code == 2 and "empty" in result.stderr
    assert json.loads(run("show", T1, "--json").stdout)["drafts"] == []


def test_list_order_takes_a_prefix_and_show_knows_an_order(run, store) -> None:
    by_prefix = json.loads(run("list", "--order", O1[:8], "--json").stdout)
    assert [t["id"] for t in by_prefix] == [T1]
    assert json.loads(run("list", "--order", "ffff", "--json").stdout) == []  # no failure
    shown = run("show", O1[:10])
    assert shown.exit_code == 2 and "is an order" in shown.stderr and "orders show" in shown.stderr


def test_findings_in_a_pipe_keep_their_gutter(run, store) -> None:
    long = "Please send me your PayPal email address " + "so that we can sort this out " * 6
    result = run("lint", long)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("1 | Please send me")  # one line, not wrapped
    assert all(line.startswith(("1 |", "  |")) for line in lines[:4]), lines[:4]


def test_csv_for_spreadsheets(run, store) -> None:
    plain = run("list", "--format", "csv").stdout
    with_bom = run("list", "--format", "csv", "--bom").stdout
    assert with_bom == "\ufeff" + plain and not plain.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(plain)))
    assert rows[0]["product"] == "LED strip 5m"
    assert rows[0]["tracking_number"] == "LZ123456789CN" and rows[0]["carrier"] == "China Post"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", rows[0]["opened_at"])  # ISO UTC
    for args in (("outbox",), ("stats",), ("config", "list"), ("templates", "list")):
        out = run(*args, "--format", "csv", "--bom").stdout
        assert out.startswith("\ufeff"), args
    listed = json.loads(run("list", "--json").stdout)[0]
    assert (listed["product"], listed["tracking_number"]) == ("LED strip 5m", "LZ123456789CN")


def test_an_order_written_after_its_ticket_fills_the_ticket_in(run, tmp_path) -> None:
    late = write_jsonl(tmp_path / "t.jsonl", [ticket(T1, orders=[O1])])
    assert run("import", str(late)).exit_code == 0
    assert json.loads(run("list", "--json").stdout)[0]["product"] is None
    assert run("import", str(write_jsonl(tmp_path / "o.jsonl", [order()]))).exit_code == 0
    assert json.loads(run("list", "--json").stdout)[0]["product"] == "LED strip 5m"


def test_lint_context_takes_id_prefixes_like_every_command(run, store, tmp_path) -> None:
    other = ticket("6a1000000000000000000001", orders=[O1])
    assert run("import", str(write_jsonl(tmp_path / "o.jsonl", [other]))).exit_code == 0
    claim = "Your order will arrive tomorrow."
    for option, ref in (("--ticket", "6a1"), ("--order", O1[:12])):
        result = run("lint", claim, option, ref, "--format", "json")
        assert result.exit_code == 1, result.stderr  # checked against the order's ETA
        assert "truth.eta" in {f["rule"] for f in json.loads(result.stdout)["findings"]}
    assert run("lint", claim, "--ticket", "5f").exit_code == 2  # two tickets start so
    assert run("lint", claim, "--order", "ffff").exit_code == 2


def test_a_refused_demo_store_named_demo_db_suggests_another_name(run, tmp_path) -> None:
    demo = tmp_path / "demo.db"
    source = write_jsonl(tmp_path / "t.jsonl", [ticket(T1)])
    assert run("--db", str(demo), "import", str(source)).exit_code == 0
    refused = run("--db", str(demo), "demo", "--quiet")
    assert refused.exit_code == 2 and "--db demo2.db demo" in refused.stderr
