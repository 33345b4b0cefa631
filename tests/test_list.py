"""``wishdesk list``: the default view, filters, sorting and every output format."""

from __future__ import annotations

import csv
import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from wishdata import order, ticket, write_jsonl

T1, T2, T3, T4 = (f"5f00000000000000000000{i:02d}" for i in (1, 2, 3, 4))


@pytest.fixture
def inbox(run, tmp_path):
    records = [
        order(),
        # due 2026-11-25 (overdue at NOW 2026-11-26T07:00Z), escalated
        ticket(
            T1,
            subject="Where is my order?",
            opened_at="2026-11-23T08:00:00Z",
            orders=["a00000000000000000000001"],
        ),
        # opened today: due in two working days
        ticket(
            T2,
            subject="Necesito cambiar la dirección",
            opened_at="2026-11-26T05:00:00Z",
            replies=[("USER", "2026-11-26T05:00:00Z", "Me mudé, nueva dirección: Calle 5")],
            buyer="Lucía",
            locale="es-ES",
        ),
        ticket(
            T3,
            state="AWAITING_USER",
            subject='=HYPERLINK("http://evil")',
            opened_at="2026-11-20T08:00:00Z",
            replies=[
                ("USER", "2026-11-20T08:00:00Z", "Item arrived broken"),
                ("MERCHANT", "2026-11-21T08:00:00Z", "Sorry! A refund is on its way."),
            ],
        ),
        ticket(
            T4,
            state="CLOSED",
            subject="Thanks",
            opened_at="2026-11-01T08:00:00Z",
            replies=[("USER", "2026-11-01T08:00:00Z", "All good, thanks")],
        ),
    ]
    assert run("import", str(write_jsonl(tmp_path / "inbox.jsonl", records))).exit_code == 0
    return records


def ids(result) -> list[str]:
    return [line.split("\t")[0] for line in result.stdout.splitlines()]


def test_default_is_awaiting_merchant_most_urgent_first_as_tsv(run, inbox) -> None:
    result = run("list")
    assert result.exit_code == 0
    assert ids(result) == [T1, T2]
    first = result.stdout.splitlines()[0].split("\t")
    assert first[1] == "AWAITING_MERCHANT" and first[13:15] == ["true", "true"]  # the flags
    assert "\x1b" not in result.stdout  # no colour in a pipe


def test_state_filters(run, inbox) -> None:
    assert ids(run("list", "--state", "awaiting-user")) == [T3]
    assert ids(run("list", "--state", "closed")) == [T4]
    assert set(ids(run("list", "--state", "any"))) == {T1, T2, T3, T4}
    assert set(ids(run("list", "-s", "closed", "-s", "awaiting-user"))) == {T3, T4}
    bad = run("list", "--state", "open")
    assert bad.exit_code == 2 and "unknown state" in bad.stderr


def test_overdue_and_due_within(run, inbox) -> None:
    assert ids(run("list", "--overdue")) == [T1]
    assert ids(run("list", "--due-within", "12h")) == [T1]
    assert ids(run("list", "--due-within", "4d")) == [T1]  # T2 is due Mon 30 at 23:59:59
    assert ids(run("list", "--due-within", "5d")) == [T1, T2]
    assert ids(run("list", "--due-within", "2bd")) == [T1, T2]
    assert run("list", "--due-within", "soon").exit_code == 2


def test_search_order_reason_and_limit(run, inbox) -> None:
    assert ids(run("list", "-s", "any", "--search", "broken")) == [T3]
    assert ids(run("list", "-s", "any", "--search", "direccion")) == [T2]  # accents folded
    assert ids(run("list", "-s", "any", "--search", "refund broken")) == [T3]  # words anywhere
    assert ids(run("list", "-s", "any", "--search", '"drop table tickets;--')) == []
    assert ids(run("list", "-s", "any", "--order", "a00000000000000000000001")) == [T1]
    assert len(ids(run("list", "-s", "any", "--limit", "1"))) == 1
    assert len(ids(run("list", "-s", "any", "--limit", "0"))) == 4
    assert run("list", "--reason", "nonsense").exit_code == 2


def test_sorting(run, inbox) -> None:
    assert ids(run("list", "-s", "any", "--sort", "opened")) == [T2, T1, T3, T4]
    assert ids(run("list", "-s", "any", "--sort", "opened", "--reverse")) == [T4, T3, T1, T2]
    assert ids(run("list", "-s", "any", "--sort", "updated"))[0] == T2


def test_json_fields_and_empty_result(run, inbox) -> None:
    data = json.loads(run("list", "--json").stdout)
    assert [r["id"] for r in data] == [T1, T2]
    assert set(data[0]) >= {
        "id",
        "state",
        "reason",
        "subject",
        "buyer_name",
        "buyer_locale",
        "order_ids",
        "opened_at",
        "updated_at",
        "awaiting_since",
        "due_at",
        "escalates_at",
        "overdue",
        "escalated",
        "last_message",
    }
    assert data[0]["order_ids"] == ["a00000000000000000000001"]
    assert data[0]["due_at"].endswith("Z")
    assert json.loads(run("list", "--search", "nothingmatches", "--json").stdout) == []
    lines = run("list", "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [T1, T2]


def test_csv_has_a_header_and_neutralises_formulas(run, inbox) -> None:
    rows = list(csv.DictReader(io.StringIO(run("list", "-s", "any", "--format", "csv").stdout)))
    by_id = {r["id"]: r for r in rows}
    assert by_id[T3]["subject"].startswith("'=HYPERLINK")
    assert by_id[T1]["overdue"] == "true"


def test_table_format_shows_the_inbox(run, inbox) -> None:
    result = run("list", "--format", "table")
    assert "Awaiting you: 2 tickets" in result.stdout
    assert "Where is my order?" in result.stdout
    assert "late" in result.stdout  # T1 is past due


def test_json_and_format_must_agree(run, inbox) -> None:
    assert run("list", "--json", "--format", "csv").exit_code == 2


ID = st.from_regex(r"[0-9A-Za-z_-]{1,64}", fullmatch=True)


@given(st.lists(ID, max_size=5))
def test_stored_order_ids_read_back_exactly(ids: list[str]) -> None:
    from wishdesk.services.inbox import _order_ids

    assert _order_ids(json.dumps(ids)) == ids


def test_streamed_tsv_matches_the_json_fields(run, inbox, tmp_path) -> None:
    from wishdesk.render.safe import tsv_cell

    odd = ticket(
        "5f0000000000000000000009",
        subject="tab\there\nnewline \\ back",
        orders=["a00000000000000000000001", "b_2-x"],
        buyer="",
        locale="",
    )
    run("import", str(write_jsonl(tmp_path / "odd.jsonl", [odd])))

    def cell(value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, list):
            return ",".join(value)
        return tsv_cell(str(value))

    for args in (["list", "-s", "any", "-n", "0"], ["overdue"], ["list", "--search", "tab"]):
        records = json.loads(run(*args, "--json").stdout or "[]")
        expected = "".join("\t".join(cell(v) for v in r.values()) + "\n" for r in records)
        assert run(*args, "--format", "tsv").stdout == expected, args


def test_streamed_json_is_the_usual_indented_array(run, inbox, tmp_path) -> None:
    """json streams item by item; the text is what json.dumps(indent=2) gives the list."""
    for args in (["-s", "any", "-n", "0"], ["-n", "1"], ["--search", "nothingmatches"]):
        out = run("list", *args, "--json").stdout
        assert out == json.dumps(json.loads(out), ensure_ascii=False, indent=2) + "\n", args
    assert run("list", "--search", "nothingmatches", "--json").stdout == "[]\n"
    # overdue stays silent (exit 0) in every format when nothing is overdue
    empty = str(tmp_path / "empty.db")
    assert run("--db", empty, "init").exit_code == 0
    for fmt in ("json", "jsonl", "csv", "tsv"):
        quiet = run("--db", empty, "overdue", "--format", fmt)
        assert (quiet.exit_code, quiet.stdout) == (0, ""), fmt
        loud = run("overdue", "--format", fmt)
        assert loud.exit_code == 1 and T1 in loud.stdout, fmt
