"""Hostile input: malformed files to `import`, random arguments to every command, random text
to the linter. Always a documented exit code and a short message, never a traceback."""

from __future__ import annotations

import copy
import json
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reliutil import assert_no_crash, counts, invoke, wishdesk
from typer.testing import Result
from wishdata import order, ticket

SETTINGS = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)


@pytest.fixture(scope="module")
def workdir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="wishdesk-hostile-") as name:
        yield Path(name)


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


@pytest.fixture(scope="module")
def empty_store(workdir: Path) -> Path:
    db = workdir / "empty" / "store.db"
    db.parent.mkdir()
    code, _, err = wishdesk(db, "init")
    assert code == 0, err
    return db


def fresh_copy(template: Path, workdir: Path) -> Path:
    target = Path(tempfile.mkdtemp(dir=workdir)) / "store.db"
    shutil.copy(template, target)
    return target


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


@settings(SETTINGS, max_examples=120)
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


@pytest.fixture(scope="module")
def demo_store(workdir: Path) -> Path:
    db = workdir / "demo" / "store.db"
    db.parent.mkdir()
    code, _, err = wishdesk(db, "demo", "--tickets", "40", "--seed", "7", "--quiet")
    assert code == 0, err
    return db


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
@settings(SETTINGS, max_examples=200)
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


@settings(SETTINGS, max_examples=150)
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
