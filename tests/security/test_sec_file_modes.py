"""Every file wishdesk writes is private (0600; directories it creates 0700), even when the
user's umask is permissive; the editor's temporary file is removed whatever happens."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from wishdata import ticket, write_jsonl
from wishfake import TOKEN

T1 = "5f0000000000000000000001"

# Runs the real CLI in a fresh interpreter with umask 022, recording the modes of the store
# and its companions just before the store is closed (the -wal/-shm files exist only while
# a connection is open).
RUNNER = r"""
import json, os, stat, sys
os.umask(0o022)
from wishdesk.store import db as dbmod
seen = {}
original = dbmod.Store.close
def close(self):
    for suffix in ("", "-wal", "-shm", ".sync.lock"):
        p = str(self.path) + suffix
        if os.path.exists(p):
            seen[suffix or "store"] = oct(stat.S_IMODE(os.stat(p).st_mode))
    original(self)
dbmod.Store.close = close
from wishdesk.cli.app import app
try:
    app(sys.argv[2:], prog_name="wishdesk")
except SystemExit as exc:
    seen["exit"] = exc.code
with open(sys.argv[1], "w") as out:
    json.dump(seen, out)
"""


def mode(path: Path) -> str:
    return oct(stat.S_IMODE(path.stat().st_mode))


def cli(tmp_path: Path, env: dict[str, str], *args: str) -> dict[str, object]:
    report = tmp_path / "modes.json"
    subprocess.run(
        [sys.executable, "-c", RUNNER, str(report), *args],
        env=env,
        check=True,
        timeout=60,
        capture_output=True,
    )
    return json.loads(report.read_text())


@pytest.fixture
def base_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WISHDESK_", "WISH_"))}
    env.update(WISHDESK_NOW="2026-11-26T07:00:00Z", NO_COLOR="1")
    return env


def test_store_and_data_dir_are_private_under_umask_022(tmp_path, base_env, wish) -> None:
    home = tmp_path / "new" / "deeper" / "wishdesk"
    env = {**base_env, "WISHDESK_HOME": str(home)}
    seen = cli(tmp_path, env, "init", "--country", "US")
    assert seen["exit"] in (0, None)
    store = home / "wishdesk.db"
    assert mode(store) == "0o600"
    assert mode(home) == "0o700"
    for parent in (home.parent, home.parent.parent):  # created by wishdesk too
        assert mode(parent) == "0o700"
    assert seen["store"] == "0o600" and seen["-wal"] == "0o600" and seen["-shm"] == "0o600"

    records = write_jsonl(tmp_path / "t.jsonl", [ticket(T1)])
    seen = cli(tmp_path, env, "import", str(records))
    assert seen["-wal"] == "0o600" and seen["-shm"] == "0o600"

    wish.add_ticket(ticket(T1))
    seen = cli(tmp_path, {**env, "WISH_ACCESS_TOKEN": TOKEN}, "sync", "--base-url", wish.url)
    assert seen["exit"] in (0, None), seen
    lock = home / "wishdesk.db.sync.lock"
    assert lock.exists() and mode(lock) == "0o600"
    for path in home.iterdir():  # nothing else, and nothing readable by others
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path


def test_explicit_db_path_is_private_under_umask_022(tmp_path, base_env) -> None:
    db = tmp_path / "elsewhere" / "my.db"
    seen = cli(tmp_path, {**base_env, "WISHDESK_DB": str(db)}, "demo", "--tickets", "5")
    assert seen["exit"] in (0, None)
    assert mode(db) == "0o600" and mode(db.parent) == "0o700"
    assert seen["-wal"] == "0o600" and seen["-shm"] == "0o600"


# The editor ----------------------------------------------------------------------------
EDITOR = """
import os, stat, sys, time
path = sys.argv[1]
with open({log!r}, "w") as log:
    log.write(path + "\\n" + oct(stat.S_IMODE(os.stat(path).st_mode)))
{action}
"""


@pytest.fixture
def reply_store(run, tmp_path):
    records = [ticket(T1, replies=[("USER", "2026-11-23T08:00:00Z", "secret address: 1 Main")])]
    assert run("import", str(write_jsonl(tmp_path / "s.jsonl", records))).exit_code == 0


def editor(tmp_path: Path, action: str) -> tuple[str, Path]:
    log = tmp_path / "editor.log"
    script = tmp_path / "editor.py"
    script.write_text(EDITOR.format(log=str(log), action=action), encoding="utf-8")
    return f"{sys.executable} {script}", log


@pytest.mark.parametrize(
    "action",
    ["sys.exit(1)", "os.kill(os.getpid(), 9)", "open(path, 'w').write('# only comments')"],
    ids=["fails", "killed", "empty"],
)
def test_editor_temp_file_is_private_and_removed(run, reply_store, tmp_path, action) -> None:
    command, log = editor(tmp_path, action)
    result = run("reply", T1, "--editor", VISUAL=command)
    assert result.exit_code == 2
    path, file_mode = log.read_text().split("\n")
    assert file_mode == "0o600"
    assert not Path(path).exists()


def test_editor_temp_file_is_removed_when_wishdesk_is_terminated(
    reply_store, tmp_path, env
) -> None:
    command, log = editor(tmp_path, "time.sleep(30)")
    proc = subprocess.Popen(
        [sys.executable, "-m", "wishdesk", "reply", T1, "--editor"],
        env={**os.environ, **{k: v for k, v in env.items() if v}, "VISUAL": command},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 20
        while not (log.exists() and "\n" in log.read_text()):
            assert time.monotonic() < deadline and proc.poll() is None
            time.sleep(0.05)
        path = Path(log.read_text().split("\n")[0])
        assert path.exists()
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode != 0
    assert not path.exists()
