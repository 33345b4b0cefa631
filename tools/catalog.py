"""The translation catalog, kept complete: ``python tools/catalog.py update|missing|compile``.

- ``update [--from PO ...]``: extract every interface text (babel.cfg) and rewrite
  ``src/wishdesk/locale/zh/LC_MESSAGES/wishdesk.po`` with exactly those texts, sorted, each
  keeping its translation (from the catalog itself, else from a ``--from`` catalog: another
  branch's copy when two branches are merged); texts no longer in the code are dropped.
- ``missing [--under PATH]``: the texts that have no translation yet (exit 1 if any), or
  only those found under PATH (``src/wishdesk/render``).
- ``compile``: build the ``.mo`` (``hatch_build.py`` does it on every install).

The catalog test (tests/i18n/test_catalog.py) uses ``extracted`` and ``translations``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CATALOG = ROOT / "src/wishdesk/locale/zh/LC_MESSAGES/wishdesk.po"
STAMP = datetime(2026, 12, 1, tzinfo=timezone.utc)  # a fixed header: no churn in diffs

Key = Any  # a msgid: a text, or (singular, plural)


def extracted(root: Path = ROOT) -> dict[Key, list[str]]:
    """Every interface text of the code -> where it is (file:line)."""
    from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg

    sys.path.insert(0, str(root / "src"))
    with (root / "babel.cfg").open(encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    found: dict[Key, list[str]] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(root), method_map, options_map, keywords=DEFAULT_KEYWORDS
    ):
        key = tuple(message) if isinstance(message, (list, tuple)) else message
        if key and key != ("",):
            found.setdefault(key, []).append(f"{filename}:{lineno}")
    return found


def translations(path: Path = CATALOG) -> dict[Key, Any]:
    """The catalog's translated texts (not fuzzy, not empty) -> their translation."""
    from babel.messages.pofile import read_po

    if not path.exists():
        return {}
    with path.open("rb") as stream:
        catalog = read_po(stream)
    out: dict[Key, Any] = {}
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if all(strings):
            out[message.id] = message.string
    return out


def update(sources: Iterable[Path] = ()) -> tuple[int, int]:
    """Rewrite the catalog (see the module doc); (texts, untranslated)."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    known: dict[Key, Any] = {}
    for source in sources:
        known.update(translations(source))
    known.update(translations(CATALOG))  # the catalog's own translation wins
    catalog = Catalog(
        locale="zh",
        domain="wishdesk",
        project="wishdesk",
        copyright_holder="the wishdesk authors",
        msgid_bugs_address="",
        last_translator="the wishdesk authors",
        language_team="Chinese (Simplified)",
        creation_date=STAMP,
        revision_date=STAMP,
        fuzzy=False,
    )
    missing = 0
    for key in extracted():
        string = known.get(key, "" if isinstance(key, str) else ("",))
        missing += not known.get(key)
        catalog.add(key, string)
    CATALOG.parent.mkdir(parents=True, exist_ok=True)
    with CATALOG.open("wb") as out:
        write_po(out, catalog, width=0, no_location=True, sort_output=True)
    return len(catalog), missing


def compile_catalogs(root: Path = ROOT) -> list[Path]:
    """Write each catalog's ``.mo`` beside its ``.po`` (atomically); the paths written."""
    import os
    import tempfile

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po in sorted(root.glob("src/wishdesk/locale/*/LC_MESSAGES/*.po")):
        with po.open("rb") as stream:
            catalog = read_po(stream, abort_invalid=True)
        target = po.with_suffix(".mo")
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".mo-")
        with os.fdopen(fd, "wb") as out:
            write_mo(out, catalog, use_fuzzy=False)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    up = sub.add_parser("update")
    up.add_argument("--from", dest="sources", type=Path, nargs="*", default=[])
    miss = sub.add_parser("missing")
    miss.add_argument("--under", default="", help="only texts found under this path")
    sub.add_parser("compile")
    args = parser.parse_args(argv)
    if args.command == "update":
        total, missing = update(args.sources)
        print(f"{CATALOG.relative_to(ROOT)}: {total} texts, {missing} without a translation")
        return 0
    if args.command == "missing":
        done = translations()
        todo = [
            key
            for key, places in extracted().items()
            if key not in done and any(place.startswith(args.under) for place in places)
        ]
        for key in todo:
            print(key if isinstance(key, str) else " | ".join(key))
        return 1 if todo else 0
    for path in compile_catalogs(ROOT):
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
