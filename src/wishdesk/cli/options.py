"""The options shared by every command that lists things: one definition, reused.

``--format`` takes ``table`` (or ``text``: the human format of a command, a table or the
linter's annotated text), ``tsv``, ``csv``, ``json`` or ``jsonl``; ``--json`` is short for
``--format json``. Default: the human format on a terminal, the command's machine format in
a pipe (``tsv`` for listings).
"""

from __future__ import annotations

import enum
import sys
from collections.abc import Callable
from typing import Annotated, Any, Optional

import typer

from wishdesk.cli import candidates

SQLITE_MAX_INT = 2**63 - 1  # the largest count or id that can reach the store
HUMAN = "table"


def within(low: int, high: int = SQLITE_MAX_INT) -> Callable[[Optional[int]], Optional[int]]:
    """A range check for ``callback=``: a number outside ``low..high`` is a usage error
    (exit 2), as with ``min=``/``max=``, but help does not print the range: the store's
    limit would read ``[0<=x<=9223372036854775807]``. Say the range in the help text where it
    helps (``1-520``)."""

    def check(value: Optional[int]) -> Optional[int]:
        from wishdesk.i18n import _

        if value is not None and value < low:
            raise typer.BadParameter(_("{value} is less than {low}").format(value=value, low=low))
        if value is not None and value > high:
            raise typer.BadParameter(
                _("{value} is more than {high}").format(value=value, high=high)
            )
        return value

    return check


class OutputFormat(str, enum.Enum):
    table = "table"
    text = "text"
    tsv = "tsv"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"


FormatOption = Annotated[
    Optional[OutputFormat],
    typer.Option(
        "--format",
        "-F",
        help="table (or text), tsv, csv, json or jsonl. Default: table on a terminal, "
        "a machine format when piped.",
        case_sensitive=False,
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Short for --format json.")]


def _bom(value: bool) -> bool:
    # Not loaded yet means no mark is set: a command that prints no csv never imports it.
    if value or "wishdesk.render.formats" in sys.modules:
        from wishdesk.render.formats import use_bom

        use_bom(value)
    return value


BomOption = Annotated[
    bool,
    typer.Option(
        "--bom",
        help="Start csv output with a UTF-8 byte-order mark (Excel and WPS need it).",
        callback=_bom,
    ),
]
LimitOption = Annotated[
    int,
    typer.Option("--limit", "-n", help="At most N; 0 for all.", callback=within(0)),
]
Vars = Annotated[
    list[str],
    typer.Option("--var", help="Template value, key=value (a date may be +15bd, +2w, +10d)."),
]


def ticket_argument(complete: Callable[..., Any] = candidates.ticket) -> Any:
    """``TICKET``, completing the ticket ids ``complete`` offers (those a command can act
    on; by default every ticket)."""
    return typer.Argument(
        metavar="TICKET", help="Ticket id or a unique prefix of it.", autocompletion=complete
    )


Ticket = Annotated[str, ticket_argument()]


def ticket_option(help: str) -> Any:
    """``--ticket TICKET``, completing ticket ids."""
    return typer.Option("--ticket", metavar="TICKET", help=help, autocompletion=candidates.ticket)


def order_option(help: str) -> Any:
    """``--order ORDER``, completing order ids."""
    return typer.Option("--order", metavar="ORDER", help=help, autocompletion=candidates.order)


def parse_vars(pairs: list[str]) -> dict[str, str]:
    """``--var key=value`` pairs."""
    from wishdesk.errors import UsageError

    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError("bad --var {pair!r}: use key=value", pair=pair)
        out[key.strip()] = value
    return out


def resolve_format(fmt: OutputFormat | None, as_json: bool, *, piped: str = "tsv") -> str:
    """The format in force: explicit, then --json, then ``table`` (the human format; ``text``
    means the same) on a terminal and ``piped`` otherwise."""
    from wishdesk.cli.context import stdout_is_tty
    from wishdesk.errors import UsageError

    if fmt is not None and as_json and fmt is not OutputFormat.json:
        raise UsageError("--json and --format disagree; give one")
    if fmt is not None:
        return HUMAN if fmt is OutputFormat.text else fmt.value
    if as_json:
        return "json"
    return HUMAN if stdout_is_tty() else piped


def agent_option(flag: str, *, help: str) -> Any:
    """``--to NAME``, ``--assignee NAME``: an agent, completing the names in the store."""
    return typer.Option(flag, metavar="NAME", help=help, autocompletion=candidates.agent)
