"""The linter in Chinese: the text report speaks the merchant's language, while the JSON, the
batch output and the audit's machine formats stay the English, byte for byte."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from wishdata import order, ticket, write_jsonl

T1 = "5f0000000000000000000001"
O1 = "a00000000000000000000001"
ZH = {"LANG": "zh_CN.UTF-8"}
CJK = re.compile(r"[\u4e00-\u9fff]")
# the caret line of a finding: "  |   ^^^^ error  rule.id" (or 错误, 警告)
RULE_LINE = re.compile(r"\^+ (\S+)  ([a-z]+\.[a-z-]+)")


@pytest.fixture
def store(run, tmp_path):  # type: ignore[no-untyped-def]
    records = [order(), ticket(T1, orders=[O1])]
    assert run("import", str(write_jsonl(tmp_path / "s.jsonl", records))).exit_code == 0


def rules_shown(output: str) -> list[str]:
    return [rule for _, rule in RULE_LINE.findall(output)]


CASES = [
    pytest.param(
        ["Please send us your PayPal email so we can refund you."],
        ["payment.account-request"],
        ["错误  payment.account-request", "向买家索要支付账户信息。"],
        "建议：删除该请求。退款会由 Wish 原路退回买家的原支付方式。",
        id="payment request",
    ),
    pytest.param(
        ["Add me on WhatsApp: shopdeals88, or write to deals@shop-mail.com"],
        ["contact.off-platform", "contact.off-platform"],
        ["引导买家离开 Wish（站外联系方式）。", "引导买家离开 Wish（电子邮箱地址）。"],
        "建议：请删除联系方式，在 Wish 工单中与买家沟通。",
        id="contact handle",
    ),
    pytest.param(
        ["--order", O1, "It will arrive tomorrow."],
        ["truth.eta"],
        [
            "错误  truth.eta  （可豁免）",
            "承诺 2026-11-27 前送达，早于订单的预计送达日期（2026-12-10）。",
        ],
        "建议：承诺的日期不要早于 2026-12-10，或告诉买家物流商给出的预计时间。",
        id="truth.eta with --order",
    ),
    pytest.param(
        ["You are an idiot."],
        ["respect.abuse"],
        ["错误  respect.abuse", "含有侮辱、脏话或威胁性的措辞。"],
        "建议：请用礼貌的措辞重写这句话。",
        id="respect insult",
    ),
]


@pytest.mark.parametrize(("args", "rules", "messages", "suggestion"), CASES)
def test_lint_speaks_chinese_with_the_same_rules_and_exit_code(  # type: ignore[no-untyped-def]
    run, store, args, rules, messages, suggestion
) -> None:
    english = run("lint", *args)
    chinese = run("lint", *args, **ZH)
    assert (english.exit_code, chinese.exit_code) == (1, 1)
    assert rules_shown(english.stdout) == rules_shown(chinese.stdout) == rules
    for text in messages:
        assert text in chinese.stdout
    assert suggestion in chinese.stdout
    assert "Fix:" not in chinese.stdout and "Fix:" in english.stdout
    assert chinese.stdout.rstrip().endswith(f"{len(rules)} 个错误。")


def test_the_fields_own_texts_are_said_in_chinese(run, store) -> None:  # type: ignore[no-untyped-def]
    text = "Tracking LX555666777CN, or pay at https://pay.example.com. I SAID READ THE LISTING NOW"
    chinese = run("lint", "--order", O1, text, **ZH).stdout
    assert "物流单号 LX555666777CN 不是该订单的物流单号（LZ123456789CN）。" in chinese
    assert "建议：请使用该订单的物流单号 LZ123456789CN。" in chinese
    assert "引导买家离开 Wish（指向 pay.example.com 的链接）。" in chinese
    assert "警告  respect.tone" in chinese
    assert chinese.rstrip().endswith("3 个错误，1 个警告。")
    unshipped = run("lint", "--order", O1, "Your order has shipped.", **ZH)  # O1 is shipped
    assert unshipped.exit_code == 0 and unshipped.stdout == "政策检查未发现问题。\n"


def test_a_clean_message_in_chinese(run) -> None:  # type: ignore[no-untyped-def]
    result = run("lint", "Thank you for your patience!", **ZH)
    assert (result.exit_code, result.stdout) == (0, "政策检查未发现问题。\n")


def test_lint_json_is_the_english_byte_for_byte(run, store) -> None:  # type: ignore[no-untyped-def]
    text = "It will arrive tomorrow. Pay me on PayPal: me@example.com, tracking LX555666777CN"
    for extra in (["--format", "json"], ["--json"], ["--format", "tsv"], ["--format", "csv"]):
        english = run("lint", "--order", O1, *extra, text)
        chinese = run("lint", "--order", O1, *extra, text, **ZH)
        assert english.exit_code == chinese.exit_code == 1
        assert chinese.stdout_bytes == english.stdout_bytes
        assert not CJK.search(chinese.stdout)
    assert "Steers the buyer off Wish (an e-mail address)." in english.stdout


def test_lint_batch_is_the_english_byte_for_byte(run, store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    records = [
        {"id": "a", "text": "Send me your card number and CVV"},
        {"id": "b", "text": "It will arrive tomorrow, tracking LX555666777CN", "order_id": O1},
        {"id": "c", "text": "Text me on +1 415 555 0199, you idiot", "ticket_id": T1},
        {"id": "d", "text": "Thank you!"},
    ]
    path = write_jsonl(tmp_path / "batch.jsonl", records)
    for extra in ([], ["--format", "json"], ["--format", "tsv"]):
        english = run("lint", "--batch", str(path), *extra)
        chinese = run("lint", "--batch", str(path), *extra, **ZH)
        assert english.exit_code == chinese.exit_code == 1
        assert chinese.stdout_bytes == english.stdout_bytes
        assert not CJK.search(chinese.stdout)
    assert "Steers the buyer off Wish (a phone number)." in english.stdout


def test_audit_text_in_chinese_and_its_machine_formats_in_english(run, store, db_path) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    with sqlite3.connect(db_path) as db:
        db.execute(
            "INSERT INTO outbox (kind, ticket_id, body, status, created_at) VALUES "
            "('reply', ?, 'Send the money to my PayPal please', 'queued', '2026-11-25T00:00:00Z')",
            (T1,),
        )
    english = run("audit", "--format", "text")
    chinese = run("audit", "--format", "text", **ZH)
    assert english.exit_code == chinese.exit_code == 1
    assert rules_shown(chinese.stdout) == rules_shown(english.stdout) == ["payment.off-platform"]
    assert f"（工单 {T1}）" in chinese.stdout and f"(ticket {T1})" in english.stdout
    assert "要求买家在 Wish 站外付款或转账。" in chinese.stdout
    assert "1 个错误。" in chinese.stdout
    for fmt in ("json", "jsonl", "tsv", "csv"):
        english = run("audit", "--format", fmt)
        chinese = run("audit", "--format", fmt, **ZH)
        assert english.exit_code == chinese.exit_code == 1
        assert chinese.stdout_bytes == english.stdout_bytes
        assert "Asks the buyer to pay or send money outside Wish." in chinese.stdout


def test_a_blocked_reply_says_why_in_chinese(run, store) -> None:  # type: ignore[no-untyped-def]
    gone_by = "Your LED strip is expected to arrive by 20 November."  # the clock: 26 November
    english = run("reply", T1, "-m", gone_by)
    chinese = run("reply", T1, "-m", gone_by, **ZH)
    assert english.exit_code == chinese.exit_code == 1
    assert rules_shown(chinese.stderr) == rules_shown(english.stderr) == ["truth.eta-past"]
    assert "错误  truth.eta-past  （可豁免）" in chinese.stderr
    assert "将已经过去的日期 2026-11-20 作为预计送达日期。" in chinese.stderr
    assert "建议：告诉买家包裹已延误" in chinese.stderr
    assert "Gives 2026-11-20 as the expected delivery" in english.stderr
    # the draft keeps the English findings (machine data), whatever the language
    drafts = json.loads(run("show", T1, "--json").stdout)["drafts"]
    assert drafts and all(
        f["message"].startswith("Gives 2026-11-20") for d in drafts for f in d["findings"]
    )


def test_a_merchants_own_rule_is_said_as_written(run, env) -> None:  # type: ignore[no-untyped-def]
    home = Path(env["WISHDESK_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    (home / "rules.toml").write_text(
        '[rules."custom.rival"]\nseverity = "error"\nmessage = "Mentions a rival shop."\n'
        'patterns = ["aliexpress"]\n\n'
        '[rules."respect.abuse"]\nmessage = "Be nice to the buyer."\n',
        encoding="utf-8",
    )
    result = run("lint", "It is cheaper on AliExpress, idiot", **ZH)
    assert result.exit_code == 1
    assert rules_shown(result.stdout) == ["custom.rival", "respect.abuse"]
    assert "Mentions a rival shop." in result.stdout
    assert "Be nice to the buyer." in result.stdout  # the merchant's message, as written
    assert "建议：请用礼貌的措辞重写这句话。" in result.stdout  # the built-in suggestion


def test_english_text_report_is_unchanged(run, store) -> None:  # type: ignore[no-untyped-def]
    result = run("lint", "--order", O1, "Pay me on PayPal. It will arrive tomorrow.")
    assert result.exit_code == 1
    assert result.stdout == (
        "1 | Pay me on PayPal. It will arrive tomorrow.\n"
        "  | ^^^^^^^^^^^^^^^^ error  payment.off-platform\n"
        "  | Asks the buyer to pay or send money outside Wish.\n"
        "  | Fix: Keep payments on Wish: if the buyer needs another item or size, ask them to "
        "order it on Wish.\n"
        "\n"
        "1 | Pay me on PayPal. It will arrive tomorrow.\n"
        "  |                                  ^^^^^^^^ error  truth.eta  (can be overridden)\n"
        "  |                                  Promises delivery by 2026-11-27, earlier than the "
        "order's estimated delivery (2026-12-10).\n"
        "  |                                  Fix: Promise no earlier than 2026-12-10, or give "
        "the carrier's estimate.\n"
        "\n"
        "2 errors.\n"
    )


@pytest.mark.parametrize("columns", (80, 160))
def test_the_chinese_report_fits_the_terminal(env, columns: int) -> None:  # type: ignore[no-untyped-def]
    from rich.cells import cell_len
    from terminal import run_on_terminal

    text = "Thanks for waiting. Please send me your PayPal email. YOU NEVER READ THE LISTING"
    shown = run_on_terminal(["lint", text], {**os.environ, **ZH}, columns=columns)
    assert shown.exit_code == 1, shown.text[-2000:]
    assert all(cell_len(line) <= columns for line in shown.lines), "wider than the terminal"
    words = shown.text.split()
    assert "payment.account-request" in words and "respect.tone" in words  # ids whole
    assert "向买家索要支付账户信息。" in shown.text.replace("\n", "")
    assert "1 个错误，1 个警告。" in shown.lines


def test_every_built_in_rule_is_said_in_chinese() -> None:
    """Each rule's message, explanation and suggestion, as the report would say them."""
    from datetime import datetime, timezone

    from wishdesk import i18n
    from wishdesk.domain.models import OrderFacts
    from wishdesk.domain.policy import lint
    from wishdesk.domain.policy.ruleset import default_rules
    from wishdesk.render.findings import said

    now = datetime(2026, 11, 26, tzinfo=timezone.utc)
    shipped = OrderFacts(O1, "SHIPPED", datetime(2026, 12, 10, tzinfo=timezone.utc), ("LZ1",))
    unshipped = OrderFacts(O1, "APPROVED", datetime(2026, 12, 10, tzinfo=timezone.utc), ())
    texts = [
        (
            "Send us your PayPal email. Pay me by bank transfer. IBAN DE89370400440532013000",
            (),
        ),
        ("Mail me at a@b.com. You are an idiot. AS I TOLD YOU, READ THE LISTING FIRST {name}", ()),
        ("It will arrive tomorrow. It is expected to arrive by 20 November.", ()),
        ("It will arrive tomorrow, tracking LX555666777CN", (shipped,)),
        ("Your order has shipped.", (unshipped,)),
        ("x" * 2001, ()),
        ("   ", ()),
    ]
    i18n.use("zh")
    try:
        seen: dict[str, tuple[str, str, str | None]] = {}
        for text, orders in texts:
            for finding in lint(text, orders=orders, now=now):
                seen[finding.rule] = said(finding)
    finally:
        i18n.reset()
    assert sorted(seen) == sorted(default_rules().rules)
    for rule, (message, explanation, suggestion) in seen.items():
        for said_text in (message, explanation, suggestion or "中"):
            assert CJK.search(said_text), (rule, said_text)
