"""The screens in Chinese, through the real CLI: headers, relative times, states and reasons
in the merchant's language; machine formats byte for byte what English gives."""

from __future__ import annotations

import json
import re

import pytest
from wcwidth import wcswidth

ZH = {"LANG": "zh_CN.UTF-8"}
RELATIVE = re.compile(r"逾期\d+(分钟|小时|天|周)|\d+(分钟|小时|天|周)[前后]|已升级\d+")
MACHINE = ("tsv", "csv", "json", "jsonl")


@pytest.fixture
def demo(run) -> str:  # type: ignore[no-untyped-def]
    """A demo store with a reply queued; the id of the ticket it answers."""
    assert run("demo", "--quiet").exit_code == 0
    first = run("list", "-n", "1", "--format", "tsv").stdout.split("\t")[0]
    assert run("reply", first, "-m", "We are checking with the carrier now.").exit_code == 0
    return first


def test_the_inbox_speaks_chinese(run, demo) -> None:  # type: ignore[no-untyped-def]
    shown = run("list", "--format", "table", **ZH)
    assert shown.exit_code == 0, shown.stderr
    header = next(line for line in shown.stdout.splitlines() if "编号" in line)
    for name in ("原因", "买家", "主题", "截止", "升级"):
        assert name in header, header
    assert "Escalates" not in shown.stdout and " ago" not in shown.stdout
    assert RELATIVE.search(shown.stdout), shown.stdout[:800]
    assert "订单状态" in shown.stdout  # the reason by its name; --reason takes the id
    english = run("list", "--format", "table").stdout
    assert "Escalates" in english and "order-status" in english and "编号" not in english


@pytest.mark.parametrize("fmt", MACHINE)
@pytest.mark.parametrize("args", [("list",), ("list", "--state", "any"), ("orders",),
                                  ("orders", "--late-delivery"), ("outbox",), ("overdue",),
                                  ("config", "list")])  # fmt: skip
def test_machine_formats_do_not_change_with_the_language(run, demo, args, fmt) -> None:  # type: ignore[no-untyped-def]
    english = run(*args, "--format", fmt)
    chinese = run(*args, "--format", fmt, **ZH)
    assert english.exit_code == chinese.exit_code
    assert english.stdout_bytes and english.stdout_bytes == chinese.stdout_bytes


@pytest.mark.parametrize("fmt", [*MACHINE, None])
def test_one_ticket_and_one_order_do_not_change_with_the_language(run, demo, fmt) -> None:  # type: ignore[no-untyped-def]
    """``show`` and ``orders show`` in every machine format, and their plain text in a pipe
    (``field:<TAB>value`` lines that scripts read), are the same in both languages."""
    order_id = json.loads(run("orders", "--with-ticket", "-n", "1", "--json").stdout)[0]["id"]
    for args in (("show", demo), ("orders", "show", order_id)):
        options = ("--format", fmt) if fmt else ()
        english = run(*args, *options)
        chinese = run(*args, *options, **ZH)
        assert english.exit_code == chinese.exit_code == 0, chinese.stderr
        assert english.stdout_bytes == chinese.stdout_bytes


def test_ui_language_en_overrides_a_chinese_locale(run, demo) -> None:  # type: ignore[no-untyped-def]
    assert run("config", "set", "ui.language", "en").exit_code == 0
    shown = run("list", "--format", "table", **ZH).stdout
    assert "Escalates" in shown and "编号" not in shown
    assert run("config", "set", "ui.language", "zh").exit_code == 0
    assert "编号" in run("list", "--format", "table", LANG="en_US.UTF-8").stdout


def test_the_ticket_panels_speak_chinese(run, demo) -> None:  # type: ignore[no-untyped-def]
    answered = run("show", demo, "--format", "table", **ZH).stdout
    assert "AWAITING_USER（等待买家回复）" in answered  # the id stays: list --state takes it
    assert "已排队，未发送" in answered and "发件箱" in answered and "#1 回复 [待发送]" in answered
    waiting = run("list", "-n", "1", "--format", "tsv").stdout.split("\t")[0]
    shown = run("show", waiting, "--format", "table", **ZH).stdout
    assert "AWAITING_MERCHANT（等待我方回复）" in shown
    assert "回复截止" in shown and "Wish 介入" in shown and "对话记录" in shown
    assert re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d CST（\d+(分钟|小时|天|周)前）", shown)
    assert re.search(r"原因 +\S+ [a-z-]+  （(文本识别|Wish 标签)，(确定|置信度)", shown), shown


def test_orders_outbox_and_stats_speak_chinese(run, demo) -> None:  # type: ignore[no-untyped-def]
    orders = run("orders", "--format", "table", **ZH).stdout
    assert all(name in orders for name in ("编号", "商品", "发往", "发货", "送达", "工单"))
    assert "已发货" in orders and "shipped" not in orders
    outbox = run("outbox", "--format", "table", **ZH).stdout
    assert all(name in outbox for name in ("类型", "状态", "工单 / 订单", "创建时间（CST）"))
    assert "回复" in outbox and "待发送" in outbox
    stats = run("stats", "--format", "table", **ZH).stdout
    assert "每周客服概况" in stats and "首次回复" in stats and "工作日" in stats
    assert "各原因工单数" in stats and "物流时效" in stats


def test_the_sla_calendar_speaks_chinese(run, demo) -> None:  # type: ignore[no-untyped-def]
    """Month and weekday names in Chinese, and the holidays by their Chinese names (the
    demo store's calendar is China's)."""
    shown = run("sla", "calendar", "--year", "2026", **ZH).stdout
    assert "2026年1月" in shown and "2026年12月" in shown
    assert " 一  二  三  四  五  六  日" in shown
    assert "周四 2026-01-01    1*  元旦" in shown
    assert "周五 2026-01-02    2*  休息日（由 2026-01-04 调休）" in shown
    assert "周日 2026-01-04    4+  调休上班日" in shown
    assert "New Year" not in shown and "January" not in shown
    english = run("sla", "calendar", "--year", "2026").stdout
    assert "Thu 2026-01-01    1*  New Year's Day" in english


def test_a_calendar_without_chinese_names_keeps_the_default_ones(run) -> None:  # type: ignore[no-untyped-def]
    shown = run("sla", "calendar", "--year", "2026", "--country", "US", **ZH).stdout
    assert "2026年7月" in shown and "Independence Day" in shown


def test_config_list_speaks_chinese_and_keeps_its_columns(run, demo) -> None:  # type: ignore[no-untyped-def]
    shown = run("config", "list", "--format", "table", COLUMNS="80", **ZH).stdout
    assert "商户所在的 IANA 时区" in shown
    for line in shown.splitlines():
        assert re.match(r"[a-z]+\.[a-z_]+ ", line) or line.startswith(" " * 46), line
        assert wcswidth(line) <= 80, line


def test_import_says_its_summary_in_chinese(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from wishdata import order, ticket, write_jsonl

    path = write_jsonl(tmp_path / "t.jsonl", [order(), ticket("5f0000000000000000000001")])
    shown = run("import", str(path), **ZH)
    assert shown.exit_code == 0, shown.stderr
    assert shown.stdout.startswith("工单：新增 1，更新 0，未变 0；消息：新增 ")


def test_templates_list_describes_the_built_in_templates_in_chinese(run) -> None:  # type: ignore[no-untyped-def]
    shown = run("templates", "list", "--format", "table", **ZH)
    assert shown.exit_code == 0, shown.stderr
    assert "订单已发货，附物流商" in shown.stdout and "The order has shipped" not in shown.stdout
    for fmt in ("tsv", "json"):
        english = run("templates", "list", "--format", fmt).stdout
        assert run("templates", "list", "--format", fmt, **ZH).stdout == english
        assert "The order has shipped" in english
