"""Long output through a pager on a terminal, as ``git`` and ``gh`` do.

The pager is ``$WISHDESK_PAGER``, else ``ui.pager`` (``wishdesk config``, per machine), else
``$PAGER``, else ``less -FRX``; an empty one, or ``cat``, means none, and so does the global
``--no-pager``. Only when stdout is a terminal: never in a pipe.

``paged()`` stands in for stdout while a command writes. The command still sees a terminal
(it keeps its table format and its colours); what it writes is held until it is longer than
the screen, then handed to the pager, which gets the terminal for the rest. Output that fits
the screen is written as it is, with no pager at all. A pager that cannot start means direct
output (and one line on stderr); a pager that quits early (``q`` in less) means the rest is
dropped quietly, and the command ends as it would have, with its own exit code.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any

from wishdesk.i18n import _

if TYPE_CHECKING:
    import subprocess

DEFAULT_PAGER = "less -FRX"
_ESCAPES = r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]"


def pager_command() -> list[str] | None:
    """The pager in force as an argument list, or None when paging is off."""
    import shlex

    text = os.environ.get("WISHDESK_PAGER")
    if text is None:
        text = _configured()
    if text is None:
        text = os.environ.get("PAGER")
    if text is None:
        text = DEFAULT_PAGER
    try:
        argv = shlex.split(text)
    except ValueError as exc:
        _warn(
            _("bad pager command {command} ({error}); printing directly").format(
                command=repr(text), error=exc
            )
        )
        return None
    return None if not argv or argv == ["cat"] else argv


def _configured() -> str | None:
    """``ui.pager`` from this machine's settings; None when it is not set (a settings file
    that cannot be read does not stop a command: it is named and left aside)."""
    from wishdesk.errors import WishdeskError
    from wishdesk.services.config import machine_value

    try:
        return machine_value("ui.pager")
    except WishdeskError as exc:
        _warn(_("{error}; ui.pager ignored").format(error=exc.localized()))
        return None


def _warn(message: str) -> None:
    from wishdesk.render.safe import clean

    print(f"wishdesk: {clean(message, one_line=True)}", file=sys.stderr)


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


@contextlib.contextmanager
def paged(*, off: bool = False) -> Iterator[None]:
    """Within the block, what goes to stdout goes through the pager when it is longer than
    the screen (``off``: the ``--no-pager`` option). Does nothing in a pipe, or nested."""
    real = sys.stdout
    if off or isinstance(real, _Capture) or not _is_terminal(real):
        yield
        return
    argv = pager_command()
    if argv is None:
        yield
        return
    session = _Session(real, argv)
    sys.stdout = capture = _Capture(session, real)
    try:
        yield
    finally:
        sys.stdout = real
        with contextlib.suppress(OSError, ValueError):
            capture.flush()
        session.close()


class _Sink(io.RawIOBase):
    """The bytes side of the stand-in stdout: a terminal to whoever asks."""

    def __init__(self, session: _Session) -> None:
        self._session = session

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        chunk = bytes(data)
        self._session.write(chunk)
        return len(chunk)


class _Capture(io.TextIOWrapper):
    """The stand-in stdout: text (and ``.buffer`` bytes) in the real stdout's encoding."""

    def __init__(self, session: _Session, real: IO[str]) -> None:
        super().__init__(
            io.BufferedWriter(_Sink(session)),
            encoding=getattr(real, "encoding", None) or "utf-8",
            errors=getattr(real, "errors", None) or "strict",
            write_through=True,
        )


class _Session:
    """Holds output until it overflows the screen, then feeds it to the pager."""

    def __init__(self, real: IO[str], argv: list[str]) -> None:
        import shutil

        self.real = real
        self.argv = argv
        size = shutil.get_terminal_size()
        self.columns = max(size.columns, 1)
        self.room = max(size.lines - 1, 1)  # a line stays for the shell's prompt
        self.held: list[bytes] = []
        self.rows = 0
        self.partial = ""  # the line being written, not ended yet
        self.proc: subprocess.Popen[bytes] | None = None
        self.direct = False  # no pager: straight to the terminal
        self.gone = False  # the pager quit early: the rest is dropped
        import codecs

        self._text = codecs.getincrementaldecoder("utf-8")("replace")

    def write(self, data: bytes) -> None:
        if self.gone:
            return
        if self.proc is not None:
            self._feed(data)
        elif self.direct:
            self._direct(data)
        else:
            self.held.append(data)
            if self._overflows(self._text.decode(data)):
                self._start()

    def _overflows(self, text: str) -> bool:
        """Count the screen rows of ``text``; true once they are more than there is room."""
        import re

        lines = (self.partial + text).split("\n")
        self.partial = lines.pop()
        for line in lines:
            self.rows += self._height(re.sub(_ESCAPES, "", line))
        partial = self._height(re.sub(_ESCAPES, "", self.partial)) if self.partial else 0
        return self.rows + partial > self.room

    def _height(self, line: str) -> int:
        line = line.replace("\r", "").expandtabs()
        if line.isascii():
            width = len(line)
        else:
            import unicodedata

            width = sum(
                2
                if unicodedata.east_asian_width(c) in "WF"
                else 0
                if unicodedata.combining(c)
                else 1
                for c in line
            )
        return max(1, -(-width // self.columns))

    def _start(self) -> None:
        import subprocess

        env = dict(os.environ)
        env.setdefault("LESS", "FRX")  # as git does: quit if one screen, colours, no clearing
        with contextlib.suppress(OSError, ValueError):
            self.real.flush()
        try:
            self.proc = subprocess.Popen(self.argv, stdin=subprocess.PIPE, env=env)
        except OSError as exc:
            said = _("cannot start the pager {command}: {error}")
            _warn(said.format(command=repr(self.argv[0]), error=exc.strerror or exc))
            self.direct = True
            self._direct(b"".join(self.held))
        else:
            self._feed(b"".join(self.held))
        self.held.clear()

    def _feed(self, data: bytes) -> None:
        assert self.proc is not None and self.proc.stdin is not None
        try:
            self.proc.stdin.write(data)
        except (BrokenPipeError, ValueError, OSError):
            self.gone = True

    def _direct(self, data: bytes) -> None:
        out = getattr(self.real, "buffer", None)
        with contextlib.suppress(OSError, ValueError):
            self.real.flush()
        if out is None:
            self.real.write(data.decode(getattr(self.real, "encoding", None) or "utf-8"))
        else:
            out.write(data)
            out.flush()

    def close(self) -> None:
        """Write what was held, or let the pager finish; late writes go straight out."""
        if self.proc is None:
            self.direct = True
            self._direct(b"".join(self.held))
            self.held.clear()
            return
        proc, self.proc = self.proc, None
        self.direct = True
        with contextlib.suppress(OSError, ValueError):
            assert proc.stdin is not None
            proc.stdin.close()
        with _keyboard_to_the_pager():
            proc.wait()


@contextlib.contextmanager
def _keyboard_to_the_pager() -> Iterator[None]:
    """Ctrl-C while the pager shows the output belongs to the pager (less uses it to stop a
    search), not to us: ignore SIGINT until it exits, as git does."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
