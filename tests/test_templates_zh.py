"""Chinese buyers through the real CLI: `reply --template` and `notify` give the zh text, with
dates written the Chinese way, to every zh* locale; every zh text, filled for an order still
on time and for one past its expected delivery, passes `wishdesk lint` for that order."""

from __future__ import annotations

import json

import pytest
from wishdata import order, ticket, write_jsonl

from wishdesk.domain.templates import builtin_templates

ON_TIME, LATE, UNSHIPPED = (
    "a00000000000000000000001",
    "a00000000000000000000002",
    "a00000000000000000000003",
)
T_CN, T_TW, T_HK = (
    "5f0000000000000000000001",
    "5f0000000000000000000002",
    "5f0000000000000000000003",
)
MERCHANT = "极光家居"


@pytest.fixture
def store(run, tmp_path):
    records = [
        order(ON_TIME),  # expected 10 December; the clock says 26 November
        order(LATE, delivery="2026-11-20T00:00:00Z"),
        order(UNSHIPPED, state="APPROVED", tracking=None, delivery="2026-12-20T00:00:00Z"),
        ticket(T_CN, orders=[ON_TIME], buyer="张伟", locale="zh_CN.UTF-8"),
        ticket(T_TW, orders=[LATE], buyer="陈美玲", locale="zh-TW"),
        ticket(T_HK, orders=[UNSHIPPED], buyer="李家豪", locale="zh-HK"),
    ]
    assert run("import", str(write_jsonl(tmp_path / "zh.jsonl", records))).exit_code == 0
    assert run("config", "set", "merchant.name", MERCHANT).exit_code == 0


def last_message(run, ticket_id: str) -> str:
    return str(json.loads(run("show", ticket_id, "--json").stdout)["messages"][-1]["text"])


def test_reply_template_to_a_zh_cn_buyer_is_chinese_with_a_chinese_date(run, store) -> None:
    result = run("reply", T_CN, "--template", "shipping-eta")
    assert result.exit_code == 0, result.stderr
    text = last_message(run, T_CN)
    assert text.startswith("亲爱的张伟，您好！")
    assert "预计将于2026年12月10日前送达。" in text
    assert "运单号为LZ123456789CN" in text and text.endswith(MERCHANT)
    assert "December" not in text and "Hi " not in text


def test_a_zh_tw_buyer_whose_parcel_is_late_gets_the_chinese_late_text(run, store) -> None:
    result = run("reply", T_TW, "--template", "order-status")
    assert result.exit_code == 0, result.stderr
    text = last_message(run, T_TW)
    assert text.startswith("亲爱的陈美玲，您好！")
    assert "延误" in text and "向物流公司核实" in text
    assert "2026年" not in text and "11月20日" not in text  # no date gone by


def test_notify_writes_to_chinese_buyers_in_chinese(run, store) -> None:
    result = run(
        "notify",
        ON_TIME,
        LATE,
        "--template",
        "shipped",
        "--dry-run",
        "--format",
        "jsonl",
    )
    assert result.exit_code == 0, result.stderr
    on_time, late = (json.loads(line) for line in result.stdout.splitlines())
    assert on_time["findings"] == [] and late["findings"] == []
    assert on_time["body"].startswith("亲爱的张伟，您好！")
    assert "已经通过China Post发货了" in on_time["body"]
    assert "包裹预计将于2026年12月10日前送达。" in on_time["body"]
    assert late["body"].startswith("亲爱的陈美玲，您好！")
    assert "原计划" in late["body"] and "2026年" not in late["body"]


def test_a_var_date_for_a_zh_hk_buyer_is_written_the_chinese_way(run, store) -> None:
    result = run(
        "notify",
        UNSHIPPED,
        "--template",
        "shipping-delay",
        "--var",
        "new_date=2027-01-05",
        "--dry-run",
        "--format",
        "jsonl",
    )
    assert result.exit_code == 0, result.stderr
    body = json.loads(result.stdout)["body"]
    assert body.startswith("亲爱的李家豪，您好！") and "预计将于2027年1月5日前送达。" in body


def _lint_zh_templates(
    run, ticket_id: str, order_id: str, names: list[str] | tuple[str, ...]
) -> dict[str, object]:
    """Each template filled by `reply --dry-run` for the ticket, then linted with
    `wishdesk lint --order`: the findings of each that has any."""
    problems: dict[str, object] = {}
    for name in names:
        filled = run(
            "reply", ticket_id, "--template", name, "--var", "new_date=2026-12-24", "--dry-run"
        )
        assert filled.exit_code == 0, (name, filled.stderr)
        text = filled.stdout.strip()
        assert text.startswith("亲爱的") and "{" not in text, (name, text)
        checked = run("lint", "--order", order_id, "--json", text)
        report = json.loads(checked.stdout)
        if checked.exit_code != 0 or report["findings"]:
            problems[name] = report["findings"]
    return problems


def test_every_zh_text_passes_lint_for_an_order_on_time(run, store) -> None:
    assert _lint_zh_templates(run, T_CN, ON_TIME, builtin_templates().names()) == {}


def test_every_zh_text_passes_lint_for_an_order_past_its_delivery_date(run, store) -> None:
    assert _lint_zh_templates(run, T_TW, LATE, builtin_templates().names()) == {}


def test_the_zh_texts_for_before_shipping_claim_no_shipment(run, store) -> None:
    before = ("sold-out", "address-confirm", "change-address", "remove-item")
    assert _lint_zh_templates(run, T_HK, UNSHIPPED, before) == {}


def test_lint_reads_the_dates_the_zh_texts_write(run, store) -> None:
    """The checks above can fail: an on-time text given a date before the order's
    expected delivery, or one gone by, is caught."""
    earlier = run(
        "reply", T_CN, "--template", "shipping-eta", "--var", "eta=2026-12-01", "--dry-run"
    )
    assert earlier.exit_code == 1
    text = "您的订单预计将于2026年12月1日前送达。"
    found = json.loads(run("lint", "--order", ON_TIME, "--json", text).stdout)["findings"]
    assert [f["rule"] for f in found] == ["truth.eta"]
    gone = "您的订单预计将于2026年11月20日前送达。"
    found = json.loads(run("lint", "--order", LATE, "--json", gone).stdout)["findings"]
    assert [f["rule"] for f in found] == ["truth.eta-past"]


def test_an_order_shipped_to_china_with_no_ticket_gets_the_chinese_text(run, tmp_path) -> None:
    """No ticket says the buyer's locale: the shipping country decides (CN, TW, HK, MO: zh)."""
    shipping = order()["full_address"]["shipping_detail"]
    records = [
        order(
            oid,
            full_address={"shipping_detail": {**shipping, "country_code": code, "name": "王芳"}},
        )
        for oid, code in (
            ("a00000000000000000000011", "CN"),
            ("a00000000000000000000012", "TW"),
            ("a00000000000000000000013", "SG"),
        )
    ]
    assert run("import", str(write_jsonl(tmp_path / "cn.jsonl", records))).exit_code == 0
    assert run("config", "set", "merchant.name", MERCHANT).exit_code == 0
    result = run(
        "notify",
        *(r["id"] for r in records),
        "--template",
        "shipped",
        "--dry-run",
        "--format",
        "jsonl",
    )
    assert result.exit_code == 0, result.stdout
    cn, tw, sg = (json.loads(line)["body"] for line in result.stdout.splitlines())
    assert cn.startswith("亲爱的王芳，您好！") and tw.startswith("亲爱的王芳，您好！")
    assert sg.startswith("Hi ")  # Singapore writes English first
