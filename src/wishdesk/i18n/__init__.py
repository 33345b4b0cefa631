"""The merchant's language: gettext for everything wishdesk says to a person.

``_("text")`` is the English text, or its translation when the interface speaks Chinese;
``N_("text")`` only marks a text for the catalog (it is translated where it is shown);
``ngettext`` picks the singular or plural form. The language is ``ui.language`` (this
machine's settings), else the first of ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set
(``zh_CN.UTF-8``, ``zh_SG``, ``zh_Hans``, ``zh_TW``, ``zh_HK``: Chinese, in simplified
characters until a traditional catalog exists); English otherwise.

Nothing is read until a translated text is first asked for: the language then, the
catalog (``locale/zh/LC_MESSAGES/wishdesk.mo``, compiled from the ``.po`` when the package is
built) only when the language is not English. A catalog that is missing or unreadable means
English, never an error. Machine output (tsv, csv, json, jsonl), field names, rule and reason
ids and exit codes never go through here.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gettext import NullTranslations

LANGUAGES = ("en", "zh")
DOMAIN = "wishdesk"
ENVIRONMENT = ("LC_ALL", "LC_MESSAGES", "LANG")

_language: str | None = None  # decided on first use, per command line (``reset``)
_catalogs: dict[str, NullTranslations | None] = {}  # read once per process


def N_(message: str) -> str:
    """Marks ``message`` for the catalog; it is translated where it is shown."""
    return message


def _(message: str) -> str:
    """``message`` in the interface's language."""
    catalog = _catalog()
    return message if catalog is None else catalog.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural of a message for ``count``, in the interface's language."""
    catalog = _catalog()
    if catalog is None:
        return singular if count == 1 else plural
    return catalog.ngettext(singular, plural, count)


def language() -> str:
    """``en`` or ``zh``: the language of this command line's interface."""
    global _language
    if _language is None:
        _language = _chosen()
    return _language


def use(lang: str | None) -> None:
    """Speak ``lang`` from now on (None: decide again on the next translated text)."""
    global _language
    _language = lang if lang in LANGUAGES else None if lang is None else "en"


def reset() -> None:
    """Forget the language (a new command line may have other settings or environment)."""
    use(None)


def from_locale(value: str | None) -> str | None:
    """The interface language a POSIX locale or a language tag asks for: ``zh_CN.UTF-8``,
    ``zh-Hans``, ``zh_TW`` -> zh; ``C``, ``POSIX``, ``de_DE`` -> en; empty -> None."""
    text = (value or "").strip()
    if not text:
        return None
    primary = text.replace("-", "_").split("_", 1)[0].split(".", 1)[0].split("@", 1)[0]
    return "zh" if primary.lower() == "zh" else "en"


def _chosen() -> str:
    setting = _setting()
    if setting in LANGUAGES:
        return setting
    for name in ENVIRONMENT:
        found = from_locale(os.environ.get(name))
        if found is not None:
            return found
    return "en"


def _setting() -> str | None:
    """``ui.language`` as this machine's settings give it; None when unset or unreadable (a
    damaged settings file is reported by ``wishdesk config``, not by every message). Read
    here without the settings service, which would cost every message its imports."""
    from wishdesk.store.location import settings_path

    try:
        text = settings_path().read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    if "language" not in text:
        return None
    from wishdesk.domain.toml import TOMLDecodeError, loads

    try:
        section = loads(text).get("ui")
    except TOMLDecodeError:
        return None
    value = section.get("language") if isinstance(section, dict) else None
    return value if isinstance(value, str) and value else None


def _catalog() -> NullTranslations | None:
    lang = language()
    if lang == "en":
        return None
    if lang not in _catalogs:
        _catalogs[lang] = _read(lang)
    return _catalogs[lang]


def _read(lang: str) -> NullTranslations | None:
    from gettext import GNUTranslations

    # beside the package's modules (importlib.resources would cost the Chinese interface
    # some 3 ms of imports for the same file of an installed package)
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    path = os.path.join(here, "locale", lang, "LC_MESSAGES", f"{DOMAIN}.mo")
    try:
        with open(path, "rb") as stream:
            return GNUTranslations(stream)
    except (OSError, ValueError, UnicodeDecodeError):  # missing or damaged: English
        return None
