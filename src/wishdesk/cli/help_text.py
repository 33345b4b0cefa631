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
    "REQUIRED_LONG_STRING": N_("[required]"),
    "ENVVAR_STRING": N_("[env var: {}]"),
    "RICH_HELP": N_("Try [blue]'{command_path} {help_option}'[/] for help."),
}


def localize_help(command: Any, ctx: Any) -> None:
    """Give ``command`` (and, for a group, the commands it lists) help in the interface's
    language, and typer's own words with it."""
    localize_framework()
    _localize(command)
    if hasattr(command, "list_commands"):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None:
                _localize(sub)


def localize_framework() -> None:
    """typer's panel titles and error words, and click's messages, in the interface's
    language (typer's rich help is imported only when help or an error is shown)."""
    from wishdesk.i18n import language

    if language() != "en" and "typer.rich_utils" not in sys.modules:
        import typer.rich_utils  # noqa: F401 - about to show help or an error: loaded anyway
    rich_utils = sys.modules.get("typer.rich_utils")
    if rich_utils is not None:
        for name, english in TYPER_WORDS.items():
            if hasattr(rich_utils, name):
                setattr(rich_utils, name, _(english))
    speak_to_click()


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


def _localize(command: Any) -> None:
    english = command.__dict__.get(_ENGLISH)
    if english is None:
        params = [(p, p.help) for p in command.params if getattr(p, "help", None)]
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
