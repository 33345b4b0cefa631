"""``wishdesk templates list|show``: the message templates for ``reply`` and ``notify``."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from wishdesk.cli import candidates
from wishdesk.cli.context import app_context
from wishdesk.cli.errors import epilog
from wishdesk.cli.options import BomOption, FormatOption, JsonOption, resolve_format
from wishdesk.i18n import _

templates_app = typer.Typer(
    help="Message templates: built-in ones in six languages, plus your own.",
    no_args_is_help=True,
    epilog=epilog("wishdesk templates list", "wishdesk templates show shipping-delay --lang fr"),
)
LIST_COLUMNS = ("name", "kind", "languages", "description")


@templates_app.command(
    "list", epilog=epilog("wishdesk templates list", "wishdesk templates list --json")
)
def templates_list(
    ctx: typer.Context,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
    bom: BomOption = False,
) -> None:
    """List every template with its kind and languages (yours included)."""
    import sys

    from wishdesk.services.templates import load_templates

    out_format = resolve_format(fmt, as_json)
    templates = load_templates()
    records = [
        {
            "name": name,
            "kind": templates.kind(name),
            "languages": templates.languages(name),
            "description": templates.info(name).description,
        }
        for name in templates.names()
    ]
    if out_format == "table":
        from wishdesk.render.templates import print_template_table

        print_template_table(app_context(ctx).console(), records)
        return
    from wishdesk.render.formats import write_records

    write_records(sys.stdout, out_format, records, LIST_COLUMNS)


TemplateName = Annotated[
    str,
    typer.Argument(
        metavar="NAME",
        help="Template name (see `templates list`).",
        autocompletion=candidates.template,
    ),
]
Lang = Annotated[
    Optional[str],
    typer.Option("--lang", "-l", help="Language or locale, e.g. fr or pt-BR [default: en]."),
]
ShowJson = Annotated[
    bool, typer.Option("--json", help="As JSON: name, kind, lang, text, placeholders.")
]


@templates_app.command(
    "show",
    epilog=epilog(
        "wishdesk templates show shipping-delay",
        "wishdesk templates show tracking --lang pt-BR --json",
    ),
)
def templates_show(name: TemplateName, lang: Lang = None, as_json: ShowJson = False) -> None:
    """Print a template's text with its {placeholders} unfilled."""
    import sys

    from wishdesk.render.safe import clean, message_line
    from wishdesk.services.templates import load_templates

    template = load_templates().for_locale(name, lang)
    if lang and not template.speaks(lang):
        note = _("{name} has no {lang} text; showing {shown}")
        said = note.format(name=repr(name), lang=repr(lang), shown=template.lang)
        print(message_line(f"wishdesk: {said}"), file=sys.stderr)
    if as_json:
        from wishdesk.render.formats import write_json

        write_json(sys.stdout, template.record())
        return
    print(clean(template.text))


commands = typer.Typer()
commands.add_typer(templates_app, name="templates")
