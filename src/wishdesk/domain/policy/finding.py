"""One policy finding: what the linter reports for a span of the message."""

from __future__ import annotations

from typing import Any, NamedTuple

SEVERITIES = ("warning", "error")


# NamedTuples rather than frozen dataclasses: as immutable, a tenth of the cost to define
# (paid by every ``wishdesk lint``) and a third of the cost to make (one per hit).
class Finding(NamedTuple):
    """A rule that fired on ``text[span[0]:span[1]]`` (character offsets, original text)."""

    rule: str
    severity: str  # "error" | "warning"
    message: str
    explanation: str
    match: str
    span: tuple[int, int]
    line: int  # 1-based
    column: int  # 1-based
    suggestion: str | None = None
    overridable: bool = False

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    @property
    def family(self) -> str:
        return self.rule.split(".", 1)[0]

    def to_dict(self) -> dict[str, Any]:
        """The spec's JSON finding; ``suggestion`` is left out when there is none."""
        out: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "explanation": self.explanation,
            "match": self.match,
            "span": [self.span[0], self.span[1]],
            "line": self.line,
            "column": self.column,
        }
        if self.suggestion is not None:
            out["suggestion"] = self.suggestion
        out["overridable"] = self.overridable
        return out


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of a character offset."""
    line = text.count("\n", 0, offset) + 1
    last = text.rfind("\n", 0, offset)
    return line, offset - last


class Hit(NamedTuple):
    """A rule that fired, before it becomes a ``Finding``: offsets into the original text and
    the values its message needs."""

    rule: str
    start: int
    end: int
    fields: tuple[tuple[str, str], ...] = ()
