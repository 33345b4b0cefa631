"""``wishdesk reply``: body sources, the linter gate, drafts, overrides, state and clock."""

from __future__ import annotations

import json
import sqlite3
import stat
import sys
from pathlib import Path

import pytest
from wishdata import order, ticket, wish_copy, write_jsonl

T1 = "5f0000000000000000000001"
T2 = "5f1000000000000000000002"
O1 = "a00000000000000000000001"
CLEAN = "Hello Ann, your LED strip is on its way with China Post. Thank you for your patience!"


@pytest.fixture
def store(run, tmp_path):
    records = [order(), ticket(T1, orders=[O1]), ticket(T2, state="AWAITING_USER", subject="Done?")]
    assert run("import", str(write_jsonl(tmp_path / "s.jsonl", records))).exit_code == 0


def shown(run, ticket_id=T1) -> dict:
    return json.loads(run("show", ticket_id, "--json").stdout)


def test_a_clean_reply_is_queued_and_stops_the_clock(run, store) -> None:
    result = run("reply", T1, "-m", CLEAN)
    assert result.exit_code == 0, result.stderr
    assert "queued reply" in result.stdout
    data = shown(run)
    assert data["state"] == "AWAITING_USER"
    assert data["due_at"] is None and data["escalates_at"] is None
    assert data["messages"][-1]["sender"] == "MERCHANT"
    assert data["messages"][-1]["text"] == CLEAN
    [item] = data["outbox"]
    assert (item["kind"], item["status"], item["body"], item["order_id"]) == (
        "reply",
        "queued",
        CLEAN,
        O1,
    )
    assert run("overdue").exit_code == 0  # nothing awaits the merchant any more


def test_close_queues_a_close_too(run, store) -> None:
    assert run("reply", T1, "-m", CLEAN, "--close").exit_code == 0
    assert [i["kind"] for i in shown(run)["outbox"]] == ["reply", "close"]


def test_body_file_and_stdin(run, store, tmp_path) -> None:
    (tmp_path / "body.txt").write_text(CLEAN, encoding="utf-8")
    assert run("reply", T1, "--body-file", str(tmp_path / "body.txt"), "--dry-run").exit_code == 0
    result = run("reply", T1, "--body-file", "-", input=CLEAN)
    assert result.exit_code == 0
    assert shown(run)["messages"][-1]["text"] == CLEAN


def test_editor_quotes_the_thread_strips_comments_and_removes_its_private_file(
    run, store, tmp_path
) -> None:
    log = tmp_path / "editor.log"
    script = tmp_path / "fake-editor.py"
    script.write_text(
        "import os, stat, sys\n"
        "path = sys.argv[1]\n"
        "text = open(path, encoding='utf-8').read()\n"
        f"open({str(log)!r}, 'w').write(path + '\\n' + oct(stat.S_IMODE(os.stat(path).st_mode))"
        " + '\\n' + text)\n"
        f"open(path, 'w', encoding='utf-8').write({CLEAN!r} + '\\n' + text)\n",
        encoding="utf-8",
    )
    result = run("reply", T1, "--editor", VISUAL=f"{sys.executable} {script}")
    assert result.exit_code == 0, result.stderr
    path, mode, seen = log.read_text().split("\n", 2)
    assert mode == "0o600"
    assert not Path(path).exists()
    assert "# --- USER" in seen and "where is my package" in seen
    assert shown(run)["messages"][-1]["text"] == CLEAN  # the comments were stripped


def test_an_empty_editor_save_aborts(run, store, tmp_path) -> None:
    script = tmp_path / "empty.py"
    script.write_text("import sys\nopen(sys.argv[1], 'w').write('# nothing\\n')\n")
    result = run("reply", T1, "--editor", VISUAL=f"{sys.executable} {script}")
    assert result.exit_code == 2 and "empty" in result.stderr
    assert shown(run)["outbox"] == []


def test_no_body_without_a_terminal_is_an_error(run, store) -> None:
    result = run("reply", T1)
    assert result.exit_code == 2 and "no message" in result.stderr
    assert run("reply", T1, "-m", "a", "--body-file", "x").exit_code == 2


def test_only_a_ticket_awaiting_the_merchant_takes_a_reply(run, store) -> None:
    result = run("reply", T2, "-m", CLEAN)
    assert result.exit_code == 2
    assert "AWAITING_USER" in result.stderr


def test_an_error_blocks_keeps_a_draft_and_never_queues(run, store) -> None:
    bad = "Please send the difference to our PayPal: shop@example.com"
    result = run("reply", T1, "-m", bad)
    assert result.exit_code == 1
    assert f"wishdesk reply {T1} --draft" in result.stderr
    data = shown(run)
    assert data["state"] == "AWAITING_MERCHANT" and data["outbox"] == []
    assert data["drafts"][0]["text"] == bad
    assert {f["rule"] for f in data["drafts"][0]["findings"]} >= {"payment.off-platform"}
    # the draft comes back, and is blocked again: nothing typed is lost
    assert run("reply", T1, "--draft").exit_code == 1
    refused = run("reply", T1, "--draft", "--override", "payment.off-platform", "--reason", "x")
    assert refused.exit_code == 2 and "cannot be overridden" in refused.stderr


def test_truth_errors_can_be_overridden_with_a_reason_in_the_audit_log(run, store, db_path) -> None:
    promise = "Good news: it will arrive tomorrow!"
    assert run("reply", T1, "-m", promise).exit_code == 1
    assert run("reply", T1, "--draft", "--override", "truth.eta").exit_code == 2  # no reason
    result = run(
        "reply",
        T1,
        "--draft",
        "--override",
        "truth.eta",
        "--reason",
        "carrier confirmed a local delivery",
    )
    assert result.exit_code == 0, result.stderr
    data = shown(run)
    assert data["messages"][-1]["text"] == promise and data["drafts"] == []
    row = (
        sqlite3.connect(db_path)
        .execute("SELECT action, ticket_id, rule, reason FROM audit_log")
        .fetchone()
    )
    assert row == ("override", T1, "truth.eta", "carrier confirmed a local delivery")


def test_a_passed_delivery_date_blocks_and_can_be_overridden(run, store, db_path) -> None:
    gone_by = "Your LED strip is expected to arrive by 20 November."  # the clock: 26 November
    blocked = run("reply", T1, "-m", gone_by)
    assert blocked.exit_code == 1 and "truth.eta-past" in blocked.stderr
    reason = "buyer asked what the original estimate was"
    sent = run("reply", T1, "--draft", "--override", "truth.eta-past", "--reason", reason)
    assert sent.exit_code == 0, sent.stderr
    row = sqlite3.connect(db_path).execute("SELECT rule, reason FROM audit_log").fetchone()
    assert row == ("truth.eta-past", reason)


def test_warnings_block_without_a_terminal_unless_yes(run, store) -> None:
    unverified = "AS I ALREADY TOLD YOU, READ THE DESCRIPTION BEFORE ORDERING."
    result = run("reply", T1, "-m", unverified)
    assert result.exit_code == 1 and "--yes" in result.stderr
    assert run("reply", T1, "-m", unverified, "--yes").exit_code == 0


def test_dry_run_stores_nothing(run, store, db_path) -> None:
    result = run("reply", T1, "-m", CLEAN, "--dry-run")
    assert result.exit_code == 0 and CLEAN in result.stdout
    assert run("reply", T1, "-m", "call me on +1 512 555 0100", "--dry-run").exit_code == 1
    data = shown(run)
    assert data["outbox"] == [] and data["drafts"] == [] and data["state"] == "AWAITING_MERCHANT"


def test_wishs_copy_of_a_sent_reply_shows_once(run, store, tmp_path) -> None:
    assert run("reply", T1, "-m", CLEAN).exit_code == 0
    pulled = wish_copy(T1, O1, CLEAN + "\n", "2026-11-26T07:04:31Z")
    run("import", str(write_jsonl(tmp_path / "p.jsonl", [pulled])))
    messages = shown(run)["messages"]
    assert [m["sender"] for m in messages] == ["USER", "MERCHANT"]
    assert messages[-1]["sent_at"] == "2026-11-26T07:04:31Z"


def test_a_queued_reply_whose_copy_came_back_is_never_sent_again(run, store, tmp_path) -> None:
    """Wish already has it (the copy came back in an import or a pull while the item still
    waited): the item is marked sent, so sync cannot post it a second time."""
    assert run("reply", T1, "-m", CLEAN).exit_code == 0
    pulled = wish_copy(T1, O1, CLEAN, "2026-11-26T07:04:31Z")
    run("import", str(write_jsonl(tmp_path / "p.jsonl", [pulled])))
    item = shown(run)["outbox"][0]
    assert (item["status"], item["sent_at"]) == ("sent", "2026-11-26T07:04:31Z")
    assert shown(run)["messages"][-1]["queued"] is False
    assert run("outbox", "--json").stdout.strip() == "[]"  # nothing left for sync


def test_unknown_rule_override_is_refused(run, store) -> None:
    result = run("reply", T1, "-m", CLEAN, "--override", "nope", "--reason", "x")
    assert result.exit_code == 2 and "unknown rule" in result.stderr


def test_file_modes(run, store, db_path) -> None:
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_template_in_the_buyers_language_with_order_facts(run, store, tmp_path) -> None:
    missing = run("reply", T1, "--template", "shipping-eta")
    assert missing.exit_code == 2 and "merchant.name" in missing.stderr
    run("config", "set", "merchant.name", "Aurora Home")
    result = run("reply", T1, "--template", "shipping-eta")
    assert result.exit_code == 0, result.stderr
    text = shown(run)["messages"][-1]["text"]
    assert "10 December 2026" in text and "LZ123456789CN" in text and "Aurora Home" in text
    spanish = ticket(T2.replace("5f1", "5f2"), orders=[O1], buyer="Lucía", locale="es-MX")
    run("import", str(write_jsonl(tmp_path / "es.jsonl", [spanish])))
    assert run("reply", spanish["id"], "--template", "shipping-eta").exit_code == 0
    assert "10 de diciembre de 2026" in shown(run, spanish["id"])["messages"][-1]["text"]
    assert run("reply", spanish["id"], "--template", "nope").exit_code == 2


def test_overrides_show_in_show_and_warnings_point_to_yes(run, store) -> None:
    assert run("reply", T1, "-m", "It will arrive tomorrow!").exit_code == 1
    sent = run("reply", T1, "--draft", "--override", "truth.eta", "--reason", "local courier")
    assert "truth.eta overridden: local courier" in sent.stderr
    data = shown(run)
    assert data["audit_log"][0]["rule"] == "truth.eta"
    assert "Audit log" in run("show", T1, "--format", "table").stdout
    tone = run("reply", T1, "-m", CLEAN, "--override", "respect.tone", "--reason", "x")
    assert tone.exit_code == 2


def test_var_needs_a_template_and_a_repeated_block_keeps_one_draft(run, store) -> None:
    assert run("reply", T1, "-m", CLEAN, "--var", "a=b").exit_code == 2
    bad = "Pay us by Western Union please"
    run("reply", T1, "-m", bad)
    run("reply", T1, "--draft")
    assert [d["text"] for d in shown(run)["drafts"]] == [bad]


def test_a_users_own_template_language_is_picked_for_a_regional_locale(
    run, store, tmp_path, env
) -> None:
    """``thanks.nl.txt`` answers a buyer whose locale is ``nl-BE``, in ``reply`` and in
    ``notify`` as in ``templates show`` (one choice of language for every template)."""
    folder = Path(env["WISHDESK_HOME"]) / "templates"
    folder.mkdir(parents=True)
    (folder / "thanks.en.txt").write_text("Thank you, {buyer_name}!\n", "utf-8")
    (folder / "thanks.nl.txt").write_text("Bedankt, {buyer_name}!\n", "utf-8")
    o2 = "a00000000000000000000002"
    dutch = ticket("5f3000000000000000000003", orders=[o2], buyer="Joost", locale="nl-BE")
    run("import", str(write_jsonl(tmp_path / "nl.jsonl", [order(o2), dutch])))
    assert run("templates", "show", "thanks", "--lang", "nl-BE").stdout.strip() == (
        "Bedankt, {buyer_name}!"
    )
    result = run("reply", dutch["id"], "--template", "thanks")
    assert result.exit_code == 0, result.stderr
    assert shown(run, dutch["id"])["messages"][-1]["text"] == "Bedankt, Joost!"
    notified = run("notify", o2, "--template", "thanks", "--dry-run", "--format", "jsonl")
    assert json.loads(notified.stdout)["body"] == "Bedankt, Joost!"


def test_a_template_for_an_order_past_its_expected_delivery_says_it_is_late(run, store) -> None:
    """On 15 December the order expected by 10 December is late: the template says so and
    that the carrier is being asked, instead of promising a date gone by."""
    run("config", "set", "merchant.name", "Aurora Home")
    result = run("reply", T1, "--template", "shipping-eta", WISHDESK_NOW="2026-12-15T08:00:00Z")
    assert result.exit_code == 0, result.stderr
    text = shown(run)["messages"][-1]["text"]
    assert "running late" in text and "checking with the carrier" in text
    assert "December" not in text and "LZ123456789CN" in text
