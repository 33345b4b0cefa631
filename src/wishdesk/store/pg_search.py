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
# What unicode61 counts as a word's character besides the letters and decimal digits that
# [:alnum:] holds: the other numbers (No, Nl: ² ½ Ⅳ ①) and private use (Co), in Unicode 14.
# fmt: off
_MORE_WORD_CHARACTERS: tuple[int | tuple[int, int], ...] = (
    (0xB2, 0xB3), 0xB9, (0xBC, 0xBE), (0x9F4, 0x9F9), (0xB72, 0xB77), (0xBF0, 0xBF2),
    (0xC78, 0xC7E), (0xD58, 0xD5E), (0xD70, 0xD78), (0xF2A, 0xF33), (0x1369, 0x137C),
    (0x16EE, 0x16F0), (0x17F0, 0x17F9), 0x19DA, 0x2070, (0x2074, 0x2079), (0x2080, 0x2089),
    (0x2150, 0x2182), (0x2185, 0x2189), (0x2460, 0x249B), (0x24EA, 0x24FF), (0x2776, 0x2793),
    0x2CFD, 0x3007, (0x3021, 0x3029), (0x3038, 0x303A), (0x3192, 0x3195), (0x3220, 0x3229),
    (0x3248, 0x324F), (0x3251, 0x325F), (0x3280, 0x3289), (0x32B1, 0x32BF), (0xA6E6, 0xA6EF),
    (0xA830, 0xA835), (0xE000, 0xF8FF), (0x10107, 0x10133), (0x10140, 0x10178),
    (0x1018A, 0x1018B), (0x102E1, 0x102FB), (0x10320, 0x10323), 0x10341, 0x1034A,
    (0x103D1, 0x103D5), (0x10858, 0x1085F), (0x10879, 0x1087F), (0x108A7, 0x108AF),
    (0x108FB, 0x108FF), (0x10916, 0x1091B), (0x109BC, 0x109BD), (0x109C0, 0x109CF),
    (0x109D2, 0x109FF), (0x10A40, 0x10A48), (0x10A7D, 0x10A7E), (0x10A9D, 0x10A9F),
    (0x10AEB, 0x10AEF), (0x10B58, 0x10B5F), (0x10B78, 0x10B7F), (0x10BA9, 0x10BAF),
    (0x10CFA, 0x10CFF), (0x10E60, 0x10E7E), (0x10F1D, 0x10F26), (0x10F51, 0x10F54),
    (0x10FC5, 0x10FCB), (0x11052, 0x11065), (0x111E1, 0x111F4), (0x1173A, 0x1173B),
    (0x118EA, 0x118F2), (0x11C5A, 0x11C6C), (0x11FC0, 0x11FD4), (0x12400, 0x1246E),
    (0x16B5B, 0x16B61), (0x16E80, 0x16E96), (0x1D2E0, 0x1D2F3), (0x1D360, 0x1D378),
    (0x1E8C7, 0x1E8CF), (0x1EC71, 0x1ECAB), (0x1ECAD, 0x1ECAF), (0x1ECB1, 0x1ECB4),
    (0x1ED01, 0x1ED2D), (0x1ED2F, 0x1ED3D), (0x1F100, 0x1F10C), (0xF0000, 0xFFFFD),
    (0x100000, 0x10FFFD),
)
# fmt: on
_WORD_REGEX = "".join(
    f"\\\\U{r:08X}" if isinstance(r, int) else f"\\\\U{r[0]:08X}-\\\\U{r[1]:08X}"
    for r in _MORE_WORD_CHARACTERS
)
# @C: the collation whose classes and case are Unicode's; @S: the store's schema.
_FUNCTIONS = (
    f"""CREATE FUNCTION @S.wd_search_text(body text) RETURNS text LANGUAGE sql IMMUTABLE
    PARALLEL SAFE AS $b$ SELECT regexp_replace(normalize(regexp_replace(normalize(
    lower(body COLLATE @C), NFD), E'[\\\\u0300-\\\\u036f]+', '', 'g'), NFC) COLLATE @C,
    E'[^[:alnum:]{_WORD_REGEX}]+', ' ', 'g') $b$""",
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
