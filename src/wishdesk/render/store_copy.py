"""What ``store copy`` says: each table's rows (the count both ends agree on), then the sum."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wishdesk.i18n import _, ngettext
from wishdesk.render.safe import clean
from wishdesk.render.width import cells, ljust

if TYPE_CHECKING:
    from wishdesk.services.store_copy import CopyResult


def copy_lines(result: CopyResult) -> list[str]:
    """The lines printed after a copy: locations as they may be shown (no password)."""
    said = _("copied {source} to {target} (schema {migration})")
    lines = [
        said.format(
            source=clean(result.source, one_line=True),
            target=clean(result.target, one_line=True),
            migration=result.migration,
        )
    ]
    table, rows = _("table"), _("rows")
    width = max([cells(table)] + [len(t.name) for t in result.tables])
    digits = max([cells(rows)] + [len(str(t.rows)) for t in result.tables])
    lines.append(f"  {ljust(table, width)}  {' ' * (digits - cells(rows))}{rows}")
    lines.extend(f"  {t.name:<{width}}  {t.rows:>{digits}}" for t in result.tables)
    total = ngettext(
        "{count} table, {rows} rows: the counts match",
        "{count} tables, {rows} rows: the counts match",
        len(result.tables),
    )
    lines.append(total.format(count=len(result.tables), rows=result.rows))
    return lines
