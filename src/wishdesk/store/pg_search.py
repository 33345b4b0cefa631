"""``list --search`` on a PostgreSQL store: what SQLite's FTS5 tables (``tickets_fts``,
``messages_fts``: unicode61, diacritics removed) do there, as GIN indexes over an expression
of the indexed text itself, so that every insert and update keeps them current with no
trigger and no column of their own.

``wd_search_text`` makes of a text what unicode61 makes of it: lower case, Latin diacritics
removed, each run of what is neither a letter nor a digit one space (letters and digits as
Unicode has them, through an ICU collation, else C.utf8, whatever the database's locale),
so that ``to_tsvector('simple', ...)`` holds unicode61's words, and a word of the search is
matched as a prefix of one (``wd_prefix_query``). A CJK word, which FTS5 does not split, is
matched as a substring: ``ILIKE`` says it (SQLite's ``LIKE`` ignores the case of ASCII
letters alone, as ``ILIKE`` does on a ``COLLATE "C"`` column), and the same index finds the
candidates first, each CJK character of a text being a word of its own too
(``wd_cjk_text``): the texts that hold every character of the word (all of them, not a
phrase, which the index could not answer without computing each candidate's words again).

The step is part of m001 on PostgreSQL (where SQLite's m001 makes its FTS5 tables); its
functions name the store's schema, so that they resolve whatever the search path.
"""

from __future__ import annotations

from typing import Any

# The characters SQLite's side matches as substrings (store/listing.py ``_CJK``).
CJK_RANGES = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"

# The same, escaped for PostgreSQL's regular expressions: the DDL stays ASCII, which a
# database of another encoding takes too (and then refuses itself, in one line).
_CJK_REGEX = CJK_RANGES.encode("unicode_escape").decode("ascii").replace("\\", "\\\\")
# @C: the collation whose classes and case are Unicode's; @S: the store's schema.
_FUNCTIONS = (
    r"""CREATE FUNCTION @S.wd_search_text(body text) RETURNS text LANGUAGE sql IMMUTABLE
    PARALLEL SAFE AS $b$ SELECT regexp_replace(normalize(regexp_replace(normalize(
    lower(body COLLATE @C), NFD), E'[\\u0300-\\u036f]+', '', 'g'), NFC) COLLATE @C,
    '[^[:alnum:]]+', ' ', 'g') $b$""",
    f"""CREATE FUNCTION @S.wd_cjk_text(body text) RETURNS text LANGUAGE sql IMMUTABLE
    PARALLEL SAFE AS $b$ SELECT regexp_replace(regexp_replace(body, E'[^{_CJK_REGEX}]+', ' ',
    'g'), E'([{_CJK_REGEX}])', E' \\\\1 ', 'g') $b$""",
    """CREATE FUNCTION @S.wd_search_vector(body text) RETURNS tsvector LANGUAGE sql IMMUTABLE
    PARALLEL SAFE AS $b$ SELECT to_tsvector('simple'::regconfig, @S.wd_search_text(body))
    || to_tsvector('simple'::regconfig, @S.wd_cjk_text(body)) $b$""",
    """CREATE FUNCTION @S.wd_prefix_query(word text) RETURNS tsquery LANGUAGE sql IMMUTABLE
    PARALLEL SAFE AS $b$ SELECT to_tsquery('simple'::regconfig, nullif(replace(btrim(
    regexp_replace(@S.wd_search_text(word), ' +', ' ', 'g')), ' ', ' <-> '), '') || ':*') $b$""",
    """CREATE FUNCTION @S.wd_cjk_query(word text) RETURNS tsquery LANGUAGE sql IMMUTABLE
    PARALLEL SAFE AS $b$ SELECT plainto_tsquery('simple'::regconfig, @S.wd_cjk_text(word)) $b$""",
)
_COLLATION = (
    "SELECT coalesce((SELECT quote_ident(collname) FROM pg_collation WHERE collname IN "
    "('und-x-icu', 'C.utf8', 'C.UTF-8') AND collencoding IN (-1, pg_char_to_encoding('UTF8')) "
    "ORDER BY collname <> 'und-x-icu', collname LIMIT 1), '\"default\"')"
)


def _quoted(sql: str) -> str:
    return "$f$" + sql + "$f$"


# One DO block: the collation and the schema are the database's, found as the step runs
# (with neither collation, the database's own: right unless its locale is C). Buyers write in
# every script, and normalize() needs UTF8: another encoding is refused before anything is.
SEARCH_FUNCTIONS = (
    "DO $do$ DECLARE c text := (" + _COLLATION + "); s text := quote_ident(current_schema()); "
    "BEGIN IF current_setting('server_encoding') <> 'UTF8' THEN RAISE EXCEPTION "
    "'a wishdesk store needs a UTF8 database, and this one is %', "
    "current_setting('server_encoding'); END IF; "
    + " ".join(f"EXECUTE replace(replace({_quoted(f)}, '@C', c), '@S', s);" for f in _FUNCTIONS)
    + " END $do$"
)
SEARCH_INDEXES = (
    "CREATE INDEX idx_tickets_search ON tickets USING gin (wd_search_vector(subject))",
    "CREATE INDEX idx_messages_search ON messages USING gin (wd_search_vector(text))",
)


def word_match(word: str, pattern: str | None) -> tuple[str, list[Any]]:
    """The tickets with one word of ``list --search`` in the subject or some message, as
    ``listing._word_match`` matches it on SQLite: ``pattern`` is the substring pattern of a
    CJK word (None for a word matched as a prefix)."""
    if pattern is not None:
        return (
            "SELECT num FROM tickets WHERE wd_search_vector(subject) @@ wd_cjk_query(?) "
            "AND subject ILIKE ? ESCAPE '\\' UNION ALL SELECT ticket_num FROM messages "
            "WHERE wd_search_vector(text) @@ wd_cjk_query(?) AND text ILIKE ? ESCAPE '\\'",
            [word, pattern] * 2,
        )
    return (
        "SELECT num FROM tickets WHERE wd_search_vector(subject) @@ wd_prefix_query(?) "
        "UNION ALL SELECT ticket_num FROM messages WHERE wd_search_vector(text) @@ "
        "wd_prefix_query(?)",
        [word, word],
    )


def every_word(matches: list[str]) -> str:
    """The tickets every word matches (``word_match``'s queries): one semi-join on their
    intersection, which the planner cannot turn into a nested loop of one word's tickets
    over another's (20k tickets, two Chinese words: 60 ms, not 3 s)."""
    return "t.num IN (" + " INTERSECT ".join(f"({m})" for m in matches) + ")"
