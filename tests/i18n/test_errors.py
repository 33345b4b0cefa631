"""Error lines in the merchant's language: one ``wishdesk: ...`` line on stderr in Chinese,
the exit code and the quoted value (an id, a path) as in English, hostile text cleaned; the
English lines exactly as they were. And no message is built with an f-string, so that new
code keeps giving the catalog a literal template."""

from __future__ import annotations

import ast
import importlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from wishdesk import i18n
from wishdesk.errors import Phrase, WishdeskError

ZH = {"LANG": "zh_CN.UTF-8"}
SRC = Path(__file__).resolve().parents[2] / "src" / "wishdesk"


@pytest.fixture(autouse=True)
def fresh_language() -> Iterator[None]:
    i18n.reset()
    yield
    i18n.reset()


@pytest.fixture
def demo(run) -> str:  # type: ignore[no-untyped-def]
    """A small demo store; the id of one of its tickets."""
    assert run("demo", "--tickets", "30", "--quiet").exit_code == 0
    listed = run("list", "--format", "tsv", "--state", "any")
    return str(listed.stdout.splitlines()[1].split("\t")[0])


def both(run, *args: str, **env: str) -> tuple[str, str, int]:  # type: ignore[no-untyped-def]
    """(English stderr, Chinese stderr, exit code) of one command line; the exit code and
    standard output are the same in both languages."""
    english, chinese = runs(run, *args, **env)
    assert chinese.stdout == english.stdout
    return english.stderr, chinese.stderr, english.exit_code


def runs(run, *args: str, **env: str):  # type: ignore[no-untyped-def]
    """The English and the Chinese result of one command line, with the same exit code."""
    english = run(*args, **env)
    i18n.reset()
    chinese = run(*args, **ZH, **env)
    assert chinese.exit_code == english.exit_code
    return english, chinese


def one_line(stderr: str) -> str:
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("wishdesk: ")
    return lines[0]


def says(run, args: tuple[str, ...], english: str, chinese: str) -> None:  # type: ignore[no-untyped-def]
    """The command fails with exit code 2 and says ``english``, or in Chinese ``chinese``,
    as one ``wishdesk: ...`` line."""
    en, zh, code = both(run, *args)
    assert code == 2
    assert one_line(en) == f"wishdesk: {english}"
    assert one_line(zh) == f"wishdesk: {chinese}"


def test_not_found(run, demo) -> None:  # type: ignore[no-untyped-def]
    says(run, ("show", "nosuch"), "no ticket 'nosuch'", "没有工单 'nosuch'")


def test_an_order_named_where_a_ticket_is_asked(run, demo) -> None:  # type: ignore[no-untyped-def]
    order = run("orders", "--format", "tsv").stdout.splitlines()[1].split("\t")[0]
    says(
        run,
        ("show", order),
        f"{order!r} is an order, not a ticket: `wishdesk orders show {order}` shows it and "
        "its tickets",
        f"{order!r} 是订单，不是工单：`wishdesk orders show {order}` 可查看该订单及其工单",
    )


def test_ambiguous_prefix_keeps_its_matches_as_they_are(run, demo) -> None:  # type: ignore[no-untyped-def]
    en, zh, code = both(run, "show", demo[0])
    assert code == 2
    assert en.splitlines()[0] == f"wishdesk: ticket id {demo[0]!r} is ambiguous; it matches:"
    assert zh.splitlines()[0] == f"wishdesk: 工单编号 {demo[0]!r} 不唯一，匹配到："
    assert en.splitlines()[1:] == zh.splitlines()[1:]  # the ids


def test_usage(run, demo) -> None:  # type: ignore[no-untyped-def]
    says(
        run,
        ("snooze", demo, "--until", "1999-01-01"),
        "'1999-01-01' is in the past: a snooze ends later than now",
        "'1999-01-01' 已经过去：暂缓的结束时间必须晚于现在",
    )


def test_a_state_change_wish_would_refuse(run, demo) -> None:  # type: ignore[no-untyped-def]
    assert run("close", demo).exit_code == 0
    says(
        run,
        ("appeal", demo),
        f"a close of ticket {demo} waits first (one change at a time): outbox #1; "
        "`wishdesk sync` sends it, `wishdesk outbox cancel 1` takes it back",
        f"工单 {demo} 的关闭请求需先处理（一次只能有一项变更）：发件箱 #1；"
        "`wishdesk sync` 会发送它，`wishdesk outbox cancel 1` 可撤回",
    )


def test_a_config_value_refused(run) -> None:  # type: ignore[no-untyped-def]
    says(
        run,
        ("config", "set", "calendar.timezone", "Mars/Olympus"),
        "unknown time zone 'Mars/Olympus': use an IANA name like Asia/Shanghai",
        "未知的时区 'Mars/Olympus'：请使用 IANA 名称，例如 Asia/Shanghai",
    )


def test_store_that_cannot_be_opened(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "a folder"
    folder.mkdir()
    says(
        run,
        ("--db", str(folder), "list"),
        f"{folder} is a directory, not a wishdesk store",
        f"{folder} 是目录，不是 wishdesk 数据库",
    )
    missing = tmp_path / "none.db"
    says(
        run,
        ("--db", str(missing), "list"),
        f"no store at {missing}: run `wishdesk init`, `wishdesk import` or `wishdesk demo`",
        f"{missing} 处没有数据库：请运行 `wishdesk init`、`wishdesk import` 或 `wishdesk demo`",
    )


def test_bad_input_file(run, demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "orders.txt"
    bad.write_bytes(b"69ab\xffcd\n")
    says(
        run,
        ("notify", "--orders-file", str(bad), "-m", "hello"),
        f'{bad}: not UTF-8 text (byte 4): save it as UTF-8 ("CSV UTF-8" in a spreadsheet)',
        f"{bad}：不是 UTF-8 文本（第 4 字节）：请另存为 UTF-8（电子表格中的“CSV UTF-8”）",
    )


def test_a_template_that_misses_values_says_its_hints(run, demo) -> None:  # type: ignore[no-untyped-def]
    says(
        run,
        ("reply", demo, "--template", "shipping-delay"),
        "template 'shipping-delay' needs new_date: pass --var new_date=VALUE",
        "模板 'shipping-delay' 需要 new_date：请传入 --var new_date=VALUE",
    )


def test_hostile_text_in_a_quoted_value_stays_cleaned(run, demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    hostile = tmp_path / "x\x1b[2J\x07y.db"
    en, zh, code = both(run, "--db", str(hostile), "list")
    assert code == 2
    for line in (one_line(en), one_line(zh)):
        assert "\x1b" not in line and "\x07" not in line
        assert f"{tmp_path}/xy.db" in line
    assert "处没有数据库" in zh
    en, zh, code = both(run, "show", "ab\x1b]0;owned\x07cd")
    assert one_line(zh) == "wishdesk: 没有工单 'ab\\x1b]0;owned\\x07cd'"
    assert one_line(en) == "wishdesk: no ticket 'ab\\x1b]0;owned\\x07cd'"


def test_a_range_checked_by_the_cli_is_translated(run, demo) -> None:  # type: ignore[no-untyped-def]
    en, zh, code = both(run, "list", "--limit", "-1")
    assert code == 2
    assert "-1 is less than 0" in en
    assert "-1 小于 0" in zh and "less than" not in zh


def test_a_refused_token_is_one_chinese_line_without_the_token(  # type: ignore[no-untyped-def]
    run, db_path, monkeypatch
) -> None:
    from wishfake import TOKEN, Scripted, record_sleeps, running

    record_sleeps(monkeypatch)
    monkeypatch.delenv("WISH_ACCESS_TOKEN", raising=False)
    with running() as wish:
        for _attempt in range(2):
            wish.queue(
                "GET",
                "/api/v3/tickets",
                Scripted(401, {"code": 1007, "message": f"access token {TOKEN} expired"}),
            )
        args = ("--db", str(db_path), "sync", "--base-url", wish.url)
        english, chinese = runs(run, *args, WISH_ACCESS_TOKEN=TOKEN)
    en, zh, code = english.stderr, chinese.stderr, english.exit_code
    assert code == 2
    # what was done before the stop: the summary line, in the interface's language
    assert english.stdout.startswith("tickets: 0 new, 0 updated, 0 unchanged; messages: 0 new")
    assert chinese.stdout.startswith("工单：新增 0，更新 0，未变 0；消息：新增 0")
    assert TOKEN not in en + zh
    assert one_line(en).startswith(
        "wishdesk: Wish refused the token: GET /api/v3/tickets: HTTP 401 (code 1007): "
        "access token [token] expired (Wish-Request-Id: req-"
    )
    assert "; the access token is invalid or expired: run `wishdesk auth login`" in en
    assert one_line(zh).startswith(
        "wishdesk: Wish 拒绝了该令牌：GET /api/v3/tickets：HTTP 401（代码 1007）："
        "access token [token] expired（Wish-Request-Id: req-"
    )
    assert "；访问令牌无效或已过期：请运行一次 `wishdesk auth login`" in zh


def test_a_message_is_english_data_whatever_the_language() -> None:
    i18n.use("zh")
    error = WishdeskError("no ticket {ref!r}", ref="abc")
    assert error.message == str(error) == "no ticket 'abc'"
    assert error.localized() == "没有工单 'abc'"
    hint = Phrase("a close")
    assert str(hint) == "a close" and hint.localized() == "关闭请求"
    assert error.phrase() == "no ticket 'abc'" and error.phrase().localized() == "没有工单 'abc'"


def test_a_template_whose_translation_lost_a_field_falls_back_to_english(  # type: ignore[no-untyped-def]
    monkeypatch,
) -> None:
    monkeypatch.setattr(i18n, "_", lambda text: "没有工单 {ticket}")
    error = WishdeskError("no ticket {ref!r}", ref="abc")
    assert error.localized() == "no ticket 'abc'"


# -- the habit: a literal template, never an f-string -----------------------------------------


def _message_classes() -> dict[str, set[str]]:
    """module file -> the names it raises or builds that are errors of wishdesk (or a Phrase)."""
    out: dict[str, set[str]] = {}
    for path in sorted(SRC.rglob("*.py")):
        module = ".".join(path.relative_to(SRC.parent).with_suffix("").parts)
        module = module.removesuffix(".__init__")
        names = set()
        loaded = importlib.import_module(module)
        for name, value in vars(loaded).items():
            if isinstance(value, type) and issubclass(value, (WishdeskError, Phrase)):
                names.add(name)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):  # imported inside a function
            if isinstance(node, ast.ImportFrom) and node.module:
                for alias in node.names:
                    value = getattr(importlib.import_module(node.module), alias.name, None)
                    if isinstance(value, type) and issubclass(value, (WishdeskError, Phrase)):
                        names.add(alias.asname or alias.name)
        out[str(path)] = names
    return out


def built_messages(source: str, names: set[str]) -> list[int]:
    """The lines where ``source`` gives one of ``names`` a message built at run time (an
    f-string, ``+`` or ``%``, ``.format(...)``) instead of a literal template."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and node.args):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        first = node.args[0]
        built = isinstance(first, ast.JoinedStr) or (
            isinstance(first, ast.BinOp) and isinstance(first.op, (ast.Add, ast.Mod))
        )
        formatted = (
            isinstance(first, ast.Call)
            and isinstance(first.func, ast.Attribute)
            and first.func.attr == "format"
        )
        if name in names and (built or formatted):
            found.append(node.lineno)
    return found


def test_no_message_is_built_at_run_time() -> None:
    found = [
        f"{Path(path).relative_to(SRC.parent)}:{line}"
        for path, names in _message_classes().items()
        for line in built_messages(Path(path).read_text(encoding="utf-8"), names)
    ]
    assert not found, (
        "a message must be a literal template with its fields as keywords "
        '(UsageError("no ticket {ref!r}", ref=ref)), so that the catalog has it: '
        f"{found}"
    )


def test_the_check_sees_every_built_message() -> None:
    source = "\n".join(
        [
            "raise UsageError(f'no ticket {ref!r}')",
            "raise NotFoundError('no ' + ref)",
            "line = Phrase('%s failed' % item)",
            "raise AuthError('{x}'.format(x=1))",
            "raise UsageError('no ticket {ref!r}', ref=ref)",  # a template: fine
            "raise ValueError(f'not a time: {text}')",  # Python's own: not a message
        ]
    )
    names = {"UsageError", "NotFoundError", "Phrase", "AuthError"}
    assert built_messages(source, names) == [1, 2, 3, 4]
    assert "UsageError" in _message_classes()[str(SRC / "services" / "inbox.py")]
