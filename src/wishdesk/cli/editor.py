"""Writing a message in ``$VISUAL`` / ``$EDITOR``, git-commit style."""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
import tempfile
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from wishdesk.errors import UsageError
from wishdesk.i18n import N_, _
from wishdesk.render.safe import clean

# who wrote a message of the thread: Wish's sender value, as the comment block names it
SENDERS = {
    "USER": N_("USER"),
    "MERCHANT": N_("MERCHANT"),
    "WISH_SUPPORT": N_("WISH_SUPPORT"),
    "WISH_AUTOMATED_SUPPORT": N_("WISH_AUTOMATED_SUPPORT"),
    "LIVE_CHAT": N_("LIVE_CHAT"),
}


def _exit_on_signal(signum: int, frame: Any) -> None:
    raise SystemExit(128 + signum)


@contextmanager
def _signals_unwind() -> Iterator[None]:
    """SIGTERM / SIGHUP (a closed terminal) unwind the stack instead of killing the process
    outright, so the ``finally`` that removes the temporary file still runs."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {}
    for name in ("SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is not None:
            previous[sig] = signal.signal(sig, _exit_on_signal)
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def edit(initial: str, comments: str) -> str:
    """Open the editor on ``initial`` followed by ``#`` comment lines; return the text with
    comments stripped. The temporary file is private (0600) and always removed."""
    command = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    with _signals_unwind():
        text = _edit_file(command, initial, comments)
    body = strip_comments(text)
    if not body:
        raise UsageError("aborted: the message is empty")
    return body


def _edit_file(command: str, initial: str, comments: str) -> str:
    fd, name = tempfile.mkstemp(prefix="wishdesk-reply-", suffix=".txt")  # 0600, O_EXCL
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
    return text


def quote_thread(thread: Sequence[Mapping[str, Any]]) -> str:
    """The thread as ``#`` comment lines for the editor (git commit style)."""
    intro = _(
        "Write your reply above. Lines starting with '#' are ignored;\n"
        "an empty message aborts. The thread, oldest first:"
    )
    lines = ["", *(f"# {line}".rstrip() for line in intro.splitlines()), "#"]
    heading = _("--- {sender} at {sent_at}")
    for m in thread:
        sender = _(SENDERS[m["sender"]]) if m["sender"] in SENDERS else clean(str(m["sender"]))
        lines.append(f"# {heading.format(sender=sender, sent_at=m['sent_at'])}")
        text = clean(str(m["text"]))  # buyer text: no escape sequences in the editor either
        lines += [f"#   {line}" for line in text.splitlines() or [""]]
    return "\n".join(lines) + "\n"


def strip_comments(text: str) -> str:
    """The text without the ``#`` comment lines, trimmed."""
    kept = [line for line in text.splitlines() if not line.startswith("#")]
    return "\n".join(kept).strip()
