"""Settings on a terminal (``config list``): key, value and what it means, the meaning
wrapped under itself so that the columns stay whole at 80 columns."""

from __future__ import annotations

import shutil
from collections.abc import Mapping, Sequence

from wishdesk.i18n import _
from wishdesk.render.safe import clean
from wishdesk.render.width import cells, ljust, wrap

KEY_WIDTH = 24
VALUE_WIDTH = 20


def print_settings(records: Sequence[Mapping[str, str]]) -> None:
    width = shutil.get_terminal_size((80, 24)).columns
    indent = " " * (KEY_WIDTH + VALUE_WIDTH + 2)
    for r in records:
        value = clean(r["value"], one_line=True)
        head = f"{ljust(r['key'], KEY_WIDTH)} {ljust(value, VALUE_WIDTH)} "
        if cells(head) > len(indent):  # a long value: the meaning starts on the next line
            print(head.rstrip())
            head = indent
        # The meaning is the English text the settings keep (marked for the catalog there).
        lines = wrap(_(r["help"]), max(width - len(indent), 20)) or [""]
        print(head + lines[0])
        for line in lines[1:]:
            print(indent + line)
