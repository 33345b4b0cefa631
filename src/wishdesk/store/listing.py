"""The listing query over the ``tickets`` table: ``list`` and ``overdue`` filters, sorts and
full-text search, streamed.

Every value from the user reaches the database as a bound parameter; only fixed fragments of SQL
text are chosen here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from wishdesk.store.db import Store
from wishdesk.store.pg_search import CJK_RANGES
from wishdesk.store.tickets import LIST_COLUMNS


@dataclass
class TicketQuery:
    states: Sequence[str] = ("AWAITING_MERCHANT",)  # empty: any state
    reasons: Sequence[str] = ()
    due_before: str | None = None  # ISO UTC: due_at < this (``--overdue``, ``--due-within``)
    escalates_before: str | None = None  # ISO UTC: escalates_at < this
    either_clock: bool = False  # due_before OR escalates_before (``overdue --clock any``)
    search: str | None = None
    order_id: str | None = None
    snoozed: str = "hide"  # hide, only or any: tickets snoozed beyond ``now``
    now: str = ""  # ISO UTC, for ``snoozed``
    assignee: str | None = None  # only the tickets this agent works
    unassigned: bool = False  # only the tickets nobody works
    limit: int = 50  # 0: all
    sort: str = "due"
    reverse: bool = False


_SORTS = {
    # sort key: (ORDER BY ascending form, natural direction is descending?)
    "due": ("t.due_at IS NULL {dir}, t.due_at {dir}, t.opened_at {dir}, t.id {dir}", False),
    "updated": ("t.updated_at {dir}, t.id {dir}", True),
    "opened": ("t.opened_at {dir}, t.id {dir}", True),
}
_WORD = re.compile(r"\w+", re.UNICODE)
_CJK = re.compile(f"[{CJK_RANGES}]")


def like_pattern(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _search_clause(text: str, params: list[Any], backend: str = "sqlite") -> str:
    """Every word must appear in the subject or in some message of the ticket."""
    parts = []
    for word in _WORD.findall(text):
        part, values = _word_match(word, backend)
        parts.append(part)
        params += values
    if not parts:
        return "0 = 1"
    if backend == "postgres":
        from wishdesk.store.pg_search import every_word

        return every_word(parts)
    return " AND ".join(parts)


def _word_match(word: str, backend: str) -> tuple[str, list[Any]]:
    """One word of a search, in the subject or some message. Words are prefix-matched
    through FTS5; CJK words, which the tokenizer does not split, are matched as substrings.
    Two ``IN`` lists joined by OR: cheaper than one UNION, which sorts away the duplicates
    first (1M tickets, a word in 370k messages: 280 ms, not 350). PostgreSQL's form of the
    same: ``pg_search.word_match``."""
    pattern = like_pattern(word) if _CJK.search(word) else None
    if backend == "postgres":
        from wishdesk.store.pg_search import word_match

        return word_match(word, pattern)
    if pattern is not None:
        return (
            "(t.subject LIKE ? ESCAPE '\\' OR t.num IN "
            "(SELECT ticket_num FROM messages WHERE text LIKE ? ESCAPE '\\'))",
            [pattern, pattern],
        )
    fts = '"' + word.replace('"', '""') + '"*'
    return (
        "(t.num IN (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH ?) "
        "OR t.num IN (SELECT m.ticket_num FROM messages_fts JOIN messages m "
        "ON m.id = messages_fts.rowid WHERE messages_fts MATCH ?))",
        [fts, fts],
    )


_LIST_SELECT = ", ".join("t." + c for c in LIST_COLUMNS)
# The listing as ready-made TSV cells, in the documented field order (for scripts and cron:
# the rows stream straight from SQLite to stdout). Order ids are stored as ``json.dumps`` of
# ids limited to letters, digits, "-" and "_", so removing the JSON punctuation leaves them
# comma-joined.
_TEXT_CELLS = (
    "t.id, t.state, t.reason, t.reason_source, coalesce(t.subject, ''), "
    "coalesce(t.buyer_name, ''), coalesce(t.buyer_locale, ''), "
    "replace(replace(replace(replace(coalesce(t.order_ids, ''), '\"', ''), '[', ''), ']', ''), "
    "', ', ',') AS order_cell, "
    "t.opened_at, t.updated_at, coalesce(t.awaiting_since, ''), coalesce(t.due_at, ''), "
    "coalesce(t.escalates_at, ''), "
    "CASE WHEN t.due_at < ? THEN 'true' ELSE 'false' END, "
    "CASE WHEN t.escalates_at < ? THEN 'true' ELSE 'false' END, "
    "coalesce(t.last_message, ''), coalesce(t.product, ''), coalesce(t.tracking_number, ''), "
    "coalesce(t.carrier, ''), CASE WHEN t.snoozed_until > ? THEN t.snoozed_until ELSE '' END, "
    "coalesce(t.assignee, '')"
)
# The snoozed tickets are few: found through their partial index, by row number, so that
# the listing's own index still orders (and counts) the rest.
_SNOOZED = {
    "hide": "t.num NOT IN (SELECT num FROM tickets WHERE snoozed_until > ?)",
    "only": "t.num IN (SELECT num FROM tickets WHERE snoozed_until > ?)",
}


def list_sql(
    q: TicketQuery, *, text_cells_at: str | None = None, backend: str = "sqlite"
) -> tuple[str, list[Any]]:
    """The listing query on ``backend``. With ``text_cells_at`` (the ISO "now" for the
    overdue flags) it selects TSV-ready text cells instead of the stored columns."""
    where: list[str] = []
    params: list[Any] = [] if text_cells_at is None else [text_cells_at] * 3
    if q.states:
        where.append(f"t.state IN ({', '.join('?' for _ in q.states)})")
        params += list(q.states)
    if q.reasons:
        where.append(f"t.reason IN ({', '.join('?' for _ in q.reasons)})")
        params += list(q.reasons)
    clock = []
    if q.due_before is not None:
        clock.append("t.due_at < ?")
        params.append(q.due_before)
    if q.escalates_before is not None:
        clock.append("t.escalates_at < ?")
        params.append(q.escalates_before)
    if clock:
        where.append("(" + (" OR " if q.either_clock else " AND ").join(clock) + ")")
    if q.snoozed in _SNOOZED:
        where.append(_SNOOZED[q.snoozed])
        params.append(q.now)
    if q.assignee is not None:
        where.append("t.num IN (SELECT num FROM tickets WHERE assignee = ?)")
        params.append(q.assignee)
    if q.unassigned:
        where.append("t.num NOT IN (SELECT num FROM tickets WHERE assignee IS NOT NULL)")
    if q.order_id is not None:
        where.append("t.num IN (SELECT ticket_num FROM ticket_orders WHERE order_id = ?)")
        params.append(q.order_id)
    if q.search is not None:
        where.append(_search_clause(q.search, params, backend))
    order, natural_desc = _SORTS[q.sort]
    descending = natural_desc != q.reverse
    if tuple(q.states) == ("AWAITING_MERCHANT",):
        # Every ticket awaiting the merchant has a deadline: without the NULL test the
        # (state, due_at, opened_at, id) index gives the order and LIMIT stops early.
        order = order.replace("t.due_at IS NULL {dir}, ", "")
    sql = "SELECT " + (_LIST_SELECT if text_cells_at is None else _TEXT_CELLS) + " FROM tickets t"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY " + order.format(dir="DESC" if descending else "ASC")
    if q.limit:
        sql += " LIMIT ?"
        params.append(q.limit)
    return sql, params


def iter_rows(store: Store, q: TicketQuery) -> Iterator[tuple[Any, ...]]:
    """The listing's rows (``LIST_COLUMNS``), streamed."""
    return store.rows(*list_sql(q, backend=store.backend))


def count(store: Store, q: TicketQuery) -> int:
    """How many tickets the query selects, its limit aside."""
    listing_sql, params = list_sql(replace(q, limit=0), backend=store.backend)  # fixed fragments
    row = store.one("SELECT count(*) FROM (" + listing_sql + ") AS listing", params)
    return int(row[0]) if row else 0


def iter_text_rows(store: Store, q: TicketQuery, now_iso: str) -> Iterator[tuple[str, ...]]:
    """The listing as TSV-ready text cells, streamed."""
    return store.rows(*list_sql(q, text_cells_at=now_iso, backend=store.backend))
