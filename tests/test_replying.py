"""The "replying" mark: taken while an agent composes a reply, expiring after 15 minutes,
cleared when the reply is queued, aborted or fails; another agent's reply is warned on a
terminal and refused without one unless --force; two agents racing for it: one wins."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_reply_terminal import on_terminal
from wishdata import order, ticket, write_jsonl

from wishdesk.services.replying import MARK_EXPIRES_AFTER

T1 = "5f0000000000000000000001"
NOW = "2026-11-26T07:00:00Z"  # tests/conftest.py
TEXT = "Your parcel left our warehouse today."


@pytest.fixture
def store(run, tmp_path: Path) -> None:
    records = [order(), ticket(T1, orders=["a00000000000000000000001"])]
    assert run("import", str(write_jsonl(tmp_path / "s.jsonl", records))).exit_code == 0


def shown(run, **env: str) -> dict:
    return json.loads(run("show", T1, "--json", **env).stdout)


def editor(tmp_path: Path, body: str = TEXT, *, then: str = "") -> str:
    """An editor that records ``show --json`` while it is open, writes ``body``, then runs
    ``then`` (Python: ``exit(1)`` fails, killing its parent is a crash)."""
    script = tmp_path / "editor.py"
    seen = tmp_path / "seen.json"
    script.write_text(
        "import os, signal, subprocess, sys\n"
        f"out = subprocess.run([sys.executable, '-m', 'wishdesk', 'show', {T1!r}, '--json'],"
        " capture_output=True, text=True).stdout\n"
        f"open({str(seen)!r}, 'w').write(out)\n"
        f"open(sys.argv[1], 'w').write({body!r})\n"
        f"{then}\n"
    )
    return f"{sys.executable} {script}"


def seen(tmp_path: Path) -> dict:
    return json.loads((tmp_path / "seen.json").read_text())


def crashed_editor(run, tmp_path: Path, agent: str = "Ana") -> None:
    """``agent`` opened the editor and their wishdesk died: the mark stays behind."""
    kill = "os.kill(os.getppid(), signal.SIGKILL)"
    result = subprocess.run(
        [sys.executable, "-m", "wishdesk", "reply", T1, "--editor"],
        env={**os.environ, "LOGNAME": agent, "VISUAL": editor(tmp_path, then=kill)},
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == -9
    assert shown(run)["replying"] == {"by": agent, "since": NOW}


def test_the_mark_is_taken_while_the_editor_is_open_and_cleared_when_queued(
    run, store, tmp_path
) -> None:
    assert shown(run)["replying"] is None
    result = run("reply", T1, "--editor", VISUAL=editor(tmp_path), LOGNAME="Ana")
    assert result.exit_code == 0, result.stderr
    assert seen(tmp_path)["replying"] == {"by": "Ana", "since": NOW}
    after = shown(run)
    assert after["replying"] is None and after["messages"][-1]["text"] == TEXT


@pytest.mark.parametrize("body,then", [("", ""), (TEXT, "sys.exit(3)")], ids=["empty", "fails"])
def test_the_mark_is_cleared_when_the_editor_aborts_or_fails(
    run, store, tmp_path, body, then
) -> None:
    result = run("reply", T1, "--editor", VISUAL=editor(tmp_path, body, then=then), LOGNAME="Ana")
    assert result.exit_code == 2
    assert seen(tmp_path)["replying"] == {"by": "Ana", "since": NOW}
    assert shown(run)["replying"] is None and shown(run)["outbox"] == []


def test_without_a_terminal_another_agents_reply_is_refused(run, store, tmp_path) -> None:
    crashed_editor(run, tmp_path)
    refused = run("reply", T1, "-m", TEXT, LOGNAME="Bo")
    assert refused.exit_code == 2 and refused.stdout == ""
    assert refused.stderr == (
        f"wishdesk: Ana is replying to {T1} since {NOW} (0 min ago); --force replies anyway\n"
    )
    assert shown(run)["outbox"] == []
    # the agent who holds it replies as ever
    assert run("reply", T1, "-m", TEXT, LOGNAME="Ana").exit_code == 0


def test_force_replies_anyway_and_takes_the_mark(run, store, tmp_path) -> None:
    crashed_editor(run, tmp_path)
    forced = run("reply", T1, "--editor", "--force", VISUAL=editor(tmp_path), LOGNAME="Bo")
    assert forced.exit_code == 0, forced.stderr
    assert seen(tmp_path)["replying"] == {"by": "Bo", "since": NOW}
    assert shown(run)["replying"] is None and shown(run)["state"] == "AWAITING_USER"


def test_the_mark_expires_after_15_minutes(run, store, tmp_path) -> None:
    assert MARK_EXPIRES_AFTER.total_seconds() == 15 * 60
    crashed_editor(run, tmp_path)
    at_14 = "2026-11-26T07:14:59Z"
    assert shown(run, WISHDESK_NOW=at_14)["replying"] == {"by": "Ana", "since": NOW}
    refused = run("reply", T1, "-m", TEXT, LOGNAME="Bo", WISHDESK_NOW=at_14)
    assert refused.exit_code == 2 and "(14 min ago)" in refused.stderr
    at_15 = "2026-11-26T07:15:01Z"
    assert shown(run, WISHDESK_NOW=at_15)["replying"] is None
    later = run("reply", T1, "--editor", VISUAL=editor(tmp_path), LOGNAME="Bo", WISHDESK_NOW=at_15)
    assert later.exit_code == 0, later.stderr
    assert seen(tmp_path)["replying"] == {"by": "Bo", "since": at_15}


def test_a_dry_run_neither_checks_nor_takes_the_mark(run, store, tmp_path) -> None:
    crashed_editor(run, tmp_path)
    assert run("reply", T1, "-m", TEXT, "--dry-run", LOGNAME="Bo").exit_code == 0
    assert shown(run)["replying"]["by"] == "Ana"


def test_two_agents_racing_for_the_mark_exactly_one_wins(run, store, tmp_path) -> None:
    slow = tmp_path / "slow.py"
    slow.write_text(f"import sys, time\ntime.sleep(3)\nopen(sys.argv[1], 'w').write({TEXT!r})\n")
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "wishdesk", "reply", T1, "--editor"],
            env={**os.environ, "LOGNAME": agent, "VISUAL": f"{sys.executable} {slow}"},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for agent in ("Ana", "Bo")
    ]
    results = [(p.wait(timeout=60), *p.communicate()) for p in procs]
    codes = sorted(code for code, _, _ in results)
    assert codes == [0, 2], results
    (winner,) = [i for i, (code, _, _) in enumerate(results) if code == 0]
    loser_err = results[1 - winner][2]
    assert f"{('Ana', 'Bo')[winner]} is replying to {T1}" in loser_err, loser_err
    data = shown(run)
    assert [m["sender"] for m in data["messages"]] == ["USER", "MERCHANT"]
    assert data["replying"] is None and len(data["outbox"]) == 1


def test_on_a_terminal_another_agents_mark_warns_and_asks(run, store, tmp_path) -> None:
    crashed_editor(run, tmp_path)
    env = {**os.environ, "LOGNAME": "Bo", "WISHDESK_NOW": "2026-11-26T07:02:30Z"}
    code, out = on_terminal(["reply", T1, "-m", TEXT], env, b"\n")  # the default: no
    assert "Ana is replying since 2 min" in out and "Reply anyway? [y/N]" in out, out
    assert code == 1 and "not sent: Ana is replying" in out, out
    assert shown(run)["outbox"] == []
    code, out = on_terminal(["reply", T1, "-m", TEXT], env, b"y\n")
    assert code == 0 and "queued reply" in out, out
    assert shown(run)["messages"][-1]["text"] == TEXT


def test_a_template_waiting_for_its_confirmation_holds_the_mark(run, store) -> None:
    marks: list[dict | None] = []
    env = {**os.environ, "LOGNAME": "Ana"}
    args = ["reply", T1, "--template", "tracking"]
    code, out = on_terminal(args, env, b"n\n")  # the template cannot be filled: it fails
    assert code == 2 and "needs merchant_name" in out, out
    assert shown(run)["replying"] is None
    run("config", "set", "merchant.name", "Aurora Home")
    code, out = on_terminal(args, env, b"n\n", lambda: marks.append(shown(run)["replying"]))
    assert code == 1 and "Queue this reply to" in out, out
    assert marks == [{"by": "Ana", "since": NOW}]
    assert shown(run)["replying"] is None  # said no: kept as a draft, the mark gone
    code, out = on_terminal(args, env, b"y\n", lambda: marks.append(shown(run)["replying"]))
    assert code == 0 and "queued reply" in out, out
    assert marks[1] == {"by": "Ana", "since": NOW} and shown(run)["replying"] is None


def test_show_says_who_is_replying(run, store, tmp_path) -> None:
    crashed_editor(run, tmp_path, agent="Ana [b]Li[/b]")
    plain = run("show", T1, WISHDESK_NOW="2026-11-26T07:02:00Z").stdout
    assert f"replying:\tAna [b]Li[/b] since {NOW}\n" in plain
