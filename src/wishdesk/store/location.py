"""Where the store lives: ``--db``, else ``$WISHDESK_DB``, else the user data directory; a
``postgresql://`` URL in either names a team store on a PostgreSQL server instead of a file."""

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


URL_SCHEMES = ("postgresql://", "postgres://")


def db_url(explicit: str | os.PathLike[str] | None = None) -> str | None:
    """The PostgreSQL URL in force (``--db``, else ``$WISHDESK_DB``), or None for a file."""
    given = os.fspath(explicit) if explicit else os.environ.get("WISHDESK_DB")
    return given if given and given.startswith(URL_SCHEMES) else None


def shown_url(url: str) -> str:
    """``url`` as it may be shown: without a password, in the user part or as a parameter."""
    from urllib.parse import parse_qsl, urlencode, urlsplit

    parts = urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        user, host = netloc.rsplit("@", 1)
        netloc = user.split(":", 1)[0] + "@" + host
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "password"]
    shown = f"{parts.scheme}://{netloc}{parts.path}"  # urlunsplit drops an empty host
    return shown + ("?" + urlencode(query, safe="/") if query else "")


def db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The store path in force: the explicit one, ``$WISHDESK_DB``, or the data dir's."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("WISHDESK_DB")
    if env:
        return Path(env).expanduser()
    return data_dir() / DB_FILENAME
