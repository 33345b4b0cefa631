"""Templates, the set of them a command works with, and the choice of language."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from wishdesk.domain.templates.syntax import placeholders
from wishdesk.errors import NotFoundError

LANGUAGES = ("en", "es", "fr", "de", "pt", "it", "zh")  # every built-in template has all seven
FALLBACK = "en"
KINDS = ("proactive", "reply", "custom")
_PRIMARY = re.compile(r"[a-z]{2,3}")
# NAME.LANG.txt, or NAME.LANG.late.txt for the text said when the expected delivery has passed
FILE_NAME = re.compile(
    r"(?P<name>[a-z0-9][a-z0-9_-]*)\.(?P<lang>[a-z]{2,3})(?:\.(?P<variant>late))?\.txt"
)


@dataclass(frozen=True)
class Template:
    """One template text in one language."""

    name: str
    lang: str
    text: str
    kind: str = "custom"
    source: str = "builtin"  # "builtin", or the path of the user's file
    variant: str = ""  # "late": said instead when the order's expected delivery has passed

    @property
    def placeholders(self) -> list[str]:
        return placeholders(self.text)

    def record(self) -> dict[str, object]:
        """The documented JSON record (``templates show --json``)."""
        return {
            "name": self.name,
            "kind": self.kind,
            "lang": self.lang,
            "text": self.text,
            "placeholders": self.placeholders,
            "source": "builtin" if self.source == "builtin" else "user",
        }

    def speaks(self, locale: str) -> bool:
        """Is this text in the language of ``locale`` (``pt-BR``: pt)?"""
        return primary_language(locale) == self.lang


@dataclass(frozen=True)
class TemplateInfo:
    """What the catalog says about a template, whatever its language."""

    name: str
    kind: str
    reason: str | None = None
    description: str = ""


def primary_language(locale: str | None) -> str:
    """The primary language subtag of a locale: ``pt-BR``, ``pt_BR.UTF-8`` -> pt."""
    return re.split(r"[-_.@]", (locale or "").strip().lower(), maxsplit=1)[0]


def pick_language(locale: str | None, available: Iterable[str] = LANGUAGES) -> str:
    """The language, of ``available``, for a BCP-47 locale: ``pt-BR`` -> pt; else en.
    Chinese is one language here: ``zh-CN``, ``zh-Hans``, ``zh-TW``, ``zh-HK`` and
    ``zh_CN.UTF-8`` all give zh (the built-in texts are simplified Chinese).
    Templates choose through ``TemplateSet.for_locale``, which offers the languages a
    template really has (the user's own included)."""
    primary = primary_language(locale)
    if _PRIMARY.fullmatch(primary) and primary in set(available):
        return primary
    return FALLBACK


def _lang_key(lang: str) -> tuple[int, str]:
    return (LANGUAGES.index(lang), "") if lang in LANGUAGES else (len(LANGUAGES), lang)


class TemplateSet:
    """Templates by name and language, with the catalog's kind, reason and description."""

    def __init__(self, infos: Iterable[TemplateInfo], templates: Iterable[Template]) -> None:
        self._infos = {info.name: info for info in infos}
        self._texts: dict[str, dict[str, Template]] = {name: {} for name in self._infos}
        self._variants: dict[tuple[str, str, str], Template] = {}
        for template in templates:
            if template.name not in self._infos:
                self._infos[template.name] = TemplateInfo(template.name, "custom")
                self._texts[template.name] = {}
            kind = self._infos[template.name].kind
            typed = replace(template, kind=kind)
            if template.variant:
                self._variants[template.name, template.lang, template.variant] = typed
            else:
                self._texts[template.name][template.lang] = typed

    def names(self) -> list[str]:
        """Every template name: the built-in ones in catalog order, then the user's."""
        return [name for name, texts in self._texts.items() if texts]

    def info(self, name: str) -> TemplateInfo:
        if not self._texts.get(name):
            available = ", ".join(self.names())
            raise NotFoundError(f"no template {name!r}; available: {available}")
        return self._infos[name]

    def kind(self, name: str) -> str:
        return self.info(name).kind

    def languages(self, name: str) -> list[str]:
        self.info(name)
        return sorted(self._texts[name], key=_lang_key)

    def for_reason(self, reason: str) -> str | None:
        """The reply template that answers a ticket reason, if there is one."""
        return next((n for n in self.names() if self._infos[n].reason == reason), None)

    def get(self, name: str, lang: str) -> Template:
        """The template in ``lang``; in English (or its first language) when it lacks it."""
        self.info(name)
        texts = self._texts[name]
        chosen = lang if lang in texts else FALLBACK
        return texts[chosen] if chosen in texts else texts[self.languages(name)[0]]

    def for_locale(self, name: str, locale: str | None, *, late: bool = False) -> Template:
        """The template in the language a buyer's locale asks for; with ``late`` (the
        order's expected delivery has passed) its ``late`` text, where it has one."""
        chosen = self.get(name, pick_language(locale, self.languages(name)))
        return self._variants.get((name, chosen.lang, "late"), chosen) if late else chosen

    def variants(self, name: str) -> list[Template]:
        """The template's variant texts (``late``), in every language it has them."""
        return [t for (n, _, _), t in self._variants.items() if n == name]

    def merged(self, templates: Iterable[Template]) -> TemplateSet:
        """A new set where ``templates`` add names or replace languages of existing ones."""
        own = [t for texts in self._texts.values() for t in texts.values()]
        return TemplateSet(self._infos.values(), [*own, *self._variants.values(), *templates])
