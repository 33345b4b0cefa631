"""Help that reads well: every command and subcommand has examples, shows no range nobody
can use, names only options that exist; and its examples are real commands that work against
a demo store."""

from __future__ import annotations

import json
import re
import shlex
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer

from wishdesk.cli import completion
from wishdesk.cli.app import app
from wishdesk.cli.help_text import english_epilog

OPTION = re.compile(r"(?<![\w-])--[a-z][a-z0-9-]*")
# examples that need what a demo store cannot give: files to import, Wish's API, a new demo
NOT_RUN = {"import", "sync", "demo", "auth"}


def commands() -> Iterator[tuple[tuple[str, ...], Any]]:
    """Every command path with its click command, the root first."""
    root = typer.main.get_command(app)
    yield (), root

    def walk(path: tuple[str, ...], group: Any) -> Iterator[tuple[tuple[str, ...], Any]]:
        names = group.list_commands(None) if path == () else list(group.commands)
        for name in names:
            command = group.get_command(None, name) if path == () else group.commands[name]
            yield (*path, name), command
            if hasattr(command, "commands"):
                yield from walk((*path, name), command)

    yield from walk((), root)


def options_of(command: Any) -> set[str]:
    return {opt for p in command.params for opt in (*p.opts, *p.secondary_opts)} | {"--help"}


COMMANDS = list(commands())
GLOBAL_OPTIONS = options_of(COMMANDS[0][1]) | set(completion.OPTIONS)  # those two: built lazily


@pytest.mark.parametrize(
    "path,command", COMMANDS, ids=[" ".join(p) or "wishdesk" for p, _ in COMMANDS]
)
def test_help_reads_well(run, path, command) -> None:
    result = run(*path, "--help")
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert "<=x<=" not in text  # no [0<=x<=9223372036854775807]
    assert "Examples:" in text
    assert text.index("Examples:") < text.index("Exit codes:")
    prose = [line for line in text.splitlines() if " wishdesk " not in line]  # not examples
    unknown = set(OPTION.findall("\n".join(prose))) - options_of(command) - GLOBAL_OPTIONS
    assert not unknown, f"{' '.join(path)} --help names options it does not have: {unknown}"


def test_examples_use_only_options_of_the_command_they_run() -> None:
    for path, args in examples():
        target, command = invoked(args)
        unknown = {a.split("=")[0] for a in args if OPTION.fullmatch(a.split("=")[0])}
        unknown -= options_of(command) | GLOBAL_OPTIONS
        assert not unknown, f"example of {path}: {target} has no {unknown}"


def invoked(args: list[str]) -> tuple[str, Any]:
    """The command an example runs: the words that name commands, after global options."""
    by_path = dict(COMMANDS)
    names: list[str] = []
    command = by_path[()]
    i = 0
    while i < len(args):
        word = args[i]
        if word.startswith("-") and names:
            break  # an option of the command named so far
        if word.startswith("-"):
            i += 2 if word == "--db" else 1  # a global option
            continue
        found = by_path.get((*names, word))
        if found is None:
            break
        names.append(word)
        command = found
        i += 1
    return " ".join(names), command


def examples() -> Iterator[tuple[tuple[str, ...], list[str]]]:
    """Every example of every epilog, as the argument list after ``wishdesk``; what a shell
    would pipe or redirect is cut off."""
    for path, command in COMMANDS:
        _, found, rest = (english_epilog(command) or "").partition("Examples:")
        assert found, path
        for paragraph in rest.split("\n\n"):
            if paragraph.startswith("  wishdesk "):
                words = shlex.split(paragraph, comments=True)
                cut = [i for i, w in enumerate(words) if w in ("|", ">", "<")]
                yield path, words[1 : cut[0] if cut else None]


def test_an_example_fits_one_line_of_an_80_column_terminal() -> None:
    for _, command in COMMANDS:
        for paragraph in (english_epilog(command) or "").split("\n\n"):
            if paragraph.startswith("  wishdesk "):
                assert len(paragraph) <= 76, paragraph


def test_every_command_has_two_or_three_examples() -> None:
    counts: dict[tuple[str, ...], int] = {}
    for path, _ in examples():
        counts[path] = counts.get(path, 0) + 1
    for path, _ in COMMANDS:
        assert 2 <= counts.get(path, 0) <= 3, path


def test_the_examples_work_against_a_demo_store(run, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # where examples write their files (> tickets.csv, shop.db)
    editor = tmp_path / "editor.py"
    editor.write_text("import sys\nopen(sys.argv[1], 'w').write('It is on its way, thanks.')\n")
    monkeypatch.setenv("VISUAL", f"{sys.executable} {editor}")
    assert run("demo", "--quiet").exit_code == 0
    listed = json.loads(run("list", "-n", "0", "--json").stdout)
    tickets = [t["id"] for t in listed if t["order_ids"]]  # replies name their orders
    orders = [o for t in listed for o in t["order_ids"]]
    Path("late.csv").write_text("order_id\n" + "\n".join(orders[-3:]) + "\n")

    def queued() -> str:
        items = json.loads(run("outbox", "--status", "queued", "--json").stdout)
        return str(items[-1]["id"])

    values = {"TICKET": tickets.pop, "ORDER": orders.pop, "ID": queued, "COMMAND": lambda: "list"}
    ran = 0
    for path, args in examples():
        if {*path[:1], invoked(args)[0].split(" ")[0]} & NOT_RUN:
            continue
        if any(a.startswith("postgresql://") for a in args):
            continue  # a PostgreSQL server the example names (tests/test_store_copy.py)
        args = [values[a]() if a in values else a for a in args]
        result = run(*args)
        said = f"wishdesk {shlex.join(args)}: {result.exit_code} {result.stderr}"
        assert "Usage:" not in result.stderr and "Traceback" not in result.stderr, said
        if invoked(args)[0] == "outbox retry":  # a demo store has nothing failed to retry
            assert result.exit_code == 2 and "failed" in result.stderr, said
        else:
            assert result.exit_code in (0, 1), said
        ran += 1
    assert ran >= 40
