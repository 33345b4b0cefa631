"""``wishdesk show``: prefixes, JSON shape, and the rendered ticket."""

from __future__ import annotations

import json

import pytest
from wishdata import order, ticket, write_jsonl

T1 = "5f0000000000000000000001"
T2 = "5f1000000000000000000002"
O1 = "a00000000000000000000001"


@pytest.fixture
def store(run, tmp_path):
    records = [
        order(),
        ticket(
            T1,
            orders=[O1, "b00000000000000000000404"],
            replies=[
                ("USER", "2026-11-23T08:00:00Z", "Where is my LED strip?"),
                ("MERCHANT", "2026-11-23T10:00:00Z", "It shipped, tracking LZ123456789CN."),
                ("USER", "2026-11-24T08:00:00Z", "Still nothing on the tracking page."),
            ],
        ),
        ticket(T2, subject="Other"),
    ]
    assert run("import", str(write_jsonl(tmp_path / "s.jsonl", records))).exit_code == 0


def test_show_json_has_list_fields_thread_orders_outbox_drafts(run, store) -> None:
    data = json.loads(run("show", T1, "--json").stdout)
    assert data["id"] == T1
    assert [m["sender"] for m in data["messages"]] == ["USER", "MERCHANT", "USER"]
    assert data["messages"][0] == {
        "sender": "USER",
        "sent_at": "2026-11-23T08:00:00Z",
        "text": "Where is my LED strip?",
        "files": [],
        "queued": False,  # true for a reply written here that sync has not sent yet
    }
    assert data["awaiting_since"] == "2026-11-24T08:00:00Z"  # clock restarted by the buyer
    assert data["orders"][0]["tracking_number"] == "LZ123456789CN"
    assert data["orders"][0]["shipping_address"]["city"] == "Austin"
    assert data["outbox"] == [] and data["drafts"] == []


def test_unique_prefix_ambiguous_prefix_and_unknown_id(run, store) -> None:
    assert json.loads(run("show", T1, "--json").stdout)["id"] == T1
    assert json.loads(run("show", "5f0", "--json").stdout)["id"] == T1
    assert run("show", T1 + "0").exit_code == 2  # longer than any id
    ambiguous = run("show", "5f")
    assert ambiguous.exit_code == 2
    assert "ambiguous" in ambiguous.stderr and T1 in ambiguous.stderr and T2 in ambiguous.stderr
    unknown = run("show", "ffff")
    assert unknown.exit_code == 2 and "no ticket 'ffff'" in unknown.stderr


def test_rendered_ticket_has_order_panel_and_thread(run, store) -> None:
    out = run("show", T1, "--format", "table").stdout
    for expected in (
        "Where is my order?",
        "LED strip 5m",
        "5m / RGB",
        "Austin",
        "LZ123456789CN",
        "China Post",
        "17track",
        "Delivery by",
        "Buyer",
        "You",
        "Still nothing on the tracking page.",
        "b00000000000000000000404",
    ):
        assert expected in out, expected
    # times are shown in the merchant's zone (UTC by default)
    assert "2026-11-23 08:00" in out
