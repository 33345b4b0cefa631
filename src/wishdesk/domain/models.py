"""The records wishdesk works with, as plain frozen dataclasses.

Times are aware UTC datetimes inside the domain; the store keeps them as ISO text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

TICKET_STATES = (
    "AWAITING_MERCHANT",
    "AWAITING_USER",
    "AWAITING_WISH",
    "CLOSED",
    "PERMANENTLY_CLOSED",
)
TICKET_TYPES = ("ORDER", "PRE_PURCHASE", "POST_CUSTOMER_SUPPORT")
SENDERS = ("USER", "MERCHANT", "WISH_SUPPORT", "WISH_AUTOMATED_SUPPORT", "LIVE_CHAT")
ORDER_STATES = ("APPROVED", "SHIPPED", "REFUNDED", "REQUIRE_REVIEW", "DECLINED")
REFUND_REASONS = (
    "OTHER",
    "SHIPPING_TAKING_TOO_LONG",
    "USER_NO_LONGER_WANTS_ITEM",
    "ITEM_DOES_NOT_FIT",
    "ITEM_IS_DAMAGED",
    "ITEM_DOES_NOT_MATCH_LISTING",
    "USER_PLACED_ORDER_BY_MISTAKE",
    "ITEM_IS_COUNTERFEIT",
    "ITEM_DOES_NOT_WORK_AS_DESCRIBED",
    "ITEM_NEVER_ARRIVED",
    "EMPTY_PACKAGE",
    "RECEIVED_NOTE_FROM_MERCHANT",
)
REASONS = (
    "remove-item",
    "change-variant",
    "change-address",
    "order-status",
    "shipping-eta",
    "damaged-missing",
    "return-refund",
    "other",
)


@dataclass(frozen=True)
class Message:
    sender: str
    sent_at: datetime
    text: str
    files: tuple[tuple[str, str], ...] = ()  # (url, file_name)


@dataclass(frozen=True)
class Ticket:
    id: str
    state: str
    opened_at: datetime
    updated_at: datetime
    subject: str = ""
    type: str | None = None
    merchant_id: str | None = None
    sub_label: str | None = None
    refund_reason: str | None = None
    buyer_name: str | None = None
    buyer_locale: str | None = None
    closed_at: datetime | None = None
    closed_by: str | None = None
    order_ids: tuple[str, ...] = ()
    product_ids: tuple[str, ...] = ()
    messages: tuple[Message, ...] = ()


@dataclass(frozen=True)
class Tracking:
    tracking_number: str
    carrier: str | None = None
    origin_country: str | None = None
    ship_note: str | None = None


@dataclass(frozen=True)
class Order:
    id: str
    updated_at: datetime
    state: str | None = None
    transaction_id: str | None = None
    released_at: datetime | None = None
    product_id: str | None = None
    variation_id: str | None = None
    sku: str | None = None
    product_name: str | None = None
    size: str | None = None
    color: str | None = None
    quantity: int | None = None
    expected_ship_at: datetime | None = None
    expected_delivery_at: datetime | None = None
    tracking: tuple[Tracking, ...] = ()
    fulfillment: tuple[tuple[str, datetime], ...] = ()  # (event_type, event_time)
    shipping_address: dict[str, str] = field(default_factory=dict)
    refunds: tuple[object, ...] = ()

    # Wish lists ``tracking_information`` newest first: the first entry is the current
    # tracking, a second one the earlier, replaced one (a reshipment).
    @property
    def tracking_number(self) -> str | None:
        """The current tracking number: the first one Wish lists."""
        return self.tracking[0].tracking_number if self.tracking else None

    @property
    def carrier(self) -> str | None:
        return self.tracking[0].carrier if self.tracking else None

    def _last(self, event: str) -> datetime | None:
        return max((t for e, t in self.fulfillment if e == event), default=None)

    @property
    def shipped_at(self) -> datetime | None:
        """When it was last marked shipped; None when its tracking was cancelled since."""
        shipped, cancelled = self._last("MARK_SHIPPED"), self._last("TRACKING_CANCELLED")
        if shipped is None or (cancelled is not None and cancelled >= shipped):
            return None
        return shipped

    @property
    def delivered_at(self) -> datetime | None:
        """When Wish last confirmed it delivered (``CONFIRMED_DELIVERED``)."""
        return self._last("CONFIRMED_DELIVERED")


@dataclass(frozen=True)
class OrderFacts:
    """What the policy linter's ``truth.*`` rules need to know about an order."""

    id: str
    state: str | None = None
    expected_delivery_at: datetime | None = None
    expected_ship_at: datetime | None = None
    tracking_numbers: tuple[str, ...] = ()
    carrier: str | None = None

    @property
    def shipped(self) -> bool:
        return self.state == "SHIPPED" or bool(self.tracking_numbers)
