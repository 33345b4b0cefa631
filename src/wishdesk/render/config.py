"""Settings on a terminal (``config list``): key, value and what it means, the meaning
wrapped under itself so that the columns stay whole at 80 columns."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Mapping, Sequence

from wishdesk.render.safe import clean

KEY_WIDTH = 24
VALUE_WIDTH = 20


def print_settings(records: Sequence[Mapping[str, str]]) -> None:
    width = shutil.get_terminal_size((80, 24)).columns
    indent = " " * (KEY_WIDTH + VALUE_WIDTH + 2)
    for r in records:
        value = clean(r["value"], one_line=True)
        head = f"{r['key']:<{KEY_WIDTH}} {value:<{VALUE_WIDTH}} "
        if len(head) > len(indent):  # a long value: the meaning starts on the next line
            print(head.rstrip())
            head = indent
        lines = textwrap.wrap(r["help"], max(width - len(indent), 20), break_on_hyphens=False)
        lines = lines or [""]
        print(head + lines[0])
        for line in lines[1:]:
            print(indent + line)
