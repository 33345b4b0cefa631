"""``wishdesk orders`` and ``orders show``: every filter, sort and format, id prefixes, the
errors, and the pipeline into ``notify``."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest
from wishdata import order, ticket, write_jsonl

A1, A2, A3, A4, A5, A6 = (f"a000000000000000000000{i:02d}" for i in range(1, 7))
T1, T2, T3 = (f"5f00000000000000000000{i:02d}" for i in (1, 2, 3))


def _events(*pairs: tuple[str, str]) -> list[dict[str, str]]:
    return [{"event_type": e, "event_time": t} for e, t in pairs]


def _ship(at: str) -> dict[str, str]:
    return {"expected_ship_time": at, "expected_delivery_time": "2026-12-10T00:00:00Z"}


@pytest.fixture
def shop(run, tmp_path, store_on):
    """On each backend in turn, six orders at NOW 2026-11-26T07:00Z: A1 late to deliver
    (with an open ticket), A2 delivered after its date, A3 late to ship (its ticket closed),
    A4 not due to ship yet (a ticket awaiting the buyer), A5 refunded, A6 on its way."""
    records = [
        order(A1, updated_at="2026-11-20T10:00:00Z", delivery="2026-11-20T00:00:00Z"),
        order(
            A2,
            updated_at="2026-11-19T10:00:00Z",
            carrier="YunExpress",
            tracking="YT1234567890",
            delivery="2026-11-21T00:00:00Z",
            fulfillment_records=_events(
                ("MARK_SHIPPED", "2026-11-08T00:00:00Z"),
                ("CONFIRMED_DELIVERED", "2026-11-19T09:00:00Z"),
            ),
        ),
        order(
            A3,
            state="APPROVED",
            tracking=None,
            updated_at="2026-11-22T10:00:00Z",
            fulfillment_requirements=_ship("2026-11-24T00:00:00Z"),
        ),
        order(
            A4,
            state="APPROVED",
            tracking=None,
            updated_at="2026-11-25T10:00:00Z",
            fulfillment_requirements=_ship("2026-11-30T00:00:00Z"),
        ),
        order(A5, state="REFUNDED", tracking=None, updated_at="2026-11-24T10:00:00Z"),
        order(
            A6,
            updated_at="2026-11-23T10:00:00Z",
            carrier="Yanwen",
            tracking="UV987654321YP",
            delivery="2026-12-15T00:00:00Z",
            product_information={"id": "6b01", "name": "-50% =SUM(A1) Shoes", "size": "42"},
            full_address={"shipping_detail": {"name": "Zoë Durand", "country_code": "fr"}},
        ),
        ticket(T1, orders=[A1], opened_at="2026-11-24T08:00:00Z"),
        ticket(T2, orders=[A3], state="CLOSED", opened_at="2026-11-22T08:00:00Z"),
        ticket(T3, orders=[A4], state="AWAITING_USER", opened_at="2026-11-25T08:00:00Z"),
    ]
    assert run("import", str(write_jsonl(tmp_path / "shop.jsonl", records))).exit_code == 0


def ids(result) -> list[str]:
    assert result.exit_code == 0, result.stderr
    return [line.split("\t")[0] for line in result.stdout.splitlines()]


def as_json(run, *args: str) -> list[dict]:
    result = run("orders", *args, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_default_is_every_order_last_updated_first_as_tsv(run, shop) -> None:
    result = run("orders")
    assert ids(result) == [A4, A5, A6, A3, A1, A2]
    row = result.stdout.splitlines()[-1].split("\t")
    assert len(row) == 21 and row[1] == "SHIPPED" and row[9:11] == ["YT1234567890", "YunExpress"]
    assert row[11] == "https://www.yuntrack.com/parcelTracking?id=YT1234567890"
    assert row[15] == "2026-11-19T09:00:00Z" and row[18:] == ["false", "false", ""]


def test_json_fields_and_values(run, shop) -> None:
    by_id = {o["id"]: o for o in as_json(run)}
    assert list(by_id[A1]) == [
        *("id", "state", "product", "sku", "size", "color", "quantity", "buyer_name"),
        *("country_code", "tracking_number", "carrier", "tracking_url", "expected_ship_at"),
        *("expected_delivery_at", "shipped_at", "delivered_at", "released_at", "updated_at"),
        *("late_ship", "late_delivery", "open_ticket_ids"),
    ]
    a1 = by_id[A1]
    assert (a1["late_delivery"], a1["late_ship"], a1["open_ticket_ids"]) == (True, False, [T1])
    assert (a1["buyer_name"], a1["country_code"], a1["quantity"]) == ("Ann Lee", "US", 2)
    assert by_id[A2]["delivered_at"] == "2026-11-19T09:00:00Z"
    assert by_id[A2]["shipped_at"] == "2026-11-08T00:00:00Z"
    assert (by_id[A3]["late_ship"], by_id[A3]["open_ticket_ids"]) == (True, [])  # closed
    assert by_id[A4]["open_ticket_ids"] == [T3]  # awaiting the buyer is still open
    assert by_id[A6]["country_code"] == "FR" and by_id[A6]["buyer_name"] == "Zoë Durand"
    assert as_json(run, "--carrier", "nobody") == []


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--state", "approved"), {A3, A4}),
        (("-s", "refunded", "-s", "approved"), {A3, A4, A5}),
        (("--state", "any"), {A1, A2, A3, A4, A5, A6}),
        (("--state", "Require-Review"), set()),
        (("--unshipped",), {A3, A4}),
        (("--late-ship",), {A3}),
        (("--late-delivery",), {A1}),  # A2 was delivered, A5 refunded, A6 not due
        (("--no-tracking",), {A3, A4, A5}),
        (("--carrier", "yunexpress"), {A2}),
        (("--with-ticket",), {A1, A4}),
        (("--without-ticket",), {A2, A3, A5, A6}),
        (("--updated-since", "2026-11-23"), {A4, A5, A6}),
        (("--updated-since", "2026-11-24T10:00:00+00:00"), {A4, A5}),
        (("--updated-since", "3d"), {A4, A5, A6}),  # since 2026-11-23T07:00Z
        (("--updated-since", "12h"), set()),
        (("--search", "yt12345"), {A2}),  # tracking number
        (("--search", "zoë"), {A6}),  # buyer
        (("-q", "led STRIP"), {A1, A2, A3, A4, A5}),  # product, every word
        (("-q", "50%"), {A6}),  # % is a character, not a wildcard
        (("--late-ship", "--with-ticket"), set()),
        (("--state", "shipped", "--late-delivery", "--with-ticket"), {A1}),
    ],
)
def test_filters(run, shop, args, expected) -> None:
    assert set(ids(run("orders", *args))) == expected


def test_sorts_and_reverse(run, shop) -> None:
    assert ids(run("orders", "--sort", "updated", "--reverse")) == [A2, A1, A3, A6, A5, A4]
    ship = ids(run("orders", "--sort", "expected-ship", "--unshipped"))
    assert ship == [A3, A4]
    assert ids(run("orders", "--sort", "expected-ship", "--unshipped", "--reverse")) == [A4, A3]
    delivery = ids(run("orders", "--sort", "expected-delivery"))
    assert delivery[:2] == [A1, A2] and delivery[-1] == A6
    late = ids(run("orders", "--late-delivery", "--sort", "expected-delivery", "--reverse"))
    assert late == [A1]


def test_limit_and_the_cut_note_on_the_table_only(run, shop) -> None:
    assert ids(run("orders", "-n", "2")) == [A4, A5]
    assert len(ids(run("orders", "--limit", "0"))) == 6
    assert len(ids(run("orders"))) == 6  # a script gets every order by default
    tsv = run("orders", "-n", "2")
    assert tsv.stderr == ""
    table = run("orders", "-n", "2", "--format", "table")
    assert "2 of 6 orders" in table.stdout
    assert "2 of 6 orders; --limit 0 for all" in table.stderr
    whole = run("orders", "--format", "table")
    assert "6 orders" in whole.stdout and whole.stderr == ""


def test_csv_names_the_id_order_id_and_neutralises_formulas(run, shop) -> None:
    result = run("orders", "--format", "csv", "--bom", "--carrier", "Yanwen")
    assert result.stdout.startswith("\ufefforder_id,state,product,")
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert rows[0]["order_id"] == A6 and rows[0]["product"] == "'-50% =SUM(A1) Shoes"
    assert rows[0]["late_delivery"] == "false" and rows[0]["open_ticket_ids"] == ""
    lines = run("orders", "--format", "jsonl", "-n", "3").stdout.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [A4, A5, A6]


def test_usage_errors_exit_2_with_one_line(run, shop) -> None:
    for args, said in [
        (("--state", "open"), "unknown order state 'open'"),
        (("--updated-since", "yesterday-ish"), "bad --updated-since"),
        (("--updated-since", "2bd"), "bad --updated-since"),
        (("--carrier", " "), "--carrier needs a carrier name"),
        (("--sort", "price"), "price"),
        (("--limit", "-1"), "-1"),
    ]:
        result = run("orders", *args)
        assert result.exit_code == 2 and said in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr


def test_the_table_marks_late_orders(run, shop) -> None:
    shown = run("orders", "--format", "table")
    lines = [line for line in shown.stdout.splitlines() if line.startswith("a0000")]
    rows = dict(zip([A4, A5, A6, A3, A1, A2], lines, strict=True))  # the last updated first
    assert "late 6d" in rows[A1]  # delivery due 2026-11-20
    assert "late 2d" in rows[A3]  # shipping due 2026-11-24
    assert "arrived" in rows[A2] and "-50% =SUM(A1) Shoes" in rows[A6]
    assert "late" not in rows[A5]  # refunded: nothing is expected of it


def test_show_takes_a_prefix_and_lists_the_tickets(run, shop) -> None:
    shown = json.loads(run("orders", "show", A1[:23] + "1", "--json").stdout)
    assert shown["id"] == A1 and shown["late_delivery"] is True
    assert [t["id"] for t in shown["tickets"]] == [T1]
    assert shown["shipping_address"]["city"] == "Austin" and shown["tracking"]
    closed = json.loads(run("orders", "show", A3, "--format", "json").stdout)
    assert [t["id"] for t in closed["tickets"]] == [T2] and closed["open_ticket_ids"] == []
    plain = run("orders", "show", A1).stdout.splitlines()
    assert plain[0] == f"order:\t{A1}" and "late to deliver:\tyes" in plain
    assert "--" in plain and f"ticket:\t{T1}" in plain
    assert "\x1b" not in run("orders", "show", A1).stdout
    row = run("orders", "show", A1, "--format", "tsv").stdout.split("\t")
    assert row[0] == A1 and len(row) == 21
    panel = run("orders", "show", A1, "--format", "table").stdout
    assert f"Order {A1}" in panel and "late" in panel and "1 ticket about this order" in panel


def test_show_refuses_an_ambiguous_prefix_and_an_unknown_order(run, shop) -> None:
    ambiguous = run("orders", "show", "a0000")
    assert ambiguous.exit_code == 2 and "ambiguous" in ambiguous.stderr
    assert A1 in ambiguous.stderr and A6 in ambiguous.stderr
    unknown = run("orders", "show", "ffff")
    assert unknown.exit_code == 2 and "no order 'ffff'" in unknown.stderr
    assert run("orders", "show", " ").exit_code == 2


def test_show_of_an_order_points_to_orders_show(run, shop) -> None:
    result = run("show", A1)
    assert result.exit_code == 2 and f"`wishdesk orders show {A1}`" in result.stderr


def test_the_writer_keeps_the_derived_columns_current(run, shop, tmp_path) -> None:
    delivered = order(
        A1,
        updated_at="2026-11-25T10:00:00Z",
        delivery="2026-11-20T00:00:00Z",
        fulfillment_records=_events(
            ("MARK_SHIPPED", "2026-11-08T00:00:00Z"),
            ("TRACKING_CANCELLED", "2026-11-09T00:00:00Z"),
            ("CONFIRMED_DELIVERED", "2026-11-25T09:00:00Z"),
        ),
    )
    assert run("import", str(write_jsonl(tmp_path / "d.jsonl", [delivered]))).exit_code == 0
    a1 = json.loads(run("orders", "show", A1, "--json").stdout)
    assert (a1["delivered_at"], a1["shipped_at"], a1["late_delivery"]) == (
        "2026-11-25T09:00:00Z",
        None,  # its tracking was cancelled after it was marked shipped
        False,
    )
    assert A1 not in ids(run("orders", "--late-delivery"))


def test_m007_fills_the_columns_of_an_older_store(run, shop, store_on, db_path) -> None:
    if store_on == "postgres":
        pytest.skip("SQLite's m007; PostgreSQL's: test_m007_on_postgresql_fills_the_columns")
    conn = sqlite3.connect(db_path)
    with conn:
        for index in ("updated_at", "carrier", "unshipped", "undelivered"):
            conn.execute(f"DROP INDEX idx_orders_{index}")
        for column in ("buyer_name", "country_code", "shipped_at", "delivered_at"):
            conn.execute(f"ALTER TABLE orders DROP COLUMN {column}")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm007_order_listing'")
    conn.close()
    by_id = {o["id"]: o for o in as_json(run)}
    assert by_id[A2]["delivered_at"] == "2026-11-19T09:00:00Z"
    assert by_id[A2]["shipped_at"] == "2026-11-08T00:00:00Z"
    assert by_id[A6]["country_code"] == "FR" and by_id[A6]["buyer_name"] == "Zoë Durand"
    assert set(ids(run("orders", "--late-delivery"))) == {A1}


def test_m007_on_postgresql_fills_the_columns(run, shop, store_on, env, tmp_path) -> None:
    """PostgreSQL's m007 reads the orders' JSON with jsonb: what it fills in is what the
    record writer wrote (a cancelled tracking after the shipping mark leaves no ship time)."""
    if store_on == "sqlite":
        pytest.skip("PostgreSQL's m007")
    import psycopg

    from wishdesk.store.schema_orders import order_listing_backfill

    cancelled = order(
        A5,
        state="REFUNDED",
        tracking=None,
        updated_at="2026-11-24T10:00:00Z",
        fulfillment_records=_events(
            ("MARK_SHIPPED", "2026-11-08T00:00:00Z"),
            ("TRACKING_CANCELLED", "2026-11-09T00:00:00Z"),
        ),
    )
    assert run("import", str(write_jsonl(tmp_path / "c.jsonl", [cancelled]))).exit_code == 0
    written = as_json(run)
    columns = ("buyer_name", "country_code", "shipped_at", "delivered_at")
    with psycopg.connect(env["WISHDESK_DB"], autocommit=True) as conn:
        conn.execute("UPDATE orders SET " + ", ".join(f"{c} = NULL" for c in columns))
        assert as_json(run, "--carrier", "Yanwen")[0]["buyer_name"] is None
        conn.execute(order_listing_backfill("postgres"))
    assert as_json(run) == written
    assert {o["id"]: o["shipped_at"] for o in written}[A2] == "2026-11-08T00:00:00Z"
    assert {o["id"]: o["shipped_at"] for o in written}[A5] is None


def test_the_late_delivery_csv_feeds_notify_without_spoiling_the_message(
    run, shop, tmp_path
) -> None:
    """``orders --late-delivery --format csv | notify --orders-file -``: the CSV's copy of
    each order (its product, an empty cell, the buyer's shipping name, times and flags)
    changes neither the message nor what tells a re-run from the first run."""
    assert run("config", "set", "merchant.name", "Bright Shop").exit_code == 0
    exported = run("orders", "--late-delivery", "--format", "csv").stdout
    assert exported.startswith("order_id,") and exported.count("\n") == 2
    args = ("--template", "shipping-delay", "--var", "new_date=2026-12-20", "--format", "jsonl")
    first = json.loads(run("notify", "--orders-file", "-", *args, input=exported).stdout)
    assert (first["order_id"], first["status"], first["ticket_id"]) == (A1, "queued", T1)
    body = json.loads(run("outbox", "--json").stdout)[0]["body"]
    assert "Hi Ann Lee," in body and "(LED strip 5m)" in body
    assert "December 20, 2026" in body or "20 December 2026" in body
    # The same orders again, after the order moved on (a new update time, a cancelled
    # tracking number left as an empty cell): the same message, so it is skipped.
    changed = exported.replace("2026-11-20T10:00:00Z", "2026-11-26T06:00:00Z")
    changed = changed.replace(",LZ123456789CN,", ",,")
    again = json.loads(run("notify", "--orders-file", "-", *args, input=changed).stdout)
    assert again["status"] == "skipped"


def test_an_orders_file_value_of_its_own_still_wins(run, shop) -> None:
    """A column a template fills, with a value the order does not have, is the merchant's
    choice: a shorter product name; a time column is written out as its date."""
    text = f"order_id,product,new_date\n{A6},Shoes,2026-12-20T00:00:00Z\n"
    args = ("-m", "{product} arrive by {new_date}", "--dry-run", "--format", "jsonl")
    result = json.loads(run("notify", "--orders-file", "-", *args, input=text).stdout)
    assert result["status"] == "dry_run", result
    assert result["body"].startswith("Shoes arrive by ") and "T00" not in result["body"]


def test_tsv_and_json_carry_the_same_values(run, shop) -> None:
    """The TSV rows come from a text query of their own: they must say what JSON says."""

    def cell(value) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, list):
            return ",".join(value)
        return str(value)

    records = as_json(run, "--limit", "0")
    rows = [line.split("\t") for line in run("orders", "--limit", "0").stdout.splitlines()]
    assert rows == [[cell(r[f]) for f in r] for r in records]


def test_hostile_order_text_is_escaped_on_every_path(run, tmp_path, store_on) -> None:
    evil = order(
        A1,
        carrier="Evil\tPost\x1b]0;t\x07",
        tracking="X\t1",
        product_information={"id": "6b01", "name": "Lamp\n\x1b[31mRED[bold]b[/bold]"},
    )
    assert run("import", str(write_jsonl(tmp_path / "e.jsonl", [evil]))).exit_code == 0
    for fmt in ("tsv", "csv", "json", "table"):
        out = run("orders", "--format", fmt).stdout
        assert "\x1b" not in out and "\x07" not in out, fmt
    row = run("orders").stdout.rstrip("\n").split("\t")
    assert len(row) == 21 and row[2].startswith("Lamp\\n") and row[9] == "X\\t1"
    assert "RED[bold]b[/bold]" in run("orders", "show", A1, "--format", "table").stdout
    assert "\x1b" not in run("orders", "show", A1).stdout


def test_open_tickets_are_listed_oldest_first(run, shop, tmp_path) -> None:
    """On both backends: SQLite's group_concat and PostgreSQL's string_agg give the same
    order (opened time, then id), and a closed ticket stays out."""
    later = "5f0000000000000000000009"
    records = [
        ticket(later, orders=[A1], opened_at="2026-11-25T08:00:00Z"),
        ticket("5f0000000000000000000008", orders=[A1], opened_at="2026-11-10T08:00:00Z"),
        ticket("5f0000000000000000000007", orders=[A1], opened_at="2026-11-10T08:00:00Z"),
        ticket("5f0000000000000000000006", orders=[A1], state="CLOSED"),
    ]
    assert run("import", str(write_jsonl(tmp_path / "more.jsonl", records))).exit_code == 0
    expected = ["5f0000000000000000000007", "5f0000000000000000000008", T1, later]
    assert {o["id"]: o for o in as_json(run)}[A1]["open_ticket_ids"] == expected
    row = next(r for r in run("orders").stdout.splitlines() if r.startswith(A1))
    assert row.split("\t")[-1] == ",".join(expected)
