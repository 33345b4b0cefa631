"""Reading Wish Merchant API v3 ticket and order objects into domain records.

Forward compatible, as Wish's OpenAPI document asks: no field of a Ticket or an Order is
``required`` there and its enum lists grow, so only a missing ``id`` rejects a record. A
state, type or sender value not known here is kept as given (never dropped); a missing time
falls back to the record's other times (``UNKNOWN_TIME`` when it has none). What is present
must still have its type: a bad value raises ``RecordError`` naming the field, so import can
report file, line and field. Unknown fields are ignored.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from wishdesk.clock import EARLIEST, LATEST, UTC, parse_time
from wishdesk.domain.fields import (
    ID_RE,
    MAX_IDS,
    MAX_MESSAGE_CHARS,
    MAX_TEXT,
    RecordError,
    check_data,
    check_text,
    check_time,
    has_surrogate,
)
from wishdesk.domain.fields import check_id as _id
from wishdesk.domain.fields import type_name as _type_name
from wishdesk.domain.models import (
    Message,
    Order,
    Ticket,
    Tracking,
)

__all__ = ["ID_RE", "MAX_MESSAGE_CHARS", "MAX_TEXT", "RecordError", "kind_of", "parse_record"]

UNKNOWN_TIME = datetime(1970, 1, 1, tzinfo=UTC)  # a record with no time at all: any dated copy wins
ADDRESS_KEYS = (
    *("name", "street_address1", "street_address2", "street_address3", "city", "state"),
    *("zipcode", "country", "country_code", "region", "neighborhood"),
)  # region: Chile; neighborhood: Brazil and Spain
TICKET_KEYS = frozenset({"replies", "buyer_info", "opened_at", "subject", "sub_label"})
ORDER_KEYS = frozenset(
    {
        "product_information",
        "fulfillment_requirements",
        "transaction_id",
        "full_address",
        "tracking_information",
        "order_payment",
        "released_at",
    }
)


def kind_of(obj: object) -> str:
    """``"ticket"`` or ``"order"``, told apart by their fields."""
    if not isinstance(obj, Mapping):
        raise RecordError("", f"expected a JSON object, got {_type_name(obj)}")
    keys = obj.keys()
    is_ticket = not TICKET_KEYS.isdisjoint(keys)
    is_order = not ORDER_KEYS.isdisjoint(keys)
    if is_ticket and not is_order:
        return "ticket"
    if is_order and not is_ticket:
        return "order"
    if is_ticket and is_order:
        raise RecordError("", "has both ticket and order fields")
    raise RecordError("", "neither a ticket nor an order (no known fields)")


def parse_record(obj: object) -> Ticket | Order:
    return parse_ticket(obj) if kind_of(obj) == "ticket" else parse_order(obj)  # type: ignore[arg-type]


def _text(obj: Mapping[str, Any], field: str, label: str | None = None) -> str | None:
    value = obj.get(field)
    label = label or field
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise RecordError(label, f"expected a string, got {_type_name(value)}")
    return check_text(value, label)


def _time(obj: Mapping[str, Any], field: str, label: str | None = None) -> datetime | None:
    value = obj.get(field)
    label = label or field
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise RecordError(label, f"expected an ISO-8601 time, got {_type_name(value)}")
    return check_time(value, label)


def _object(obj: Mapping[str, Any], field: str, label: str | None = None) -> Mapping[str, Any]:
    value = obj.get(field)
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise RecordError(label or field, f"expected an object, got {_type_name(value)}")
    return value


def _list(obj: Mapping[str, Any], field: str, label: str | None = None) -> list[Any]:
    value = obj.get(field)
    if value is None:
        return []
    if not isinstance(value, list):
        raise RecordError(label or field, f"expected an array, got {_type_name(value)}")
    return value


def _ids(obj: Mapping[str, Any], field: str) -> tuple[str, ...]:
    """The ids of a list of ``{"id": ...}`` objects, each once, in order (at most
    ``MAX_IDS``: one ticket about more orders than that is not a ticket)."""
    items = _list(obj, field)
    if len(items) > MAX_IDS:
        raise RecordError(field, f"{len(items)} entries: at most {MAX_IDS} are accepted")
    out: dict[str, None] = {}
    for i, item in enumerate(items):
        if not isinstance(item, Mapping):
            raise RecordError(f"{field}[{i}]", f"expected an object, got {_type_name(item)}")
        out.setdefault(_id(item, "id", f"{field}[{i}].id"))
    return tuple(out)


def _quick_reply(reply: object) -> Message | None:
    """The common, well-formed reply without attachments, checked in one go; ``None``
    sends anything unusual through ``_reply`` for a precise error."""
    if type(reply) is not dict or reply.get("supporting_files"):
        return None
    sender, sent_at, text = reply.get("sender"), reply.get("replied_at"), reply.get("message")
    if (
        type(sender) is not str
        or type(sent_at) is not str
        or type(text) is not str
        or len(text) > MAX_TEXT
        or "\x00" in text
        or has_surrogate(text)
    ):
        return None
    try:
        moment = parse_time(sent_at)
    except (ValueError, OverflowError):
        return None
    if not EARLIEST <= moment < LATEST:
        return None
    return Message(sender=sender, sent_at=moment, text=text)


def _reply(reply: object, where: str, fallback: datetime) -> Message:
    if not isinstance(reply, Mapping):
        raise RecordError(where, f"expected an object, got {_type_name(reply)}")
    files = []
    for j, f in enumerate(_list(reply, "supporting_files", f"{where}.supporting_files")):
        if not isinstance(f, Mapping):
            raise RecordError(f"{where}.supporting_files[{j}]", "expected an object")
        files.append(
            (
                _text(f, "url", f"{where}.supporting_files[{j}].url") or "",
                _text(f, "file_name", f"{where}.supporting_files[{j}].file_name") or "",
            )
        )
    return Message(
        sender=_text(reply, "sender", f"{where}.sender") or "",
        sent_at=_time(reply, "replied_at", f"{where}.replied_at") or fallback,
        text=_text(reply, "message", f"{where}.message") or "",
        files=tuple(files),
    )


def _reply_time(reply: object) -> datetime | None:
    """A reply's ``replied_at`` when it is a valid time (else ``_reply`` says what is wrong)."""
    if isinstance(reply, Mapping) and isinstance(reply.get("replied_at"), str):
        try:
            return parse_time(reply["replied_at"])
        except (ValueError, OverflowError):
            return None
    return None


def parse_ticket(obj: Mapping[str, Any]) -> Ticket:
    buyer = _object(obj, "buyer_info")
    resolution = _object(obj, "resolution_info")
    replies = _list(obj, "replies")
    opened = _time(obj, "opened_at")
    updated = _time(obj, "updated_at")
    known = [t for t in (opened, updated, *map(_reply_time, replies)) if t is not None]
    opened_at = opened or min(known, default=UNKNOWN_TIME)
    messages = []
    for i, reply in enumerate(replies):
        quick = _quick_reply(reply)
        messages.append(quick if quick is not None else _reply(reply, f"replies[{i}]", opened_at))
    updated_at = updated or max([opened_at, *(m.sent_at for m in messages)])
    return Ticket(
        id=_id(obj, "id"),
        state=_text(obj, "state") or "",
        opened_at=opened_at,
        updated_at=updated_at,
        subject=_text(obj, "subject") or "",
        type=_text(obj, "type"),
        merchant_id=_text(obj, "merchant_id"),
        sub_label=_text(obj, "sub_label"),
        refund_reason=_text(obj, "refund_reason"),
        buyer_name=_text(buyer, "name", "buyer_info.name"),
        buyer_locale=_text(buyer, "locale", "buyer_info.locale"),
        closed_at=_time(resolution, "closed_at", "resolution_info.closed_at"),
        closed_by=_text(resolution, "closed_by", "resolution_info.closed_by"),
        order_ids=_ids(obj, "orders"),
        product_ids=_ids(obj, "products"),
        messages=tuple(messages),
    )


def parse_order(obj: Mapping[str, Any]) -> Order:
    product = _object(obj, "product_information")
    payment = _object(
        _object(obj, "order_payment"),
        "general_payment_details",
        "order_payment.general_payment_details",
    )
    quantity = payment.get("product_quantity")
    if isinstance(quantity, str) and quantity.isascii() and quantity.isdigit():
        quantity = int(quantity[:7]) if len(quantity) <= 7 else -1
    if quantity is not None and (
        not isinstance(quantity, int) or isinstance(quantity, bool) or not 0 <= quantity < 1_000_000
    ):
        raise RecordError(
            "order_payment.general_payment_details.product_quantity", "expected a whole number"
        )
    requirements = _object(obj, "fulfillment_requirements")
    tracking = []
    for i, item in enumerate(_list(obj, "tracking_information")):
        where = f"tracking_information[{i}]"
        if not isinstance(item, Mapping):
            raise RecordError(where, f"expected an object, got {_type_name(item)}")
        number = _text(item, "tracking_number", f"{where}.tracking_number")
        if not number:
            continue
        provider = _object(item, "shipping_provider", f"{where}.shipping_provider")
        tracking.append(
            Tracking(
                tracking_number=number,
                carrier=_text(provider, "name", f"{where}.shipping_provider.name"),
                origin_country=_text(item, "origin_country", f"{where}.origin_country"),
                ship_note=_text(item, "ship_note", f"{where}.ship_note"),
            )
        )
    events = []
    for i, item in enumerate(_list(obj, "fulfillment_records")):
        where = f"fulfillment_records[{i}]"
        if not isinstance(item, Mapping):
            raise RecordError(where, f"expected an object, got {_type_name(item)}")
        event = _text(item, "event_type", f"{where}.event_type")
        at = _time(item, "event_time", f"{where}.event_time")
        if event and at is not None:  # an event without its type or time tells nothing
            events.append((event, at))
    detail = _object(
        _object(obj, "full_address"), "shipping_detail", "full_address.shipping_detail"
    )
    address: dict[str, str] = {}
    for key in ADDRESS_KEYS:
        value = _text(detail, key, f"full_address.shipping_detail.{key}")
        if value:
            address[key] = value
    phone = detail.get("phone_number")
    if isinstance(phone, Mapping):
        number = _text(phone, "number", "full_address.shipping_detail.phone_number.number")
        code = _text(
            phone, "country_code", "full_address.shipping_detail.phone_number.country_code"
        )
        if number:
            address["phone"] = f"+{code} {number}" if code else number
    elif phone is not None:
        number = _text(detail, "phone_number", "full_address.shipping_detail.phone_number")
        if number:
            address["phone"] = number
    refunds = check_data(_list(obj, "refunds"), "refunds")
    released_at = _time(obj, "released_at")
    updated_at = _time(obj, "updated_at") or released_at or UNKNOWN_TIME
    return Order(
        id=_id(obj, "id"),
        updated_at=updated_at,
        state=_text(obj, "state"),
        transaction_id=_text(obj, "transaction_id"),
        released_at=released_at,
        product_id=_text(product, "id", "product_information.id"),
        variation_id=_text(product, "variation_id", "product_information.variation_id"),
        sku=_text(product, "sku", "product_information.sku"),
        product_name=_text(product, "name", "product_information.name"),
        size=_text(product, "size", "product_information.size"),
        color=_text(product, "color", "product_information.color"),
        quantity=quantity,
        expected_ship_at=_time(
            requirements, "expected_ship_time", "fulfillment_requirements.expected_ship_time"
        ),
        expected_delivery_at=_time(
            requirements,
            "expected_delivery_time",
            "fulfillment_requirements.expected_delivery_time",
        ),
        tracking=tuple(tracking),
        fulfillment=tuple(events),
        shipping_address=address,
        refunds=tuple(refunds),
    )
