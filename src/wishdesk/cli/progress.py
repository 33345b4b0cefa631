"""Progress bars on stderr, only when stderr is a terminal."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from wishdesk.cli.context import AppContext, stderr_is_tty


@contextlib.contextmanager
def progress(
    app: AppContext, description: str, total: int | None = None
) -> Iterator[Callable[[int], None] | None]:
    """Yield an ``advance(n)`` callback drawing a rich progress bar, or None off a TTY."""
    if not stderr_is_tty():
        yield None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    columns = [
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    ]
    with Progress(*columns, console=app.console(stderr=True), transient=True) as bar:
        task = bar.add_task(description, total=total)
        pending = 0

        def advance(n: int) -> None:
            nonlocal pending
            pending += n
            if pending >= 200:
                bar.advance(task, pending)
                pending = 0

        yield advance
