"""The policy linter's plan, kept between runs in the user's cache directory.

Building the plan (``wishdesk.domain.policy.plan``) parses every policy regex to work out its
triggers; loading a kept one is a few milliseconds. ``prime()`` puts the plan of the packaged
data in place before the first lint: loaded from the cache when it holds one for exactly that
data, code and Python version, else built and saved for the next run.

The cache directory is ``$WISHDESK_CACHE_DIR`` when set, else ``$XDG_CACHE_HOME/wishdesk``
(``~/.cache/wishdesk``), ``~/Library/Caches/wishdesk`` on macOS and
``%LOCALAPPDATA%\\wishdesk\\Cache`` on Windows. Files are written atomically (a private
temporary file, then ``os.replace``), readable by the user only, and loaded only when the
user owns them. A cache that cannot be read or written only means building in memory: no
command fails because of it.
"""

from __future__ import annotations

import contextlib
import gc
import marshal
import os
import sys
import time
from typing import Any

APP_NAME = "wishdesk"
PREFIX = "policy-plan-"
SUFFIX = ".marshal"
KEEP = 8  # plans kept side by side (other versions and Pythons share the directory)
_STALE_TEMPORARY = 3600.0  # seconds after which a temporary file is a crashed writer's


def cache_dir() -> str | None:
    """The user cache directory for wishdesk, or ``None`` when there is no usable one."""
    override = os.environ.get("WISHDESK_CACHE_DIR")
    if override:
        return os.path.abspath(os.path.expanduser(override))
    if os.name == "nt":
        base = os.environ.get("LOCALAPPDATA") or os.path.expanduser("~\\AppData\\Local")
        path = os.path.join(base, APP_NAME, "Cache")
    elif sys.platform == "darwin":
        path = os.path.join(os.path.expanduser("~/Library/Caches"), APP_NAME)
    else:
        base = os.environ.get("XDG_CACHE_HOME", "")
        if not os.path.isabs(base):  # the XDG rule: a relative path is to be ignored
            base = os.path.expanduser("~/.cache")
        path = os.path.join(base, APP_NAME)
    # With no home directory "~" stays as it is: never cache relative to the working directory.
    return path if os.path.isabs(path) else None


def trusted(fd: int) -> bool:
    """A cache file that the user owns and nobody else can write (POSIX; always on Windows)."""
    if not hasattr(os, "getuid"):
        return True
    info = os.fstat(fd)
    return info.st_uid == os.getuid() and not info.st_mode & 0o022


def load(path: str, key: str) -> object | None:
    """The plan kept at ``path`` under ``key``, or ``None`` (missing, foreign or damaged)."""
    collecting = gc.isenabled()
    try:
        with open(path, "rb") as handle:
            if not trusted(handle.fileno()):
                return None
            data = handle.read()  # marshal.load on a file reads it piece by piece: 10x slower
        # Tens of thousands of new objects, none in a cycle, kept as long as the process: a
        # collection pass among them (during the load or just after) costs more than the
        # load itself, so the collector is paused and then leaves them (and all before) be.
        gc.disable()
        stored = marshal.loads(data)
        gc.freeze()
    except Exception:  # any failure to read a cache is a miss
        return None
    finally:
        if collecting:
            gc.enable()
    if isinstance(stored, dict) and stored.get("key") == key:
        return stored.get("plan")
    return None


def save(directory: str, key: str, plan: dict[str, Any]) -> None:
    """Keep ``plan`` as ``<directory>/<key>.marshal`` and drop old plans. Never raises for
    an unwritable directory or a full disk."""
    from wishdesk.domain.policy.plan import packed

    try:
        os.makedirs(directory, mode=0o700, exist_ok=True)
        path = os.path.join(directory, key + SUFFIX)
        write_private(path, marshal.dumps({"key": key, "plan": packed(plan)}))
        _prune(directory, keep=path)
    except (OSError, ValueError):  # ValueError: marshal refusing an unexpected object
        pass


def write_private(path: str, data: bytes) -> None:
    """Write ``path`` atomically, readable by the user only: a private temporary file
    beside it (``<path>.<pid>.<random>.tmp``), then ``os.replace``."""
    temporary = f"{path}.{os.getpid()}.{os.urandom(4).hex()}.tmp"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(temporary, flags, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except BaseException:
        _remove(temporary)
        raise


def _prune(directory: str, *, keep: str) -> None:
    """Remove all but the ``KEEP`` newest plans (``keep`` among them) and temporary files
    left by writers that died."""
    plans: list[tuple[float, str]] = []
    now = time.time()
    with os.scandir(directory) as entries:
        for entry in entries:
            if not entry.name.startswith(PREFIX) or entry.path == keep:
                continue
            try:
                modified = entry.stat(follow_symlinks=False).st_mtime
            except OSError:
                continue
            if entry.name.endswith(SUFFIX):
                plans.append((modified, entry.path))
            elif entry.name.endswith(".tmp") and now - modified > _STALE_TEMPORARY:
                _remove(entry.path)
    for _, path in sorted(plans, reverse=True)[KEEP - 1 :]:
        _remove(path)


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.remove(path)


def prime() -> None:
    """Put the policy plan in place before the first lint: from the cache, else built (and
    kept for the next run). Cheap after the first call in a process; never raises for
    trouble with the cache."""
    from wishdesk.domain.policy import plan as policy_plan
    from wishdesk.services import regex_cache

    if policy_plan.installed():
        return
    regex_cache.prime()
    files = policy_plan.packaged_files()
    key = policy_plan.cache_key(files)
    directory = cache_dir()
    if directory is not None:
        kept = load(os.path.join(directory, key + SUFFIX), key)
        if kept is not None:
            try:
                policy_plan.install(kept)
                return
            except ValueError:
                pass
    built = policy_plan.build_plan(files)
    policy_plan.install(built)
    if directory is not None:
        save(directory, key, built)
