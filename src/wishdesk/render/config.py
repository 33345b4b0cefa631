"""Settings on a terminal (``config list``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from wishdesk.render.safe import clean


def print_settings(records: Sequence[Mapping[str, str]]) -> None:
    for r in records:
        print(f"{r['key']:<24} {clean(r['value'], one_line=True):<20} {r['help']}")
