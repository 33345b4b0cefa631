"""One bad value costs its record, never the good data (issue 19, point 3): a lone UTF-16
surrogate, a time near year 1 or 9999, a 5000-digit number, data nested too deeply, in a
file or in what Wish sends; each is a record error named by file, line and field, skipped
and reported with ``--skip-invalid`` and in sync, while the rest lands."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from reliutil import FakeWish, assert_clean, assert_no_crash, counts, invoke, rows, wishdesk
from wishdata import order, ticket

GOOD_T, BAD_T = "5f0000000000000000000001", "5f0000000000000000000002"
GOOD_O, BAD_O = "a00000000000000000000001", "a00000000000000000000002"
CUT_EMOJI = "Thanks \ud83d"  # the first half of 😀 only
DIGITS = "9" * 5000
DEEP = "[" * 5000 + "]" * 5000


def _set(obj: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    target: Any = obj
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return obj


# (what, record, path, JSON text of the value, field named in the error)
CASES = [
    ("surrogate", "ticket", ("subject",), json.dumps(CUT_EMOJI), "subject"),
    ("surrogate", "ticket", ("replies", 0, "message"), json.dumps(CUT_EMOJI), "replies[0].message"),
    ("surrogate", "ticket", ("buyer_info", "name"), json.dumps(CUT_EMOJI), "buyer_info.name"),
    ("surrogate", "order", ("product_information", "name"), json.dumps(CUT_EMOJI),
     "product_information.name"),
    ("surrogate", "order", ("refunds",), json.dumps([{"note": CUT_EMOJI}]), "refunds[0].note"),
    ("year 1", "ticket", ("opened_at",), '"0001-01-01T00:00:00Z"', "opened_at"),
    ("year 1", "ticket", ("replies", 0, "replied_at"), '"0001-01-01T00:00:00+01:00"',
     "replies[0].replied_at"),
    ("year 9999", "ticket", ("opened_at",), '"9999-12-31T23:00:00Z"', "opened_at"),
    ("year 9999", "order", ("fulfillment_requirements", "expected_delivery_time"),
     '"9999-12-31T23:59:59-01:00"', "fulfillment_requirements.expected_delivery_time"),
    ("5000 digits", "ticket", ("subject",), DIGITS, "subject"),
    ("5000 digits", "order", ("transaction_id",), DIGITS, "transaction_id"),
    ("5000 digits", "order", ("order_payment", "general_payment_details", "product_quantity"),
     json.dumps(DIGITS), "product_quantity"),
    ("nested", "ticket", ("replies",), DEEP, "replies"),
    ("nested", "order", ("refunds",), DEEP, "refunds"),
    ("nested", "order", ("refunds",), "[" * 30 + "]" * 30, "nested more than 20 levels"),
]  # fmt: skip
MARK = '"@@VALUE@@"'


def bad_file(tmp_path: Path, kind: str, path: tuple[Any, ...], value: str) -> Path:
    """JSON Lines: a good ticket, a good order, then the bad record (its value spliced in
    as raw JSON, which Python's own json.dumps could not write)."""
    bad = ticket(BAD_T) if kind == "ticket" else order(BAD_O)
    lines = [json.dumps(ticket(GOOD_T)), json.dumps(order(GOOD_O))]
    lines.append(json.dumps(_set(bad, path, "@@VALUE@@")).replace(MARK, value))
    out = tmp_path / "in.jsonl"
    out.write_text("\n".join(lines) + "\n")
    return out


@pytest.mark.parametrize(("what", "kind", "path", "value", "field"), CASES)
def test_a_bad_value_is_a_record_error(
    tmp_path: Path, what: str, kind: str, path: tuple[Any, ...], value: str, field: str
) -> None:
    db = tmp_path / "store.db"
    data = bad_file(tmp_path, kind, path, value)
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps(ticket("5f0000000000000000000003")) + "\n")
    refused = invoke(db, ["import", str(data), str(other)])
    assert_no_crash(refused, {2})
    assert f"{data}, line 3: " in refused.stderr and field in refused.stderr, refused.stderr
    assert counts(db)["tickets"] == 1  # the other file, whole; nothing of this one
    skipped = invoke(db, ["import", "--skip-invalid", str(data)])
    assert_no_crash(skipped, {0})
    assert "skipped 1 invalid record" in skipped.stderr and field in skipped.stderr
    assert counts(db)["tickets"] == 2 and counts(db)["orders"] == 1  # the good ones landed


def test_a_bad_value_in_a_field_wishdesk_ignores_costs_nothing(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    data = bad_file(tmp_path, "ticket", ("wish_internal",), DEEP)
    assert_no_crash(invoke(db, ["import", str(data)]), {0})
    assert counts(db)["tickets"] == 2


def test_a_top_level_record_nested_too_deeply_is_one_bad_record(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    data = tmp_path / "in.json"
    data.write_text("[" + DEEP + ", " + json.dumps(ticket(GOOD_T)) + "]")
    refused = invoke(db, ["import", str(data)])
    assert_no_crash(refused, {2})
    assert "item[0], line 1: expected a JSON object, got a value nested too deeply" in (
        refused.stderr
    )
    assert_no_crash(invoke(db, ["import", "--skip-invalid", str(data)]), {0})
    assert counts(db)["tickets"] == 1


@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "America/Adak"])
def test_times_at_the_ends_of_the_calendar_are_record_errors_in_any_zone(
    tmp_path: Path, zone: str
) -> None:
    db = tmp_path / "store.db"
    assert_no_crash(invoke(db, ["init", "--timezone", zone]), {0})
    records = [
        ticket(BAD_T, opened_at="0001-01-01T00:00:00Z", replies=[]),
        ticket("5f0000000000000000000004", opened_at="9999-12-31T23:59:59Z", replies=[]),
        ticket(GOOD_T),
    ]
    data = tmp_path / "in.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in records))
    result = invoke(db, ["import", "--skip-invalid", str(data)])
    assert_no_crash(result, {0})
    assert "skipped 2 invalid records" in result.stderr
    assert counts(db)["tickets"] == 1
    for start in ("9999-12-31T23:00:00Z", "0001-01-01T00:30:00Z"):
        assert_no_crash(invoke(db, ["sla", "due", start]), {0, 2})


def test_a_rules_file_nested_5000_deep_is_a_clean_error(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    home = tmp_path / "home"
    home.mkdir()
    (home / "rules.toml").write_text("a = " + DEEP + "\n")
    result = invoke(db, ["lint", "hello"])
    assert_no_crash(result, {2})
    assert "not valid TOML: arrays or tables nested too deeply" in result.stderr


# what Wish sends ------------------------------------------------------------------------------
def test_a_sync_page_with_bad_tickets_brings_the_rest(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    wish = FakeWish().start()
    try:
        good = [ticket(f"5f00000000000000000001{i:02d}") for i in range(20)]
        for t in good:
            wish.add_ticket(t)
        wish.add_ticket(ticket(BAD_T, subject=CUT_EMOJI))  # json.dumps sends it as \\ud83d
        wish.add_ticket(ticket("5f0000000000000000000005", opened_at="9999-12-31T23:00:00Z"))
        for attempt in range(2):  # and not on every run again
            code, out, err = wishdesk(db, "sync", "--base-url", wish.url, "--no-push")
            assert code in (0, 2), err
            assert_clean(err, f"sync {attempt}")
            assert "subject: not valid text: a lone UTF-16 surrogate" in out + err
        assert {r[0] for r in rows(db, "SELECT id FROM tickets")} == {t["id"] for t in good}
    finally:
        wish.stop()


def test_wish_json_nested_too_deeply_costs_one_ticket() -> None:
    """``fields.loads``, for API responses: the deep value becomes a bad field of its own
    ticket, the other tickets of the page read as usual (the sync client decodes its
    responses with it)."""
    from wishdesk.domain.fields import loads
    from wishdesk.domain.wish import RecordError, parse_record

    page = json.dumps({"code": 0, "message": "", "data": [ticket(BAD_T), ticket(GOOD_T)]})
    page = page.replace('"replies": [', '"replies": ' + DEEP + ', "x": [', 1)
    page = page.replace('"id": "5f0000000000000000000002"', '"id": ' + DIGITS, 1)
    doc = loads(page.encode())
    with pytest.raises(RecordError, match=r"^replies"):
        parse_record(doc["data"][0])
    assert parse_record(doc["data"][1]).id == GOOD_T
    with pytest.raises(ValueError):
        loads(b"[" * 10)


# what the merchant pipes in ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("args", "data", "message"),
    [
        (["lint", "-"], b"hello \xff\xfe world", "standard input: not UTF-8 text (byte 6)"),
        (
            ["lint", "--batch", "-"],
            b'{"id": "1", "text": "ok"}\n{"id": "2", "text": "\xff"}\n',
            "line 2: not UTF-8 text",
        ),
        (
            ["lint", "--batch", "-"],
            b'{"id": 1, "text": ' + DEEP.encode() + b"}\n",
            "line 1: field 'text' must be a string",
        ),
        (
            ["lint", "--batch", "-"],
            b'{"id": ' + DIGITS.encode() + b', "text": "hi"}\n',
            "line 1: field 'id' is a number of 5000 digits",
        ),
        (["reply", GOOD_T, "--body-file", "-"], b"Hello \xff", "standard input: not UTF-8 text"),
    ],
    ids=["lint-stdin", "batch-utf8", "batch-deep", "batch-digits", "reply-stdin"],
)
def test_piped_text_that_is_not_utf8_or_json_is_one_clear_error(
    tmp_path: Path, args: list[str], data: bytes, message: str
) -> None:
    db = tmp_path / "store.db"
    seed = tmp_path / "s.jsonl"
    seed.write_text(json.dumps(ticket(GOOD_T)) + "\n")
    assert_no_crash(invoke(db, ["import", str(seed)]), {0})
    result = invoke(db, args, input=data)
    assert_no_crash(result, {2})
    assert message in result.stderr, result.stderr
    assert counts(db)["outbox"] == 0


@pytest.mark.parametrize("now", ["9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z"])
def test_a_frozen_clock_at_the_ends_of_the_calendar_is_refused(tmp_path: Path, now: str) -> None:
    db = tmp_path / "store.db"
    assert wishdesk(db, "import", str(bad_file(tmp_path, "ticket", ("subject",), '"hi"')))[0] == 0
    for args in (["stats"], ["list", "--format", "table"], ["overdue"]):
        code, _, err = wishdesk(db, *args, WISHDESK_NOW=now)
        assert code == 2 and "WISHDESK_NOW must lie between 1970 and 2999" in err, err
