"""The options shared by every command that lists things: one definition, reused.

``--format`` takes ``table`` (or ``text``: the human format of a command, a table or the
linter's annotated text), ``tsv``, ``csv``, ``json`` or ``jsonl``; ``--json`` is short for
``--format json``. Default: the human format on a terminal, the command's machine format in
a pipe (``tsv`` for listings).
"""

from __future__ import annotations

import enum
from typing import Annotated, Optional

import typer

SQLITE_MAX_INT = 2**63 - 1  # the largest count or id that can reach the store
HUMAN = "table"


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
    typer.Option("--limit", "-n", help="At most N; 0 for all.", min=0, max=SQLITE_MAX_INT),
]
Vars = Annotated[list[str], typer.Option("--var", help="Template value, key=value.")]


def parse_vars(pairs: list[str]) -> dict[str, str]:
    """``--var key=value`` pairs."""
    from wishdesk.errors import UsageError

    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"bad --var {pair!r}: use key=value")
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
