"""Regexes compiled from code kept by an earlier run: ``re.compile`` without the parse.

Python's ``re`` compiles a pattern in three steps: it parses the source and turns the parse
into a list of integers (both in Python: a lexicon gate takes 0.1 to 2 ms), then hands that
list to the C engine (``_sre.compile``, microseconds). The linter's regexes are compiled on
first use, so a one-message ``wishdesk lint`` spends about half of its linting in the first
two steps. ``compile`` gives the engine a code list kept from an earlier run when it has one
for the source, and otherwise compiles as ``re`` does and remembers the new code list.

This module does no I/O. The caller (``wishdesk.services.regex_cache``) installs a *loader*
(``install``): a function from a source to the code kept for it, or ``None``, called the first
time that source is compiled in a process, and takes what was compiled anew (``new_codes``)
to keep it. The engine's own checks apply to a
kept code list as to any (``_sre.compile`` refuses code it cannot run); any failure of this
path, or an interpreter whose ``re`` internals differ, means compiling the ordinary way.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Callable
from typing import Any

# A kept code: (flags, code, groups, groupindex, indexgroup), the arguments of _sre.compile.
Code = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]

_loader: Callable[[str], Code | None] | None = None
_new: dict[str, Code] = {}
NEW_LIMIT = 4096  # codes remembered for keeping: a long batch of varied text must not grow


def _internals() -> tuple[Any, Any, Any] | None:
    try:
        sre: Any = importlib.import_module("_sre")
        if sys.version_info >= (3, 11):
            parser: Any = importlib.import_module("re._parser")
            compiler: Any = importlib.import_module("re._compiler")
        else:  # pragma: no cover - Python 3.10
            parser = importlib.import_module("sre_parse")
            compiler = importlib.import_module("sre_compile")
        if callable(compiler._code) and callable(sre.compile):
            return sre, parser, compiler
    except (ImportError, AttributeError):  # pragma: no cover - another interpreter
        pass
    return None  # pragma: no cover


_RE = _internals()


def engine() -> str | None:
    """The regex engine's version (its ``MAGIC`` and code size): codes kept under another
    are not this engine's. ``None`` when its internals are not as expected."""
    if _RE is None:
        return None  # pragma: no cover
    return f"{_RE[0].MAGIC}-{_RE[0].CODESIZE}"


def install(loader: Callable[[str], Code | None] | None) -> None:
    """Read kept codes with ``loader`` from now on (``None``: keep nothing, read nothing)."""
    global _loader
    _loader = loader
    _new.clear()


def new_codes() -> dict[str, Code]:
    """The codes compiled anew since ``install`` (for the caller to keep)."""
    return dict(_new)


def compile(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, from a kept code when there is one."""
    if _loader is None or _RE is None or flags:
        return re.compile(source, flags)
    code = _new.get(source)  # compiled earlier in this run, then let go by its gate
    if code is None:
        try:
            code = _loader(source)
        except Exception:  # a cache that cannot be read is empty
            code = None
    if code is not None:
        try:
            return _RE[0].compile(source, *code)  # type: ignore[no-any-return]
        except Exception:  # a code this engine refuses: compile it again
            pass
    return _compile_new(source)


def _compile_new(source: str) -> re.Pattern[str]:
    assert _RE is not None
    sre, parser, compiler = _RE
    try:
        parsed = parser.parse(source, 0)
        code = [int(op) for op in compiler._code(parsed, 0)]
        state = parsed.state
        names: list[str | None] = [None] * state.groups
        for name, index in state.groupdict.items():
            names[index] = name
        entry: Code = (
            int(state.flags),
            code,
            state.groups - 1,
            dict(state.groupdict),
            tuple(names),
        )
        regex: re.Pattern[str] = sre.compile(source, *entry)
    except Exception:  # a bad pattern raises there as here; else internals not as expected
        return re.compile(source)
    if len(_new) < NEW_LIMIT:
        _new[source] = entry
    return regex
