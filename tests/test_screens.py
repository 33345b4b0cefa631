"""Every human screen as a person sees it: the real command in a pseudo-terminal, read
back through a VT100 emulator (pyte), at 80 and 160 columns.

What is asserted is what a merchant would notice: the deadline columns readable, outbox ids
visible, no header word cut, nothing wider than the terminal, and buyer text that cannot
drive the terminal (no title set, no screen cleared, no colour injected).
"""

from __future__ import annotations

import os
import re

import pyte
import pytest
from terminal import Screen, run_on_terminal
from wcwidth import wcswidth
from wishdata import order, ticket, write_jsonl

from wishdesk.domain.models import REASONS

NOW = "2026-12-01T09:00:00Z"
HOSTILE = "5f00000000000000000000ee"
WIDTHS = (80, 160)
NOTE = "Carrier says lost \x1b[2J[bold]call[/bold] them Monday; a long note " + "x" * 150
CLOCK = re.compile(r"(late \d+[mhdw]|in \d+[mhdw]|since \d+[mhdw])")


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A default demo store (as the README's tour uses) plus one hostile ticket and a reply
    queued, shared by the screens below (they only read)."""
    from typer.testing import CliRunner

    from wishdesk.cli.app import app

    base = tmp_path_factory.mktemp("screens")
    env = {
        **os.environ,
        "WISHDESK_DB": str(base / "demo.db"),
        "WISHDESK_HOME": str(base / "home"),
        "WISHDESK_NOW": NOW,
        "WISHDESK_PAGER": "",  # the screens as drawn; tests/test_pager.py covers paging
    }
    runner = CliRunner()

    def run(*args: str, input: str | None = None) -> str:
        result = runner.invoke(app, list(args), env=env, input=input, catch_exceptions=False)
        assert result.exit_code == 0, result.stderr
        return result.stdout

    run("demo", "--quiet")
    hostile = ticket(
        HOSTILE,
        subject="\x1b]0;pwned\x07\x1b[2J\x1b[31mRED[bold]x[/bold]",
        buyer="\x1b[2JEve \x1b[41mPaint",
        opened_at="2026-11-30T20:00:00Z",
        orders=["a000000000000000000000ee"],
        replies=[("USER", "2026-11-30T20:00:00Z", "where is it \x1b]0;title\x07 \x1b[5mblink")],
    )
    run(
        "import",
        str(write_jsonl(base / "hostile.jsonl", [order("a000000000000000000000ee"), hostile])),
    )
    first = run("list", "-n", "1", "--format", "tsv").split("\t")[0]
    run("reply", first, "-m", "Thank you for waiting: we are checking with the carrier now.")
    env["FIRST"] = first
    # the merchant's own workflow on the hostile ticket: a note, a snooze, an appeal
    run("config", "set", "user.name", "Ana [i]Li[/i]")
    run("note", HOSTILE, "-m", NOTE)
    run("snooze", HOSTILE, "--until", "3bd")
    run("appeal", HOSTILE, "--reason", "The buyer [red]insults[/red] us.")
    return env


def screen(home: dict[str, str], *args: str, columns: int, lang: str = "") -> Screen:
    """The screen of ``wishdesk ARGS``; ``lang``: the locale it runs in (``zh_CN.UTF-8``)."""
    shown = run_on_terminal(args, {**home, "LANG": lang} if lang else home, columns=columns)
    assert shown.exit_code in (0, 1), shown.text[-2000:]
    # A line is measured in terminal cells: a Chinese character takes two.
    assert all(wcswidth(line) <= columns for line in shown.lines), "wider than the terminal"
    assert not shown.title, f"buyer text set the window title: {shown.title!r}"
    return shown


def _header_row(shown: Screen, *names: str) -> str:
    return next(line for line in shown.lines if all(n in line for n in names))


@pytest.mark.parametrize("columns", WIDTHS)
def test_inbox_keeps_its_deadlines_whole(home, columns: int) -> None:
    shown = screen(home, "list", columns=columns)
    header = _header_row(shown, "ID", "Reason", "Due", "Escalates")  # no header word cut
    rows = [line for line in shown.lines if re.match(r"[0-9a-f]{10}\s", line)]
    assert len(rows) >= 10
    for row in rows:
        assert any(f" {r} " in f" {row} " for r in REASONS), row  # the reason is whole
        assert len(CLOCK.findall(row)) == 2, row  # due and escalation both readable
    assert "…" not in header
    if columns >= 160:  # the width is used: buyers' names are not cut
        assert "Waiting" in header
        assert not any("…" in row.split("  ")[2] for row in rows if row.count("  ") > 3)


@pytest.mark.parametrize("columns", WIDTHS)
def test_a_cut_listing_says_so(home, columns: int) -> None:
    shown = screen(home, "list", "-n", "5", columns=columns)
    title = next(line for line in shown.lines if line.startswith("Awaiting you"))
    assert re.match(r"Awaiting you: 5 of \d+ tickets", title), title
    assert re.search(r"5 of \d+ awaiting you; --limit 0 for all", shown.text)


@pytest.mark.parametrize("columns", WIDTHS)
def test_show_panels_name_the_zone_and_mark_a_queued_reply(home, columns: int) -> None:
    shown = screen(home, "show", home["FIRST"], columns=columns)
    assert "CST" in shown.row_with("Opened")
    assert "queued, not sent" in shown.text
    assert "Order " in shown.text and "Tracking" in shown.text


OUTBOX_WORDS = {  # the headers, then the first item's kind and status
    "": ("#", "Kind", "Status", "Ticket / order", "Created (CST)", "Error", "reply", "queued"),
    "zh_CN.UTF-8": (
        "#",
        "类型",
        "状态",
        "工单 / 订单",
        "创建时间（CST）",
        "错误",
        "回复",
        "待发送",
    ),
}


@pytest.mark.parametrize("lang", OUTBOX_WORDS)
@pytest.mark.parametrize("columns", WIDTHS)
def test_outbox_shows_ids_statuses_and_the_merchants_time(home, columns: int, lang: str) -> None:
    shown = screen(home, "outbox", columns=columns, lang=lang)
    *headers, kind, status = OUTBOX_WORDS[lang]
    header = _header_row(shown, *headers)
    assert header.startswith("#")
    row = next(line for line in shown.lines if line.lstrip().startswith("1 "))
    assert f" {kind} " in row and f" {status} " in row and home["FIRST"][:10] in row


@pytest.mark.parametrize("columns", WIDTHS)
def test_stats_fits_and_explains_itself(home, columns: int) -> None:
    shown = screen(home, "stats", columns=columns)
    _header_row(
        shown, "Week", "Opened", "Opened, bar", "Replies", "1st reply", "In SLA", "Escalated"
    )
    assert "business days (bd)" in " ".join(shown.lines)


WHEN = r"(late \d+[mhdw]|in \d+[mhdw]|\d+[mhdw] ago|shipped|arrived|-)"


@pytest.mark.parametrize("columns", WIDTHS)
def test_orders_keep_state_times_and_tickets_whole(home, columns: int) -> None:
    shown = screen(home, "orders", "-n", "20", columns=columns)
    header = _header_row(shown, "ID", "State", "To", "Ships", "Delivery", "Tickets")
    assert "…" not in header
    rows = [line for line in shown.lines if re.match(r"[0-9a-f]{10}\s", line)]
    assert len(rows) == 20
    for row in rows:
        assert re.search(rf" {WHEN} +{WHEN} +(\d+|-)$", row), row  # ship, delivery, tickets
        assert re.search(r" (approved|shipped|refunded|review|declined) ", row), row
    if columns >= 160:  # the width is used: products are not cut
        assert not any("…" in row for row in rows)
    assert re.search(r"20 of \d+ orders; --limit 0 for all", shown.text)


@pytest.mark.parametrize("columns", WIDTHS)
def test_late_orders_say_late(home, columns: int) -> None:
    shown = screen(home, "orders", "--late-delivery", "--with-ticket", columns=columns)
    rows = [line for line in shown.lines if re.match(r"[0-9a-f]{10}\s", line)]
    assert rows and all(re.search(r" late \d+[mhdw] ", row) for row in rows)
    first = rows[0].split()[0]
    panel = screen(home, "orders", "show", first, columns=columns)
    assert "CST" in panel.row_with("Delivery by") and "late" in panel.row_with("Delivery by")
    assert "about this order" in panel.text and "Reason" in panel.text


@pytest.mark.parametrize("columns", WIDTHS)
def test_sla_calendar_uses_iso_dates(home, columns: int) -> None:
    shown = screen(home, "sla", "calendar", "--year", "2026", columns=columns)
    assert "Fri 2026-01-02" in shown.text and "substituted from 2026-01-04" in shown.text
    assert "01/04/2026" not in shown.text


@pytest.mark.parametrize("columns", WIDTHS)
def test_lint_findings_underline_the_words(home, columns: int) -> None:
    shown = screen(home, "lint", "Please send me your PayPal email address", columns=columns)
    assert "payment.account-request" in shown.text
    assert "^^^" in shown.text


@pytest.mark.parametrize("columns", WIDTHS)
def test_config_list_keeps_its_columns(home, columns: int) -> None:
    shown = screen(home, "config", "list", columns=columns)
    key_rows = [line for line in shown.lines if re.match(r"[a-z]+\.[a-z_]+ ", line)]
    assert len(key_rows) >= 9
    for line in shown.lines:  # every wrapped line of a meaning starts under the meanings
        assert re.match(r"[a-z]+\.[a-z_]+ ", line) or line.startswith(" " * 46), line


@pytest.mark.parametrize("columns", WIDTHS)
def test_help_lists_every_command(home, columns: int) -> None:
    shown = screen(home, "--help", columns=columns)
    for command in ("list", "show", "reply", "notify", "overdue", "outbox", "sync", "stats"):
        assert re.search(rf"\b{command}\b", shown.text), command


@pytest.mark.parametrize("columns", WIDTHS)
def test_buyer_text_cannot_drive_the_terminal(home, columns: int) -> None:
    """The hostile ticket's escapes are shown harmless: no title (checked by ``screen``),
    no cleared screen (the title line is still first), no colour from the buyer."""
    for args in (("list", "--state", "any", "-n", "0"), ("show", HOSTILE)):
        shown = screen(home, *args, columns=columns)
        assert re.match(r"\d+ tickets|┏", shown.lines[0]), shown.lines[:3]  # not cleared
        assert b"\x1b]0;" not in shown.raw and b"\x1b[2J" not in shown.raw
        assert b"\x1b[41m" not in shown.raw and b"\x1b[5m" not in shown.raw
    assert "RED[bold]x[/bold]" in screen(home, "show", HOSTILE, columns=columns).text


@pytest.mark.parametrize("columns", WIDTHS)
def test_show_keeps_notes_apart_and_says_the_snooze_and_the_appeal(home, columns: int) -> None:
    shown = screen(home, "show", HOSTILE, columns=columns)
    text = shown.text
    snoozed = shown.row_with("Snoozed")
    assert re.search(r"until 2026-12-0\d 17:00 CST \(in \d+d\)", snoozed), snoozed
    assert "State" in text and "AWAITING_WISH" in shown.row_with("State")
    notes = text.index("Notes (internal, never sent)")
    assert notes < text.index("Thread")  # apart from the thread, before it
    assert "Ana [i]Li[/i]" in text  # the author, as typed
    assert "[bold]call[/bold]" in text  # shown as typed, never interpreted
    assert "xxxxxxxx" in text  # a long note wraps inside its panel
    outbox = shown.row_with("#2 appeal")
    assert "[queued]" in outbox and "asks Wish for AWAITING_WISH" in outbox
    assert "appeal: The buyer [red]insults[/red] us." in shown.row_with("appeal:")
    assert b"\x1b[31m" not in shown.raw and b"\x1b[2J" not in shown.raw


def test_the_emulator_sees_what_a_terminal_would(home) -> None:
    """The harness itself can fail: a program that sets the title is caught."""
    shown = run_on_terminal(["lint", "x"], home, columns=80)  # a harmless run first
    assert not shown.title
    screen_ = pyte.Screen(20, 2)
    pyte.ByteStream(screen_).feed(b"\x1b]0;hello\x07plain")
    assert screen_.title == "hello" and screen_.display[0].rstrip() == "plain"


@pytest.mark.parametrize("columns", WIDTHS)
def test_show_says_how_sure_the_reason_is(home, columns: int) -> None:
    shown = screen(home, "show", HOSTILE, columns=columns)
    assert "order-status  (text, high confidence 0.78)" in shown.row_with("Reason")


@pytest.fixture(scope="module")
def team(home: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A copy of the demo store where agents work some tickets and one is being answered
    (an editor that died, so its mark stays until it expires)."""
    import sqlite3
    import subprocess
    import sys

    base = tmp_path_factory.mktemp("team")
    source, copy = sqlite3.connect(home["WISHDESK_DB"]), sqlite3.connect(base / "team.db")
    source.backup(copy)
    source.close()
    copy.close()
    os.chmod(base / "team.db", 0o600)
    env = {**home, "WISHDESK_DB": str(base / "team.db"), "WISHDESK_HOME": str(base / "home")}

    def run(*args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "wishdesk", *args]
        return subprocess.run(command, env={**env, **extra}, capture_output=True, text=True)

    rows = [line.split("\t")[0] for line in run("list", "-n", "6").stdout.splitlines()]
    for ticket_id, name in zip(rows, ["Ana Li", "Bo [b]Chen[/b]", "Ana Li"], strict=False):
        assert run("assign", ticket_id, "--to", name).returncode == 0
    crashed = run("reply", rows[0], "--editor", VISUAL="sh -c 'kill -9 $PPID'", LOGNAME="Bo")
    assert crashed.returncode == -9, crashed.stderr
    env["MARKED"] = rows[0]
    env["WISHDESK_NOW"] = "2026-12-01T09:03:00Z"  # three minutes into Bo's reply
    return env


@pytest.mark.parametrize("columns", WIDTHS)
def test_the_inbox_shows_agents_only_beside_whole_deadlines(team, columns: int) -> None:
    shown = screen(team, "list", columns=columns)
    header = _header_row(shown, "ID", "Reason", "Due", "Escalates")
    rows = [line for line in shown.lines if re.match(r"[0-9a-f]{10}\s", line)]
    for row in rows:
        assert len(CLOCK.findall(row)) == 2, row  # the deadlines stay whole
    if columns >= 160:
        assert "Agent" in header
        assert sum("Ana Li" in row for row in rows) == 2
        assert any("Bo [b]Chen" in row for row in rows)  # as typed, never markup
    else:  # no room beside the deadlines at 80 columns
        assert "Agent" not in header and not any("Ana Li" in row for row in rows)


@pytest.mark.parametrize("columns", WIDTHS)
def test_show_says_who_works_the_ticket_and_who_is_replying(team, columns: int) -> None:
    shown = screen(team, "show", team["MARKED"], columns=columns)
    assert "Ana Li" in shown.row_with("Assigned to")
    assert "Bo is replying since 3 min" in shown.row_with("Replying")
    later = screen({**team, "WISHDESK_NOW": "2026-12-01T09:16:00Z"}, "show", team["MARKED"],
                   columns=columns)  # fmt: skip
    assert "Replying" not in later.text and "Assigned to" in later.text  # the mark expired


# The same screens in Chinese (LANG=zh_CN.UTF-8): the headers short enough that every
# column, the deadlines first, still fits at 80 columns with characters two cells wide.
ZH = "zh_CN.UTF-8"
ZH_SPAN = r"\d+(?:分钟|小时|天|周)"
ZH_CLOCK = re.compile(rf"(逾期{ZH_SPAN}|{ZH_SPAN}后|已升级{ZH_SPAN})")
ZH_REASONS = ("删除商品", "更换规格", "修改地址", "订单状态", "物流时效", "破损/缺件", "退货退款",
              "其他")  # fmt: skip


@pytest.mark.parametrize("columns", WIDTHS)
def test_chinese_inbox_keeps_its_deadlines_whole(home, columns: int) -> None:
    shown = screen(home, "list", columns=columns, lang=ZH)
    header = _header_row(shown, "编号", "原因", "买家", "主题", "截止", "升级")
    assert "…" not in header and "Escalates" not in shown.text
    rows = [line for line in shown.lines if re.match(r"[0-9a-f]{10}\s", line)]
    assert len(rows) >= 10
    for row in rows:
        assert any(f" {r} " in row for r in ZH_REASONS), row  # the reason's name is whole
        assert len(ZH_CLOCK.findall(row)) == 2, row  # due and escalation both readable
    if columns >= 160:
        assert "已等待" in header


@pytest.mark.parametrize("columns", WIDTHS)
def test_chinese_show_names_the_zone_and_marks_a_queued_reply(home, columns: int) -> None:
    shown = screen(home, "show", home["FIRST"], columns=columns, lang=ZH)
    assert re.search(rf"CST（{ZH_SPAN}前）", shown.row_with("创建"))
    assert "AWAITING_USER（等待买家回复）" in shown.row_with("状态")  # answered: the buyer's turn
    assert "已排队，未发送" in shown.text
    assert "订单 " in shown.text and "物流" in shown.text and "对话记录" in shown.text


@pytest.mark.parametrize("columns", WIDTHS)
def test_chinese_stats_fit_and_explain_themselves(home, columns: int) -> None:
    shown = screen(home, "stats", columns=columns, lang=ZH)
    _header_row(shown, "周起始", "创建", "柱状图", "回复数", "首次回复", "按时率", "升级")
    assert re.search(r"\d(\.\d)?工作日", shown.text)  # the median first reply, in business days
    assert "工作日数的中位数" in "".join(shown.lines)  # the caption says what the figures are
    assert "各原因工单数" in shown.text and "物流时效" in shown.text


ZH_WHEN = rf"(逾期{ZH_SPAN}|{ZH_SPAN}后|{ZH_SPAN}前|已发货|已送达|-)"


@pytest.mark.parametrize("columns", WIDTHS)
def test_chinese_orders_keep_state_times_and_tickets_whole(home, columns: int) -> None:
    shown = screen(home, "orders", "-n", "20", columns=columns, lang=ZH)
    header = _header_row(shown, "编号", "状态", "发往", "发货", "送达", "工单")
    assert "…" not in header
    rows = [line for line in shown.lines if re.match(r"[0-9a-f]{10}\s", line)]
    assert len(rows) == 20
    for row in rows:
        assert re.search(rf" {ZH_WHEN} +{ZH_WHEN} +(\d+|-)$", row), row  # ship, delivery, tickets
        assert re.search(r" (待发货|已发货|已退款|审核中|已拒绝) ", row), row


@pytest.mark.parametrize("columns", WIDTHS)
def test_chinese_late_orders_say_late(home, columns: int) -> None:
    shown = screen(home, "orders", "--late-delivery", "--with-ticket", columns=columns, lang=ZH)
    rows = [line for line in shown.lines if re.match(r"[0-9a-f]{10}\s", line)]
    assert rows and all(re.search(rf" 逾期{ZH_SPAN} ", row) for row in rows)
    panel = screen(home, "orders", "show", rows[0].split()[0], columns=columns, lang=ZH)
    assert "CST" in panel.row_with("送达截止") and "逾期" in panel.row_with("送达截止")
    assert "已发货（SHIPPED）" in panel.row_with("订单状态")
    assert "此订单相关的工单" in panel.text


@pytest.mark.parametrize("columns", WIDTHS)
def test_chinese_sla_calendar_names_months_weekdays_and_holidays(home, columns: int) -> None:
    shown = screen(home, "sla", "calendar", "--year", "2026", columns=columns, lang=ZH)
    assert "2026年1月" in shown.text and " 一  二  三  四  五  六  日" in shown.text
    assert "周五 2026-01-02" in shown.text and "休息日（由 2026-01-04 调休）" in shown.text
    assert "元旦" in shown.text and "调休上班日" in shown.text


@pytest.mark.parametrize("columns", WIDTHS)
def test_chinese_config_list_and_templates_keep_their_columns(home, columns: int) -> None:
    shown = screen(home, "config", "list", columns=columns, lang=ZH)
    assert "商户所在的 IANA 时区" in shown.text
    for line in shown.lines:  # every wrapped line of a meaning starts under the meanings
        assert re.match(r"[a-z]+\.[a-z_]+ ", line) or line.startswith(" " * 46), line
    templates = screen(home, "templates", "list", columns=columns, lang=ZH)
    _header_row(templates, "名称", "类型", "语言", "说明")


@pytest.mark.parametrize("columns", WIDTHS)
def test_chinese_show_keeps_notes_apart_and_says_the_snooze_and_the_appeal(home, columns) -> None:
    shown = screen(home, "show", HOSTILE, columns=columns, lang=ZH)
    text = shown.text
    snoozed = shown.row_with("暂缓")
    assert re.search(r"至 2026-12-0\d 17:00 CST（\d+天后）", snoozed), snoozed
    assert "AWAITING_WISH（等待 Wish 处理）" in shown.row_with("状态")
    assert text.index("备注（内部，不会发给买家）") < text.index("对话记录")
    assert "[bold]call[/bold]" in text and "Ana [i]Li[/i]" in text
    outbox = shown.row_with("#2 申诉")
    assert "[待发送]" in outbox and "请求 Wish 改为 AWAITING_WISH" in outbox
    assert "订单状态 order-status  （文本识别，置信度高 0.78）" in shown.row_with("原因")
    assert b"\x1b[31m" not in shown.raw and b"\x1b[2J" not in shown.raw
