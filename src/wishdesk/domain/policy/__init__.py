"""The pre-send policy linter: rules as data files, a small engine, no I/O.

    from wishdesk.domain.policy import lint, load_rules
    findings = lint(text, orders=[facts], now=clock.now(), rules=load_rules(merchant_toml))

Findings are sorted by span; errors block a message, warnings ask for confirmation, and the
``truth.*`` errors can be overridden with a reason (see docs/policy.md).
"""

from __future__ import annotations

from wishdesk.domain.policy.engine import lint
from wishdesk.domain.policy.finding import Finding
from wishdesk.domain.policy.ruleset import RuleMeta, RuleSet, load_rules

__all__ = ["Finding", "RuleMeta", "RuleSet", "lint", "load_rules"]
