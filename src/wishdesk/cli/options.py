"""Option definitions shared by every listing command (one definition, reused)."""

from __future__ import annotations

import enum
from typing import Annotated, Optional

import typer

SQLITE_MAX_INT = 2**63 - 1  # the largest count or id that can reach the store


class OutputFormat(str, enum.Enum):
    table = "table"
    tsv = "tsv"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"


FormatOption = Annotated[
    Optional[OutputFormat],
    typer.Option(
        "--format",
        "-F",
        help="Output format. Default: table on a terminal, tsv when piped.",
        case_sensitive=False,
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Short for --format json.")]


def resolve_format(fmt: OutputFormat | None, as_json: bool) -> str:
    """The format in force: explicit, then --json, then table on a TTY and tsv otherwise."""
    from wishdesk.cli.context import stdout_is_tty
    from wishdesk.errors import UsageError

    if fmt is not None and as_json and fmt is not OutputFormat.json:
        raise UsageError("--json and --format disagree; give one")
    if fmt is not None:
        return fmt.value
    if as_json:
        return "json"
    return "table" if stdout_is_tty() else "tsv"
