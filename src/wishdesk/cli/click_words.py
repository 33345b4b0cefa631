"""click's and typer's own words, as a merchant meets them, in the interface's language.

click 8.1/8.2 (under typer 0.24) asks gettext for its messages: their msgids are marked here
(``N_``, ``ngettext``) so that the catalog holds them, and cli/help_text.py hands click our
catalog. typer 0.25+ vendors click (``typer._click``) with the messages written as f-strings:
there the English a usage error carries is matched against the same texts (``FORMS``: how
the running click words each one) and said again from the translation. A message nobody
matched stays in English, never an error.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from wishdesk.i18n import N_, _, ngettext

USAGE = N_("Usage:")
HELP_OPTION = N_("Show this message and exit.")
MISSING = {
    "argument": N_("Missing argument"),
    "option": N_("Missing option"),
    "parameter": N_("Missing parameter"),
}
# click's own msgid -> the English the running click writes for it, as a template whose
# {fields} match any text (the same text unless typer's copy of click words it otherwise)
FORMS = {
    N_("No such option: {name}"): "No such option: {name}",
    N_("No such command {name!r}."): "No such command {name!r}.",
    N_("Missing command."): "Missing command.",
    N_("Invalid value for {param_hint}: {message}"): "Invalid value for {param_hint}: {message}",
    N_("Invalid value: {message}"): "Invalid value: {message}",
    N_("{value!r} is not a valid {number_type}."): "{value!r} is not a valid {number_type}.",
    N_("{value} is not in the range {range}."): "{value} is not in the range {range}.",
    N_("Option {name!r} does not take a value."): "Option {name!r} does not take a value.",
    N_("Choose from:\n\t{choices}"): "Choose from:\n\t{choices}",
}
INTEGER, FLOAT = N_("integer"), N_("float")  # {number_type} above, as typer or click names it
TYPE_NAMES = {"int": INTEGER, "integer": INTEGER, "float": FLOAT}
SENTENCE = N_("{missing}{param_hint}.")  # "Missing option '--x'."
SUGGESTED = N_("{message} {suggestion}")  # a message, then what was perhaps meant


def _plurals(count: int) -> dict[str, tuple[str, str]]:
    """click's messages with a plural (msgid pair) -> (the English the running click writes,
    its translation for ``count``)."""
    return {
        "choice": (
            "{value!r} is not one of {choices}.",
            ngettext("{value!r} is not {choice}.", "{value!r} is not one of {choices}.", count),
        ),
        "extra": (
            "Got unexpected extra argument(s) ({args})",
            ngettext(
                "Got unexpected extra argument ({args})",
                "Got unexpected extra arguments ({args})",
                count,
            ),
        ),
        "requires": (
            "Option {name!r} requires an argument.",
            ngettext(
                "Option {name!r} requires an argument.",
                "Option {name!r} requires {nargs} arguments.",
                count,
            ),
        ),
        "possible": (
            "(Possible options: {possibilities})",
            ngettext("Did you mean {possibility}?", "(Possible options: {possibilities})", count),
        ),
    }


# a form typer's copy of click puts together from pieces (what its source holds)
PIECES = {
    "Option {name!r} requires an argument.": ("Option {name!r} requires {msg}", "an argument.")
}

_FIELD = re.compile(r"\{(\w+)(?:![rsa])?\}")


def pattern(template: str) -> re.Pattern[str]:
    """A regular expression matching what ``template`` gives, each field any text."""
    parts, end = [], 0
    for found in _FIELD.finditer(template):
        parts += [re.escape(template[end : found.start()]), f"(?P<{found[1]}>.+?)"]
        end = found.end()
    return re.compile("".join([*parts, re.escape(template[end:])]), re.DOTALL)


def fill(template: str, values: dict[str, str]) -> str:
    """``template`` with the text each field matched (already quoted as click quoted it)."""
    return _FIELD.sub(lambda m: values.get(m[1], m[0]), template)


def translated(message: str) -> str:
    """A message click (or typer) wrote in English, in the interface's language."""
    for rule in _RULES:
        said = rule(message)
        if said is not None:
            return said
    return message


def _simple(message: str) -> str | None:
    for msgid, form in FORMS.items():
        found = pattern(form).fullmatch(message)
        if found:
            values = found.groupdict()
            if values.get("number_type") in TYPE_NAMES:
                values["number_type"] = _(TYPE_NAMES[values["number_type"]])
            return fill(_(msgid), values)
    return None


def _counted(message: str) -> str | None:
    for key in ("choice", "extra", "requires"):
        form, _unused = _plurals(1)[key]
        found = pattern(form).fullmatch(message)
        if found:
            values = found.groupdict()
            many = values.get("choices", values.get("args", "")).count(" ") + 1
            values.setdefault("choice", values.get("choices", ""))
            return fill(_plurals(many)[key][1], values)
    return None


def _suggested(message: str) -> str | None:
    """``... (Possible options: --a, --b)`` (click) or ``.... Did you mean 'x'?`` (typer)."""
    found = re.fullmatch(r"(?P<head>.*) \(Possible options: (?P<names>.+)\)", message, re.DOTALL)
    if found:
        names = found["names"]
        many = names.count(", ") + 1
        hint = _plurals(many)["possible"][1]
        values = {"possibility": names, "possibilities": names}
        said = {"message": translated(found["head"]), "suggestion": fill(hint, values)}
        return fill(_(SUGGESTED), said)
    found = re.fullmatch(r"(?P<head>.*)\. Did you mean (?P<names>.+)\?", message, re.DOTALL)
    if found:
        hint = fill(_plurals(1)["possible"][1], {"possibility": found["names"]})
        return fill(_(SUGGESTED), {"message": translated(found["head"] + "."), "suggestion": hint})
    return None


def _missing(message: str) -> str | None:
    found = re.fullmatch(
        r"Missing (?P<kind>argument|option|parameter)(?P<hint> [^.]+)?\.(?P<rest> .*)?",
        message,
        re.DOTALL,
    )
    if not found:
        return None
    rest = f" {translated(found['rest'].strip())}" if found["rest"] else ""
    said = fill(
        _(SENTENCE), {"missing": _(MISSING[found["kind"]]), "param_hint": found["hint"] or ""}
    )
    return f"{said}{rest}"


def _invalid(message: str) -> str | None:
    """``Invalid value for '--x': <a message of its own>``: said around the inner one."""
    for msgid in ("Invalid value for {param_hint}: {message}", "Invalid value: {message}"):
        found = pattern(msgid).fullmatch(message)
        if found:
            values = {**found.groupdict(), "message": translated(found["message"])}
            return fill(_(msgid), values)
    return None


_RULES: tuple[Callable[[str], str | None], ...] = (
    _invalid,
    _suggested,
    _missing,
    _counted,
    _simple,
)


def localize_error(exc: Any) -> None:
    """A click usage error says its message in the interface's language when shown."""
    from wishdesk.i18n import language

    if language() == "en" or getattr(exc, "_wishdesk_localized", False):
        return
    english = exc.format_message()
    exc.format_message = lambda: translated(english)
    exc._wishdesk_localized = True


def formatter(ctx: Any) -> Any:
    """click's help formatter for ``ctx``, its usage line in the interface's language."""
    base = type(ctx).formatter_class

    class Formatter(base):  # type: ignore[misc, valid-type]
        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            if prefix is None:
                prefix = f"{_(USAGE)} "
            super().write_usage(prog, args, prefix)

    return Formatter(width=ctx.terminal_width, max_width=ctx.max_content_width)
