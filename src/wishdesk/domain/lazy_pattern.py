"""A regular expression compiled the first time it is used.

Compiling a pattern costs from a few microseconds to over a millisecond (a class such as
``[\\u3400-\\u9fff]`` is expanded character by character), and a module-level ``re.compile``
makes every process pay for it at import, used or not. ``LazyPattern`` keeps the source and
compiles on the first call; from then on its methods are the compiled pattern's own bound
methods, so a hot loop pays nothing extra.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

from wishdesk.domain import regex_codes

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "split")


class LazyPattern:
    """``re.compile(source, flags)``, done on first use."""

    def __init__(self, source: str, flags: int = 0) -> None:
        self.pattern = source
        self.flags = flags

    @property
    def compiled(self) -> re.Pattern[str]:
        regex: re.Pattern[str] | None = self.__dict__.get("_regex")
        if regex is None:
            regex = regex_codes.compile(self.pattern, self.flags)
            # Instance attributes shadow the methods below: later calls go straight to ``re``.
            self.__dict__.update({name: getattr(regex, name) for name in _METHODS})
            self.__dict__["_regex"] = regex
        return regex

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.match(string, pos, endpos)

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        return self.compiled.fullmatch(string, pos, endpos)

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.compiled.findall(string, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return self.compiled.sub(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        return self.compiled.split(string, maxsplit)
