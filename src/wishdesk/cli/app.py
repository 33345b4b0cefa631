"""The ``wishdesk`` command: global options, and the commands, built only when they run.

Every command lives in a module of ``cli/`` named for its use case. The root group knows
them by name (``COMMANDS``) and imports a module only when one of its commands is invoked or
help lists it (the lazy-loading group pattern of the click docs), so ``wishdesk list``
never pays for building ``sync`` or ``reply``.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Annotated, Any, Optional

import typer

from wishdesk import __version__
from wishdesk.cli.context import NO_PAGER, AppContext, pager_off, truthy
from wishdesk.cli.errors import _CLICK_ERROR, WishdeskGroup, epilog

# command name -> the cli module that defines it, in the order help lists them
COMMANDS = {
    "init": "config",
    "config": "config",
    "import": "ingest",
    "list": "inbox",
    "show": "inbox",
    "overdue": "inbox",
    "orders": "orders",
    "demo": "demo",
    "tag": "tickets",
    "stats": "stats",
    "sla": "sla",
    "lint": "policy",
    "audit": "policy",
    "reply": "reply",
    "close": "state_change",
    "appeal": "state_change",
    "note": "notes",
    "assign": "assign",
    "snooze": "snooze",
    "notify": "notify",
    "outbox": "outbox",
    "templates": "templates",
    "sync": "sync",
    "auth": "auth",
    "attachments": "attachments",
    "store": "store_copy",
}


# the commands whose output goes through the pager on a terminal, by path; help always does
PAGED = frozenset(
    {
        "list",
        "overdue",
        "show",
        "orders",
        "orders show",
        "stats",
        "lint",
        "audit",
        "outbox",
        "sla calendar",
        "templates list",
        "templates show",
        "config list",
    }
)


class PagedContext(typer.Context):
    """The context of every wishdesk command: its help, and the output of the commands in
    ``PAGED``, go through the pager when stdout is a terminal (cli/pager.py). One place for
    all of them, so that no command has to remember it."""

    def get_help(self) -> str:
        from wishdesk.cli.help_text import localize_help
        from wishdesk.cli.pager import paged

        localize_help(self.command, self)
        with paged(off=pager_off(self)):
            return super().get_help()

    def make_formatter(self) -> Any:
        from wishdesk.cli.click_words import formatter  # "Usage:" in the interface's language

        return formatter(self)

    def invoke(self, callback: Any, /, *args: Any, **kwargs: Any) -> Any:
        own = callback is self.command.callback  # not a callback it invokes for another
        if own and command_path(self) in PAGED:
            from wishdesk.cli.pager import paged

            with paged(off=pager_off(self)):
                return super().invoke(callback, *args, **kwargs)
        return super().invoke(callback, *args, **kwargs)


def command_path(ctx: Any) -> str:
    """``sla calendar`` for the context of ``wishdesk sla calendar``."""
    names = []
    while ctx.parent is not None:
        names.append(ctx.info_name or "")
        ctx = ctx.parent
    return " ".join(reversed(names))


def _contexts_paged(command: Any) -> Any:
    """Every command of a built group gets the paging context."""
    command.context_class = PagedContext
    for sub in getattr(command, "commands", {}).values():
        _contexts_paged(sub)
    return command


_COMPLETION_UNUSED = frozenset({"-h", "--help", "--show-completion", "--install-completion"})


class LazyGroup(WishdeskGroup):
    """The root group: a command's module is imported, and its click command built, on
    first use. Each module holds a ``commands`` Typer with its commands and groups."""

    context_class = PagedContext
    _built: dict[str, Any] = {}  # noqa: RUF012 - module -> its built group, once a process

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        from wishdesk import i18n

        i18n.reset()  # each command line decides its language again (settings, environment)
        return super().main(*args, **kwargs)

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)
        except _CLICK_ERROR as exc:  # a usage error on the root's line: said in the language
            from wishdesk.cli.help_text import localize_framework

            localize_framework(exc)
            raise

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        # --show-completion and --install-completion are built only when the command line
        # may use them or help lists them: not on every start-up (cli/completion.py).
        if not args or not _COMPLETION_UNUSED.isdisjoint(args):
            from wishdesk.cli.completion import ROOT_OPTION_NAMES, root_options, with_shell

            if not any(p.name in ROOT_OPTION_NAMES for p in self.params):
                self.params.extend(root_options())
            args = with_shell(args)  # no shell named: this one
        return list(super().parse_args(ctx, args))

    def _main_shell_completion(
        self, ctx_args: Any, prog_name: str, complete_var: Any = None
    ) -> None:
        # The shell asking for candidates (click's protocol, whatever the program is called).
        instruction = os.environ.get("_WISHDESK_COMPLETE")
        if instruction:
            from wishdesk.cli.completion import respond

            sys.exit(respond(self, ctx_args, instruction))

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        module = COMMANDS.get(cmd_name)
        if module is None:
            return None
        if module not in self._built:
            commands = importlib.import_module(f"wishdesk.cli.{module}").commands
            self._built[module] = _contexts_paged(typer.main.get_group(commands))
        return self._built[module].commands.get(cmd_name)


app = typer.Typer(
    cls=LazyGroup,
    name="wishdesk",
    help="A command-line inbox for Wish customer-service tickets.",
    epilog=epilog(
        "wishdesk demo               # a store of realistic tickets to try",
        "wishdesk list --overdue",
        "wishdesk COMMAND --help     # its options and examples",
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"wishdesk {__version__}")
        raise typer.Exit()


def _no_pager(ctx: typer.Context, value: bool) -> bool:
    # eager, so that `wishdesk --no-pager --help` knows it before the help is printed
    if value:
        ctx.meta[NO_PAGER] = True
    return value


@app.callback()
def root(
    ctx: typer.Context,
    db: Annotated[
        Optional[str],
        typer.Option(
            "--db",
            help="Store file or postgresql:// URL (default: $WISHDESK_DB, else the app dir).",
            show_default=False,
        ),
    ] = None,
    no_color: Annotated[
        bool, typer.Option("--no-color", help="No colour (also NO_COLOR).")
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks (also WISHDESK_DEBUG=1).")
    ] = False,
    no_pager: Annotated[
        bool,
        typer.Option(
            "--no-pager",
            callback=_no_pager,
            is_eager=True,
            help="Never page long output (also: config set ui.pager '').",
        ),
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    os.umask(0o077)  # every file wishdesk writes is private to the user
    ctx.obj = AppContext(
        db=db, no_color=no_color, debug=debug or truthy(os.environ.get("WISHDESK_DEBUG"))
    )


def main(*args: Any) -> None:
    app(*args)
