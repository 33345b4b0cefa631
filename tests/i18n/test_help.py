"""Help, click's and typer's words and the CLI's own messages in Chinese: through the real
CLI, every text of the command tree found in the catalog, and help that fits 80 columns."""

from __future__ import annotations

import inspect
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
from terminal import run_on_terminal
from wishdata import order, ticket, write_jsonl

from wishdesk import i18n
from wishdesk.cli import click_words, help_text
from wishdesk.cli.app import app
from wishdesk.cli.errors import EXAMPLES, Epilog

ZH = {"LANG": "zh_CN.UTF-8"}
T1 = "5f0000000000000000000001"
ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")


@pytest.fixture(autouse=True)
def fresh_language() -> Iterator[None]:
    i18n.reset()
    yield
    i18n.reset()


def test_the_root_help_speaks_chinese(run) -> None:
    result = run("--help", **ZH)
    assert result.exit_code == 0
    for text in ("用法：", "Wish 客服工单的命令行收件箱。", "选项", "命令", "示例：", "退出码："):
        assert text in result.stdout, text
    assert "列出工单：默认列出待您处理的工单" in result.stdout  # a command's short help
    assert "# 一个装满逼真工单" in result.stdout  # an example's comment
    assert "wishdesk list --overdue" in result.stdout  # the example itself as typed
    for english in ("Usage:", "Options", "Commands", "Examples:", "Exit codes:"):
        assert english not in result.stdout, english


def test_a_commands_help_speaks_chinese(run) -> None:
    text = run("reply", "--help", **ZH).stdout
    for said in (
        "回复一个待您处理的工单。",  # the docstring
        "用买家的语言填充模板。",  # an option's help
        "工单 ID，或能唯一确定它的前缀。",  # the argument's
        "[必填]",  # typer's word
        "显示此帮助并退出。",  # click's help option
        "参数",  # a panel title
        "# 用买家的语言",  # an example's comment
        "退出码：0 已排队",  # the exit codes kept in a literal
    ):
        assert said in text, said
    assert "退出码：0 成功；2 出错（未知的设置项" in run("config", "set", "--help", **ZH).stdout
    assert "日历取自数据库" in run("sla", "due", "--help", **ZH).stdout  # a note in a constant


def test_ui_language_en_overrides_a_chinese_locale(run) -> None:
    assert run("config", "set", "ui.language", "en").exit_code == 0
    result = run("reply", "--help", **ZH)
    assert "Usage:" in result.stdout and "Answer a ticket awaiting you." in result.stdout
    assert "用法" not in result.stdout
    assert run("config", "set", "ui.language", "zh").exit_code == 0
    assert "用法：" in run("reply", "--help", LANG="en_US.UTF-8").stdout


def test_one_process_shows_help_in_either_language(run) -> None:
    english = run("list", "--help").stdout
    assert "用法：" in run("list", "--help", **ZH).stdout
    assert run("list", "--help").stdout == english
    assert run("list", "--bogus").stderr.count("No such option: --bogus") == 1


@pytest.mark.parametrize(
    ("args", "said", "english"),
    [
        (("list", "--bogus"), "没有这个选项：--bogus（您是不是要用：--bom？）", "No such option"),
        (
            ("config", "lst"),
            "没有这个命令：'lst'。（您是不是要用：'list', 'set'？）",
            "No such command 'lst'. Did you mean 'list', 'set'?",
        ),
        (("auth", "login"), "缺少选项 '--client-id'。", "Missing option '--client-id'."),
        (("nosuch",), "没有这个命令：'nosuch'。", "No such command 'nosuch'."),
        (("reply",), "缺少参数 'TICKET'。", "Missing argument 'TICKET'."),
        (
            ("list", "--format", "bogus"),
            "'--format' / '-F' 的值无效：'bogus' 不是可选值（'table', 'text'",
            "Invalid value for '--format' / '-F': 'bogus' is not one of 'table', 'text'",
        ),
        (
            ("list", "--limit", "abc"),
            "'--limit' / '-n' 的值无效：'abc' 不是有效的整数。",
            "'abc' is not a valid int",
        ),
        (("list", "--limit"), "选项 '--limit' 需要一个值。", "Option '--limit' requires"),
        (("list", "x", "y"), "多余的参数（x y）", "Got unexpected extra argument"),
        (("demo", "-n", "-1"), "-1 不在 x>=0 范围内。", "-1 is not in the range x>=0."),
        (("orders", "--sot", "x"), "（您是不是要用：--json, --sort, --state？）", "--sot"),
    ],
)
def test_a_usage_error_is_said_in_chinese_with_exit_code_2(
    run, args: tuple[str, ...], said: str, english: str
) -> None:
    result = run(*args, **ZH)
    assert result.exit_code == 2
    shown = " ".join(result.stderr.replace("│", " ").split())  # the panel's lines joined
    assert " ".join(said.split()) in shown, result.stderr
    assert "Usage:" not in result.stderr and "Error" not in result.stderr
    if "用法：" not in result.stderr:  # click gives no usage for an option short of a value
        assert args == ("list", "--limit")
    in_english = run(*args)
    assert in_english.exit_code == 2
    assert english in " ".join(in_english.stderr.replace("│", " ").split())


def _commands() -> Iterator[tuple[str, Any, Any]]:
    """Every command and group of the tree (through the root's lazy loading), with the
    context its help is shown in."""
    root = typer.main.get_command(app)

    def walk(path: str, command: Any, ctx: Any) -> Iterator[tuple[str, Any, Any]]:
        yield path, command, ctx
        for name in command.list_commands(ctx) if hasattr(command, "list_commands") else []:
            sub = command.get_command(ctx, name)
            yield from walk(f"{path} {name}", sub, typer.Context(sub, parent=ctx, info_name=name))

    yield from walk("wishdesk", root, typer.Context(root, info_name="wishdesk"))


def _english_texts(command: Any, ctx: Any) -> Iterator[str]:
    """The texts help shows for ``command``, in the English it was declared with."""
    kept = command.__dict__.get(help_text._ENGLISH)
    help_, short, epilog, params = kept or (
        command.help,
        command.short_help,
        command.epilog,
        [(p, p.help) for p in [*command.params, command.get_help_option(ctx)] if p.help],
    )
    yield from (inspect.cleandoc(t) for t in (help_, short) if t)
    yield from (text for _param, text in params if text)
    assert isinstance(epilog, Epilog), "every command has epilog(...) examples"
    yield from (t for t in (epilog.note, epilog.codes, EXAMPLES) if t)
    for example in epilog.examples:
        _command, sep, comment = example.partition("  # ")
        if sep:
            yield comment.strip()


COMMAND_TREE = list(_commands())


def test_every_help_text_of_the_command_tree_has_a_translation() -> None:
    """What extraction would miss (a text passed through a variable, a docstring of a
    command registered without a decorator) has no translation: caught here."""
    i18n.use("zh")
    untranslated = {
        (path, text)
        for path, command, ctx in COMMAND_TREE
        for text in _english_texts(command, ctx)
        if i18n._(text) == text
    }
    words = [*help_text.TYPER_WORDS.values(), *help_text.TYPER_BRACKETED.values()]
    words += [click_words.USAGE, click_words.HELP_OPTION, *click_words.FORMS]
    untranslated |= {("typer and click", w) for w in words if i18n._(w) == w}
    assert len(COMMAND_TREE) > 30
    assert not untranslated, sorted(untranslated)[:10]


def _click_source() -> str:
    """The source of the click typer runs on (click itself, or typer's copy) and of typer's
    own modules that word messages of their own."""
    package = typer.BadParameter.__module__.rpartition(".")[0]
    folder = Path(sys.modules[package].__file__ or "").parent
    files = [*folder.glob("*.py"), *Path(typer.__file__).parent.glob("*.py")]
    return "\n".join(path.read_text(encoding="utf-8") for path in files)


def _in_source(template: str, source: str) -> bool:
    """``template`` is a msgid of the source, or the same words in an f-string (any
    expression where the template has a field)."""
    if template in source:
        return True
    parts = re.split(r"\{\w+(?:![rsa])?\}", template)
    words = r"\{[^{}\n]+\}".join(
        re.escape(part.encode("unicode_escape").decode()) for part in parts
    )
    return re.search(words, source) is not None


def test_click_still_words_its_messages_as_they_are_matched() -> None:
    """An upgrade of typer or click that changes one of these fails here, loudly."""
    source = _click_source()
    wordings = [*click_words.FORMS.values(), *click_words.MISSING.values()]
    wordings += [form for form, _said in click_words._plurals(1).values()]
    wordings += ["Usage:" if "_('Usage:')" in source else "Usage: ", click_words.HELP_OPTION]
    wordings += ["Did you mean {suggestions}?" if "Did you mean {" in source else ""]
    missing = [
        w
        for w in wordings
        if w and not _in_source(w, source)
        if not all(_in_source(piece, source) for piece in click_words.PIECES.get(w, ("",)))
    ]
    assert not missing, f"click no longer says {missing}: update cli/click_words.py"


def test_an_unknown_message_stays_in_english() -> None:
    i18n.use("zh")
    assert click_words.translated("Something click may say one day.") == (
        "Something click may say one day."
    )


def test_the_cli_says_its_own_messages_in_chinese(run, tmp_path) -> None:
    records = [order(), ticket(T1, orders=["a00000000000000000000001"])]
    assert run("import", str(write_jsonl(tmp_path / "s.jsonl", records)), **ZH).exit_code == 0
    said = run("note", T1, "-m", "Warehouse checks Monday.", **ZH)
    assert said.stdout.startswith(f"已在 {T1} 上记下备注"), said.stdout
    queued = run("reply", T1, "-m", "Your parcel left our warehouse today.", **ZH)
    assert queued.exit_code == 0 and f"已为 {T1} 排队回复（发件箱 #1）" in queued.stdout
    assert "`wishdesk sync`" in queued.stdout
    assert run("outbox", "cancel", "1", **ZH).stdout.strip() == "发件箱 #1 已取消"
    result = run("config", "set", "sla.business_days", "3", **ZH)
    assert result.stdout.startswith("sla.business_days = 3（已重新计算 1 个未结工单的截止时间）")
    assert run("config", "set", "sla.business_days", "4").stdout.startswith(
        "sla.business_days = 4 (deadlines of 1 open tickets recomputed)"
    )
    assert run("--version", **ZH).stdout.startswith("wishdesk ")  # a version is a version
    listed = run("list", "--format", "json", **ZH)
    assert json.loads(listed.stdout)[0]["id"] == T1  # machine output: no language at all


def test_the_editors_comment_block_speaks_chinese_and_is_still_stripped(
    run, tmp_path, monkeypatch
) -> None:
    from wishdesk.cli.editor import quote_thread, strip_comments

    thread = [{"sender": "USER", "sent_at": "2026-11-25T08:00:00Z", "text": "在哪里？\n# 你好"}]
    i18n.use("zh")
    block = quote_thread(thread)
    assert "# 请在上方写回复。以 '#' 开头的行会被忽略；" in block
    assert "# --- 买家，2026-11-25T08:00:00Z" in block
    assert all(line.startswith("#") for line in block.splitlines()[1:])
    assert strip_comments("好的，马上发货。\n" + block) == "好的，马上发货。"
    i18n.use("en")
    assert "# --- USER at 2026-11-25T08:00:00Z" in quote_thread(thread)

    records = [order(), ticket(T1, orders=["a00000000000000000000001"])]
    assert run("import", str(write_jsonl(tmp_path / "s.jsonl", records))).exit_code == 0
    seen, script = tmp_path / "seen.txt", tmp_path / "editor.py"
    script.write_text(
        "import sys\n"
        "text = open(sys.argv[1], encoding='utf-8').read()\n"
        f"open({str(seen)!r}, 'w', encoding='utf-8').write(text)\n"
        "open(sys.argv[1], 'w', encoding='utf-8').write('您好，包裹今天已发出。\\n' + text)\n",
        encoding="utf-8",
    )
    result = run("reply", T1, "--editor", VISUAL=f"{sys.executable} {script}", **ZH)
    assert result.exit_code == 0, result.stderr
    assert "# 内容为空则放弃。以下是对话记录，最早的在前：" in seen.read_text(encoding="utf-8")
    thread = json.loads(run("show", T1, "--json").stdout)["messages"]
    assert thread[-1]["text"] == "您好，包裹今天已发出。"


def _cells(line: str) -> int:
    from rich.cells import cell_len

    return cell_len(line)


@pytest.mark.parametrize("args", [("--help",), ("reply", "--help")])
def test_chinese_help_fits_an_80_column_terminal(env, args: tuple[str, ...]) -> None:
    shown = run_on_terminal(args, {**env, **ZH, "WISHDESK_PAGER": ""}, columns=80)
    assert shown.exit_code == 0
    written = ANSI.sub("", shown.raw.decode("utf-8")).replace("\r", "").splitlines()
    wide = [line for line in written if _cells(line) > 80]
    assert not wide, wide[:3]
    assert "用法：" in shown.text and "选项" in shown.text
    assert "…" not in shown.text  # nothing cut short


def test_every_chinese_help_fits_80_columns_uncut(run) -> None:
    for path, _command, _ctx in COMMAND_TREE:
        words = path.split()[1:]
        text = run(*words, "--help", COLUMNS="80", **ZH).stdout
        wide = [line for line in text.splitlines() if _cells(line) > 80 or "…" in line]
        assert not wide, f"{path}: {wide[:2]}"


def test_start_up_reads_no_catalog(run, monkeypatch) -> None:
    monkeypatch.setattr(i18n, "_catalogs", {})
    assert run("--version", **ZH).exit_code == 0
    assert run("lint", "hello").exit_code == 0
    assert i18n._catalogs == {}
    assert run("--help", **ZH).exit_code == 0
    assert i18n._catalogs.get("zh") is not None  # help loads it


@pytest.mark.parametrize("args", [("--version",), ("lint", "hello")])
def test_start_up_imports_nothing_of_the_translations(env, args: tuple[str, ...]) -> None:
    found = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "wishdesk", *args],
        capture_output=True,
        text=True,
        env={**env, "LANG": "C.UTF-8"},
        check=False,
    )
    assert found.returncode == 0, found.stderr[-500:]
    modules = {line.rsplit("|", 1)[-1].strip() for line in found.stderr.splitlines()}
    loaded = modules & {
        "wishdesk.cli.help_text",
        "wishdesk.cli.click_words",
        "typer.rich_utils",
        "babel",
    }
    assert not loaded
