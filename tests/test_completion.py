"""Shell completion: the scripts, and the candidates wishdesk gives through click's protocol
($_WISHDESK_COMPLETE=bash_complete with COMP_WORDS and COMP_CWORD)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from wishdata import order, ticket, write_jsonl

from wishdesk.cli import completion
from wishdesk.cli.completion import current_shell

ORDER = "a00000000000000000000001"


@pytest.fixture
def store(run, tmp_path: Path) -> None:
    """Tickets 5f...01 to 5f...03 and one 6a... ticket; one order."""
    records = [
        order(ORDER),
        *(ticket(f"5f00000000000000000000{i:02d}", subject=f"Subject {i}") for i in (1, 2, 3)),
        ticket("6a0000000000000000000001", orders=[ORDER]),
    ]
    assert run("import", str(write_jsonl(tmp_path / "s.jsonl", records))).exit_code == 0


def complete(run, line: str, shell: str = "bash", **env: str) -> list[str]:
    """What wishdesk answers the shell for the last word of ``line`` (empty: a new word)."""
    words = line.split()
    index = len(words) if line.endswith(" ") else len(words) - 1
    # bash and zsh give the index of the word completed, fish the word itself
    current = ("" if line.endswith(" ") else words[-1]) if shell == "fish" else str(index)
    result = run(_WISHDESK_COMPLETE=f"{shell}_complete", COMP_WORDS=line, COMP_CWORD=current, **env)
    assert result.exit_code == 0 and result.stderr == "", result.stderr
    return result.stdout.splitlines()


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_show_completion_prints_the_script(run, shell) -> None:
    result = run("--show-completion", shell)
    assert result.exit_code == 0
    assert f"_WISHDESK_COMPLETE={shell}_complete" in result.stdout
    assert "wishdesk" in result.stdout and "_wishdesk_completion" in result.stdout


def test_show_completion_of_an_unknown_shell_is_a_usage_error(run) -> None:
    result = run("--show-completion", "tcsh")
    assert result.exit_code == 2 and "not one of bash, zsh, fish" in result.stderr
    assert "Traceback" not in result.stderr


def test_show_completion_without_a_shell_uses_this_one(run) -> None:
    result = run("--show-completion")
    assert result.exit_code == 0 and result.stdout == completion.script(current_shell()) + "\n"


def test_the_shell_is_the_parent_process_else_shell(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "shellingham", None)  # as if typer had not brought it
    monkeypatch.setenv("SHELL", "/usr/local/bin/fish")
    assert current_shell() == "fish"
    assert completion.with_shell(["--show-completion"]) == ["--show-completion", "fish"]
    assert completion.with_shell(["--show-completion", "zsh"]) == ["--show-completion", "zsh"]


def test_ticket_ids_complete_from_the_store(run, store) -> None:
    assert complete(run, "wishdesk show 5f") == [
        "plain,5f0000000000000000000001",
        "plain,5f0000000000000000000002",
        "plain,5f0000000000000000000003",
    ]
    assert complete(run, "wishdesk reply 6a") == ["plain,6a0000000000000000000001"]
    assert complete(run, "wishdesk tag 7") == []


def test_zsh_and_fish_show_what_the_ticket_is_about(run, store) -> None:
    zsh = complete(run, "wishdesk show 5f00000000000000000000", shell="zsh")
    assert zsh[:3] == ["plain", "5f0000000000000000000001", "awaiting-merchant  Subject 1"]
    fish = complete(run, "wishdesk show 5f00000000000000000000", shell="fish")
    assert fish[0] == "plain,5f0000000000000000000001\tawaiting-merchant  Subject 1"


def test_template_names_complete_for_template(run) -> None:
    assert complete(run, "wishdesk reply T --template ship") == [
        "plain,shipping-delay",
        "plain,shipped",
        "plain,shipping-eta",
    ]
    assert "plain,sold-out" in complete(run, "wishdesk notify --template s")
    assert complete(run, "wishdesk templates show tra") == ["plain,tracking"]


def test_order_ids_complete_for_order(run, store) -> None:
    assert complete(run, "wishdesk list --order a0") == [f"plain,{ORDER}"]
    assert complete(run, "wishdesk lint --order a") == [f"plain,{ORDER}"]
    assert complete(run, "wishdesk notify a") == [f"plain,{ORDER}"]


def test_commands_and_options_complete_too(run) -> None:
    assert complete(run, "wishdesk ov") == ["plain,overdue"]
    assert "plain,--due-within" in complete(run, "wishdesk list --d")


def test_no_store_means_no_candidates_and_no_noise(run, db_path) -> None:
    assert complete(run, "wishdesk show 5f") == []
    assert not db_path.exists()  # completion never creates a store
    assert complete(run, "wishdesk --db /nonexistent/x.db show 5f") == []


def test_the_store_typed_on_the_line_is_the_one_read(run, store, db_path, tmp_path) -> None:
    other = tmp_path / "other.db"
    records = [ticket("5f00000000000000000000aa")]
    run("--db", str(other), "import", str(write_jsonl(tmp_path / "o.jsonl", records)))
    line = f"wishdesk --db {other} show 5f"
    assert complete(run, line) == ["plain,5f00000000000000000000aa"]


def test_many_matches_keep_the_prefix_they_all_share(run, tmp_path) -> None:
    # 60 tickets from 5f00..00 to 5f00..3b: 50 candidates at most, the last one the
    # greatest, so that bash completes only what every match has in common
    records = [ticket(f"5f{i:022x}") for i in range(60)]
    run("import", str(write_jsonl(tmp_path / "m.jsonl", records)))
    found = complete(run, "wishdesk show 5f")
    assert len(found) == 50
    assert found[0] == "plain,5f" + "0" * 22 and found[-1] == f"plain,5f{59:022x}"


def test_install_completion_writes_the_script_and_loads_it_once(run, tmp_path) -> None:
    home = tmp_path / "house"
    home.mkdir()
    for _ in range(2):
        result = run("--install-completion", "bash", HOME=str(home))
        assert result.exit_code == 0 and "bash completion installed" in result.stdout
    script = home / ".bash_completions" / "wishdesk.sh"
    assert "_WISHDESK_COMPLETE=bash_complete" in script.read_text()
    assert (home / ".bashrc").read_text().count(f"source '{script}'") == 1
    assert run("--install-completion", "fish", HOME=str(home), XDG_CONFIG_HOME="").exit_code == 0
    assert (home / ".config" / "fish" / "completions" / "wishdesk.fish").exists()


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_the_bash_script_completes_in_bash(run, store, env, tmp_path) -> None:
    script = tmp_path / "wishdesk.sh"
    script.write_text(run("--show-completion", "bash").stdout)
    shim = tmp_path / "bin" / "wishdesk"  # the program the script calls: this checkout's
    shim.parent.mkdir()
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m wishdesk "$@"\n')
    shim.chmod(0o755)
    probe = (
        f"source {script}; COMP_WORDS=(wishdesk show 5f); COMP_CWORD=2; "
        '_wishdesk_completion wishdesk; printf "%s\\n" "${COMPREPLY[@]}"'
    )
    path = f"{shim.parent}:/usr/bin:/bin"
    done = subprocess.run(
        ["bash", "--norc", "-c", probe],
        capture_output=True,
        text=True,
        env={**env, "PATH": path, "HOME": str(tmp_path)},
        timeout=60,
    )
    assert done.stdout.split() == [f"5f00000000000000000000{i:02d}" for i in (1, 2, 3)]


def test_version_builds_no_completion_and_no_pager(env) -> None:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "wishdesk", "--version"],
        capture_output=True,
        text=True,
        env=env | {"PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert done.returncode == 0 and done.stdout.startswith("wishdesk ")
    assert "wishdesk.cli.completion" not in done.stderr
    assert "wishdesk.cli.pager" not in done.stderr


def test_close_appeal_and_unsnooze_offer_the_tickets_they_can_act_on(run, tmp_path) -> None:
    states = ["AWAITING_MERCHANT", "AWAITING_WISH", "CLOSED", "PERMANENTLY_CLOSED"]
    records = [ticket(f"7b00000000000000000000{i:02d}", state=s) for i, s in enumerate(states)]
    assert run("import", str(write_jsonl(tmp_path / "s.jsonl", records))).exit_code == 0
    ids = [f"plain,7b00000000000000000000{i:02d}" for i in range(4)]
    assert complete(run, "wishdesk show 7b") == ids
    assert complete(run, "wishdesk close 7b") == ids[:2]
    assert complete(run, "wishdesk appeal 7b") == ids[:1]
    assert complete(run, "wishdesk snooze 7b") == ids
    assert complete(run, "wishdesk snooze --unsnooze 7b") == []
    assert run("snooze", ids[1].removeprefix("plain,"), "--until", "1d").exit_code == 0
    assert complete(run, "wishdesk snooze --unsnooze 7b") == [ids[1]]
    zsh = complete(run, "wishdesk snooze --unsnooze 7b", shell="zsh")
    assert zsh[-1] == "until 2026-11-27T07\\:00\\:00Z  Where is my order?"  # zsh escapes ":"
