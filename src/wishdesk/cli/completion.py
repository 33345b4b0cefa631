"""Tab completion in bash, zsh and fish.

``wishdesk --show-completion [SHELL]`` prints the shell's script, ``--install-completion
[SHELL]`` installs it (without a SHELL: the shell this runs in). The script asks wishdesk for
candidates through click's protocol: ``_WISHDESK_COMPLETE=bash_complete`` (or
``zsh_complete``, ``fish_complete``) with the words so far in ``COMP_WORDS`` and the index of
the one being completed in ``COMP_CWORD``; ``..._source`` prints the script. Candidates are
the commands, options and choices click knows, plus ticket ids, order ids, template names and
agents' names (cli/candidates.py; zsh and fish show a ticket's state and subject, an order's
product, beside them).

Nothing here runs unless completion is asked for: the options are handled by the root group
(cli/app.py), and a completer reads the store only when the shell asks. A completer never
fails loudly: no store, a broken one, anything at all, and there are simply no candidates.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from wishdesk.i18n import N_, _

PROG = "wishdesk"
COMPLETE_VAR = "_WISHDESK_COMPLETE"
OPTIONS = ("--install-completion", "--show-completion")
ROOT_OPTION_NAMES = ("show_completion", "install_completion")  # their click names
SHELLS = ("bash", "zsh", "fish")
_FUNC = "_wishdesk_completion"

# The scripts click 8 writes for its own shells (click.shell_completion), for this program.
_BASH = """\
%(func)s() {
    local IFS=$'\\n'
    local response
    response=$(env COMP_WORDS="${COMP_WORDS[*]}" COMP_CWORD=$COMP_CWORD \\
%(var)s=bash_complete $1)
    for completion in $response; do
        IFS=',' read type value <<< "$completion"
        if [[ $type == 'dir' ]]; then
            COMPREPLY=()
            compopt -o dirnames
        elif [[ $type == 'file' ]]; then
            COMPREPLY=()
            compopt -o default
        elif [[ $type == 'plain' ]]; then
            COMPREPLY+=($value)
        fi
    done
    return 0
}

complete -o default -o nosort -F %(func)s %(prog)s
"""
_ZSH = """\
#compdef %(prog)s

%(func)s() {
    local -a completions
    local -a completions_with_descriptions
    local -a response
    (( ! $+commands[%(prog)s] )) && return 1

    response=("${(@f)$(env COMP_WORDS="${words[*]}" COMP_CWORD=$((CURRENT-1)) \\
%(var)s=zsh_complete %(prog)s)}")

    for type key descr in ${response}; do
        if [[ "$type" == "plain" ]]; then
            if [[ "$descr" == "_" ]]; then
                completions+=("$key")
            else
                completions_with_descriptions+=("$key":"$descr")
            fi
        elif [[ "$type" == "dir" ]]; then
            _path_files -/
        elif [[ "$type" == "file" ]]; then
            _path_files -f
        fi
    done

    if [ -n "$completions_with_descriptions" ]; then
        _describe -V unsorted completions_with_descriptions -U
    fi
    if [ -n "$completions" ]; then
        compadd -U -V unsorted -a completions
    fi
}

if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
    %(func)s "$@"
else
    compdef %(func)s %(prog)s
fi
"""
_FISH = """\
function %(func)s;
    set -l response (env %(var)s=fish_complete COMP_WORDS=(commandline -cp) \\
COMP_CWORD=(commandline -t) %(prog)s);
    for completion in $response;
        set -l metadata (string split "," $completion);
        if test $metadata[1] = "dir";
            __fish_complete_directories $metadata[2];
        else if test $metadata[1] = "file";
            __fish_complete_path $metadata[2];
        else if test $metadata[1] = "plain";
            echo $metadata[2];
        end;
    end;
end;

complete --no-files --command %(prog)s --arguments "(%(func)s)";
"""
_SCRIPTS = {"bash": _BASH, "zsh": _ZSH, "fish": _FISH}


def script(shell: str) -> str:
    return _SCRIPTS[shell] % {"func": _FUNC, "var": COMPLETE_VAR, "prog": PROG}


def click_module(name: str) -> Any:
    """A module of the click that typer runs on: click itself under typer 0.24, typer's own
    copy of it (``typer._click``) from 0.25 on."""
    import importlib

    import typer

    package = typer.Context.__mro__[1].__module__.rpartition(".")[0]
    return importlib.import_module(f"{package}.{name}")


# ---- the protocol: the shell asks, wishdesk answers ----


def respond(cli: Any, ctx_args: Any, instruction: str) -> int:
    """Answer ``$_WISHDESK_COMPLETE`` (``bash_complete``, ``zsh_source``, ...); the exit
    code of the process."""
    shell, _sep, action = instruction.partition("_")
    if shell not in SHELLS or action not in ("complete", "source"):
        said = _("unknown completion request {request}").format(request=repr(instruction))
        print(f"wishdesk: {said}", file=sys.stderr)
        return 1
    if action == "source":
        print(script(shell))
        return 0
    args, incomplete = _words(shell)
    try:
        items = _resolver(cli, ctx_args).get_completions(args, incomplete)
    except Exception:  # half-typed command lines are the normal case: no candidates then
        items = []
    for item in items:
        print(_format(shell, item.type, item.value, item.help))
    return 0


def _words(shell: str) -> tuple[list[str], str]:
    """The words typed before the one being completed, and that one."""
    split = click_module("shell_completion").split_arg_string
    words = split(os.environ.get("COMP_WORDS", ""))
    if shell == "fish":  # the line up to the cursor, and the token under it
        incomplete = os.environ.get("COMP_CWORD", "")
        args = words[1:]
        if incomplete and args and args[-1] == incomplete:
            args.pop()
        return args, incomplete
    try:
        index = int(os.environ.get("COMP_CWORD", ""))
    except ValueError:
        index = len(words)
    return words[1:index], words[index] if index < len(words) else ""


def _resolver(cli: Any, ctx_args: Any) -> Any:
    """click's resolution of a partial command line (``ShellComplete.get_completions``),
    without click's shell classes, which typer 0.25+ no longer carries."""
    base = click_module("shell_completion").ShellComplete

    class Resolver(base):  # type: ignore[misc, valid-type]
        name = PROG
        source_template = ""

        def source_vars(self) -> dict[str, Any]:
            return {}

        def get_completion_args(self) -> tuple[list[str], str]:
            return [], ""

        def format_completion(self, item: Any) -> str:
            return str(item.value)

    return Resolver(cli, dict(ctx_args), PROG, COMPLETE_VAR)


def _format(shell: str, kind: str, value: str, help: str | None) -> str:
    if shell == "bash":
        return f"{kind},{value}"
    if shell == "zsh":
        return f"{kind}\n{_zsh_escape(value)}\n{_zsh_escape(help) if help else '_'}"
    return f"{kind},{value}\t{help}" if help else f"{kind},{value}"


def _zsh_escape(text: str) -> str:
    for char, escaped in (('"', '""'), ("'", "''"), ("$", "\\$"), ("`", "\\`"), (":", "\\:")):
        text = text.replace(char, escaped)
    return text


# ---- --show-completion and --install-completion ----


def _then_exit(action: Callable[[str], None]) -> Callable[[typer.Context, Optional[str]], None]:
    """An eager option's callback: do ``action`` with the shell given, then stop."""

    def callback(ctx: typer.Context, value: Optional[str]) -> None:
        if value is not None and not ctx.resilient_parsing:
            action(value)
            raise typer.Exit()

    return callback


def _shell_option(name: str, action: Callable[[str], None], help: str) -> Any:
    callback = _then_exit(action)
    return typer.Option(
        name, metavar="[SHELL]", callback=callback, is_eager=True, expose_value=False, help=help
    )


def _root_options(
    show_completion: Annotated[
        Optional[str],
        _shell_option(
            "--show-completion",
            show,
            N_("Print the tab-completion script for bash, zsh or fish (default: this shell)."),
        ),
    ] = None,
    install_completion: Annotated[
        Optional[str],
        _shell_option(
            "--install-completion",
            install,
            N_("Install tab completion for bash, zsh or fish (default: this shell)."),
        ),
    ] = None,
) -> None:
    """Only its parameters are used: the two options, as click parameters of the root."""


def root_options() -> list[Any]:
    """``--show-completion`` and ``--install-completion`` as click options (typer builds them
    from ``_root_options``), for the root group to add when they may be needed."""
    holder = typer.Typer()
    holder.callback()(_root_options)
    return list(typer.main.get_group(holder).params)


def with_shell(args: list[str]) -> list[str]:
    """``--show-completion`` / ``--install-completion`` with no shell named: this shell's."""
    for i, arg in enumerate(args):
        if arg in OPTIONS and (i + 1 == len(args) or args[i + 1].startswith("-")):
            return [*args[: i + 1], current_shell(), *args[i + 1 :]]
    return args


def current_shell() -> str:
    """The shell wishdesk runs in: its parent process (shellingham, which typer brings), else
    ``$SHELL``; empty if neither tells."""
    try:
        import shellingham  # type: ignore[import-untyped, unused-ignore]

        return str(shellingham.detect_shell()[0])
    except Exception:
        return Path(os.environ.get("SHELL", "")).name


def _checked(value: str) -> str:
    shell = value.strip().lower()
    if shell not in SHELLS:
        import typer

        from wishdesk.i18n import _

        if not value:
            raise typer.BadParameter(_("cannot tell which shell this is: one of bash, zsh, fish"))
        raise typer.BadParameter(_("{value!r} is not one of bash, zsh, fish").format(value=value))
    return shell


def show(value: str) -> None:
    """``--show-completion SHELL``: the script, on stdout."""
    print(script(_checked(value)))


def install(value: str) -> None:
    """``--install-completion SHELL``: the script where the shell finds it, and for bash and
    zsh the line that loads it in the shell's startup file (added once)."""
    shell = _checked(value)
    home = Path.home()
    if shell == "fish":
        config = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config")
        path, rc, lines = config / "fish" / "completions" / f"{PROG}.fish", None, []
    elif shell == "zsh":
        path, rc = home / ".zfunc" / f"_{PROG}", home / ".zshrc"
        lines = ["fpath+=~/.zfunc", "autoload -Uz compinit && compinit"]
    else:
        path, rc = home / ".bash_completions" / f"{PROG}.sh", home / ".bashrc"
        lines = [f"source '{path}'"]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(script(shell), encoding="utf-8")
        if rc is not None:
            present = rc.read_text(encoding="utf-8") if rc.exists() else ""
            missing = [line for line in lines if line not in present.splitlines()]
            if missing:
                with rc.open("a", encoding="utf-8") as out:
                    out.write("".join(f"\n{line}" for line in missing) + "\n")
    except OSError as exc:
        import typer

        where = exc.filename or path
        said = _("cannot install completion in {path}: {error}")
        print(f"wishdesk: {said.format(path=where, error=exc.strerror)}", file=sys.stderr)
        raise typer.Exit(2) from None
    if rc is not None:
        said = _(
            "{shell} completion installed in {path} (loaded by {rc}); "
            "it works in shells started from now"
        )
    else:
        said = _("{shell} completion installed in {path}; it works in shells started from now")
    print(said.format(shell=shell, path=path, rc=rc))
