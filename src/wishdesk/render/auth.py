"""What ``wishdesk auth`` prints: the stored login, never a secret in it."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING

from wishdesk.render.safe import clean

if TYPE_CHECKING:
    from wishdesk.services.auth import Login


def login_status(login: Login, out: IO[str], done: str | None = None) -> None:
    """``field:<TAB>value`` lines (the ``gh`` style), after ``done`` when something was."""
    if done:
        print(done, file=out)
    for key, value in login.status().items():
        text = " ".join(value) if isinstance(value, list) else (value or "-")
        print(f"{key}:\t{clean(str(text), one_line=True)}", file=out)
