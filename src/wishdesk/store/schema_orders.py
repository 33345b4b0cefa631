"""Migration m007: what ``wishdesk orders`` filters on, in columns and indexes of their own.

Apart from ``schema.py`` because the listing's query (``order_listing.py``) and the bulk
loader share its index definitions and the WHERE terms of its partial indexes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


def m007_order_listing(db: Database) -> None:
    """What ``wishdesk orders`` filters on, kept in columns of their own (the record writer
    keeps them current): the shipping name and country, when the order was last marked
    shipped (none once its tracking was cancelled after that) and confirmed delivered. The
    indexes serve the default sort, ``--updated-since``, ``--carrier`` and the late and
    unshipped views; each partial index holds only the orders its view can list."""
    for column in ("buyer_name", "country_code", "shipped_at", "delivered_at"):
        db.execute(f"ALTER TABLE orders ADD COLUMN {column} TEXT")  # fixed names
    db.execute(ORDER_LISTING_BACKFILL)
    for sql in ORDER_INDEXES:
        db.execute(sql)


def _event_time(event: str) -> str:
    return (
        "(SELECT max(json_extract(e.value, '$.event_time')) FROM json_each(orders.fulfillment) e "
        f"WHERE json_extract(e.value, '$.event_type') = '{event}')"
    )


_SHIPPED, _CANCELLED = _event_time("MARK_SHIPPED"), _event_time("TRACKING_CANCELLED")
_DELIVERED = _event_time("CONFIRMED_DELIVERED")
ORDER_LISTING_BACKFILL = (
    "UPDATE orders SET "
    "buyer_name = CASE WHEN json_valid(shipping_address) "
    "THEN json_extract(shipping_address, '$.name') END, "
    "country_code = CASE WHEN json_valid(shipping_address) "
    "THEN upper(json_extract(shipping_address, '$.country_code')) END, "
    f"shipped_at = CASE WHEN json_valid(fulfillment) AND ({_CANCELLED} IS NULL "
    f"OR {_CANCELLED} < {_SHIPPED}) THEN {_SHIPPED} END, "
    "delivered_at = CASE WHEN json_valid(fulfillment) "
    f"THEN {_DELIVERED} END"
)
# The terms of each partial index's WHERE appear word for word in the listing's query
# (store/order_listing.py), which is how SQLite knows it may use the index.
UNSHIPPED = "state = 'APPROVED' AND tracking_number IS NULL"
UNDELIVERED = "state IN ('APPROVED', 'SHIPPED') AND delivered_at IS NULL"
ORDER_INDEXES = (
    "CREATE INDEX idx_orders_updated_at ON orders (updated_at, id)",
    "CREATE INDEX idx_orders_carrier ON orders (carrier COLLATE NOCASE)",
    f"CREATE INDEX idx_orders_unshipped ON orders (expected_ship_at) WHERE {UNSHIPPED}",
    f"CREATE INDEX idx_orders_undelivered ON orders (expected_delivery_at) WHERE {UNDELIVERED}",
)
