"""``show`` says how sure the reason is: certain (a manual tag, Wish's decisive label), or the
classifier's high / medium / low band, in the panel, the plain text and the JSON."""

from __future__ import annotations

import json

import pytest
from wishdata import ticket, write_jsonl

SURE = "5f0000000000000000000001"  # "where is my package", nothing else: high
TORN = "5f0000000000000000000002"  # two reasons fit equally: low
WISH = "5f0000000000000000000003"  # Wish's decisive sub_label: certain
HINT = "5f0000000000000000000004"  # a hint label, not decisive: the text's band


@pytest.fixture
def store(run, tmp_path):
    def one(id_: str, subject: str, text: str, **extra: str) -> dict[str, object]:
        return ticket(
            id_, subject=subject, replies=[("USER", "2026-11-23T08:00:00Z", text)], **extra
        )

    records = [
        one(SURE, "Where is my order?", "Hi, where is my package? It has been three weeks."),
        one(TORN, "Help", "where is my parcel? refund"),
        one(WISH, "Help", "hello?", sub_label="Item damaged"),
        one(HINT, "Help", "refund", refund_reason="ITEM_NEVER_ARRIVED"),
    ]
    assert run("import", str(write_jsonl(tmp_path / "s.jsonl", records))).exit_code == 0


def shown(run, ticket_id: str) -> dict[str, object]:
    data: dict[str, object] = json.loads(run("show", ticket_id, "--json").stdout)
    return {k: data[k] for k in ("reason", "reason_source", "reason_confidence_band")}


def test_json_names_the_band(run, store) -> None:
    assert shown(run, SURE) == {
        "reason": "order-status",
        "reason_source": "text",
        "reason_confidence_band": "high",
    }
    assert shown(run, TORN)["reason_confidence_band"] == "low"
    assert shown(run, WISH) == {
        "reason": "damaged-missing",
        "reason_source": "wish",
        "reason_confidence_band": "certain",
    }
    assert json.loads(run("show", WISH, "--json").stdout)["reason_confidence"] == 1.0
    assert shown(run, HINT)["reason_confidence_band"] in ("low", "medium", "high")


def test_a_manual_tag_is_certain_and_auto_gives_the_band_back(run, store) -> None:
    assert run("tag", TORN, "--reason", "order-status").exit_code == 0
    assert shown(run, TORN) == {
        "reason": "order-status",
        "reason_source": "manual",
        "reason_confidence_band": "certain",
    }
    assert run("tag", TORN, "--auto").exit_code == 0
    assert shown(run, TORN)["reason_confidence_band"] == "low"


def test_plain_text_has_a_confidence_line(run, store) -> None:
    lines = run("show", TORN).stdout.splitlines()  # a pipe: plain text
    assert "reason:\treturn-refund (text)" in lines
    assert "reason confidence:\tlow confidence 0.39: check it" in lines
    assert "reason confidence:\tcertain" in run("show", WISH).stdout.splitlines()
    assert "reason confidence:\thigh confidence 0.99" in run("show", SURE).stdout.splitlines()


def test_panel_shows_source_and_band(run, store) -> None:
    out = run("show", TORN, "--format", "table").stdout
    assert "return-refund  (text, low confidence 0.39: check it)" in out
    assert "damaged-missing  (wish, certain)" in run("show", WISH, "--format", "table").stdout
