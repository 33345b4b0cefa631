"""A real terminal for the tests: run a command in a pseudo-terminal of a given size and
read what a person would see, through pyte (a VT100 emulator).

    screen = run_on_terminal(["list"], env, columns=80)
    assert "Escalates" in screen.text

Used by the test suite; not shipped in the wheel.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pyte


@dataclass(frozen=True)
class Screen:
    """What the terminal shows after the command ended."""

    lines: list[str]  # every row, right-stripped, the trailing empty rows dropped
    raw: bytes  # what the program wrote
    exit_code: int
    title: str  # the window title, should anything have set it

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def row_with(self, needle: str) -> str:
        return next(line for line in self.lines if needle in line)


def run_on_terminal(
    args: Sequence[str],
    env: Mapping[str, str],
    *,
    columns: int = 80,
    rows: int = 400,
    timeout: float = 60.0,
) -> Screen:
    """Run ``python -m wishdesk ARGS`` with stdin, stdout and stderr on a pseudo-terminal of
    ``columns`` x ``rows`` and emulate what it draws."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    full_env = {**env, "COLUMNS": str(columns), "LINES": str(rows), "TERM": "xterm-256color"}
    full_env.pop("NO_COLOR", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "wishdesk", *args],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=full_env,
        close_fds=True,
    )
    os.close(follower)
    raw = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            raw += chunk
        elif proc.poll() is not None:
            break
    code = proc.wait(timeout=30)
    os.close(leader)
    screen = pyte.Screen(columns, rows)
    stream = pyte.ByteStream(screen)
    stream.feed(raw)
    lines = [line.rstrip() for line in screen.display]
    while lines and not lines[-1]:
        lines.pop()
    return Screen(lines, raw, code, screen.title)
