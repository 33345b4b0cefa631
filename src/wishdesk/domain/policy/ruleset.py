"""Rule metadata and the merchant's own rules file (``<data dir>/rules.toml``).

A merchant file may add patterns to a rule, raise a severity (warning -> error), or add
``custom.*`` rules. It may never switch off or lower a rule that is not overridable.
Example::

    [rules."payment.off-platform"]
    patterns = ['\\bpay me on revolut\\b']

    [rules."respect.tone"]
    severity = "error"

    [rules."custom.competitor"]
    severity = "error"
    message = "Mentions a competitor."
    patterns = ['\\baliexpress\\b']
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import Any, NamedTuple

from wishdesk.domain import toml
from wishdesk.domain.policy.plan import plan
from wishdesk.errors import InputError

_RANK = {"warning": 0, "error": 1}
_KEYS = {"severity", "patterns", "enabled", "message", "explanation", "suggestion"}


# NamedTuples rather than frozen dataclasses: as immutable, and a tenth of the cost to
# define, which every ``wishdesk lint`` pays at start-up.
class RuleMeta(NamedTuple):
    """What a rule is called, how bad it is and what it tells the merchant."""

    id: str
    family: str
    severity: str
    overridable: bool
    message: str
    explanation: str
    suggestion: str | None = None
    builtin: bool = True
    defaults: tuple[tuple[str, str], ...] = ()


class RuleSet(NamedTuple):
    """The rules in force: built-in metadata plus the merchant's additions."""

    rules: Mapping[str, RuleMeta]
    extra_patterns: Mapping[str, tuple[re.Pattern[str], ...]] = MappingProxyType({})
    disabled: frozenset[str] = frozenset()

    def meta(self, rule: str) -> RuleMeta:
        return self.rules[rule]

    def enabled(self, rule: str) -> bool:
        return rule in self.rules and rule not in self.disabled


def _builtin() -> dict[str, RuleMeta]:
    data: dict[str, Any] = plan()["rules"]
    return {
        rule: RuleMeta(
            id=rule,
            family=item["family"],
            severity=item["severity"],
            overridable=bool(item["overridable"]),
            message=item["message"],
            explanation=" ".join(item["explanation"].split()),
            suggestion=item.get("suggestion"),
            defaults=tuple((str(k), str(v)) for k, v in item.get("defaults", {}).items()),
        )
        for rule, item in data.items()
    }


@lru_cache(maxsize=1)
def default_rules() -> RuleSet:
    return RuleSet(rules=_builtin())


def _fail(source: str, reason: str) -> InputError:
    return InputError(f"bad rules file {source}: {reason}")


def _patterns(source: str, rule: str, value: Any) -> tuple[re.Pattern[str], ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(p, str) for p in value):
        raise _fail(source, f"rules.{rule}.patterns must be a list of strings")
    compiled = []
    for pattern in value:
        try:
            compiled.append(re.compile(pattern, re.IGNORECASE))
        except re.error as exc:
            raise _fail(source, f"rules.{rule}: bad pattern {pattern!r}: {exc}") from None
    return tuple(compiled)


def load_rules(extra_toml: str | None = None, *, source: str = "rules.toml") -> RuleSet:
    """The rule set: the built-in rules, plus the merchant rules file contents if given.

    Raises ``InputError`` (naming ``source``) for a file that is not valid TOML, names an
    unknown rule, or tries to switch off or lower a rule that cannot be overridden.
    """
    base = default_rules()
    if extra_toml is None or not extra_toml.strip():
        return base
    try:
        data = toml.loads(extra_toml)
    except toml.TOMLDecodeError as exc:
        raise _fail(source, f"not valid TOML: {exc}") from None
    unknown_top = set(data) - {"rules"}
    if unknown_top:
        raise _fail(source, f'unknown section {sorted(unknown_top)[0]!r} (expected [rules."id"])')
    section = data.get("rules", {})
    if not isinstance(section, dict):
        raise _fail(source, "[rules] must be a table")
    rules = dict(base.rules)
    extra: dict[str, tuple[re.Pattern[str], ...]] = {}
    disabled: set[str] = set()
    for rule, item in section.items():
        if not isinstance(item, dict):
            raise _fail(source, f"rules.{rule} must be a table")
        bad = set(item) - _KEYS
        if bad:
            raise _fail(source, f"rules.{rule}: unknown key {sorted(bad)[0]!r}")
        meta = rules.get(rule)
        if meta is None:
            if not rule.startswith("custom."):
                raise _fail(source, f"unknown rule {rule!r} (new rules must be named custom.*)")
            if "message" not in item or "patterns" not in item:
                raise _fail(source, f"rules.{rule}: a custom rule needs message and patterns")
            meta = RuleMeta(
                id=rule,
                family="custom",
                severity="warning",
                overridable=False,
                message=str(item["message"]),
                explanation=str(item.get("explanation", "A rule from the merchant's rules file.")),
                builtin=False,
            )
        severity = item.get("severity", meta.severity)
        if severity not in _RANK:
            raise _fail(source, f'rules.{rule}.severity must be "error" or "warning"')
        locked = meta.builtin and meta.severity == "error" and not meta.overridable
        if locked and _RANK[severity] < _RANK[meta.severity]:
            raise _fail(source, f"rules.{rule} cannot be lowered to a warning (not overridable)")
        if item.get("enabled", True) is not True:
            if locked:
                raise _fail(source, f"rules.{rule} cannot be switched off (not overridable)")
            disabled.add(rule)
        changes: dict[str, Any] = {"severity": severity}
        if not meta.builtin or "message" in item:
            for key in ("message", "explanation", "suggestion"):
                if key in item:
                    changes[key] = str(item[key])
        rules[rule] = meta._replace(**changes)
        if "patterns" in item:
            extra[rule] = _patterns(source, rule, item["patterns"])
    return RuleSet(rules=rules, extra_patterns=extra, disabled=frozenset(disabled))
