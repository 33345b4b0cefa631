"""``list --search`` finds the same tickets on both backends: words prefix-matched in the
subject or any message, case and Latin accents folded, words split where unicode61 splits
them; Chinese, Japanese and Korean words matched as substrings. PostgreSQL answers from its
GIN indexes, kept current by every write."""

from __future__ import annotations

import json

import pytest
from wishdata import ticket, write_jsonl

T1, T2, T3, T4, T5, T6, T7 = (f"5f00000000000000000000{i:02d}" for i in range(1, 8))
AT = "2026-11-24T08:00:00Z"


def _says(text: str) -> list[tuple[str, str, str]]:
    return [("USER", AT, text)]


RECORDS = [
    ticket(T1, subject="Where is my order?", replies=_says("My parcel hasn't arrived.")),
    ticket(
        T2,
        subject="Necesito cambiar la dirección",
        replies=_says("Me mudé, nueva dirección: Calle 5"),
    ),
    ticket(
        T3, subject="我的包裹在哪里？", replies=_says("订单号ABC123还没有到，请帮我查一下物流。")
    ),
    ticket(T4, subject="配送について", replies=_says("荷物がまだ届きません。ＡＢＣ")),
    ticket(T5, subject="ÉCOLE refund_now", replies=_says("Ünïcode x² 3.5 don't 😀hello😀world")),
    ticket(T6, subject="Größe falsch", replies=_says("Die Schuhe sind zu klein.")),
    ticket(T7, subject="Привет", replies=_says("МИР посылка, 안녕하세요")),
]

FOUND = {
    "parcel": [T1],
    "PARC": [T1],  # a prefix, in any case
    "parcel where": [T1],  # one word in the subject, one in a message
    "hasn": [T1],  # the apostrophe splits words
    "hasnt": [],
    "direccion": [T2],  # accents folded
    "DIRECCIÓN": [T2],
    "calle 5": [T2],
    "包裹": [T3],  # a Chinese substring of the subject
    "物流": [T3],  # of a message
    "包裹 物流": [T3],
    "单号abc": [T3],  # with ASCII letters, in any case
    "ABC123": [],  # unicode61 keeps it inside its word, CJK characters and all
    "届きません": [T4],
    "荷物 配送": [T4],
    "ａｂｃ": [T4],  # fullwidth letters are letters
    "abc": [],
    "ecole": [T5],
    "refund": [T5],
    "refund_now": [T5],  # the underscore splits words: a phrase
    "now refund": [T5],
    "hello world": [T5],
    "unicode x": [T5],
    "3": [T5],
    "größe klein": [T6],
    "grosse": [],
    "привет мир": [T7],  # Cyrillic case folded
    "녕하": [T7],
    "посылка 안녕": [T7],
    "😀": [],
    "broken": [],
    '"drop table tickets;--': [],
    "%": [],
    "' OR 1=1 --": [],
}


@pytest.fixture
def corpus(run, tmp_path, store_on):
    assert run("import", str(write_jsonl(tmp_path / "c.jsonl", RECORDS))).exit_code == 0


def found(run, text: str) -> list[str]:
    result = run("list", "--state", "any", "--search", text, "--sort", "opened", "--json")
    assert result.exit_code == 0, result.stderr
    return [t["id"] for t in json.loads(result.stdout)]


def test_every_search_finds_the_same_tickets_on_both_backends(run, corpus) -> None:
    assert {text: found(run, text) for text in FOUND} == FOUND


def test_search_counts_and_text_rows_agree(run, corpus) -> None:
    table = run("list", "--state", "any", "--search", "包裹", "--format", "table")
    assert table.exit_code == 0 and "1 ticket" in table.stdout
    tsv = run("list", "--state", "any", "--search", "refund now", "--format", "tsv")
    assert [line.split("\t")[0] for line in tsv.stdout.splitlines()] == [T5]
    overdue = run("overdue", "--format", "json")
    assert overdue.exit_code in (0, 1), overdue.stderr


def test_the_index_follows_every_write(run, corpus, tmp_path) -> None:
    """A new message, a changed subject: found at once (and the old subject no more)."""
    assert found(run, "warehouse") == []
    later = ticket(
        T1,
        subject="Pedido perdido",
        updated_at="2026-11-25T08:00:00Z",
        replies=[
            ("USER", AT, "My parcel hasn't arrived."),
            ("USER", "2026-11-25T08:00:00Z", "The warehouse says 已发货"),
        ],
    )
    assert run("import", str(write_jsonl(tmp_path / "l.jsonl", [later]))).exit_code == 0
    assert found(run, "warehouse") == found(run, "已发货") == [T1]
    assert found(run, "perdido") == [T1] and found(run, "where order") == []


def test_postgresql_answers_from_the_gin_indexes(pg_url: str) -> None:
    """The query's expressions are those of the indexes: with sequential scans off, both
    the word and the CJK forms go through ``idx_tickets_search`` and
    ``idx_messages_search``."""
    from wishdesk.store.listing import TicketQuery, list_sql
    from wishdesk.store.pg import open_pg_store

    store = open_pg_store(pg_url, create=True)
    try:
        raw = store._pg.raw
        raw.execute("SET enable_seqscan = off")
        for text in ("parcel", "包裹"):
            sql, params = list_sql(TicketQuery(states=(), search=text), backend="postgres")
            plan = store.all("EXPLAIN " + sql, params)
            shown = "\n".join(row[0] for row in plan)
            assert "idx_tickets_search" in shown and "idx_messages_search" in shown, shown
    finally:
        store.close()


def _database(pg_url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(sql)


def test_without_icu_c_utf8_finds_the_same(run, pg_url: str, monkeypatch, tmp_path) -> None:
    """A server built without ICU: the search takes its letters and case from C.utf8."""
    import psycopg

    with psycopg.connect(pg_url) as conn:
        have = conn.execute("SELECT 1 FROM pg_collation WHERE collname = 'C.utf8'").fetchone()
    if have is None:
        pytest.skip("this server has no C.utf8 collation")
    _database(pg_url, 'DROP COLLATION IF EXISTS "und-x-icu"')
    monkeypatch.setenv("WISHDESK_DB", pg_url)
    assert run("import", str(write_jsonl(tmp_path / "c.jsonl", RECORDS))).exit_code == 0
    from wishdesk.store.pg import open_pg_store

    store = open_pg_store(pg_url)
    try:
        made = store.one("SELECT pg_get_functiondef('wd_search_text'::regproc)", ())
    finally:
        store.close()
    assert made is not None and 'COLLATE "C.utf8"' in made[0]
    assert {text: found(run, text) for text in FOUND} == FOUND


def test_a_database_that_is_not_utf8_is_refused_in_one_line(run, pg_server: str) -> None:
    from pgfixtures import with_database

    name = "wdtest_latin1_search"
    _database(pg_server, f'DROP DATABASE IF EXISTS "{name}"')
    _database(
        pg_server,
        f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'LATIN1' LOCALE 'C'",
    )
    try:
        url = with_database(pg_server, name)
        result = run("--db", url, "init")
        assert result.exit_code == 2 and result.stderr.count("\n") == 1, result.stderr
        assert "needs a UTF8 database, and this one is LATIN1" in result.stderr
        assert "Traceback" not in result.stderr
    finally:
        _database(pg_server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# Letters with and without accents, in both cases, digits, punctuation, CJK, kana, Hangul,
# Cyrillic, other numbers (² ½), private use, emoji, a no-break space, curly quotes,
# fullwidth letters, ligatures, a combining accent.
POOL = [
    *"abcdeéèêëñçüöäßøłABCDÉÑÜÖ0123456789 ,.'-_!?:;/()&%\"订单包裹物流退款我的がぎカナ안녕привМИР",
    *("😀", "²", "ª", "½", "\u00a0", "\u2019", "\u201c", "\u2026", "ｆ", "Ｆ", "İ", "ı", "ǅ"),
    *("ﬁ", "e\u0301", "\ue000", "Ⅳ", "①"),
]


def test_random_text_and_searches_agree_on_both_backends(run, pg_url: str, tmp_path) -> None:
    """Texts drawn from every kind of character above, searched for pieces of themselves
    (in any case): each search finds the same tickets, in the same order, on both."""
    import random

    from wishdesk.store.db import open_store
    from wishdesk.store.listing import TicketQuery, iter_rows
    from wishdesk.store.pg import open_pg_store

    rnd = random.Random(18)

    def text(n: int) -> str:
        return "".join(rnd.choice(POOL) if rnd.random() < 0.6 else " " for _ in range(n))

    records = [
        ticket(f"{i + 1:024x}", subject=text(20), replies=_says(text(80))) for i in range(40)
    ]
    data = str(write_jsonl(tmp_path / "random.jsonl", records))
    sqlite_db = tmp_path / "random.db"
    for db in (str(sqlite_db), pg_url):
        assert run("--db", db, "import", data).exit_code == 0
    stores = (open_store(sqlite_db), open_pg_store(pg_url))
    finding = 0
    try:
        for _ in range(200):
            record = rnd.choice(records)
            source = rnd.choice([record["subject"], record["replies"][0]["message"]])
            at = rnd.randrange(len(source))
            query = source[at : at + rnd.randint(1, 6)]
            query = query.upper() if rnd.random() < 0.3 else query
            q = TicketQuery(states=(), search=query, limit=0, sort="opened")
            sqlite, postgres = ([row[0] for row in iter_rows(s, q)] for s in stores)
            assert sqlite == postgres, query
            finding += bool(sqlite)
    finally:
        for store in stores:
            store.close()
    assert finding > 100  # most pieces are words, or CJK substrings, that some ticket has


def test_the_extra_word_characters_are_unicode61s() -> None:
    """The characters PostgreSQL's search adds to [:alnum:] are numbers that are not
    decimal digits, and private use: what unicode61 keeps in a word besides letters."""
    import unicodedata

    from wishdesk.store.pg_search import _MORE_WORD_CHARACTERS

    for item in _MORE_WORD_CHARACTERS:
        first, last = (item, item) if isinstance(item, int) else item
        kinds = {unicodedata.category(chr(cp)) for cp in range(first, last + 1)}
        assert kinds <= {"No", "Nl", "Co"}, hex(first)
    assert unicodedata.category("\u00bd") == "No" and "\u00bd".isalnum()
