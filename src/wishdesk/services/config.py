"""``wishdesk init`` and ``wishdesk config``: the settings, validated; deadlines follow every
calendar or SLA change.

Store keys live in the store's ``settings`` table; per-machine keys (``ui.pager``) in
``config.toml`` in the config directory (``typer.get_app_dir("wishdesk")`` or
``$WISHDESK_HOME``), so that a shared store does not impose one person's terminal on another.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from wishdesk.domain import settings as keys
from wishdesk.errors import InputError, UsageError
from wishdesk.store import settings as stored
from wishdesk.store.db import Store

RECORD_FIELDS = ("key", "value", "help")


def validated(changes: Mapping[str, str]) -> dict[str, str]:
    """The changes as given, each checked on its own (before any store is created); what
    depends on the other settings is checked by ``update``."""
    for key, value in changes.items():
        keys.validate(key, value)
    return dict(changes)


def records(store: Store) -> list[dict[str, str]]:
    """Every setting with its value and what it means (``config list``): the store's, then
    this machine's."""
    values = {**current(store), **machine_settings()}
    return [{"key": k, "value": v, "help": keys.KEYS[k].help} for k, v in values.items()]


def current(store: Store) -> dict[str, str]:
    """The store's settings, defaults filled in."""
    return keys.with_defaults(stored.load(store))


def get(open_store: Callable[[], Store], key: str) -> str:
    """One setting's value; the store is opened only for a store key."""
    if key not in keys.KEYS:
        raise UsageError(f"unknown setting {key!r}: see `wishdesk config list`")
    if keys.KEYS[key].machine:
        return machine_settings()[key]
    return current(open_store())[key]


def set_value(open_store: Callable[[], Store], key: str, value: str) -> int:
    """Validate and keep one setting (a per-machine one in ``config.toml``, without opening
    the store); returns the number of open tickets whose deadlines were recomputed."""
    canonical = keys.validate(key, value)
    if keys.KEYS[key].machine:
        _save_machine({**_read_machine(), key: canonical})
        return 0
    return update(open_store(), {key: canonical})


def machine_path() -> Path:
    """``config.toml`` in the config directory: this machine's settings."""
    from wishdesk.store.location import settings_path

    return settings_path()


def machine_value(key: str) -> str | None:
    """A per-machine setting as set in ``config.toml``; None when it is not set there (which
    is not the same as set to the empty text)."""
    value = _read_machine().get(key)
    return value if isinstance(value, str) else None


def machine_settings() -> dict[str, str]:
    """Every per-machine setting, defaults filled in."""
    found = _read_machine()
    values = {
        name: found[name] if isinstance(found.get(name), str) else keys.KEYS[name].default
        for name in keys.MACHINE_KEYS
    }
    values["user.name"] = values["user.name"] or _login_name()
    return values


def user_name() -> str:
    """Who is at this machine: ``user.name``, else the login name."""
    return machine_settings()["user.name"]


def _login_name() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name to be found (a bare container)
        return "unknown"


def _read_machine() -> dict[str, Any]:
    """The flattened content of ``config.toml`` (``{"ui.pager": ...}``); empty if none."""
    from wishdesk.domain.toml import TOMLDecodeError, loads

    path = machine_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {getattr(exc, 'strerror', None) or exc}") from None
    try:
        return dict(_flatten(loads(text)))
    except TOMLDecodeError as exc:
        raise InputError(f"bad settings file {path}: {exc}") from None


def _flatten(table: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for name, value in table.items():
        if isinstance(value, Mapping):
            yield from _flatten(value, f"{prefix}{name}.")
        else:
            yield f"{prefix}{name}", value


def _save_machine(values: Mapping[str, Any]) -> None:
    """Rewrite ``config.toml`` with ``values`` (its string entries: wishdesk keeps text
    only), atomically and private to the user."""
    import tempfile

    path = machine_path()
    sections: dict[str, list[str]] = {}
    for key, value in sorted(values.items()):
        if isinstance(value, str):
            section, _, name = key.rpartition(".")
            sections.setdefault(section, []).append(f"{_toml_key(name)} = {_toml_text(value)}")
    lines = ["# This machine's wishdesk settings (`wishdesk config set`; docs/config.md)."]
    for section, entries in sections.items():
        lines += ["", f"[{section}]"] if section else [""]
        lines += entries
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, temp = tempfile.mkstemp(prefix=".config-", suffix=".toml", dir=path.parent)
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write("\n".join(lines) + "\n")
        os.replace(temp, path)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise InputError(f"cannot write {path}: {exc.strerror}") from None


def _toml_key(name: str) -> str:
    bare = name and all(c.isascii() and (c.isalnum() or c in "-_") for c in name)
    return name if bare else _toml_text(name)


def _toml_text(value: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    out = ['"']
    for char in value:
        if char in '"\\':
            out.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def update(store: Store, changes: Mapping[str, str]) -> int:
    """Validate and store several settings at once; nothing changes if any is invalid.
    The values are checked against the others in the transaction that writes them, so two
    ``config set`` at once cannot each pass a check the other makes false. Returns the
    number of open tickets whose deadlines were recomputed."""
    canonical = {k: keys.validate(k, v) for k, v in changes.items()}
    with store.transaction():
        before = current(store)
        merged = {**before, **canonical}
        subdivision = keys.validate_calendar(merged)
        if subdivision != merged["calendar.subdivision"]:
            canonical["calendar.subdivision"] = merged["calendar.subdivision"] = subdivision
        if _DAY_LISTS.intersection(canonical):
            _check_overlap(merged)
        recompute = any(keys.KEYS[k].recompute and merged[k] != before[k] for k in canonical)
        stored.save(store, canonical)
        if not recompute:
            return 0
        from wishdesk.services.tickets import recompute_open

        return recompute_open(store)


# A day in both lists is refused when one of them is set; a store that holds one from an
# older wishdesk still takes every other setting (and the fix of either list).
_DAY_LISTS = frozenset({"calendar.extra_holidays", "calendar.extra_workdays"})


def _check_overlap(values: Mapping[str, str]) -> None:
    both = keys.parse_dates(values["calendar.extra_holidays"]) & keys.parse_dates(
        values["calendar.extra_workdays"]
    )
    if both:
        day = min(both).isoformat()
        raise UsageError(f"{day} cannot be both an extra holiday and an extra workday")
