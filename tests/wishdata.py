"""Factories for Wish v3 ticket and order objects used across the tests."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any


def ticket(
    id: str = "5f0000000000000000000001",
    *,
    state: str = "AWAITING_MERCHANT",
    subject: str = "Where is my order?",
    opened_at: str = "2026-11-23T08:00:00Z",
    updated_at: str | None = None,
    replies: Iterable[tuple[str, str, str]] | None = None,
    orders: Iterable[str] = (),
    buyer: str = "Ann Lee",
    locale: str = "en-US",
    **extra: Any,
) -> dict[str, Any]:
    """A Wish v3 ticket object; replies are (sender, replied_at, message)."""
    if replies is None:
        replies = [("USER", opened_at, "Hi, where is my package? It has been three weeks.")]
    replies = list(replies)
    last = max([opened_at, *(r[1] for r in replies)])
    return {
        "id": id,
        "merchant_id": "5d1e2f3a4b5c6d7e8f901234",
        "subject": subject,
        "type": "ORDER",
        "state": state,
        "opened_at": opened_at,
        "updated_at": updated_at or last,
        "buyer_info": {"name": buyer, "locale": locale},
        "orders": [{"id": o} for o in orders],
        "replies": [{"sender": s, "replied_at": at, "message": m} for s, at, m in replies],
        **extra,
    }


def order(
    id: str = "a00000000000000000000001",
    *,
    updated_at: str = "2026-11-20T10:00:00Z",
    state: str = "SHIPPED",
    tracking: str | None = "LZ123456789CN",
    carrier: str = "China Post",
    delivery: str = "2026-12-10T00:00:00Z",
    **extra: Any,
) -> dict[str, Any]:
    return {
        "id": id,
        "transaction_id": "7a" + id[2:],
        "state": state,
        "released_at": "2026-11-05T10:00:00Z",
        "updated_at": updated_at,
        "product_information": {
            "id": "6b0000000000000000000001",
            "variation_id": "6c0000000000000000000001",
            "sku": "LED-5M",
            "name": "LED strip 5m",
            "size": "5m",
            "color": "RGB",
        },
        "order_payment": {"general_payment_details": {"product_quantity": 2}},
        "fulfillment_requirements": {
            "expected_ship_time": "2026-11-10T00:00:00Z",
            "expected_delivery_time": delivery,
        },
        "tracking_information": [
            {
                "tracking_number": tracking,
                "shipping_provider": {"name": carrier},
                "origin_country": "CN",
            }
        ]
        if tracking
        else [],
        "full_address": {
            "shipping_detail": {
                "name": "Ann Lee",
                "street_address1": "1 Main St",
                "city": "Austin",
                "state": "TX",
                "zipcode": "78701",
                "country": "United States",
                "country_code": "US",
                "phone_number": {"number": "5125550100", "country_code": "1"},
            }
        },
        **extra,
    }


def wish_copy(ticket_id: str, order_id: str, merchant_text: str, replied_at: str) -> dict[str, Any]:
    """Wish's copy of a ticket after the merchant's reply reached it: the buyer's question, then
    that reply, and the ticket with the buyer (what an import or a pull brings back)."""
    return ticket(
        ticket_id,
        state="AWAITING_USER",
        orders=[order_id],
        updated_at="2026-11-26T07:05:00Z",
        replies=[
            ("USER", "2026-11-23T08:00:00Z", "Hi, where is my package? It has been three weeks."),
            ("MERCHANT", replied_at, merchant_text),
        ],
    )


def write_jsonl(path: Path, records: Iterable[Any]) -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path
