"""LazyPattern: compiled on first use, then the compiled pattern's own methods."""

from __future__ import annotations

import re

from wishdesk.domain.lazy_pattern import LazyPattern


def test_nothing_is_compiled_before_use() -> None:
    pattern = LazyPattern(r"(?<=[\u3400-\u9fff]) +(?=[\u3400-\u9fff])")
    assert "_regex" not in pattern.__dict__


def test_every_method_answers_as_re_does() -> None:
    source, text = r"(\d+)-(\d+)", "a 12-34 b 5-6"
    expected = re.compile(source)
    for name, args in (
        ("search", (text,)),
        ("search", (text, 5)),
        ("match", (text, 2)),
        ("fullmatch", ("12-34",)),
        ("findall", (text,)),
        ("sub", (r"\2-\1", text)),
        ("split", (text,)),
    ):
        fresh = LazyPattern(source)  # the first call compiles ...
        first = getattr(fresh, name)(*args)
        again = getattr(fresh, name)(*args)  # ... the next goes straight to re
        want = getattr(expected, name)(*args)
        if isinstance(want, re.Match):
            assert first is not None and again is not None
            assert first.span() == again.span() == want.span()
        else:
            assert first == again == want
    spans = [m.span() for m in LazyPattern(source).finditer(text)]
    assert spans == [m.span() for m in expected.finditer(text)]


def test_compiled_once() -> None:
    pattern = LazyPattern("a+", re.IGNORECASE)
    assert pattern.compiled is pattern.compiled
    assert pattern.search("xAAy") is not None
    assert pattern.search.__self__ is pattern.compiled  # type: ignore[attr-defined]
