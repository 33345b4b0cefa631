"""Babel extraction methods for wishdesk's catalog (``babel.cfg``; not used at run time).

``python``: what Babel's own Python extractor finds (``_``, ``N_``, ``ngettext``), plus the
texts Typer shows without a call to mark them: every ``help="..."`` given to a command, an
option, an argument or a Typer; the docstring of a function decorated as a command or a
callback (its help when no ``help=`` is given); and in ``epilog(...)`` the ``note=``, the
``codes=`` and the comment after ``#`` in an example (the command itself stays as typed).
The message template of an error (the literal first argument of ``XError(...)``: what the
command line says, ``wishdesk.errors``) and of a ``Phrase(...)``, a part or a line said with
one; not for Python's own exceptions, nor ``DATA_ERRORS``, whose text is data.
``rules``: the ``message``, ``explanation`` and ``suggestion`` of each linter rule in a
rules TOML file, and the text values of its ``defaults``. ``templates``: the description of
each built-in template in the templates' catalog TOML.

The help texts are translated where help is shown (cli/help_text.py), so the code declares
them as plain text.
"""

from __future__ import annotations

import ast
import builtins
import io
from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

# (line, function name, message, translator comments), as Babel's extractors yield them
Found = tuple[int, str | None, str, list[str]]

EXAMPLE_COMMENT = "  # "
# Exceptions named *Error whose first argument is not a message for the user: a record's
# field and reason (reported as data), a TOML parser's own words.
DATA_ERRORS = frozenset({"RecordError", "TOMLDecodeError"})
MESSAGE_CALLS = frozenset({"Phrase"})
RULE_FIELDS = ("message", "explanation", "suggestion")


def extract_python(
    fileobj: IO[bytes],
    keywords: Mapping[str, Any],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[Any]:
    from babel.messages.extract import extract_python as babel_python

    source = fileobj.read()
    yield from babel_python(io.BytesIO(source), keywords, comment_tags, dict(options))  # type: ignore[arg-type]
    yield from typer_texts(source.decode(options.get("encoding", "utf-8")))


def typer_texts(source: str) -> Iterator[Found]:
    """The help texts, docstrings and epilog notes of a module (see the module's doc)."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            yield from _call_texts(node)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and _is_command(node):
            doc = ast.get_docstring(node, clean=True)
            if doc and not _has_help(node):
                yield node.body[0].lineno, None, doc, []


def is_message_call(name: str) -> bool:
    """Is ``name(...)`` an error or a ``Phrase`` whose first argument is a template?"""
    if name in MESSAGE_CALLS:
        return True
    builtin = getattr(builtins, name, None)
    return (
        name.endswith("Error")
        and name not in DATA_ERRORS
        and not (isinstance(builtin, type) and issubclass(builtin, BaseException))
    )


def _call_texts(call: ast.Call) -> Iterator[Found]:
    if call.args and _text(call.args[0]) and is_message_call(_name(call.func)):
        yield call.args[0].lineno, None, _text(call.args[0]), []
    for keyword in call.keywords:
        if keyword.arg == "help" and _text(keyword.value):
            yield keyword.value.lineno, None, _text(keyword.value), []
    if _name(call.func) != "epilog":
        return
    for keyword in call.keywords:
        if keyword.arg in ("note", "codes") and _text(keyword.value):
            yield keyword.value.lineno, None, _text(keyword.value), []
    for arg in call.args:
        text = _text(arg)
        if EXAMPLE_COMMENT in text:
            comment = text.split(EXAMPLE_COMMENT, 1)[1].strip()
            if comment:
                yield arg.lineno, None, comment, []


def _is_command(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    for decorator in node.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        if _name(target) in ("command", "callback"):
            return True
    return False


def _has_help(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return any(
        keyword.arg == "help"
        for decorator in node.decorator_list
        if isinstance(decorator, ast.Call)
        for keyword in decorator.keywords
    )


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else ""


def _text(node: ast.expr) -> str:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else ""


def extract_rules(
    fileobj: IO[bytes],
    keywords: Mapping[str, Any],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[Found]:
    """The linter rules' texts (``[rules."id"]`` tables of a rules TOML file)."""
    data, lines = _toml(fileobj)
    for rule, entry in data.get("rules", {}).items():
        values = [entry.get(name) for name in RULE_FIELDS]
        values += list(entry.get("defaults", {}).values())
        yield from _texts(_line_of(lines, f'[rules."{rule}"]'), values, f"linter rule {rule}")


def extract_templates(
    fileobj: IO[bytes],
    keywords: Mapping[str, Any],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[Found]:
    """The built-in templates' descriptions (``templates list``) in their catalog TOML."""
    data, lines = _toml(fileobj)
    for name, entry in data.items():
        if isinstance(entry, dict):
            line = _line_of(lines, f"[{name}]")
            yield from _texts(line, [entry.get("description")], f"built-in template {name}")


def _toml(fileobj: IO[bytes]) -> tuple[dict[str, Any], list[str]]:
    """A TOML file's tables, and its lines (to say where a text is)."""
    from wishdesk.domain.toml import loads

    text = fileobj.read().decode("utf-8")
    return loads(text), text.splitlines()


def _line_of(lines: list[str], header: str) -> int:
    return next((n for n, text in enumerate(lines, 1) if text.strip() == header), 0)


def _texts(line: int, values: list[Any], comment: str) -> Iterator[Found]:
    for value in values:
        if isinstance(value, str) and value.strip():
            yield line, None, value, [comment]
