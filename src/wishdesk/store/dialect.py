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
_RETURNING = re.compile(r"\bRETURNING\b", re.IGNORECASE)


@functools.lru_cache(maxsize=512)
def postgres(sql: str) -> str:
    """``sql`` for psycopg: ``?`` outside quotes becomes ``%s``, a literal ``%`` is doubled,
    and ``INSERT OR IGNORE INTO ...`` becomes ``INSERT INTO ... ON CONFLICT DO NOTHING``."""
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
    text = "".join(out)
    if _INSERT_OR_IGNORE.match(text):
        text = _INSERT_OR_IGNORE.sub("INSERT INTO", text, count=1)
        returning = _RETURNING.search(text)
        at = returning.start() if returning else len(text.rstrip().rstrip(";"))
        text = (
            text[:at].rstrip() + " ON CONFLICT DO NOTHING" + (" " + text[at:] if returning else "")
        )
    return text
