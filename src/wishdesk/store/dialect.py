"""What differs between the store's two databases in the SQL its modules write once.

The store's SQL is written for SQLite (``?`` parameters, ``INSERT OR IGNORE``); timestamps
are ISO text in both, so most of it runs on PostgreSQL as it is. ``postgres(sql)`` is the
same statement for psycopg, translated once per statement text and cached (the store's
statements are constants, so the cache stays small). Full-text search is not translated.
"""

from __future__ import annotations

import functools
import re

_INSERT_OR_IGNORE = re.compile(r"^\s*INSERT\s+OR\s+IGNORE\s+INTO\b", re.IGNORECASE)
_UPDATE_OR_IGNORE = re.compile(r"^\s*UPDATE\s+OR\s+IGNORE\b", re.IGNORECASE)
# SQLite's CROSS JOIN is an inner join whose table order the planner keeps; PostgreSQL's
# takes no ON, and a plain JOIN is the same join.
_CROSS_JOIN_ON = re.compile(r"\bCROSS\s+JOIN\s+(\w+(?:\s+(?:AS\s+)?\w+)?)\s+ON\b", re.IGNORECASE)
_RETURNING = re.compile(r"\bRETURNING\b", re.IGNORECASE)


@functools.lru_cache(maxsize=512)
def postgres(sql: str) -> str:
    """``sql`` for psycopg: ``?`` outside quotes becomes ``%s``, a literal ``%`` is doubled,
    ``INSERT OR IGNORE INTO ...`` becomes ``INSERT INTO ... ON CONFLICT DO NOTHING`` and
    ``UPDATE OR IGNORE`` a plain ``UPDATE`` (``ignores_conflicts``: the caller's part), and
    ``CROSS JOIN t ON ...`` a ``JOIN``."""
    out: list[str] = []
    quote = ""
    for char in sql:
        if quote:
            if char == quote:
                quote = ""
        elif char in ("'", '"'):
            quote = char
        elif char == "?":
            out.append("%s")
            continue
        out.append("%%" if char == "%" else char)
    text = _UPDATE_OR_IGNORE.sub("UPDATE", "".join(out), count=1)
    text = _CROSS_JOIN_ON.sub(r"JOIN \1 ON", text)
    if _INSERT_OR_IGNORE.match(text):
        text = _INSERT_OR_IGNORE.sub("INSERT INTO", text, count=1)
        returning = _RETURNING.search(text)
        at = returning.start() if returning else len(text.rstrip().rstrip(";"))
        text = (
            text[:at].rstrip() + " ON CONFLICT DO NOTHING" + (" " + text[at:] if returning else "")
        )
    return text


@functools.lru_cache(maxsize=128)
def ignores_conflicts(sql: str) -> bool:
    """An ``UPDATE OR IGNORE``: on PostgreSQL it runs in a savepoint, and a unique violation
    undoes just it (SQLite skips the row)."""
    return bool(_UPDATE_OR_IGNORE.match(sql))
