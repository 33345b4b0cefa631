"""``wishdesk lint`` and ``wishdesk audit`` through the real CLI, with a real store file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wishdesk.cli.app import app
from wishdesk.store.db import open_store

ORDER = "5f1a2b3c4d5e6f7a8b9c0d1e"
TICKET = "6a1a2b3c4d5e6f7a8b9c0d1e"


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WISHDESK_NOW", "2025-11-26T12:00:00Z")
    monkeypatch.setenv("WISHDESK_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("WISHDESK_DB", raising=False)
    return tmp_path


@pytest.fixture
def store(env: Path) -> Path:
    path = env / "w.db"
    s = open_store(path, create=True)
    with s.transaction():
        s.execute(
            "INSERT INTO orders (id, state, updated_at, expected_delivery_at, tracking) "
            "VALUES (?, 'SHIPPED', '2025-11-20T00:00:00Z', '2025-12-15T00:00:00Z', ?)",
            (ORDER, json.dumps([{"tracking_number": "LX123456789CN", "carrier": "China Post"}])),
        )
        s.execute(
            "INSERT INTO tickets (id, state, opened_at, updated_at) "
            "VALUES (?, 'AWAITING_MERCHANT', '2025-11-20T00:00:00Z', '2025-11-21T00:00:00Z')",
            (TICKET,),
        )
        s.execute(
            "INSERT INTO ticket_orders (ticket_num, ticket_id, order_id, position) "
            "SELECT num, id, ?, 0 FROM tickets WHERE id = ?",
            (ORDER, TICKET),
        )
        for i, (sender, when, text) in enumerate(
            [
                ("USER", "2025-11-20T01:00:00Z", "Where is my order? idiot"),
                ("MERCHANT", "2025-11-20T02:00:00Z", "Send us your PayPal email please."),
                ("MERCHANT", "2025-11-25T02:00:00Z", "Thank you, it is on its way."),
            ]
        ):
            s.execute(
                "INSERT INTO messages (ticket_num, ticket_id, sender, sent_at, text, digest) "
                "SELECT num, id, ?, ?, ?, ? FROM tickets WHERE id = ?",
                (sender, when, text, f"d{i}", TICKET),
            )
        s.execute(
            "INSERT INTO outbox (kind, ticket_id, body, status, created_at) "
            "VALUES ('reply', ?, 'It will arrive tomorrow!', 'queued', '2025-11-26T00:00:00Z')",
            (TICKET,),
        )
        s.execute(
            "INSERT INTO outbox (kind, ticket_id, body, status, created_at) "
            "VALUES ('reply', ?, 'Call me on WhatsApp', 'cancelled', '2025-11-26T00:00:00Z')",
            (TICKET,),
        )
    s.close()
    return path


runner = CliRunner()


def test_lint_clean_and_blocked(env: Path) -> None:
    ok = runner.invoke(app, ["lint", "Sorry for the delay, your refund goes through Wish."])
    assert ok.exit_code == 0, ok.output
    bad = runner.invoke(app, ["lint", "Hi!\nPay the difference via PayPal please."])
    assert bad.exit_code == 1
    assert "payment.off-platform" in bad.output and "^^^" in bad.output
    assert "2 | Pay the difference" in bad.output


def test_lint_json_and_stdin(env: Path) -> None:
    result = runner.invoke(app, ["lint", "-", "--format", "json"], input="Email me: a@b.com")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["ok"] is False
    spans = {tuple(f["span"]) for f in data["findings"] if f["rule"] == "contact.off-platform"}
    assert (10, 17) in spans


def test_lint_strict_counts_warnings(env: Path) -> None:
    assert runner.invoke(app, ["lint", "It will arrive tomorrow."]).exit_code == 0
    assert runner.invoke(app, ["lint", "--strict", "It will arrive tomorrow."]).exit_code == 1


def test_lint_order_context(store: Path) -> None:
    args = ["--db", str(store), "lint", "--order", ORDER, "-F", "json"]
    early = runner.invoke(app, [*args, "It will arrive tomorrow."])
    assert early.exit_code == 1
    assert json.loads(early.output)["findings"][0]["overridable"] is True
    fine = runner.invoke(app, [*args, "It will arrive by December 20."])
    assert fine.exit_code == 0
    by_ticket = runner.invoke(
        app, ["--db", str(store), "lint", "--ticket", TICKET, "Arrives tomorrow"]
    )
    assert by_ticket.exit_code == 1
    missing = runner.invoke(app, ["--db", str(store), "lint", "--order", "nope", "hello"])
    assert missing.exit_code == 2 and "nope" in missing.output


def test_batch(store: Path, tmp_path: Path) -> None:
    lines = [
        {"id": "a", "text": "Thanks for your patience!"},
        {"id": "b", "text": "It will arrive tomorrow.", "order_id": ORDER},
        {"id": "c", "text": "It will arrive tomorrow."},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    result = runner.invoke(app, ["--db", str(store), "lint", "--batch", str(path)])
    assert result.exit_code == 1
    out = [json.loads(x) for x in result.output.splitlines()]
    assert [o["id"] for o in out] == ["a", "b", "c"]
    assert [o["ok"] for o in out] == [True, False, True]
    assert out[1]["findings"][0]["rule"] == "truth.eta"
    bad = runner.invoke(app, ["lint", "--batch", "-"], input='{"id": 1, "text": "x"}\n{oops\n')
    assert bad.exit_code == 2 and "line 2" in bad.output


def test_rules_file(env: Path) -> None:
    home = env / "home"
    home.mkdir()
    rules = home / "rules.toml"
    rules.write_text('[rules."respect.tone"]\nseverity = "error"\n')
    assert runner.invoke(app, ["lint", "As I already told you, no."]).exit_code == 1
    rules.write_text(
        '[rules."custom.rival"]\nseverity = "error"\nmessage = "Rival"\npatterns = ["aliexpress"]\n'
    )
    result = runner.invoke(app, ["lint", "-F", "json", "It is cheaper on AliExpress"])
    assert result.exit_code == 1 and "custom.rival" in result.output
    rules.write_text('[rules."payment.off-platform"]\nenabled = false\n')
    refused = runner.invoke(app, ["lint", "hello"])
    assert refused.exit_code == 2 and "rules.toml" in refused.output
    rules.write_text('[rules."payment.off-platform"]\nseverity = "warning"\n')
    assert runner.invoke(app, ["lint", "hello"]).exit_code == 2
    rules.write_text("this is [ not toml")
    broken = runner.invoke(app, ["lint", "hello"])
    assert broken.exit_code == 2 and str(rules) in broken.output


def test_audit(store: Path) -> None:
    result = runner.invoke(app, ["--db", str(store), "audit", "--format", "jsonl"])
    assert result.exit_code == 1, result.output
    out = [json.loads(x) for x in result.output.splitlines()]
    ids = [o["id"] for o in out]
    assert ids == ["message:2", "outbox:1"]  # buyer text and cancelled items are not audited
    assert all(o["ticket_id"] == TICKET for o in out)
    assert out[1]["findings"][0]["rule"] == "truth.eta"
    since = runner.invoke(app, ["--db", str(store), "audit", "--since", "2025-11-25", "-F", "json"])
    assert [o["id"] for o in json.loads(since.output)] == ["outbox:1"]
    text = runner.invoke(app, ["--db", str(store), "audit", "-F", "text"])
    assert "message:2" in text.output and "payment.account-request" in text.output
    bad = runner.invoke(app, ["--db", str(store), "audit", "--since", "last tuesday"])
    assert bad.exit_code == 2


def test_terminal_output_is_escaped(env: Path) -> None:
    result = runner.invoke(app, ["lint", "[bold]idiot[/bold] \x1b[31mred\x1b]8;;http://x\x07"])
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "[bold]idiot[/bold]" in result.output
