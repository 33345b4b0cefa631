"""Help in the merchant's language.

Commands declare their help in English (``help=``, docstrings, ``epilog(...)``); the catalog
holds the translations (``wishdesk.i18n.extract`` finds the texts). When help is shown, each
command about to be printed gets its texts in the interface's language, from the English it
was built with (kept on the command on first use), so the same process can show help in
either language. Typer's own words (panel titles, ``[default: ...]``) and click's messages
(usage, ``No such option``) go through the same catalog.
"""

from __future__ import annotations

import inspect
import sys
from typing import Any

from wishdesk.cli.errors import Epilog, translated_epilog
from wishdesk.i18n import N_, _, ngettext

_ENGLISH = "_wishdesk_english"

# typer.rich_utils's words, by name: English as typer 0.24-0.28 have them
TYPER_WORDS = {
    "ARGUMENTS_PANEL_TITLE": N_("Arguments"),
    "OPTIONS_PANEL_TITLE": N_("Options"),
    "COMMANDS_PANEL_TITLE": N_("Commands"),
    "ERRORS_PANEL_TITLE": N_("Error"),
    "ABORTED_TEXT": N_("Aborted."),
    "DEFAULT_STRING": N_("[default: {}]"),
    "ENVVAR_STRING": N_("[env var: {}]"),
    "RICH_HELP": N_("Try [blue]'{command_path} {help_option}'[/] for help."),
}
# ... and those typer puts in brackets itself
TYPER_BRACKETED = {"REQUIRED_LONG_STRING": N_("required")}


def localize_help(command: Any, ctx: Any) -> None:
    """Give ``command`` (and, for a group, the commands it lists) help in the interface's
    language, and typer's own words with it."""
    localize_framework()
    _localize(command, ctx)
    if hasattr(command, "list_commands"):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None:
                _localize(sub, ctx)


def localize_framework(error: Any = None) -> None:
    """typer's panel titles and error words, and click's messages (the usage ``error`` about
    to be shown, if any), in the interface's language (typer's rich help is imported only
    when help or an error is shown)."""
    from wishdesk.i18n import language

    if language() != "en" and "typer.rich_utils" not in sys.modules:
        import typer.rich_utils  # noqa: F401 - about to show help or an error: loaded anyway
    rich_utils = sys.modules.get("typer.rich_utils")
    if rich_utils is not None:
        for name, english in TYPER_WORDS.items():
            if hasattr(rich_utils, name):
                setattr(rich_utils, name, _(english))
        for name, english in TYPER_BRACKETED.items():
            if hasattr(rich_utils, name):
                setattr(rich_utils, name, f"[{_(english)}]")
        _fold_help(rich_utils, language() != "en")
    wrap_between_characters(language() != "en")
    speak_to_click()
    if error is not None:
        from wishdesk.cli.click_words import localize_error

        localize_error(error)


# Chinese has no spaces between words: a line may break after any character, except before
# closing punctuation (，。) or after opening punctuation (（“), as Chinese typesetting does.
_HAN = "\u2e80-\u2fff\u3040-\u9fff\uac00-\ud7af\uf900-\ufaff"
_OPENING = "（【《“‘「『〈〔"
_CLOSING = "，。、；：？！）】》”’」』〉〕…"
_WORD = rf"\s*[{_OPENING}]*(?:[{_HAN}]|[^\s{_HAN}{_OPENING}{_CLOSING}]+|\S)[{_CLOSING}]*\s*"


def wrap_between_characters(on: bool) -> None:
    """rich wraps help at spaces only, and cuts a longer run short (``…``): in Chinese it
    may break between characters too (rich's word pattern; ``on`` False puts rich's own
    back)."""
    import re

    import rich._wrap

    rich._wrap.__dict__.setdefault("_wishdesk_english", rich._wrap.re_word)
    rich._wrap.re_word = re.compile(_WORD) if on else rich._wrap.__dict__["_wishdesk_english"]


def _fold_help(rich_utils: Any, on: bool) -> None:
    """typer's help texts fold a line that would overflow its column instead of cutting it
    short with ``…`` (rich's columns can be a cell narrower than the text was wrapped for:
    with wide characters that happens often)."""
    made = rich_utils.__dict__.setdefault("_wishdesk_english", rich_utils._make_rich_text)

    def folding(**kwargs: Any) -> Any:
        text = made(**kwargs)
        if getattr(text, "overflow", "") is None:
            text.overflow = "fold"
        return text

    rich_utils._make_rich_text = folding if on else made


def speak_to_click() -> None:
    """click's messages (usage lines, ``No such option: ...``) through wishdesk's catalog:
    its modules look up ``_`` and ``ngettext`` when they speak, so these are swapped for
    ours, which give click's English back wherever the catalog has no translation."""
    import gettext

    import typer

    package = typer.BadParameter.__module__.rpartition(".")[0]  # click, or typer's copy
    for name, module in list(sys.modules.items()):
        if module is None or not (name == package or name.startswith(f"{package}.")):
            continue
        if getattr(module, "_", None) is gettext.gettext:
            module.__dict__["_"] = _
        if getattr(module, "ngettext", None) is gettext.ngettext:
            module.__dict__["ngettext"] = ngettext


def english_epilog(command: Any) -> str | None:
    """``command``'s epilog in English, whatever language its help was last shown in (showing
    help puts the translation in ``command.epilog``)."""
    english = command.__dict__.get(_ENGLISH)
    epilog: str | None = command.epilog if english is None else english[2]
    return epilog


def _localize(command: Any, ctx: Any) -> None:
    english = command.__dict__.get(_ENGLISH)
    if english is None:
        options = [*command.params, command.get_help_option(ctx)]
        params = [(p, p.help) for p in options if getattr(p, "help", None)]
        english = (command.help, command.short_help, command.epilog, params)
        command.__dict__[_ENGLISH] = english
    help_text, short_help, epilog, params = english
    command.help = _paragraphs(help_text)
    command.short_help = _paragraphs(short_help)
    command.epilog = translated_epilog(epilog) if isinstance(epilog, Epilog) else epilog
    for param, text in params:
        param.help = _(text)


def _paragraphs(text: str | None) -> str | None:
    """A command's help (a docstring, indented) in the interface's language."""
    if not text:
        return text
    clean = inspect.cleandoc(text)
    translated = _(clean)
    return text if translated == clean else translated
