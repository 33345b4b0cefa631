"""Writing a message in ``$VISUAL`` / ``$EDITOR``, git-commit style."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from wishdesk.errors import UsageError
from wishdesk.render.safe import clean


def edit(initial: str, comments: str) -> str:
    """Open the editor on ``initial`` followed by ``#`` comment lines; return the text with
    comments stripped. The temporary file is private (0600) and always removed."""
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


def quote_thread(thread: Sequence[Mapping[str, Any]]) -> str:
    """The thread as ``#`` comment lines for the editor (git commit style)."""
    lines = [
        "",
        "# Write your reply above. Lines starting with '#' are ignored;",
        "# an empty message aborts. The thread, oldest first:",
        "#",
    ]
    for m in thread:
        lines.append(f"# --- {m['sender']} at {m['sent_at']}")
        text = clean(str(m["text"]))  # buyer text: no escape sequences in the editor either
        lines += [f"#   {line}" for line in text.splitlines() or [""]]
    return "\n".join(lines) + "\n"


def strip_comments(text: str) -> str:
    """The text without the ``#`` comment lines, trimmed."""
    kept = [line for line in text.splitlines() if not line.startswith("#")]
    return "\n".join(kept).strip()
