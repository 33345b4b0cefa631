"""``audit`` lints each merchant message against its own ticket's orders, however many
tickets' orders it keeps at hand (it keeps only the most recent few thousand)."""

from __future__ import annotations

import json

import pytest
from wishdata import order, ticket, write_jsonl

from wishdesk.services import policy as service

CLAIM = "Good news: your order will arrive tomorrow."
# ticket id -> the expected delivery of its order; "tomorrow" (the day after each reply, sent
# on 21 and 22 November) is false for A and C
DELIVERY = {"A": "2026-12-10T00:00:00Z", "B": "2026-11-22T12:00:00Z", "C": "2026-12-20T00:00:00Z"}


def _tid(name: str) -> str:
    return f"5f000000000000000000000{ord(name) - 64}"


@pytest.fixture
def store(run, tmp_path):
    records = []
    for n, (name, delivery) in enumerate(DELIVERY.items()):
        oid = f"a0000000000000000000000{n + 1}"
        records.append(order(oid, delivery=delivery))
        replies = [("USER", "2026-11-20T08:00:00Z", "Where is my parcel?")]
        # Interleaved in time: A, B, C, A, B, C
        replies += [("MERCHANT", f"2026-11-2{day}T0{n}:00:00Z", CLAIM) for day in (1, 2)]
        records.append(
            ticket(
                _tid(name),
                state="AWAITING_USER",
                opened_at="2026-11-20T08:00:00Z",
                replies=replies,
                orders=[oid],
            )
        )
    assert run("import", str(write_jsonl(tmp_path / "t.jsonl", records))).exit_code == 0


@pytest.mark.parametrize("kept", [1, 2, service.CONTEXT_CACHE])
def test_each_message_is_judged_by_its_own_orders(run, store, monkeypatch, kept) -> None:
    monkeypatch.setattr(service, "CONTEXT_CACHE", kept)
    result = run("audit", "--format", "jsonl")
    assert result.exit_code == 1, result.stderr
    flagged = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(f["ticket_id"], f["findings"][0]["rule"]) for f in flagged] == [
        (_tid("A"), "truth.eta"),
        (_tid("C"), "truth.eta"),
        (_tid("A"), "truth.eta"),
        (_tid("C"), "truth.eta"),
    ]


def test_a_date_is_judged_by_when_the_message_was_sent(run, tmp_path) -> None:
    """A delivery date that was still ahead when the reply went out is not a passed date now
    (the clock: 26 November); the same text still waiting in the outbox is."""
    text = "Your parcel is expected to arrive by 24 November."
    oid, tid = "a00000000000000000000009", "5f0000000000000000000009"
    records = [
        order(oid, delivery="2026-11-24T00:00:00Z"),
        ticket(tid, replies=[("MERCHANT", "2026-11-20T08:00:00Z", text)], orders=[oid]),
    ]
    assert run("import", str(write_jsonl(tmp_path / "p.jsonl", records))).exit_code == 0
    assert run("audit", "--format", "jsonl").exit_code == 0
    assert run("reply", tid, "-m", text).exit_code == 1  # blocked now: the date has passed
    queued = run("reply", tid, "--draft", "--override", "truth.eta-past", "--reason", "asked")
    assert queued.exit_code == 0, queued.stderr
    result = run("audit", "--format", "jsonl")
    assert result.exit_code == 1
    flagged = [json.loads(line) for line in result.stdout.splitlines()]
    # the new reply (its thread message and its outbox body), not the one of 20 November
    assert sorted(f["id"].split(":")[0] for f in flagged) == ["message", "outbox"]
    assert {f["findings"][0]["rule"] for f in flagged} == {"truth.eta-past"}
