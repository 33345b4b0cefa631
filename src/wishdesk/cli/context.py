"""What every command shares: the global options, the store, the consoles."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from wishdesk.store.db import Store


NO_PAGER = "wishdesk.no_pager"  # in the click context's meta: --no-pager was given


def pager_off(ctx: Any) -> bool:
    """``--no-pager`` was given (shared by every context of the command line)."""
    return bool(ctx.meta.get(NO_PAGER))


def truthy(value: str | None) -> bool:
    """Is an environment variable switched on (``1``, ``true``, ``yes``, ``on``)?"""
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


def debugging(ctx: Any) -> bool:
    """``--debug`` or ``WISHDESK_DEBUG``: tracebacks are shown."""
    obj = ctx.find_root().obj
    return bool(getattr(obj, "debug", False)) or truthy(os.environ.get("WISHDESK_DEBUG"))


def store_failure(exc: BaseException) -> Exception | None:
    """The store's own error for a database exception that reached the command line, so
    that nothing above the store has to know SQLite."""
    from wishdesk.store.db import failure

    return failure(exc)


class AppContext:
    """What the root options decided, and the store once a command opens it. A plain class:
    a dataclass would import ``dataclasses`` on every start-up, for a constructor."""

    __slots__ = ("_store", "db", "debug", "no_color")

    def __init__(
        self, db: str | Path | None = None, no_color: bool = False, debug: bool = False
    ) -> None:
        self.db = db
        self.no_color = no_color
        self.debug = debug
        self._store: Store | None = None

    def __repr__(self) -> str:
        return f"AppContext(db={self.db!r}, no_color={self.no_color!r}, debug={self.debug!r})"

    @property
    def db_path(self) -> Path:
        from wishdesk.store.location import db_path

        return db_path(self.db)

    def store(self, *, create: bool = False) -> Store:
        """The open store (opened once per command; created only by commands that write)."""
        if self._store is None:
            from wishdesk.store.location import db_url

            url = db_url(self.db)
            if url:
                from wishdesk.store.pg import open_pg_store

                self._store = open_pg_store(url, create=create)
            else:
                from wishdesk.store.db import open_store

                self._store = open_store(self.db_path, create=create)
        return self._store

    def location(self) -> str:
        """The store in use as it may be shown: its path, or its URL without a password."""
        from wishdesk.store.location import db_url, shown_url

        url = db_url(self.db)
        return shown_url(url) if url else str(self.db_path)

    def color(self) -> bool:
        return not (self.no_color or "NO_COLOR" in os.environ)

    def plain_color(self) -> bool:
        """Whether text written without a console may be coloured: as rich decides it for
        standard output (a terminal that is not "dumb", colour not switched off)."""
        return self.color() and stdout_is_tty() and os.environ.get("TERM") != "dumb"

    def console(self, *, stderr: bool = False, **kwargs: Any) -> Console:
        from rich.console import Console

        # Off a terminal text is not wrapped: a reader (or a log) gets whole lines, and the
        # linter's gutter stays intact.
        stream = sys.stderr if stderr else sys.stdout
        return Console(
            stderr=stderr,
            no_color=not self.color(),
            highlight=False,
            soft_wrap=not stream.isatty(),
            **kwargs,
        )

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def app_context(ctx: typer.Context) -> AppContext:
    root = ctx.find_root()
    if not isinstance(root.obj, AppContext):
        root.obj = AppContext(debug=truthy(os.environ.get("WISHDESK_DEBUG")))
    return root.obj


def completion_app(ctx: Any) -> AppContext:
    """The AppContext while the shell asks for completions: the root callback has not run
    then, so the store is the one ``--db`` names on the line typed so far, if any."""
    root = ctx.find_root()
    if isinstance(root.obj, AppContext):
        return root.obj
    db = root.params.get("db")
    return AppContext(db=db or None)


def stdout_is_tty() -> bool:
    return sys.stdout.isatty()


def stderr_is_tty() -> bool:
    return sys.stderr.isatty()
