"""The README tours hold on the day a reader runs them, not only on the pages' own day.

The demo's times follow the clock, so a command that names a fixed date (a snooze until
"2026-12-03 9:00", a notify with ``new_date=2026-12-24``) works on the pages' day and fails
weeks later. This runs the README tours (English and Chinese) again at a clock ten weeks on,
in the Chinese New Year holidays, through ``WISHDESK_DOCS_NOW`` (``test_docs_examples``):
ids and exit codes checked, outputs not compared (they show the pages' own times).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LATER = "2027-02-10T04:30:00Z"


@pytest.mark.xdist_group("docs-clock")
def test_the_readme_tours_hold_ten_weeks_later() -> None:
    env = dict(os.environ, WISHDESK_DOCS_NOW=LATER)
    done = subprocess.run(
        [
            sys.executable, "-m", "pytest", "-n", "0", "-p", "no:cacheprovider",
            "tests/test_docs_examples.py", "-k", "test_example and README",
        ],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-4000:]
    assert " passed" in done.stdout.splitlines()[-1]
