"""``wishdesk attachments``: a ticket's buyer photos, and what ``--save`` copied."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from wishdesk.i18n import _
from wishdesk.render.safe import clean


def write(
    out: IO[str], fmt: str, records: Sequence[Mapping[str, Any]], fields: Sequence[str]
) -> None:
    if fmt != "table":
        from wishdesk.render.formats import write_records

        write_records(out, fmt, records, fields)
        return
    if not records:
        print(_("No photos on this ticket."), file=out)
    for r in records:
        where = r["path"] or _("not downloaded: {why}").format(why=r["note"])
        size = f"  {r['size'] / 1024:.0f} KB" if r["size"] else ""
        print(f"{clean(r['file_name'] or '?', one_line=True)}  {clean(where, one_line=True)}{size}",
              file=out)  # fmt: skip


def saved(out: IO[str], err: IO[str], copies: Sequence[Path], missing: Sequence[str]) -> None:
    for path in copies:
        print(clean(str(path), one_line=True), file=out)
    for name in missing:
        said = _("{file}: not downloaded").format(file=clean(name, one_line=True))
        print(f"wishdesk: {said}", file=err)
