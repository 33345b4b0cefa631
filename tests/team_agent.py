"""One agent of tests/test_team_agents.py: a process of its own, with its own config dir
(``WISHDESK_HOME``, set by the test) and ``user.name``, that works the shared store named by
``WISHDESK_DB`` through the real CLI for a while and logs what every command said (JSONL: its
arguments, exit code, stdout, stderr, and the traceback of anything that escaped).

    python tests/team_agent.py NAME SECONDS LOG POOL WISH_URL [--sync|--push]

POOL is a JSONL file of Wish tickets and orders (what the fake Wish holds too); ``--sync``
runs ``wishdesk sync`` and ``--push`` ``wishdesk sync --no-pull`` every few seconds, at the
same moments in every agent that does (so two pushes run at once).
"""

from __future__ import annotations

import json
import random
import sys
import time
import traceback
from pathlib import Path
from typing import Any

SYNC_EVERY_S = 3
NOTIFY_ORDERS = 8  # few orders, so agents notify the same one at the same time


def main(argv: list[str]) -> int:
    name, seconds, log_path, pool_path, wish_url, *mode = argv
    from typer.testing import CliRunner

    from wishdesk.cli.app import app

    pool = [json.loads(line) for line in Path(pool_path).read_text().splitlines()]
    tickets = [r for r in pool if "subject" in r]
    orders = [r["id"] for r in pool if "subject" not in r]
    rng = random.Random(name)
    runner = CliRunner()
    work = Path(log_path).parent
    with open(log_path, "w", encoding="utf-8") as log:

        def wd(*args: str) -> Any:
            result = runner.invoke(app, list(args), catch_exceptions=True)
            escaped = result.exception is not None and not isinstance(result.exception, SystemExit)
            record = {
                "agent": name,
                "args": list(args),
                "code": result.exit_code,
                "out": result.stdout,
                "err": result.stderr,
                "traceback": "".join(traceback.format_exception(*result.exc_info))
                if escaped and result.exc_info
                else "",
            }
            log.write(json.dumps(record) + "\n")
            log.flush()
            return result

        wd("config", "set", "user.name", name)
        end = time.monotonic() + float(seconds)
        slot = int(time.time()) // SYNC_EVERY_S
        count = 0
        while time.monotonic() < end:
            count += 1
            now_slot = int(time.time()) // SYNC_EVERY_S
            if mode and now_slot != slot:
                slot = now_slot
                wd("sync", "--base-url", wish_url, *(["--no-pull"] if mode == ["--push"] else []))
                continue
            ticket = rng.choice(tickets)["id"]
            op = rng.random()
            if op < 0.15:
                chosen = rng.sample(pool, 12)
                path = work / f"{name}-import-{count}.jsonl"
                path.write_text("".join(json.dumps(r) + "\n" for r in chosen), encoding="utf-8")
                wd("import", str(path))
            elif op < 0.35:
                view = rng.choice([["--mine"], ["--unassigned"], ["--state", "any"], []])
                wd("list", *view, "--format", rng.choice(["tsv", "json"]))
            elif op < 0.65:
                text = f"Thank you for waiting. We checked your order today (note {name}-{count})."
                force = ["--force"] if rng.random() < 0.5 else []
                wd("reply", ticket, "-m", text, "--yes", *force)
            elif op < 0.8:
                order = rng.choice(orders[:NOTIFY_ORDERS])
                date = rng.choice(["2026-12-20", "2026-12-24"])
                wd("notify", order, "--template", "shipping-delay", "--var", f"new_date={date}",
                   "--yes")  # fmt: skip
            elif op < 0.95:
                who = rng.choice([["--me"], ["--to", rng.choice(["Ana", "Bo", "Cy"])], ["--none"]])
                wd("assign", ticket, *who)
            else:
                wd("show", ticket, "--json")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
