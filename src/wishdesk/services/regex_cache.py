"""The linter's compiled regexes, kept between runs in the user's cache directory.

``wishdesk.domain.regex_codes`` compiles a regex from a code list kept by an earlier run;
this module keeps those lists, one file a regex (named by a checksum of its source, which
the file holds too) under ``<cache dir>/regex-codes-<python>-<re engine>/`` in the
directory of ``plan_cache.cache_dir``. A run reads only the files of the regexes it
compiles, and writes those it compiled anew when the process exits, then drops the oldest
files beyond ``KEEP``. Files are written atomically and read only when the user owns them,
as the plan's are. A cache that cannot be read or written only means compiling the ordinary
way: no command fails because of it.
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import sys
import zlib
from typing import Any

KEEP = 4096  # files kept (a regex's code is 1 to 30 kB)
_primed = False


def _directory() -> str | None:
    from wishdesk.domain import regex_codes
    from wishdesk.services.plan_cache import cache_dir

    base = cache_dir()
    if base is None:
        return None
    engine = regex_codes.engine()
    if engine is None:  # pragma: no cover - another interpreter
        return None
    version = f"{sys.version_info[0]}{sys.version_info[1]}"
    return os.path.join(base, f"regex-codes-py{version}-{engine}")


def _name(source: str) -> str:
    raw = source.encode("utf-8", "surrogatepass")
    return f"{zlib.crc32(raw):08x}{zlib.adler32(raw):08x}.marshal"


def load(directory: str, source: str) -> Any:
    """The code kept for ``source`` in ``directory``, or ``None`` (missing, foreign,
    damaged or another source's)."""
    from wishdesk.services.plan_cache import trusted

    try:
        with open(os.path.join(directory, _name(source)), "rb") as handle:
            if not trusted(handle.fileno()):
                return None
            stored = marshal.loads(handle.read())
    except Exception:  # any failure to read a cache is a miss
        return None
    if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == source:
        return stored[1]
    return None


def keep(directory: str) -> None:
    """Write the codes compiled in this run. Never raises for an unwritable directory or a
    full disk."""
    from wishdesk.domain import regex_codes
    from wishdesk.services.plan_cache import write_private

    fresh = regex_codes.new_codes()
    if not fresh:
        return
    try:
        os.makedirs(directory, mode=0o700, exist_ok=True)
        for source, code in fresh.items():
            write_private(os.path.join(directory, _name(source)), marshal.dumps((source, code)))
        _prune(directory)
    except (OSError, ValueError):  # ValueError: marshal refusing an unexpected object
        pass


def _prune(directory: str) -> None:
    """Drop the oldest files beyond ``KEEP`` (and temporary files of writers that died)."""
    entries: list[tuple[float, str]] = []
    with os.scandir(directory) as found:
        for entry in found:
            with contextlib.suppress(OSError):
                entries.append((entry.stat(follow_symlinks=False).st_mtime, entry.path))
    if len(entries) <= KEEP:
        return
    for _, path in sorted(entries)[: len(entries) - KEEP]:
        with contextlib.suppress(OSError):
            os.remove(path)


def prime() -> None:
    """Compile the linter's regexes from the kept codes from now on, and keep the new ones
    when the process exits. Cheap after the first call in a process."""
    global _primed
    if _primed:
        return
    _primed = True
    directory = _directory()
    if directory is None:
        return
    from wishdesk.domain import regex_codes

    regex_codes.install(lambda source: load(directory, source))
    atexit.register(keep, directory)
