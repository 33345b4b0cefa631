"""``wishdesk note``: internal remarks, signed, kept apart from the thread, never sent,
never linted, never audited, and escaped on every output path."""

from __future__ import annotations

import json

import pytest
from wishdata import ticket, write_jsonl

T1 = "5f0000000000000000000001"
HOSTILE = "call me \x1b]0;pwned\x07 at [bold]555[/bold] \x1b[2J or paypal me"


@pytest.fixture
def store(run, tmp_path) -> None:
    assert run("import", str(write_jsonl(tmp_path / "t.jsonl", [ticket(T1)]))).exit_code == 0


def shown(run) -> dict:
    return json.loads(run("show", T1, "--json").stdout)


def test_a_note_is_kept_with_its_author_and_time_and_never_queued(run, store) -> None:
    run("config", "set", "user.name", "Ana Li")
    result = run("note", T1[:8], "-m", "Warehouse checks the parcel on Monday.")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"note kept on {T1} (by Ana Li)\n"
    got = shown(run)
    assert got["notes"] == [
        {
            "text": "Warehouse checks the parcel on Monday.",
            "author": "Ana Li",
            "created_at": "2026-11-26T07:00:00Z",
        }
    ]
    assert [m["sender"] for m in got["messages"]] == ["USER"]  # not in the thread
    assert got["state"] == "AWAITING_MERCHANT" and got["outbox"] == []
    assert [(e["action"], e["agent"]) for e in got["audit_log"]] == [("note", "Ana Li")]


def test_the_author_defaults_to_the_login_name(run, store, monkeypatch) -> None:
    monkeypatch.setenv("LOGNAME", "merchant7")
    assert run("config", "get", "user.name").stdout == "merchant7\n"
    run("note", T1, "-m", "first")
    assert shown(run)["notes"][0]["author"] == "merchant7"


def test_a_note_is_never_linted_nor_audited(run, store) -> None:
    text = "Buyer asked for our WhatsApp +86 138 0013 8000; do NOT give it."
    assert run("lint", text).exit_code == 1  # as a message to the buyer, it would be an error
    assert run("note", T1, "-m", text).exit_code == 0
    assert shown(run)["notes"][0]["text"] == text
    audit = run("audit", "--format", "json")
    assert audit.exit_code == 0, audit.stdout


def test_body_file_and_stdin(run, store, tmp_path) -> None:
    path = tmp_path / "n.txt"
    path.write_bytes("\ufeffFrom a file,\nover two lines.\n".encode())
    assert run("note", T1, "--body-file", str(path)).exit_code == 0
    assert run("note", T1, "--body-file", "-", input="from stdin").exit_code == 0
    assert [n["text"] for n in shown(run)["notes"]] == [
        "From a file,\nover two lines.",
        "from stdin",
    ]


@pytest.mark.parametrize(
    "args,says",
    [
        ((), "give the note with one of -m TEXT or --body-file PATH"),
        (("-m", "a", "--body-file", "-"), "give the note with one of -m TEXT or --body-file PATH"),
        (("-m", "  \n "), "the note is empty"),
        (("--body-file", "/nonexistent/n.txt"), "cannot read /nonexistent/n.txt"),
    ],
)
def test_refusals_are_one_line_and_exit_2(run, store, args, says) -> None:
    result = run("note", T1, *args)
    assert result.exit_code == 2 and says in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert shown(run)["notes"] == []


def test_an_unknown_ticket(run, store) -> None:
    result = run("note", "0000", "-m", "x")
    assert result.exit_code == 2 and result.stderr == "wishdesk: no ticket '0000'\n"


def test_hostile_text_is_escaped_in_the_plain_view(run, store) -> None:
    run("config", "set", "user.name", "Ana")
    run("note", T1, "-m", HOSTILE)
    plain = run("show", T1).stdout
    [line] = [line for line in plain.splitlines() if line.startswith("note:")]
    assert "\x1b" not in plain and "\x07" not in plain
    assert line.startswith("note:\t2026-11-26T07:00:00Z Ana: call me")
    assert "[bold]555[/bold]" in line  # shown as typed, never interpreted
    assert plain.index("note:") < plain.index("\n--\n")  # apart from the thread
    assert json.loads(run("show", T1, "--json").stdout)["notes"][0]["text"] == HOSTILE
