"""The ``wishdesk`` command: global options and the list of commands."""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import Annotated, Optional

import typer

from wishdesk import __version__
from wishdesk.cli.context import AppContext, _truthy
from wishdesk.cli.errors import EXIT_CODES_EPILOG, WishdeskGroup

app = typer.Typer(
    cls=WishdeskGroup,
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
        db=db, no_color=no_color, debug=debug or _truthy(os.environ.get("WISHDESK_DEBUG"))
    )


# Each module adds its commands to ``app``; heavy imports stay inside the command bodies.
COMMAND_MODULES = (
    "setup",
    "ingest",
    "inbox",
    "demo",
    "tag",
    "stats",
    "sla",
    "lint",
    "compose",
    "outbox",
    "templates",
    "sync",
)
for _name in COMMAND_MODULES:
    importlib.import_module(f"wishdesk.cli.{_name}").register(app)


def main() -> None:
    app()
