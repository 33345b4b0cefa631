"""The store's schema, as named sqlite-utils migrations applied in order on open.

Never edit a migration that has shipped: add a new one. ``tests/test_store.py`` pins the
columns a fresh store ends up with.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database

from wishdesk.store.schema_orders import m007_order_listing
from wishdesk.store.schema_team import m009_assignment, m010_notify_key

MIGRATION_SET = "wishdesk"

# Unicode-aware tokenizer that folds accents, so "envío" matches "envio".
FTS_TOKENIZE = "unicode61 remove_diacritics 2"


def m001_initial(db: Database) -> None:
    tickets: Any = db["tickets"]
    tickets.create(
        {
            "num": int,
            "id": str,
            "merchant_id": str,
            "type": str,
            "state": str,
            "subject": str,
            "sub_label": str,
            "refund_reason": str,
            "buyer_name": str,
            "buyer_locale": str,
            "opened_at": str,
            "updated_at": str,
            "closed_at": str,
            "closed_by": str,
            "order_ids": str,
            "product_ids": str,
            "reason": str,
            "reason_source": str,
            "reason_confidence": float,
            "awaiting_since": str,
            "due_at": str,
            "escalates_at": str,
            "last_message": str,
            "last_message_at": str,
            "message_count": int,
        },
        pk="num",
        not_null={"id", "state", "opened_at", "updated_at", "reason", "reason_source"},
        defaults={"reason": "other", "reason_source": "text", "message_count": 0},
    )
    tickets.create_index(["id"], unique=True)
    tickets.create_index(["state", "due_at", "opened_at", "id"])
    tickets.create_index(["updated_at"])
    tickets.create_index(["opened_at"])
    tickets.enable_fts(["subject"], create_triggers=True, tokenize=FTS_TOKENIZE)

    messages: Any = db["messages"]
    messages.create(
        {
            "id": int,
            "ticket_id": str,
            "sender": str,
            "sent_at": str,
            "text": str,
            "files": str,
            "digest": str,
            "origin": str,
        },
        pk="id",
        not_null={"ticket_id", "sender", "sent_at", "text", "digest", "origin"},
        defaults={"origin": "wish"},
    )
    messages.create_index(["ticket_id", "sent_at", "sender", "digest"], unique=True)
    messages.enable_fts(["text"], create_triggers=True, tokenize=FTS_TOKENIZE)
    # New messages are indexed in bulk before each commit (db.Store.transaction), which is
    # several times faster than a trigger per row; updates and deletes keep their triggers.
    db.execute("DROP TRIGGER messages_ai")
    # Re-index only when the indexed text changes, not on every update of a row (state,
    # clocks and reasons change often; subjects and message texts rarely).
    for table, column in (("tickets", "subject"), ("messages", "text")):
        db.execute(f"DROP TRIGGER {table}_au")
        db.execute(
            f"CREATE TRIGGER {table}_au AFTER UPDATE OF {column} ON {table} BEGIN "
            f"INSERT INTO {table}_fts ({table}_fts, rowid, {column}) "
            f"VALUES ('delete', old.rowid, old.{column}); "
            f"INSERT INTO {table}_fts (rowid, {column}) VALUES (new.rowid, new.{column}); END"
        )

    orders: Any = db["orders"]
    orders.create(
        {
            "id": str,
            "transaction_id": str,
            "state": str,
            "released_at": str,
            "updated_at": str,
            "product_id": str,
            "variation_id": str,
            "sku": str,
            "product_name": str,
            "size": str,
            "color": str,
            "quantity": int,
            "expected_ship_at": str,
            "expected_delivery_at": str,
            "tracking_number": str,
            "carrier": str,
            "tracking": str,
            "fulfillment": str,
            "shipping_address": str,
            "refunds": str,
        },
        pk="id",
        not_null={"updated_at"},
    )

    links: Any = db["ticket_orders"]
    links.create(
        {"ticket_id": str, "order_id": str, "position": int},
        pk=("ticket_id", "order_id"),
    )
    links.create_index(["order_id"])

    settings: Any = db["settings"]
    settings.create({"key": str, "value": str}, pk="key")

    outbox: Any = db["outbox"]
    outbox.create(
        {
            "id": int,
            "kind": str,
            "ticket_id": str,
            "order_id": str,
            "body": str,
            "status": str,
            "created_at": str,
            "sent_at": str,
            "error": str,
            "dedup_key": str,
            "message_id": int,
            "attempts": int,
            "request_id": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"kind", "status", "created_at"},
        defaults={"attempts": 0},
    )
    outbox.create_index(["status"])
    outbox.create_index(["ticket_id"])
    outbox.create_index(["dedup_key"])

    drafts: Any = db["drafts"]
    drafts.create(
        {"id": int, "ticket_id": str, "text": str, "created_at": str, "findings": str},
        pk="id",
        not_null={"ticket_id", "text", "created_at"},
    )
    drafts.create_index(["ticket_id"])

    audit: Any = db["audit_log"]
    audit.create(
        {
            "id": int,
            "at": str,
            "action": str,
            "ticket_id": str,
            "outbox_id": int,
            "rule": str,
            "reason": str,
            "detail": str,
        },
        pk="id",
        not_null={"at", "action"},
    )


def _rebuild_with_ticket_num(
    db: Database, table: str, columns: dict[str, type], **create: Any
) -> None:
    """Rebuild ``table`` with ``columns`` (its own plus ``ticket_num``, the row number of the
    ticket named by its ``ticket_id``), keeping the rows' order, an ``id`` primary key and the
    triggers. SQLite cannot add a NOT NULL column without a default, hence the rebuild. The
    caller creates the indexes."""
    triggers = [
        row[0]
        for row in db.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (table,)
        )
    ]
    rebuilt: Any = db[f"{table}_rebuilt"]
    rebuilt.create(columns, foreign_keys=[("ticket_num", "tickets", "num")], **create)
    names = ", ".join(columns)
    values = ", ".join("t.num" if c == "ticket_num" else f"x.{c}" for c in columns)
    db.execute(
        f"INSERT INTO {table}_rebuilt ({names}) SELECT {values} "
        f"FROM {table} x JOIN tickets t ON t.id = x.ticket_id ORDER BY x.rowid"
    )
    db.execute(f"DROP TABLE {table}")
    db.execute(f"ALTER TABLE {table}_rebuilt RENAME TO {table}")
    for sql in triggers:
        db.execute(sql)


def m002_messages_by_ticket_num(db: Database) -> None:
    """Messages carry their ticket's row number (``tickets.num``), and their unique index
    starts with it instead of the Wish ticket id.

    Ticket ids are random, so new messages landed on random pages of the old index: past
    about 100k tickets an import spent most of its time reading and writing index pages.
    Ticket numbers only grow, so a new ticket's messages are appended at the index's end.
    ``ticket_id`` stays, for reading; lookups and joins go through ``ticket_num``. Row ids,
    and with them the full-text index, are kept.
    """
    _rebuild_with_ticket_num(
        db,
        "messages",
        {
            "id": int,
            "ticket_num": int,
            "ticket_id": str,
            "sender": str,
            "sent_at": str,
            "text": str,
            "files": str,
            "digest": str,
            "origin": str,
        },
        pk="id",
        not_null={"ticket_num", "ticket_id", "sender", "sent_at", "text", "digest", "origin"},
        defaults={"origin": "wish"},
    )
    messages: Any = db["messages"]
    messages.create_index(["ticket_num", "sent_at", "sender", "digest"], unique=True)


def m003_ticket_orders_by_ticket_num(db: Database) -> None:
    """The links between tickets and orders are keyed on (``ticket_num``, ``order_id``), so a
    new ticket's links are appended too (see m002). Finding an order's tickets still goes
    through the ``order_id`` index."""
    _rebuild_with_ticket_num(
        db,
        "ticket_orders",
        {"ticket_num": int, "ticket_id": str, "order_id": str, "position": int},
        pk=("ticket_num", "order_id"),
        not_null={"ticket_num", "ticket_id", "order_id"},
    )
    links: Any = db["ticket_orders"]
    links.create_index(["order_id"])


def m004_current_tracking_first(db: Database) -> None:
    """Wish lists ``tracking_information`` newest first, so an order's current tracking is the
    first entry of its ``tracking`` JSON; earlier versions took the last one, which after a
    reshipment is the replaced number. Recompute the two columns from the JSON."""
    db.execute(
        "UPDATE orders SET tracking_number = json_extract(tracking, '$[0].tracking_number'), "
        "carrier = json_extract(tracking, '$[0].carrier') "
        "WHERE json_valid(tracking) AND json_array_length(tracking) > 1"
    )


def m005_attachments(db: Database) -> None:
    """Buyer photos (a reply's ``supporting_files``), one row per file of a message: the last
    link Wish served and when, and once downloaded the content hash, the file's name under
    ``<data dir>/attachments/``, its size and type. ``status``: ``pending`` (retried by the
    next sync), ``saved``, ``rejected`` (not an image, or over the size cap) or ``failed``
    (gave up)."""
    attachments: Any = db["attachments"]
    attachments.create(
        {
            "id": int,
            "message_id": int,
            "ticket_num": int,
            "ticket_id": str,
            "position": int,
            "file_name": str,
            "url": str,
            "served_at": str,
            "status": str,
            "attempts": int,
            "error": str,
            "sha256": str,
            "path": str,
            "size": int,
            "content_type": str,
            "saved_at": str,
        },
        pk="id",
        not_null={"message_id", "ticket_num", "ticket_id", "position", "status", "attempts"},
        defaults={"status": "pending", "attempts": 0},
        foreign_keys=[("message_id", "messages", "id"), ("ticket_num", "tickets", "num")],
    )
    attachments.create_index(["message_id", "position"], unique=True)
    attachments.create_index(["ticket_num"])
    attachments.create_index(["status"])


def m006_ticket_first_order(db: Database) -> None:
    """Each ticket keeps its first order's product, tracking number and carrier, so that the
    listing shows them without a lookup per ticket (the record writer keeps them current)."""
    for column in ("product", "tracking_number", "carrier"):
        db.execute(f"ALTER TABLE tickets ADD COLUMN {column} TEXT")  # fixed names
    db.execute(FIRST_ORDER_BACKFILL)


# The first listed order of every ticket (position 0), where the store holds that order.
FIRST_ORDER_BACKFILL = (
    "UPDATE tickets SET (product, tracking_number, carrier) = (SELECT o.product_name, "
    "o.tracking_number, o.carrier FROM ticket_orders l JOIN orders o ON o.id = l.order_id "
    "WHERE l.ticket_num = tickets.num AND l.position = 0)"
)


def m008_notes_and_snooze(db: Database) -> None:
    """The merchant's own workflow: internal notes on a ticket (``notes``: never sent, never
    linted); a snooze on a ticket (``snoozed_until``, and ``snoozed_at`` when it was set),
    which hides it from ``list`` until then or until the buyer writes again; and on each
    queued close or appeal the ticket state it found (``prior_state``), which ``outbox
    cancel`` puts back."""
    notes: Any = db["notes"]
    notes.create(
        {"id": int, "ticket_id": str, "text": str, "author": str, "created_at": str},
        pk="id",
        not_null={"ticket_id", "text", "author", "created_at"},
    )
    notes.create_index(["ticket_id"])
    for column in ("snoozed_until", "snoozed_at"):
        db.execute(f"ALTER TABLE tickets ADD COLUMN {column} TEXT")  # fixed names
    # the few snoozed tickets, which the listing leaves out (or keeps) by row number
    db.execute(
        "CREATE INDEX idx_tickets_snoozed_until ON tickets (snoozed_until) "
        "WHERE snoozed_until IS NOT NULL"
    )
    db.execute("ALTER TABLE outbox ADD COLUMN prior_state TEXT")


MIGRATIONS: list[Callable[[Database], None]] = [
    m001_initial,
    m002_messages_by_ticket_num,
    m003_ticket_orders_by_ticket_num,
    m004_current_tracking_first,
    m005_attachments,
    m006_ticket_first_order,
    m007_order_listing,
    m008_notes_and_snooze,
    m009_assignment,
    m010_notify_key,
]
MIGRATION_NAMES = tuple(fn.__name__ for fn in MIGRATIONS)


def apply(db: Database) -> None:
    """Apply every pending migration (sqlite-utils Migrations), all under one write lock.

    ``BEGIN IMMEDIATE`` first, so that processes opening an old store at once queue for the
    lock and each decides what is pending only once it holds it: a migration never runs
    twice. Each migration is a savepoint inside; any failure rolls back all of them.
    Imported lazily: a store that is already current never pays for sqlite-utils.
    """
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(MIGRATION_SET)
    for fn in MIGRATIONS:
        migrations()(fn)
    db.execute("BEGIN IMMEDIATE")
    try:
        migrations.apply(db)
    except BaseException:
        db.conn.rollback()
        raise
    db.execute("COMMIT")
