"""Where the store lives: ``--db``, else ``$WISHDESK_DB``, else the user data directory."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "wishdesk"
DB_FILENAME = "wishdesk.db"
SETTINGS_FILENAME = "config.toml"  # this machine's settings (ui.*, user.name)


def data_dir() -> Path:
    """The user data directory (``typer.get_app_dir("wishdesk")``), computed without typer."""
    override = os.environ.get("WISHDESK_HOME")
    if override:
        return Path(override)
    # Same rules as click.get_app_dir(app_name, roaming=True, force_posix=False), which is
    # what typer.get_app_dir uses; repeated here so the store path costs no typer import.
    if os.name == "nt":
        base = os.environ.get("APPDATA") or os.path.expanduser("~")
        return Path(base) / APP_NAME
    if os.uname().sysname == "Darwin":
        return Path(os.path.expanduser("~/Library/Application Support")) / APP_NAME
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.expanduser("~/.config")
    return Path(base) / APP_NAME


def settings_path() -> Path:
    """This machine's settings file (``config.toml`` in the data directory)."""
    return data_dir() / SETTINGS_FILENAME


def db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The store path in force: the explicit one, ``$WISHDESK_DB``, or the data dir's."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("WISHDESK_DB")
    if env:
        return Path(env).expanduser()
    return data_dir() / DB_FILENAME
