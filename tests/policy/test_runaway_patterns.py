"""No lexicon pattern may take exponential time: texts built for the patterns that once did
(a repeated group whose two alternatives both match the same character, so a run of
"1.1.1..." after a bank word could be read 2^n ways) lint in a blink, through the real CLI.

The repeated groups are ``(?:[^\\n]|(?<=\\d)[.](?=\\d)){0,100}?`` ("a bank named, then
confirm your data", en/de/es/fr/pt) and ``(?:[^.?!\\n]|(?<=\\d)[.,](?=\\d)){0,60}?`` (pt, "a fee
that remains open"); before they were fixed the texts below took from seconds to more than a
minute each. A second test reads every pattern of the plan for that shape.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from wishdesk.domain.policy.plan import build_plan, packaged_files

RUNAWAY = [
    "confirm. bank 1" + ".1" * 60,
    "Please confirm your order. Bank ref 1" + ".1" * 60,
    "Bank app version " + "1.2.3." * 20 + " - please confirm the size.",
    "bestatigen. bank 1" + ".1" * 60,
    "confirme. banco 1" + ".1" * 60,
    "confirmez. banque 1" + ".1" * 60,
    "permanece em aberto. multa 1" + ",1" * 60,
    "portes " + "1,2," * 30 + " permanece em aberto",
]
BUDGET = 20.0  # seconds for all of them with start-up; a few hundred milliseconds when linear


def test_texts_built_for_backtracking_lint_quickly(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        "".join(json.dumps({"id": str(i), "text": t}) + "\n" for i, t in enumerate(RUNAWAY)),
        encoding="utf-8",
    )
    start = time.monotonic()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "wishdesk", "lint", "--batch", str(batch)],
            capture_output=True,
            text=True,
            timeout=BUDGET,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"lint --batch took more than {BUDGET} s on {len(RUNAWAY)} texts")
    assert done.returncode in (0, 1), done.stderr
    assert len(done.stdout.splitlines()) == len(RUNAWAY)
    assert time.monotonic() - start < BUDGET


# A repeated group of two alternatives, one a negated class and one a digit-guarded class.
_GROUP = re.compile(r"\(\?:\[\^((?:\\.|[^\]\\])*)\]\|\(\?<=\\d\)\[((?:\\.|[^\]\\])*)\]\(\?=\\d\)\)")


def _chars(body: str) -> set[str]:
    return set(body.replace("\\n", "\n").replace("\\", ""))


def test_no_pattern_repeats_a_group_whose_alternatives_overlap() -> None:
    plan = build_plan(packaged_files())
    overlapping = []
    for rule, gates in plan["dispatch"].items():
        for item in gates:
            source = item[0] or "|".join(b[0] for b in item[2])
            for m in _GROUP.finditer(source):
                both = _chars(m.group(2)) - _chars(m.group(1))  # in the class and not excluded
                if both:
                    overlapping.append((rule, m.group(0), sorted(both)))
    assert not overlapping, overlapping
