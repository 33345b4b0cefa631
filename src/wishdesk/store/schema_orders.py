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


# How each backend reads the orders' JSON text: SQLite's json1 functions, PostgreSQL's jsonb
# (there ``list`` keeps jsonb_array_elements off a value that is not a list).
_JSON = {
    "sqlite": {
        "get": "json_extract({col}, '$.{key}')",
        "valid": "json_valid({col})",
        "list": "json_valid({col})",
        "each": "json_each({col}) e",
        "item": "json_extract(e.value, '$.{key}')",
        "max": "max({})",
    },
    "postgres": {
        "get": "({col}::jsonb ->> '{key}')",
        "valid": "{col} IS NOT NULL",
        "list": "jsonb_typeof({col}::jsonb) = 'array'",
        "each": "jsonb_array_elements({col}::jsonb) e",
        "item": "(e ->> '{key}')",
        "max": 'max({} COLLATE "C")',
    },
}


def order_listing_backfill(backend: str) -> str:
    """m007's UPDATE on ``backend``: the columns the record writer fills since m007, for
    the orders stored before it."""
    j = _JSON[backend]

    def event_time(event: str) -> str:
        latest = j["max"].format(j["item"].format(key="event_time"))
        each, kind = j["each"].format(col="orders.fulfillment"), j["item"].format(key="event_type")
        return f"(SELECT {latest} FROM {each} WHERE {kind} = '{event}')"

    shipped, cancelled = event_time("MARK_SHIPPED"), event_time("TRACKING_CANCELLED")
    delivered = event_time("CONFIRMED_DELIVERED")
    address, events = j["valid"].format(col="shipping_address"), j["list"].format(col="fulfillment")
    buyer = j["get"].format(col="shipping_address", key="name")
    country = j["get"].format(col="shipping_address", key="country_code")
    return (
        f"UPDATE orders SET buyer_name = CASE WHEN {address} THEN {buyer} END, "
        f"country_code = CASE WHEN {address} THEN upper({country}) END, "
        f"shipped_at = CASE WHEN {events} AND ({cancelled} IS NULL "
        f"OR {cancelled} < {shipped}) THEN {shipped} END, "
        f"delivered_at = CASE WHEN {events} THEN {delivered} END"
    )


ORDER_LISTING_BACKFILL = order_listing_backfill("sqlite")
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
