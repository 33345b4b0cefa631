"""The templates a command works with: the built-in ones plus the user's own files.

User templates live in ``<data dir>/templates/NAME.LANG.txt`` (and ``NAME.LANG.late.txt``,
said instead once the order's expected delivery has passed). A file adds a template (kind
``custom``) or replaces one language of a built-in template; other files there are ignored.
"""

from __future__ import annotations

from pathlib import Path

from wishdesk.domain.templates import Template, TemplateError, TemplateSet, builtin_templates
from wishdesk.domain.templates.model import FILE_NAME
from wishdesk.domain.templates.syntax import parse
from wishdesk.errors import InputError


def templates_dir() -> Path:
    from wishdesk.store.location import data_dir

    return data_dir() / "templates"


def read_template(path: Path) -> Template:
    """One user template file; a bad name, encoding or brace is an error naming the file."""
    match = FILE_NAME.fullmatch(path.name)
    if match is None:
        raise InputError(
            "{path}: not a template file name; use NAME.LANG.txt (lower-case name of "
            "letters, digits, - or _, and a language code: tracking.fr.txt)",
            path=path,
        )
    try:
        text = path.read_bytes().decode("utf-8-sig").strip()
    except UnicodeDecodeError as exc:
        raise InputError(
            "{path}: not UTF-8 text (byte {start}); save it as UTF-8", path=path, start=exc.start
        ) from None
    except OSError as exc:
        raise InputError(
            "{path}: cannot read: {reason}", path=path, reason=exc.strerror or exc
        ) from None
    if not text:
        raise InputError("{path}: the template is empty", path=path)
    try:
        parse(text)
    except TemplateError as exc:
        raise InputError("{path}: {error}", path=path, error=exc) from None
    return Template(
        match["name"], match["lang"], text, source=str(path), variant=match["variant"] or ""
    )


def load_templates(directory: Path | None = None) -> TemplateSet:
    """Built-in templates with the user's files (``directory``, default the data dir's) on top."""
    folder = templates_dir() if directory is None else directory
    if not folder.is_dir():
        return builtin_templates()
    paths = sorted(
        p
        for p in folder.iterdir()
        if p.name.endswith(".txt") and not p.name.startswith(".") and p.is_file()
    )
    if not paths:
        return builtin_templates()
    return builtin_templates().merged(read_template(p) for p in paths)
