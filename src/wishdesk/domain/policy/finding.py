"""One policy finding: what the linter reports for a span of the message."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from wishdesk.domain.policy.ruleset import RuleMeta

SEVERITIES = ("warning", "error")
# The fields of a rule's message that are texts (said in the interface's language where the
# finding is shown); the others are data ("match", "promised", "host", ...). A text field may
# itself be a template of the data fields: "a link to {host}".
TEXT_FIELDS = ("kind", "detail", "hint")
Fields = tuple[tuple[str, str], ...]


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
    # What the texts were made of, for a report in another language: the detector's fields
    # (text fields unfilled) and the rule.
    fields: Fields = ()
    meta: RuleMeta | None = None

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


class _Lenient(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, fields: Mapping[str, str]) -> str:
    """``template`` with its ``{fields}``; an unknown field stays as written, a template
    that is not one (a merchant's "{" in a custom message) as it is."""
    try:
        return template.format_map(_Lenient(fields))
    except (ValueError, IndexError, KeyError, AttributeError):
        return template


def message_fields(
    defaults: Fields, given: Fields, match: str, say: Callable[[str], str] | None = None
) -> dict[str, str]:
    """What fills a rule's texts: its defaults, the detector's fields and the match, each text
    field said by ``say`` (a translation; English as written without one) and filled."""
    fields = dict(defaults)
    fields.update(given)
    fields.setdefault("match", match)
    if given or say is not None:
        for key in TEXT_FIELDS:
            value = fields.get(key)
            if value is not None:
                if say is not None:
                    value = say(value)
                fields[key] = fill(value, fields) if "{" in value else value
    return fields


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
    fields: Fields = ()
