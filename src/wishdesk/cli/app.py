"""The ``wishdesk`` command: global options, and the commands, built only when they run.

Every command lives in a module of ``cli/`` named for its use case. The root group knows
them by name (``COMMANDS``) and imports a module only when one of its commands is invoked or
help lists it (the lazy-loading group pattern of the click docs), so ``wishdesk list``
never pays for building ``sync`` or ``reply``.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from wishdesk import __version__
from wishdesk.cli.context import AppContext, truthy
from wishdesk.cli.errors import EXIT_CODES_EPILOG, WishdeskGroup

# command name -> the cli module that defines it, in the order help lists them
COMMANDS = {
    "init": "config",
    "config": "config",
    "import": "ingest",
    "list": "inbox",
    "show": "inbox",
    "overdue": "inbox",
    "demo": "demo",
    "tag": "tickets",
    "stats": "stats",
    "sla": "sla",
    "lint": "policy",
    "audit": "policy",
    "reply": "reply",
    "notify": "notify",
    "outbox": "outbox",
    "templates": "templates",
    "sync": "sync",
    "auth": "auth",
    "attachments": "attachments",
}


class LazyGroup(WishdeskGroup):
    """The root group: a command's module is imported, and its click command built, on
    first use. Each module holds a ``commands`` Typer with its commands and groups."""

    _built: dict[str, Any] = {}  # noqa: RUF012 - module -> its built group, once a process

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        module = COMMANDS.get(cmd_name)
        if module is None:
            return None
        if module not in self._built:
            commands = importlib.import_module(f"wishdesk.cli.{module}").commands
            self._built[module] = typer.main.get_group(commands)
        return self._built[module].commands.get(cmd_name)


app = typer.Typer(
    cls=LazyGroup,
    name="wishdesk",
    help="A command-line inbox for Wish customer-service tickets.",
    epilog=EXIT_CODES_EPILOG,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"wishdesk {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    db: Annotated[
        Optional[Path],
        typer.Option(
            "--db", help="Store file (default: $WISHDESK_DB, else the app dir).", show_default=False
        ),
    ] = None,
    no_color: Annotated[
        bool, typer.Option("--no-color", help="No colour (also NO_COLOR).")
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks (also WISHDESK_DEBUG=1).")
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
