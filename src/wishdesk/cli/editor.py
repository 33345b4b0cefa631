"""Writing a message in ``$VISUAL`` / ``$EDITOR``, git-commit style."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from pathlib import Path

from wishdesk.errors import UsageError


def edit(initial: str, comments: str) -> str:
    """Open the editor on ``initial`` followed by ``#`` comment lines; return the text with
    comments stripped. The temporary file is private (0600) and always removed."""
    from wishdesk.services.compose import strip_comments

    command = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    fd, name = tempfile.mkstemp(prefix="wishdesk-reply-", suffix=".txt")
    path = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(initial.rstrip("\n") + "\n" + comments)
        try:
            result = subprocess.run([*shlex.split(command), str(path)], check=False)
        except OSError as exc:
            raise UsageError(f"cannot start the editor {command!r}: {exc.strerror}") from None
        if result.returncode != 0:
            raise UsageError(f"the editor exited with {result.returncode}; nothing was sent")
        text = path.read_text(encoding="utf-8", errors="replace")
    finally:
        path.unlink(missing_ok=True)
    body = strip_comments(text)
    if not body:
        raise UsageError("aborted: the message is empty")
    return body
