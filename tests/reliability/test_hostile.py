"""Hostile input to `import`: malformed files, odd values in every field. Always a
documented exit code and a short message, never a traceback."""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from reliutil import HOSTILE, assert_no_crash, counts, fresh_copy, invoke
from wishdata import order, ticket

# import ------------------------------------------------------------------------------------
HUGE = "é" * 1_500_000  # 3 MB of UTF-8
ODD_TIMES = [
    "0000-01-01T00:00:00Z",
    "10000-01-01T00:00:00Z",
    "9999-12-31T23:59:59+25:00",
    "2026-11-23T08:00:00+25:00",
    "2026-11-23T08:00:00-24:00",
    "2026-02-30T00:00:00Z",
    "2026-11-23T24:00:00Z",
    "2026-11-23T08:61:00Z",
    "2026-11-23T08:00:00.1234567890123Z",
    "2026-11-23 08:00",
    "0001-01-01T00:00:00+01:00",
    "9999-12-31T23:59:59-01:00",
    "20261123T080000Z",
    "yesterday",
    "",
    "\x00",
    "0001-01-01T00:00:00Z",
    "9999-12-31T23:59:59Z",
    "1969-12-31T23:59:59Z",
    "3000-01-01T00:00:00Z",
]
# Spliced into the encoded file as raw JSON (``encode``): what json.dumps cannot write.
DIGITS, DEEP = "@@DIGITS@@", "@@DEEP@@"
RAW_VALUES = {f'"{DIGITS}"': "9" * 5000, f'"{DEEP}"': "[" * 5000 + "]" * 5000}
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(),
    st.text(max_size=40),
    st.text(st.characters(exclude_categories=()), max_size=10),  # lone surrogates too
    st.sampled_from(ODD_TIMES),
    st.sampled_from(["Thanks \ud83d", "\udc00", DIGITS, DEEP]),
)
hostile = st.one_of(
    scalars,
    st.lists(scalars, max_size=3),
    st.dictionaries(st.text(max_size=8), scalars, max_size=3),
    st.just(HUGE),
    st.just("\x00" * 10 + "\u202e\x1b[31m\x07"),
    st.just({"a": [[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]}),
    st.just([{"id": f"{i:024x}"} for i in range(1001)]),  # more orders than a ticket takes
)
TICKET_PATHS: list[tuple[Any, ...]] = [
    ("id",),
    ("state",),
    ("type",),
    ("subject",),
    ("opened_at",),
    ("updated_at",),
    ("closed_at",),
    ("buyer_info",),
    ("buyer_info", "name"),
    ("buyer_info", "locale"),
    ("orders",),
    ("orders", 0),
    ("orders", 0, "id"),
    ("replies",),
    ("replies", 0),
    ("replies", 0, "sender"),
    ("replies", 0, "replied_at"),
    ("replies", 0, "message"),
    ("replies", 0, "files"),
    ("sub_label",),
    ("refund_reason",),
    ("merchant_id",),
]
ORDER_PATHS: list[tuple[Any, ...]] = [
    ("id",),
    ("state",),
    ("updated_at",),
    ("released_at",),
    ("transaction_id",),
    ("product_information",),
    ("product_information", "name"),
    ("product_information", "size"),
    ("order_payment",),
    ("order_payment", "general_payment_details", "product_quantity"),
    ("fulfillment_requirements",),
    ("fulfillment_requirements", "expected_delivery_time"),
    ("tracking_information",),
    ("tracking_information", 0, "tracking_number"),
    ("tracking_information", 0, "shipping_provider"),
    ("full_address",),
    ("full_address", "shipping_detail", "country_code"),
    ("refunds",),
]


def mutate(obj: Any, path: tuple[Any, ...], value: Any) -> None:
    for key in path[:-1]:
        if isinstance(obj, list):
            if not obj or not isinstance(key, int):
                return
            obj = obj[min(key, len(obj) - 1)]
        elif isinstance(obj, dict) and key in obj:
            obj = obj[key]
        else:
            return
    last = path[-1]
    if isinstance(obj, list) and obj and isinstance(last, int):
        obj[min(last, len(obj) - 1)] = value
    elif isinstance(obj, dict):
        obj[last] = value


IDS = ["5f0000000000000000000001", "5f0000000000000000000002", "a00000000000000000000001"]


@st.composite
def records(draw: st.DrawFn) -> Any:
    if draw(st.booleans()):
        rec = ticket(draw(st.sampled_from(IDS[:2])), orders=[IDS[2]])
        paths = TICKET_PATHS
    else:
        rec = order(draw(st.sampled_from(IDS[1:])))
        paths = ORDER_PATHS
    rec = copy.deepcopy(rec)
    for _ in range(draw(st.integers(0, 2))):
        mutate(rec, draw(st.sampled_from(paths)), draw(hostile))
    return rec


def encode(recs: list[Any], shape: str) -> bytes:
    if shape == "array":
        text = json.dumps(recs, ensure_ascii=False)
    elif shape == "envelope":
        text = json.dumps({"code": 0, "message": "", "data": recs}, ensure_ascii=False)
    elif shape == "envelope-one":
        text = json.dumps({"code": 0, "message": "", "data": recs[0] if recs else None})
    else:
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)
    for mark, raw in RAW_VALUES.items():
        text = text.replace(mark, raw)
    return text.encode("utf-8", "surrogatepass")


RAW = [
    b"",
    b"   \n\t\r\n  ",
    b"\xef\xbb\xbf",
    b"\xef\xbb\xbf[]",
    b"\xff\xfe[\x00]\x00",
    b"[1, 2, 3]",
    b'["a", null, true, 1.5e999]',
    b"null",
    b"42",
    b'"just a string"',
    b"[" * 100_000,
    b"[" * 50_000 + b"]" * 50_000,
    b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
    b'{"code": 0, "message": "", "data": null}',
    b'{"code": 1015, "message": "access token expired", "data": []}',
    b'{"code": 0, "data": [1, {"id": 2}]}',
    b"\x00\x00\x00\x00",
    b'{"id": "5f0000000000000000000001", "subject": "x\x00y"}',
    b'{"id": "5f0000000000000000000001", "replies": "\xc3\x28"}',
    b"\xc3\x28",
    b"}{][,:",
    b'[{"id": "x"},]',
    b'{"subject": "a"} garbage',
    b'{"subject": "\\ud800"}',
    b'[{"opened_at": "2026-11-23T08:00:00Z", "replies": ' + b"[" * 5000 + b"]" * 5000 + b"}]",
    b'{"subject": ' + b"9" * 5000 + b"}",
    b'{"subject": "x", "replies": [{"message": "\\ud83d"}]}',
]


@st.composite
def files(draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(["records", "records", "records", "raw"]))
    if kind == "raw":
        return draw(st.sampled_from(RAW))
    recs = draw(st.lists(records(), min_size=0, max_size=4))
    data = encode(recs, draw(st.sampled_from(["array", "envelope", "envelope-one", "jsonl"])))
    tweak = draw(st.sampled_from(["none", "none", "bom", "truncate", "bad-byte", "nul"]))
    if tweak == "bom":
        data = b"\xef\xbb\xbf" + data
    elif tweak == "truncate" and data:
        data = data[: draw(st.integers(0, len(data) - 1))]
    elif tweak in ("bad-byte", "nul") and data:
        at = draw(st.integers(0, len(data)))
        data = data[:at] + (b"\xff" if tweak == "bad-byte" else b"\x00") + data[at:]
    return data


def expected_ids(data: bytes) -> tuple[set[str], set[str]] | None:
    """(ticket ids, order ids) a clean import of ``data`` holds, or None when it is not a
    sequence of JSON values (array, envelope, JSON Lines or several values in a row)."""
    from wishdesk.domain.wish import kind_of

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    decoder = json.JSONDecoder(parse_int=str)  # numbers of any length
    pos, docs = 0, []
    depth = sys.getrecursionlimit()
    sys.setrecursionlimit(max(depth, 12_000))  # and any depth the files here have
    try:
        while True:
            while pos < len(text) and text[pos] in " \t\r\n":
                pos += 1
            if pos == len(text):
                break
            try:
                doc, pos = decoder.raw_decode(text, pos)
            except ValueError:
                return None
            docs.append(doc)
    finally:
        sys.setrecursionlimit(depth)
    tickets, orders = set(), set()
    for doc in docs:
        if isinstance(doc, dict) and "data" in doc and set(doc) <= {"code", "message", "data"}:
            doc = doc["data"]
            doc = doc if isinstance(doc, list) else [] if doc is None else [doc]
        for rec in doc if isinstance(doc, list) else [doc]:
            (tickets if kind_of(rec) == "ticket" else orders).add(rec["id"])
    return tickets, orders


@settings(HOSTILE, max_examples=120)
@given(data=files())
def test_import_hostile_file(data: bytes, workdir: Path, empty_store: Path) -> None:
    db = fresh_copy(empty_store, workdir)
    path = db.parent / "in.json"
    path.write_bytes(data)
    result = invoke(db, ["import", str(path)])
    assert_no_crash(result, {0, 2})
    after = counts(db)
    if result.exit_code == 2:
        assert result.stderr.startswith("wishdesk: ") and str(path) in result.stderr
        assert after == {"tickets": 0, "messages": 0, "orders": 0, "outbox": 0}
    else:
        want = expected_ids(data)
        assert want is not None, "exit 0 on a file that is not JSON"
        tickets, orders = want
        assert (after["tickets"], after["orders"]) == (len(tickets), len(orders))
    # the same file from stdin behaves the same
    again = invoke(fresh_copy(empty_store, workdir), ["import", "-"], input=data)
    assert again.exit_code == result.exit_code


def test_duplicate_ids_in_one_file_import_once(workdir: Path, empty_store: Path) -> None:
    db = fresh_copy(empty_store, workdir)
    t = ticket(IDS[0])
    newer = ticket(IDS[0], updated_at="2026-11-24T08:00:00Z", subject="Newer subject")
    path = db.parent / "dupes.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [t, newer, t, order(IDS[2])] * 3))
    result = invoke(db, ["import", str(path)])
    assert_no_crash(result, {0})
    assert counts(db) == {"tickets": 1, "messages": 1, "orders": 1, "outbox": 0}
    shown = json.loads(invoke(db, ["show", IDS[0], "--json"]).stdout)
    assert shown["subject"] == "Newer subject"


def test_one_bad_file_of_two_keeps_the_good_one(workdir: Path, empty_store: Path) -> None:
    db = fresh_copy(empty_store, workdir)
    good, bad = db.parent / "good.jsonl", db.parent / "bad.json"
    good.write_text(json.dumps(ticket(IDS[0])) + "\n")
    bad.write_bytes(b'[{"id": "5f0000000000000000000002", "subject": 5, "replies": []}')
    result = invoke(db, ["import", str(good), str(bad)])
    assert_no_crash(result, {2})
    assert str(bad) in result.stderr and str(good) not in result.stderr
    assert counts(db)["tickets"] == 1
