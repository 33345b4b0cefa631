"""Shared bench helpers: run a command several times, report best wall time and peak memory.

Benchmarks live outside the test run. Each prints its figures next to a peer measured in
the same run on the same data, and the ratio (ours / peer: below 1.0 means faster).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

NOW = "2026-11-26T07:00:00Z"
DATA = Path(os.environ.get("WISHDESK_BENCH_DIR", Path(__file__).parent / ".data"))


@dataclass
class Timing:
    seconds: float
    peak_mb: float
    cpu: float = 0.0  # user + system seconds of the command's processes, in the same run


def tool(name: str) -> str:
    """A console script from the running interpreter's environment."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"bench: {name} not found; install the project with its test extra")
    return found


_TIME = Path("/usr/bin/time").exists()


def measure(
    cmd: list[str], *, repeat: int = 5, env: dict[str, str] | None = None, stdin: Path | None = None
) -> Timing:
    """Best of ``repeat`` wall times (and that run's CPU time) and the largest peak RSS,
    output discarded.

    Peak memory comes from GNU time (``/usr/bin/time -f %M``) when it is installed: a child
    forked straight from this (large) bench process would inherit its high-water mark."""
    best, peak, cpu = float("inf"), 0.0, float("inf")
    full_env = {**os.environ, "WISHDESK_NOW": NOW, **(env or {})}
    wrapped = ["/usr/bin/time", "-f", "maxrss=%M", *cmd] if _TIME else cmd
    for _ in range(repeat):
        start = time.perf_counter()
        with open(stdin or os.devnull, "rb") as inp:
            proc = subprocess.Popen(
                wrapped, stdin=inp, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=full_env
            )
            _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        err = proc.stderr.read().decode() if proc.stderr else ""
        if proc.stderr:
            proc.stderr.close()
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            raise SystemExit(f"bench: {' '.join(cmd)} failed ({code}): {err[-500:]}")
        if elapsed < best:
            best, cpu = elapsed, usage.ru_utime + usage.ru_stime
        marks = [line for line in err.splitlines() if line.startswith("maxrss=")]
        kb = int(marks[-1].split("=")[1]) if marks else usage.ru_maxrss
        peak = max(peak, kb / 1024)
    return Timing(best, peak, cpu)


def demo_store(tickets: int, seed: int = 1) -> Path:
    """A demo store of ``tickets`` tickets, built once and reused."""
    DATA.mkdir(parents=True, exist_ok=True)
    path = DATA / f"demo-{tickets}.db"
    if not path.exists():
        print(f"building {path.name} (wishdesk demo --tickets {tickets}) ...", flush=True)
        start = time.perf_counter()
        subprocess.run(
            [
                tool("wishdesk"),
                "--db",
                str(path),
                "demo",
                "--tickets",
                str(tickets),
                "--seed",
                str(seed),
                "--quiet",
            ],
            check=True,
            env={**os.environ, "WISHDESK_NOW": NOW},
        )
        print(f"  built in {time.perf_counter() - start:.1f} s", flush=True)
    # A store cached by an earlier version upgrades on first open: do it here, untimed.
    start = time.perf_counter()
    subprocess.run(
        [tool("wishdesk"), "--db", str(path), "list", "--limit", "1", "--format", "tsv"],
        check=True,
        stdout=subprocess.DEVNULL,
        env={**os.environ, "WISHDESK_NOW": NOW},
    )
    if time.perf_counter() - start > 1:
        print(f"  {path.name} upgraded in {time.perf_counter() - start:.1f} s", flush=True)
    return path


def row(label: str, ours: Timing, peer: Timing, peer_label: str) -> str:
    ratio = ours.seconds / peer.seconds if peer.seconds else float("inf")
    return (
        f"| {label} | {ours.seconds * 1000:.0f} ms | {peer_label} | "
        f"{peer.seconds * 1000:.0f} ms | {ratio:.2f}x |"
    )


HEADER = "| what | wishdesk | peer | peer time | ratio |\n|---|---|---|---|---|"
