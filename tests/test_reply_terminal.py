"""``wishdesk reply`` on a real terminal (a pseudo-terminal): the editor opens by itself, and
warnings ask before sending."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from wishdata import order, ticket, write_jsonl

T1 = "5f0000000000000000000001"


@pytest.fixture
def store(run, tmp_path):
    records = [order(), ticket(T1, orders=["a00000000000000000000001"])]
    assert run("import", str(write_jsonl(tmp_path / "s.jsonl", records))).exit_code == 0


def on_terminal(
    args: list[str],
    env: dict[str, str],
    answer: bytes | None = None,
    at_prompt: Callable[[], object] = list,
) -> tuple[int, str]:
    """Run wishdesk with stdin and stdout on a pseudo-terminal; type ``answer`` at a prompt
    (after calling ``at_prompt``, while the prompt waits)."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "wishdesk", *args],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
        close_fds=True,
    )
    os.close(follower)
    output = b""
    deadline = time.monotonic() + 60
    answered = False
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
            if answer is not None and not answered and b"[y/N]" in output:
                at_prompt()
                os.write(leader, answer)
                answered = True
        elif proc.poll() is not None:
            break
    code = proc.wait(timeout=30)
    os.close(leader)
    return code, output.decode("utf-8", "replace")


def test_the_editor_opens_by_itself_on_a_terminal(store, env, tmp_path: Path) -> None:
    script = tmp_path / "editor.py"
    script.write_text(
        "import sys\ntext = open(sys.argv[1]).read()\n"
        "open(sys.argv[1], 'w').write('Thanks for your patience, it is on its way.\\n' + text)\n"
    )
    code, out = on_terminal(["reply", T1], {**os.environ, "VISUAL": f"{sys.executable} {script}"})
    assert code == 0, out
    assert "queued reply" in out


def test_warnings_ask_and_no_keeps_a_draft(store, env, run) -> None:
    shouting = "AS I ALREADY TOLD YOU, READ THE DESCRIPTION BEFORE ORDERING."
    code, out = on_terminal(["reply", T1, "-m", shouting], dict(os.environ), answer=b"n\n")
    assert code == 1 and "[y/N]" in out
    data = json.loads(run("show", T1, "--json").stdout)
    assert data["outbox"] == [] and data["drafts"][0]["text"] == shouting
    code, out = on_terminal(["reply", T1, "--draft", "-m", shouting], dict(os.environ))
    assert code == 2  # one body source only
    code, out = on_terminal(["reply", T1, "-m", shouting], dict(os.environ), answer=b"y\n")
    assert code == 0, out
    assert json.loads(run("show", T1, "--json").stdout)["outbox"][0]["body"] == shouting


def test_a_template_is_shown_filled_and_asked_for_before_it_is_queued(store, env, run) -> None:
    run("config", "set", "merchant.name", "Aurora Home")
    code, out = on_terminal(["reply", T1, "--template", "tracking"], dict(os.environ), b"n\n")
    assert code == 1 and "Queue this reply to" in out and "LZ123456789CN" in out, out
    data = json.loads(run("show", T1, "--json").stdout)
    assert data["outbox"] == [] and "LZ123456789CN" in data["drafts"][0]["text"]  # kept
    code, out = on_terminal(["reply", T1, "--template", "tracking"], dict(os.environ), b"y\n")
    assert code == 0 and "queued reply" in out, out
    # --yes skips the question; without a terminal it queues as before (tests/test_reply.py)
    run("import", "-", input=json.dumps(ticket("5f0000000000000000000002", orders=[])))
    code, out = on_terminal(
        ["reply", "5f0000000000000000000002", "-t", "tracking", "--yes", "--var",
         "tracking_number=LZ1", "--var", "carrier=China Post", "--var", "order_id=1"],
        dict(os.environ),
    )  # fmt: skip
    assert "Queue this reply" not in out
