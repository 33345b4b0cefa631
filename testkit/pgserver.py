"""A throwaway PostgreSQL cluster for the tests: made in a temporary directory, reached only
through a unix socket in it (no TCP port), trusted without passwords, and stopped whatever
happens (``stop``, at exit, or by the caller's finaliser).

``initdb`` refuses to run as root, so as root the cluster belongs to the ``postgres`` user
and every server command runs through ``runuser -u postgres --``; otherwise it is the
caller's own.

As a script (``.ci/run``)::

    python testkit/pgserver.py start   # prints WISHDESK_TEST_PG=... and WISHDESK_TEST_PG_DIR=...
    python testkit/pgserver.py stop DIR
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

SUPERUSER = "wishdesk"  # the cluster's superuser (initdb -U), which the tests connect as
OWNER = "postgres"  # who runs the server when we are root
ENV_URL = "WISHDESK_TEST_PG"  # a cluster CI started: reused, never stopped by the tests


@dataclass
class Cluster:
    root: Path  # the temporary directory: data/, the socket and the log

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def url(self) -> str:
        """The maintenance database's URL (host: the socket's directory)."""
        return f"postgresql://{SUPERUSER}@/postgres?host={quote(str(self.root), safe='/')}"

    def pid(self) -> int | None:
        """The postmaster's process id while it runs (None once it has stopped)."""
        try:
            pid = int((self.data / "postmaster.pid").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None
        return pid if alive(pid) else None


def alive(pid: int) -> bool:
    """Is the process running (a zombie that nobody reaped, as in some containers, is not)?"""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    with contextlib.suppress(OSError, IndexError):
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        return state not in ("Z", "X")
    return True


def tool(name: str) -> str | None:
    """A PostgreSQL server program: on PATH, else where source builds install it."""
    found = shutil.which(name)
    if found:
        return found
    for directory in ("/usr/local/bin", "/usr/local/pgsql/bin", "/usr/lib/postgresql/15/bin"):
        candidate = Path(directory) / name
        if candidate.exists():
            return str(candidate)
    return None


def available() -> bool:
    return tool("initdb") is not None and tool("pg_ctl") is not None


def _as_owner(argv: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", OWNER, "--", *argv]
    return argv


def _run(argv: list[str]) -> None:
    done = subprocess.run(
        _as_owner(argv), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    if done.returncode:
        raise RuntimeError(f"{shlex.join(argv)} failed ({done.returncode}):\n{done.stdout}")


def start(*, stop_at_exit: bool = True) -> Cluster:
    """A new cluster, running; stopped at the interpreter's exit unless told otherwise."""
    initdb, pg_ctl = tool("initdb"), tool("pg_ctl")
    if not (initdb and pg_ctl):
        raise RuntimeError("PostgreSQL's initdb and pg_ctl are not installed")
    # short: a unix socket's path must fit in 107 bytes
    cluster = Cluster(Path(tempfile.mkdtemp(prefix="wdpg.", dir="/tmp")))
    if stop_at_exit:
        atexit.register(stop, cluster)
    try:
        if os.geteuid() == 0:
            shutil.chown(cluster.root, OWNER, OWNER)
        _run([initdb, "-D", str(cluster.data), "-A", "trust", "-U", SUPERUSER, "-E", "UTF8",
              "--locale", "C", "--no-sync"])  # fmt: skip
        options = f"-c listen_addresses='' -k {cluster.root} -c fsync=off -c max_connections=50"
        log = str(cluster.root / "server.log")
        _run([pg_ctl, "-D", str(cluster.data), "-o", options, "-l", log, "-w", "start"])
    except BaseException:
        stop(cluster)
        raise
    return cluster


def stop(cluster: Cluster) -> None:
    """Stop the server at once (nothing in it is worth keeping) and remove its directory.
    Safe to call twice."""
    pg_ctl = tool("pg_ctl")
    if pg_ctl and cluster.pid() is not None:
        with contextlib.suppress(RuntimeError):
            _run([pg_ctl, "-D", str(cluster.data), "-m", "immediate", "-w", "stop"])
    shutil.rmtree(cluster.root, ignore_errors=True)


def main(argv: list[str]) -> int:
    if argv[:1] == ["start"]:
        cluster = start(stop_at_exit=False)
        print(f"{ENV_URL}={shlex.quote(cluster.url)}")
        print(f"{ENV_URL}_DIR={shlex.quote(str(cluster.root))}")
        return 0
    if argv[:1] == ["stop"] and len(argv) == 2:
        stop(Cluster(Path(argv[1])))
        return 0
    print("usage: pgserver.py start | stop DIR", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
