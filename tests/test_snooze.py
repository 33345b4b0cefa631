"""``wishdesk snooze``: hidden from ``list`` until WHEN or until the buyer writes again,
still in ``overdue``, listed by ``list --snoozed``; WHEN in the merchant's time zone."""

from __future__ import annotations

import json

import pytest
from wishdata import ticket, write_jsonl

T1 = "5f0000000000000000000001"
T2 = "5f0000000000000000000002"
FIRST = ("USER", "2026-11-23T08:00:00Z", "Hi, where is my package? It has been three weeks.")


@pytest.fixture
def store(run, tmp_path) -> None:
    records = [ticket(T1), ticket(T2, opened_at="2026-11-24T08:00:00Z")]
    assert run("import", str(write_jsonl(tmp_path / "t.jsonl", records))).exit_code == 0
    assert run("config", "set", "calendar.timezone", "Asia/Shanghai").exit_code == 0


def listed(run, *args: str, **env: str) -> list[str]:
    return [t["id"] for t in json.loads(run("list", *args, "--json", **env).stdout)]


def shown(run, **env: str) -> dict:
    return json.loads(run("show", T1, "--json", **env).stdout)


def test_a_snoozed_ticket_leaves_list_but_not_overdue(run, store) -> None:
    result = run("snooze", T1, "--until", "2026-12-05")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"{T1} snoozed until 2026-12-05 00:00 CST (or until the buyer writes)\n"
    assert shown(run)["snoozed_until"] == "2026-12-04T16:00:00Z"  # midnight in Shanghai
    assert listed(run) == [T2]
    assert listed(run, "--state", "any") == [T2]
    assert listed(run, "--snoozed") == [T1]
    snoozed = json.loads(run("list", "--snoozed", "--json").stdout)[0]
    assert snoozed["snoozed_until"] == "2026-12-04T16:00:00Z"
    assert json.loads(run("list", "--json").stdout)[0]["snoozed_until"] is None
    overdue = json.loads(run("overdue", "--json").stdout)
    assert [t["id"] for t in overdue] == [T1] and overdue[0]["due_at"] is not None
    tsv = run("list", "--snoozed").stdout.rstrip("\n").split("\t")
    assert tsv[0] == T1 and tsv[19] == "2026-12-04T16:00:00Z"  # column 20, snoozed_until
    assert run("list", "--snoozed", "--format", "table").stdout.startswith("Snoozed: 1 ticket\n")


def test_the_snooze_ends_by_the_clock(run, store) -> None:
    run("snooze", T1, "--until", "tomorrow 9:00")  # 2026-11-26 15:00 CST now
    assert shown(run)["snoozed_until"] == "2026-11-27T01:00:00Z"
    assert listed(run, WISHDESK_NOW="2026-11-27T00:59:59Z") == [T2]
    later = "2026-11-27T01:00:00Z"
    assert listed(run, WISHDESK_NOW=later) == [T1, T2]
    assert listed(run, "--snoozed", WISHDESK_NOW=later) == []
    assert shown(run, WISHDESK_NOW=later)["snoozed_until"] is None


@pytest.mark.parametrize("bulk", [False, True], ids=["one-ticket", "bulk-load"])
def test_the_snooze_ends_when_the_buyer_writes_again(run, store, tmp_path, bulk) -> None:
    run("snooze", T1, "--until", "2026-12-20")
    support = ("WISH_SUPPORT", "2026-11-26T08:00:00Z", "Wish is looking at it.")
    not_the_buyer = ticket(T1, updated_at="2026-11-26T08:00:00Z", replies=[FIRST, support])
    run("import", str(write_jsonl(tmp_path / "a.jsonl", [not_the_buyer])))
    assert listed(run, "--snoozed") == [T1]  # not the buyer: still snoozed
    again = ("USER", "2026-11-26T09:00:00Z", "Hello?? Any news on my parcel?")
    buyer = ticket(T1, updated_at="2026-11-26T09:00:00Z", replies=[FIRST, support, again])
    # a file large for the store is loaded with the listing indexes built at its end
    more = [ticket(f"5f00000000000000000001{i:02d}") for i in range(20)] if bulk else []
    path = write_jsonl(tmp_path / "b.jsonl", [buyer, *more])
    assert (path.stat().st_size > 3 * 1000) == bulk
    assert run("import", str(path)).exit_code == 0
    assert shown(run)["snoozed_until"] is None
    assert listed(run, "--snoozed") == [] and T1 in listed(run)


def test_business_days_follow_the_calendar(run, store) -> None:
    run("config", "set", "calendar.extra_holidays", "2026-11-27")
    # Thursday 26 Nov 15:00 CST; Friday 27 a holiday, then the weekend: Mon 30, Tue 1, Wed 2
    assert run("snooze", T1, "--until", "3bd").exit_code == 0
    assert shown(run)["snoozed_until"] == "2026-12-02T07:00:00Z"


def test_unsnooze(run, store) -> None:
    run("snooze", T1, "--until", "4h")
    assert shown(run)["snoozed_until"] == "2026-11-26T11:00:00Z"
    done = run("snooze", T1, "--unsnooze")
    assert done.exit_code == 0 and done.stdout == f"{T1} is no longer snoozed\n"
    assert listed(run, "--snoozed") == [] and T1 in listed(run)
    again = run("snooze", T1, "--unsnooze")
    assert again.exit_code == 0 and again.stdout == f"{T1} was not snoozed\n"


@pytest.mark.parametrize(
    "args,says",
    [
        (("--until", "2026-11-26 14:00"), "is in the past"),  # 14:00 CST is before now
        (("--until", "2026-11-20"), "is in the past"),
        (("--until", "next year-ish"), "cannot read the time"),
        (("--until", "2026-02-30"), "bad time"),
        (("--until", "2031-01-01"), "more than two years ahead"),
        ((), "give one of --until WHEN or --unsnooze"),
        (("--until", "1d", "--unsnooze"), "give one of --until WHEN or --unsnooze"),
    ],
)
def test_refusals(run, store, args, says) -> None:
    result = run("snooze", T1, *args)
    assert result.exit_code == 2 and says in result.stderr, result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert shown(run)["snoozed_until"] is None


def test_a_closed_ticket_is_not_snoozed(run, tmp_path) -> None:
    run("import", str(write_jsonl(tmp_path / "t.jsonl", [ticket(T1, state="CLOSED")])))
    result = run("snooze", T1, "--until", "1d")
    assert result.exit_code == 2 and "is CLOSED: nothing to snooze" in result.stderr


def test_show_in_a_pipe_gives_the_end_in_utc(run, store) -> None:
    run("snooze", T1, "--until", "2026-12-05 09:30")
    plain = run("show", T1).stdout
    assert "snoozed until:\t2026-12-05T01:30:00Z\n" in plain
