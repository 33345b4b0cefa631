"""A reshipped order: Wish lists tracking_information newest first, so the first entry is the
current tracking and the second the replaced one. Everything a buyer is told uses the first."""

from __future__ import annotations

import json

from wishdata import order, ticket

T1 = "5f00000000000000000000e1"
O1 = "a000000000000000000000e1"
NEW, OLD = "YT2611250000123", "LZ998877665CN"


def reshipped() -> dict:
    obj = order(O1, tracking=NEW, carrier="Yanwen")
    obj["tracking_information"].append(
        {
            "tracking_number": OLD,
            "shipping_provider": {"name": "China Post"},
            "origin_country": "CN",
        }
    )
    obj["fulfillment_records"] = [
        {"event_type": "MARK_SHIPPED", "event_time": "2026-11-08T10:00:00Z"},
        {"event_type": "TRACKING_CANCELLED", "event_time": "2026-11-12T10:00:00Z"},
        {"event_type": "MARK_SHIPPED", "event_time": "2026-11-13T10:00:00Z"},
    ]
    obj["full_address"]["shipping_detail"].update(
        {"city": "São Paulo", "state": "SP", "country_code": "BR", "zipcode": "01310-100",
         "neighborhood": "Bela Vista", "region": "Sudeste"}
    )  # fmt: skip
    return obj


def test_a_reshipped_order_uses_the_current_tracking_everywhere(sync, run, wish) -> None:
    wish.add_order(reshipped())
    wish.add_ticket(ticket(T1, orders=[O1], subject="Tracking does not work"))
    assert sync("--no-push").exit_code == 0
    shown = json.loads(run("show", T1, "--json").stdout)
    [o] = shown["orders"]
    assert (o["tracking_number"], o["carrier"]) == (NEW, "Yanwen")
    assert [t["tracking_number"] for t in o["tracking"]] == [NEW, OLD]  # newest first
    assert o["shipping_address"]["neighborhood"] == "Bela Vista"
    assert o["shipping_address"]["region"] == "Sudeste"
    table = run("show", T1, "--format", "table").stdout
    assert f"{NEW}  (Yanwen)" in table
    assert "Replaced tracking" in table and f"{OLD}  (China Post)" in table
    assert "Bela Vista" in table and "Sudeste" in table
    # Templates fill in the current tracking...
    run("config", "set", "merchant.name", "Aurora Home")
    assert run("reply", T1, "--template", "tracking", "--yes").exit_code == 0
    sent = json.loads(run("show", T1, "--json").stdout)["messages"][-1]["text"]
    assert NEW in sent and OLD not in sent and "Yanwen" in sent
    # ... and the linter holds a message to it: the replaced number is not the order's.
    old = run("lint", "--ticket", T1, f"Your tracking number is {OLD}.", "--format", "json")
    assert old.exit_code == 1
    assert [f["rule"] for f in json.loads(old.stdout)["findings"]] == ["truth.tracking"]
    assert run("lint", "--ticket", T1, f"Your tracking number is {NEW}.").exit_code == 0
