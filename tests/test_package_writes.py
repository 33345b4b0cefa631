"""No command writes inside the installed package (read-only installs, shared wheels).

The package is copied to a fresh directory first, without ``__pycache__``, and the commands
run from that copy in subprocesses: a cache left in the real package by an earlier run
cannot hide a write, and bytecode writing is off, so the copy must come out exactly as it
went in. An audit hook also reports any file opened for writing, created, renamed, removed
or changed inside the copy, even one undone before the process ends.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import wishdesk

PACKAGE = Path(wishdesk.__file__).resolve().parent
NOW = "2026-11-26T07:00:00Z"

# Runs the CLI (``python HOOK args`` = ``python -m wishdesk args``) and logs every write
# under the package directory to the file named by WISHDESK_TEST_WRITES.
HOOK = """
import os, runpy, sys

package = os.path.realpath(os.environ["WISHDESK_TEST_PACKAGE"]) + os.sep
log = open(os.environ["WISHDESK_TEST_WRITES"], "a", encoding="utf-8")
writing = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
changes = {"os.rename", "os.remove", "os.rmdir", "os.mkdir", "os.chmod", "os.chown",
           "os.utime", "os.link", "os.symlink", "os.truncate", "os.chflags"}

def inside(path):
    if isinstance(path, int) or path is None:
        return False
    return os.path.realpath(os.fsdecode(path)).startswith(package)

def hook(event, args):
    if event == "open":
        path, mode, flags = args
        if (mode and any(c in mode for c in "wax+")) or (not mode and flags & writing):
            if inside(path):
                log.write(f"open {mode or flags} {os.fsdecode(path)}\\n")
                log.flush()
    elif event in changes:
        for path in args[:2] if event in ("os.rename", "os.link", "os.symlink") else args[:1]:
            if inside(path):
                log.write(f"{event} {os.fsdecode(path)}\\n")
                log.flush()

sys.addaudithook(hook)
if os.environ.get("WISHDESK_TEST_PRIME"):  # as services.audit.merchant_rules() will
    from wishdesk.services.plan_cache import prime

    prime()
sys.argv = ["wishdesk", *sys.argv[1:]]
runpy.run_module("wishdesk", run_name="__main__", alter_sys=True)
"""

RULES = """
[rules."custom.competitor"]
severity = "error"
message = "Mentions a competitor."
patterns = ['\\baliexpress\\b']
"""

BATCH = "".join(
    json.dumps({"id": str(n), "text": text}) + "\n"
    for n, text in enumerate(
        [
            "Thank you, your order is on its way.",
            "Pay me on PayPal and I will ship it.",
            "Cheaper on AliExpress, buy it there.",
            "It will arrive in 3 days.",
        ]
    )
)


def _snapshot(root: Path) -> dict[str, tuple[int, int]]:
    return {
        str(path.relative_to(root)): (path.stat().st_mtime_ns, path.stat().st_size)
        for path in sorted(root.rglob("*"))
    }


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A pristine copy of the installed package, first on the path of the subprocesses."""
    site = tmp_path / "site"
    shutil.copytree(PACKAGE, site / "wishdesk", ignore=shutil.ignore_patterns("__pycache__"))
    return site


def test_commands_write_nothing_inside_the_package(tmp_path: Path, site: Path) -> None:
    copy = site / "wishdesk"
    home = tmp_path / "home"
    home.mkdir()
    (home / "rules.toml").write_text(RULES, encoding="utf-8")
    db = tmp_path / "store.db"
    writes = tmp_path / "writes.log"
    hook = tmp_path / "run_wishdesk.py"
    hook.write_text(HOOK, encoding="utf-8")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(p for p in (str(site), os.environ.get("PYTHONPATH")) if p),
        "PYTHONDONTWRITEBYTECODE": "1",
        "WISHDESK_NOW": NOW,
        "WISHDESK_DB": str(db),
        "WISHDESK_HOME": str(home),
        "WISHDESK_CACHE_DIR": str(tmp_path / "cache"),
        "WISHDESK_TEST_PACKAGE": str(copy),
        "WISHDESK_TEST_WRITES": str(writes),
        "NO_COLOR": "1",
        "COLUMNS": "120",
    }
    where = subprocess.run(
        [sys.executable, "-c", "import wishdesk; print(wishdesk.__file__)"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(where.stdout.strip()).resolve().parent == copy.resolve()
    before = _snapshot(copy)

    def run(args: list[str], stdin: str | None, codes: tuple[int, ...], **extra: str) -> None:
        done = subprocess.run(
            [sys.executable, str(hook), *args],
            env={**env, **extra},
            input=stdin,
            capture_output=True,
            text=True,
            cwd=tmp_path,
            timeout=120,
        )
        assert done.returncode in codes, (args, done.returncode, done.stderr[-2000:])
        assert "Traceback" not in done.stderr, (args, done.stderr[-2000:])

    def unchanged() -> None:
        logged = writes.read_text(encoding="utf-8") if writes.exists() else ""
        assert logged == "", f"writes inside the package:\n{logged}"
        after = _snapshot(copy)
        assert sorted(set(after) - set(before)) == [], "new files inside the package"
        changed = sorted(k for k in before if after.get(k) != before[k])
        assert changed == [], "files inside the package changed or removed"

    run(["--db", str(db), "demo", "--tickets", "30", "--quiet"], None, (0,))
    run(["lint", "Send me your PayPal email"], None, (1,))
    run(["lint", "--batch", "-"], BATCH, (1,))
    run(["audit"], None, (0, 1))
    run(["templates", "list"], None, (0,))
    run(["sla", "calendar"], None, (0,))
    run(["list"], None, (0,))
    unchanged()

    # With the plan cache primed, as services.audit.merchant_rules() will: built and saved
    # in the user cache directory, then loaded from there.
    run(["lint", "Send me your PayPal email"], None, (1,), WISHDESK_TEST_PRIME="1")
    run(["lint", "--batch", "-"], BATCH, (1,), WISHDESK_TEST_PRIME="1")
    unchanged()
    assert len(list((tmp_path / "cache").glob("policy-plan-*.marshal"))) == 1
