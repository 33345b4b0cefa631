"""The pager: long output on a terminal goes through it, nothing else does.

Each test runs ``python -m wishdesk`` on a pseudo-terminal (test_reply_terminal's) of 24 rows
and 100 columns, with a fake pager (a Python script that saves what it reads) named by
$WISHDESK_PAGER, $PAGER or ``ui.pager``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from test_reply_terminal import on_terminal as terminal_run
from wishdata import ticket, write_jsonl

ROWS, COLUMNS = 24, 100
FAKE_PAGER = """\
import os, sys
data = sys.stdin.buffer.read()
with open(sys.argv[1], "ab") as out:
    out.write(data)
with open(sys.argv[1] + ".env", "w") as out:
    out.write(os.environ.get("LESS", "<unset>"))
sys.stdout.buffer.write(b"<<paged>>\\n")
"""


@pytest.fixture
def store(run, tmp_path: Path) -> None:
    """60 tickets awaiting an answer: `list` is longer than one screen, `list -n 3` is not."""
    records = [
        ticket(f"5f{i:022x}", opened_at=f"2026-11-2{i % 5}T0{i % 9}:00:00Z") for i in range(60)
    ]
    assert run("import", str(write_jsonl(tmp_path / "t.jsonl", records))).exit_code == 0


@pytest.fixture
def pager(env: dict[str, str], tmp_path: Path) -> tuple[str, Path]:
    """A pager command and the file where it saves what it was given (with the test's own
    store and config dir in the environment)."""
    script = tmp_path / "fake_pager.py"
    script.write_text(FAKE_PAGER)
    return f"{sys.executable} {script} {tmp_path / 'paged.out'}", tmp_path / "paged.out"


def on_terminal(args: list[str], env: dict[str, str], *, piped: bool = False) -> tuple[int, str]:
    """Run wishdesk on a 24x100 pseudo-terminal (stdout on a pipe with ``piped``); its exit
    code and all it wrote."""
    env = {**env, "LINES": str(ROWS), "COLUMNS": str(COLUMNS)}
    if piped:
        done = subprocess.run(
            [sys.executable, "-m", "wishdesk", *args], capture_output=True, env=env, timeout=60
        )
        return done.returncode, done.stdout.decode()
    code, output = terminal_run(args, env)
    return code, output.replace("\r\n", "\n")


def plain(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PAGER", "WISHDESK_PAGER", "LESS")}
    return {**env, "TERM": "xterm-256color", **extra}


def test_long_output_on_a_terminal_goes_through_the_pager(store, pager) -> None:
    command, saved = pager
    code, screen = on_terminal(["list"], clean_env(WISHDESK_PAGER=command))
    assert code == 0, screen
    assert "<<paged>>" in screen and "Awaiting you" not in screen  # the pager had it all
    paged = saved.read_text()
    assert "Awaiting you: 50 of 60 tickets" in paged and paged.count("5f0000") == 50
    assert "\x1b[" in paged  # colours kept for the pager
    assert Path(f"{saved}.env").read_text() == "FRX"  # LESS set when it was not


def test_output_that_fits_the_screen_is_written_directly(store, pager) -> None:
    command, saved = pager
    code, screen = on_terminal(["list", "-n", "3"], clean_env(WISHDESK_PAGER=command))
    assert code == 0 and "Awaiting you: 3 of 60 tickets" in screen
    assert "<<paged>>" not in screen and not saved.exists()


def test_never_in_a_pipe(store, pager) -> None:
    command, saved = pager
    code, out = on_terminal(["list", "-n", "0"], clean_env(WISHDESK_PAGER=command), piped=True)
    assert code == 0 and out.count("\n") == 60 and "\t" in out  # tsv, as in any pipe
    assert not saved.exists()


def test_no_pager_and_an_empty_ui_pager_turn_it_off(store, pager, run) -> None:
    command, saved = pager
    code, screen = on_terminal(["--no-pager", "list"], clean_env(PAGER=command))
    assert code == 0 and "Awaiting you: 50 of 60 tickets" in screen and not saved.exists()
    assert run("config", "set", "ui.pager", "").exit_code == 0
    code, screen = on_terminal(["list"], clean_env(PAGER=command))
    assert code == 0 and "Awaiting you: 50 of 60 tickets" in screen and not saved.exists()
    # $WISHDESK_PAGER still wins over the setting, as GIT_PAGER does over core.pager
    code, screen = on_terminal(["list"], clean_env(PAGER=command, WISHDESK_PAGER=command))
    assert "<<paged>>" in screen and saved.exists()


def test_ui_pager_is_used_before_pager(store, pager, run, tmp_path: Path) -> None:
    command, saved = pager
    assert run("config", "set", "ui.pager", command).exit_code == 0
    code, screen = on_terminal(["list"], clean_env(PAGER="no-such-pager-here"))
    assert code == 0 and "<<paged>>" in screen and "Awaiting you" in saved.read_text()


def test_help_is_paged_when_long(pager) -> None:
    command, saved = pager
    code, screen = on_terminal(["list", "--help"], clean_env(WISHDESK_PAGER=command))
    assert code == 0 and "<<paged>>" in screen and "--limit" in plain(saved.read_text())
    code, screen = on_terminal(["--no-pager", "--help"], clean_env(WISHDESK_PAGER=command))
    assert code == 0 and "Usage" in screen and "<<paged>>" not in screen


def test_a_pager_that_cannot_start_means_direct_output(store, env) -> None:
    code, screen = on_terminal(["list"], clean_env(WISHDESK_PAGER="no-such-pager-here -R"))
    assert code == 0 and "Awaiting you: 50 of 60 tickets" in screen
    assert "cannot start the pager 'no-such-pager-here'" in screen
    assert "Traceback" not in screen


def test_a_pager_that_quits_early_is_not_an_error(store, env, tmp_path: Path) -> None:
    quitter = tmp_path / "quit.py"
    quitter.write_text("import sys\nsys.stdin.buffer.read(10)\n")  # reads a little, quits
    env = clean_env(WISHDESK_PAGER=f"{sys.executable} {quitter}")
    code, screen = on_terminal(["overdue", "--within", "30d"], env)
    assert code == 1, screen  # the command's own exit code: tickets to report
    assert "Traceback" not in screen and "Broken pipe" not in screen


def test_commands_outside_the_paged_set_are_not_paged(pager) -> None:
    command, saved = pager
    code, screen = on_terminal(["reply", "--help"], clean_env(WISHDESK_PAGER=command))
    assert code == 0 and "<<paged>>" in screen  # help always is, when long
    saved.unlink()
    starts = [f"2026-11-{day:02d}T10:00:00Z" for day in range(1, 31)]  # 30 lines of output
    args = ["sla", "due", "--timezone", "UTC", *starts]
    code, screen = on_terminal(args, clean_env(WISHDESK_PAGER=command))
    assert code == 0 and screen.count("T23:59:59Z") == 30 and not saved.exists()


def test_a_long_thread_and_the_calendar_are_paged(run, pager, tmp_path: Path) -> None:
    command, saved = pager
    replies = [("USER", f"2026-11-2{i % 5}T0{i % 9}:00:00Z", f"message {i}") for i in range(20)]
    long_thread = ticket("5f" + "1" * 22, replies=replies)
    assert run("import", str(write_jsonl(tmp_path / "t.jsonl", [long_thread]))).exit_code == 0
    code, screen = on_terminal(["show", "5f111"], clean_env(WISHDESK_PAGER=command))
    assert code == 0 and "<<paged>>" in screen and "message 19" in saved.read_text()
    saved.unlink()
    code, screen = on_terminal(
        ["sla", "calendar", "--year", "2026"], clean_env(WISHDESK_PAGER=command)
    )
    assert code == 0 and "<<paged>>" in screen and "December" in saved.read_text()


def test_ui_pager_is_kept_per_machine_not_in_the_store(run, env, db_path) -> None:
    assert run("config", "get", "ui.pager").stdout == "\n"  # not set
    result = run("config", "set", "ui.pager", "less -R")
    assert result.exit_code == 0 and result.stdout == "ui.pager = less -R\n"
    assert not db_path.exists()  # no store needed, none created
    saved = Path(env["WISHDESK_HOME"]) / "config.toml"
    assert '[ui]\npager = "less -R"\n' in saved.read_text()
    assert saved.stat().st_mode & 0o077 == 0
    assert run("config", "get", "ui.pager").stdout == "less -R\n"
    run("init")
    listed = run("config", "list", "--format", "tsv").stdout
    assert "ui.pager\tless -R\t" in listed
    assert run("config", "set", "ui.pager", "less 'unbalanced").exit_code == 2


def test_a_broken_settings_file_is_one_line_and_exit_2(run, env) -> None:
    home = Path(env["WISHDESK_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text("[ui\npager = 1\n")
    result = run("config", "get", "ui.pager")
    assert result.exit_code == 2 and "bad settings file" in result.stderr
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
