"""Message templates: built-in texts in seven languages, placeholders, and the language choice.

    from wishdesk.domain.templates import builtin_templates, render, template_values
    template = builtin_templates().for_locale("tracking", ticket.buyer_locale)
    values = template_values(buyer_name=..., locale=..., order=record, merchant_name=...,
                             extra=variables)
    text = render(template, values)   # TemplateError (exit 2) names every missing value

User templates (``<data dir>/templates``) are read by ``wishdesk.services.templates``.
"""

from __future__ import annotations

from wishdesk.domain.templates.builtin import builtin_templates
from wishdesk.domain.templates.model import (
    LANGUAGES,
    Template,
    TemplateInfo,
    TemplateSet,
    pick_language,
)
from wishdesk.domain.templates.syntax import TemplateError, parse, placeholders
from wishdesk.domain.templates.values import eta_passed, render, template_values

__all__ = [
    "LANGUAGES",
    "Template",
    "TemplateError",
    "TemplateInfo",
    "TemplateSet",
    "builtin_templates",
    "eta_passed",
    "parse",
    "pick_language",
    "placeholders",
    "render",
    "template_values",
]
