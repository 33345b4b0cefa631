"""The built-in templates: ``data/catalog.toml`` plus one ``NAME.LANG.txt`` per text.

Reading this package's own data files is the only I/O here; it happens once, on first use.
"""

from __future__ import annotations

from functools import lru_cache

from wishdesk.domain import toml
from wishdesk.domain.templates.model import (
    FILE_NAME,
    KINDS,
    Template,
    TemplateInfo,
    TemplateSet,
)
from wishdesk.domain.templates.syntax import parse


def _catalog(text: str) -> list[TemplateInfo]:
    infos = []
    for name, entry in toml.loads(text).items():
        kind = entry["kind"]
        if kind not in KINDS:
            raise ValueError(f"catalog.toml: {name}: unknown kind {kind!r}")
        infos.append(TemplateInfo(name, kind, entry.get("reason"), entry.get("description", "")))
    return infos


@lru_cache(maxsize=1)
def builtin_templates() -> TemplateSet:
    """Every built-in template in every language (parsed once, then shared)."""
    from importlib import resources

    data = resources.files(__package__).joinpath("data")
    infos = _catalog(data.joinpath("catalog.toml").read_text("utf-8"))
    known = {info.name for info in infos}
    templates = []
    for entry in data.iterdir():
        found = FILE_NAME.fullmatch(entry.name)
        if found is None:
            continue
        if found["name"] not in known:
            raise ValueError(f"template file {entry.name} is not in catalog.toml")
        text = entry.read_text("utf-8").strip()
        parse(text)  # a malformed built-in is a bug: fail loudly
        templates.append(
            Template(found["name"], found["lang"], text, variant=found["variant"] or "")
        )
    return TemplateSet(infos, templates)
