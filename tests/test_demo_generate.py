"""The synthetic data generator behind ``wishdesk demo``: shapes, mix, determinism, speed."""

from __future__ import annotations

import re
import string
import time
from collections import Counter
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from wishdesk.clock import parse_time
from wishdesk.domain.models import (
    ORDER_STATES,
    REFUND_REASONS,
    SENDERS,
    TICKET_STATES,
    TICKET_TYPES,
)
from wishdesk.services.demo.records import generate
from wishdesk.services.demo.text import (
    BUYER_FIELDS,
    LANGUAGES,
    MERCHANT_FIELDS,
    MERCHANT_KEYS,
    PRESALE_TOPIC,
    TOPICS,
    fill,
    phrasebook,
    typo,
)

NOW = datetime(2026, 11, 26, 7, 0, tzinfo=timezone.utc)
HEX24 = re.compile(r"[0-9a-f]{24}")
ISO_Z = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
TICKET_FIELDS = {
    "id", "merchant_id", "subject", "sub_label", "type", "state", "opened_at", "updated_at",
    "resolution_info", "orders", "products", "buyer_info", "refund_reason", "replies",
}  # fmt: skip
ORDER_FIELDS = {
    "id", "transaction_id", "state", "released_at", "updated_at", "product_information",
    "order_payment", "fulfillment_requirements", "tracking_information", "fulfillment_records",
    "full_address", "refunds",
}  # fmt: skip
EVENTS = {"ORDER_RELEASED", "MARK_SHIPPED", "CONFIRM_FULFILLED", "CONFIRMED_DELIVERED",
          "TRACKING_CANCELLED", "ORDER_RE_RELEASED"}  # fmt: skip


@pytest.fixture(scope="module")
def records() -> list[dict[str, Any]]:
    return list(generate(2000, seed=7, now=NOW))


@pytest.fixture(scope="module")
def tickets(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in records if "replies" in r]


def _t(text: str) -> datetime:
    assert ISO_Z.fullmatch(text), text
    return parse_time(text)


def awaiting_since(ticket: dict[str, Any]) -> datetime:
    """The SLA clock start, as the spec defines it."""
    start = None
    for reply in ticket["replies"]:
        if reply["sender"] == "MERCHANT":
            start = None
        elif start is None and reply["sender"] in ("USER", "WISH_SUPPORT"):
            start = _t(reply["replied_at"])
    return start or _t(ticket["opened_at"])


def test_exact_ticket_count_and_streaming() -> None:
    stream = generate(50, seed=1, now=NOW)
    assert isinstance(stream, Iterator)
    first = next(stream)
    assert isinstance(first, dict)
    rest = list(stream)
    assert sum("replies" in r for r in [first, *rest]) == 50
    assert list(generate(0, seed=1, now=NOW)) == []


def test_bad_arguments() -> None:
    with pytest.raises(ValueError):
        generate(-1, now=NOW)
    with pytest.raises(ValueError):
        generate(5, now=NOW.replace(tzinfo=None))


def test_deterministic() -> None:
    one = list(generate(300, seed=5, now=NOW))
    assert one == list(generate(300, seed=5, now=NOW))
    assert one != list(generate(300, seed=6, now=NOW))
    later = list(generate(300, seed=5, now=NOW + timedelta(days=3)))
    # ids depend on the seed alone (the documented ones exist in every demo store); times
    # stay relative to now
    assert [r["id"] for r in later] == [r["id"] for r in one]
    assert [r["updated_at"] for r in later] != [r["updated_at"] for r in one]
    # a prefix of a larger run is the smaller run: nothing depends on the total
    assert list(generate(301, seed=5, now=NOW))[: len(one)] == one


def test_ids_unique_and_orders_before_tickets(records: list[dict[str, Any]]) -> None:
    seen_orders: set[str] = set()
    ids: list[str] = []
    for record in records:
        assert HEX24.fullmatch(record["id"])
        ids.append(record["id"])
        if "replies" in record:
            for ref in record["orders"]:
                assert ref["id"] in seen_orders, "order must be yielded before its ticket"
        else:
            seen_orders.add(record["id"])
    assert len(ids) == len(set(ids))


def test_ticket_shape(tickets: list[dict[str, Any]]) -> None:
    merchants = {t["merchant_id"] for t in tickets}
    assert len(merchants) == 1 and HEX24.fullmatch(merchants.pop())
    for t in tickets:
        assert set(t) == TICKET_FIELDS
        assert isinstance(t["subject"], str) and t["subject"]
        assert t["sub_label"] is None or isinstance(t["sub_label"], str)
        assert t["type"] in TICKET_TYPES and t["state"] in TICKET_STATES
        assert t["refund_reason"] is None or t["refund_reason"] in REFUND_REASONS
        opened, updated = _t(t["opened_at"]), _t(t["updated_at"])
        assert NOW - timedelta(days=61) < opened <= updated < NOW
        assert isinstance(t["buyer_info"]["name"], str) and t["buyer_info"]["name"]
        assert re.fullmatch(r"[a-z]{2}(-[A-Z]{2})?", t["buyer_info"]["locale"])
        assert all(HEX24.fullmatch(p["id"]) for p in t["products"]) and t["products"]
        if t["type"] == "PRE_PURCHASE":
            assert t["orders"] == []
        else:
            assert 1 <= len(t["orders"]) <= 2
        replies = t["replies"]
        assert 1 <= len(replies) <= 16
        times = [_t(r["replied_at"]) for r in replies]
        assert times == sorted(times) and times[0] == opened and times[-1] <= updated
        for reply in replies:
            assert set(reply) == {"message", "replied_at", "sender", "supporting_files"}
            assert reply["sender"] in SENDERS
            assert isinstance(reply["message"], str) and 0 < len(reply["message"]) <= 2000
            for f in reply["supporting_files"]:
                assert f["url"].startswith("https://") and f["file_name"].endswith(".jpg")
        assert replies[0]["sender"] == "USER"
        last = replies[-1]["sender"]
        if t["state"] == "AWAITING_MERCHANT":
            assert last in ("USER", "WISH_SUPPORT")
        elif t["state"] == "AWAITING_USER":
            assert last == "MERCHANT"
        closed = t["state"] in ("CLOSED", "PERMANENTLY_CLOSED")
        if closed:
            info = t["resolution_info"]
            assert info["closed_by"] in SENDERS
            assert times[-1] <= _t(info["closed_at"]) == updated
        else:
            assert t["resolution_info"] is None


def test_order_shape(records: list[dict[str, Any]]) -> None:
    orders = [r for r in records if "replies" not in r]
    assert len(orders) >= 2000
    states = Counter(o["state"] for o in orders)
    assert set(states) <= set(ORDER_STATES) and {"APPROVED", "SHIPPED", "REFUNDED"} <= set(states)
    assert states["SHIPPED"] > states["APPROVED"] > states["REFUNDED"]
    past_due = 0
    for o in orders:
        assert set(o) == ORDER_FIELDS and o["refunds"] == []
        assert HEX24.fullmatch(o["transaction_id"])
        released, updated = _t(o["released_at"]), _t(o["updated_at"])
        assert released <= updated < NOW
        product = o["product_information"]
        assert set(product) == {"id", "variation_id", "sku", "name", "size", "color"}
        assert all(isinstance(v, str) and v for v in product.values())
        quantity = o["order_payment"]["general_payment_details"]["product_quantity"]
        assert isinstance(quantity, int) and 1 <= quantity <= 5
        req = o["fulfillment_requirements"]
        delivery = _t(req["expected_delivery_time"]) - released
        assert released < _t(req["expected_ship_time"]) and 10 <= delivery.days <= 40
        past_due += _t(req["expected_delivery_time"]) < NOW
        events = [(e["event_type"], _t(e["event_time"])) for e in o["fulfillment_records"]]
        assert events[0] == ("ORDER_RELEASED", released)
        assert {e for e, _ in events} <= EVENTS and all(at < NOW for _, at in events)
        assert [at for _, at in events] == sorted(at for _, at in events)
        tracking = o["tracking_information"]
        assert bool(tracking) == any(e == "MARK_SHIPPED" for e, _ in events)
        if o["state"] == "SHIPPED":
            assert tracking
        for label in tracking:
            assert re.fullmatch(r"[0-9A-Z]{10,24}", label["tracking_number"])
            assert label["shipping_provider"]["name"] and len(label["origin_country"]) == 2
            assert isinstance(label["ship_note"], str)
        address = o["full_address"]["shipping_detail"]
        for key in ("name", "street_address1", "city", "state", "zipcode", "country"):
            assert isinstance(address[key], str) and address[key], key
        assert re.fullmatch(r"[A-Z]{2}", address["country_code"])
        assert address["phone_number"]["number"].isdigit()
    assert 0 < past_due < len(orders)


def test_tracking_formats(records: list[dict[str, Any]]) -> None:
    numbers: dict[str, list[str]] = {}
    for o in records:
        for label in o.get("tracking_information", []):
            numbers.setdefault(label["shipping_provider"]["name"], []).append(
                label["tracking_number"]
            )
    assert {"China Post", "YunExpress", "4PX", "Cainiao"} <= set(numbers)
    assert all(re.fullmatch(r"[A-Z]{2}\d{9}CN", n) for n in numbers["China Post"])
    assert all(re.fullmatch(r"YT\d{16}", n) for n in numbers["YunExpress"])
    assert all(re.fullmatch(r"9400\d{18}", n) for n in numbers.get("USPS", []))


def test_state_and_language_mix(tickets: list[dict[str, Any]]) -> None:
    share = Counter(t["state"] for t in tickets)
    expected = {"AWAITING_MERCHANT": 0.35, "AWAITING_USER": 0.25, "AWAITING_WISH": 0.05,
                "CLOSED": 0.30, "PERMANENTLY_CLOSED": 0.05}  # fmt: skip
    for state, want in expected.items():
        assert abs(share[state] / len(tickets) - want) < 0.04, (state, share)
    types = Counter(t["type"] for t in tickets)
    assert types["ORDER"] > 0.85 * len(tickets) and types["PRE_PURCHASE"] > 0
    languages = Counter(t["buyer_info"]["locale"][:2] for t in tickets)
    assert set(languages) == set(LANGUAGES)
    assert languages.most_common(1)[0][0] == "en" and min(languages.values()) > 40
    locales = {t["buyer_info"]["locale"] for t in tickets}
    assert {"en-US", "en-GB", "es-MX", "fr-FR", "de-DE", "pt-BR", "it-IT", "zh-CN"} <= locales
    average = sum(len(t["replies"]) for t in tickets) / len(tickets)
    assert 4.0 < average < 6.5
    assert max(len(t["replies"]) for t in tickets) >= 12
    assert any(t["sub_label"] for t in tickets) and any(t["refund_reason"] for t in tickets)
    assert len({t["subject"] for t in tickets}) > 200


def test_buyer_text_matches_language(tickets: list[dict[str, Any]]) -> None:
    for t in tickets:
        first = t["replies"][0]["message"]
        if t["buyer_info"]["locale"].startswith("zh"):
            assert re.search(r"[\u4e00-\u9fff]", first), first
        else:
            assert not re.search(r"[\u4e00-\u9fff]", first), first


def test_sla_spread(tickets: list[dict[str, Any]]) -> None:
    waiting = [NOW - awaiting_since(t) for t in tickets if t["state"] == "AWAITING_MERCHANT"]
    overdue = [w for w in waiting if w > timedelta(days=3)]
    near = [w for w in waiting if timedelta(hours=36) <= w < timedelta(hours=47)]
    fresh = [w for w in waiting if w < timedelta(hours=24)]
    assert len(overdue) > 0.08 * len(waiting)
    assert len(near) > 0.08 * len(waiting)
    assert len(fresh) > 0.35 * len(waiting)
    # near escalation means the last buyer message too, not only the clock start
    last_buyer = [
        NOW - _t([r for r in t["replies"] if r["sender"] == "USER"][-1]["replied_at"])
        for t in tickets
        if t["state"] == "AWAITING_MERCHANT"
    ]
    assert any(timedelta(hours=36) <= w < timedelta(hours=47) for w in last_buyer)
    assert any(w > timedelta(days=3) for w in last_buyer)


def test_records_pass_the_importer(records: list[dict[str, Any]]) -> None:
    wish = pytest.importorskip("wishdesk.domain.wish")
    kinds = Counter(wish.kind_of(r) for r in records)
    assert kinds["ticket"] == 2000
    for record in records:
        wish.parse_record(record)


def test_phrasebook_is_complete() -> None:
    book = phrasebook()
    topics = {t[0] for t in TOPICS} | {PRESALE_TOPIC[0]}
    fields = {name: "x" for name in MERCHANT_FIELDS}
    for code in LANGUAGES:
        language = book.languages[code]
        assert set(language.subjects) == topics and set(language.openings) == topics, code
        for texts in [*language.subjects.values(), *language.openings.values()]:
            assert len(texts) >= 3
            for text in texts:
                used = {f for _, f, _, _ in string.Formatter().parse(text) if f}
                assert used <= BUYER_FIELDS, (code, text)
                text.format_map(fields)
        for group in (language.follow_ups, language.buyer_replies, language.thanks):
            assert len(group) >= 4
        if language.merchant:
            assert set(language.merchant) == set(MERCHANT_KEYS), code
            for text in (t for texts in language.merchant.values() for t in texts):
                text.format_map(fields)
    assert not book.languages["zh"].merchant  # merchants answer Chinese buyers in English


def test_merchant_texts_are_policy_safe() -> None:
    risky = re.compile(
        r"@|https?:|www\.|\d{5,}|paypal|western union|whatsapp|wechat|telegram|skype|iban|"
        r"gift ?card|bank|transfer|crypto|bitcoin|within \d+|\bdays? \d|guarantee|"
        r"stupid|idiot|read the description|already told",
        re.IGNORECASE,
    )
    book = phrasebook()
    texts = [t for lang in book.languages.values() for ts in lang.merchant.values() for t in ts]
    assert len(texts) > 100
    for text in texts:
        assert not risky.search(text), text


def test_fill_and_typo() -> None:
    import random

    rnd = random.Random(3).random
    assert re.fullmatch(r"LZ\d{9}CN", fill("LZ#########CN", rnd))
    assert re.fullmatch(r"[A-Z]{2}[2-9]", fill("@@%", rnd))
    text = "Where is my order please"
    changed = [typo(text, rnd) for _ in range(20)]
    assert all(abs(len(c) - len(text)) <= 1 for c in changed)
    assert any(c != text for c in changed)


def test_speed_smoke() -> None:
    start = time.perf_counter()
    count = sum(1 for _ in generate(2000, seed=11, now=NOW))
    elapsed = time.perf_counter() - start
    assert count > 2000
    assert elapsed < 2.0, f"2,000 tickets took {elapsed:.2f}s"
