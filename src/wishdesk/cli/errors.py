"""The CLI edge: expected failures become one line on stderr and an exit code."""

from __future__ import annotations

import os
import sys
import traceback
from typing import Any

import typer
from typer.core import TyperGroup

from wishdesk.cli.context import debugging, store_failure
from wishdesk.errors import WishdeskError
from wishdesk.i18n import N_, _

# click's own errors (a usage error raised inside a command) go on to click, which prints
# them. typer 0.25+ vendors click and has no click.ClickException to name, 0.24 has no
# typer.TyperException: the class is found the same way in both.
_CLICK_ERROR: type[Exception] = next(
    c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException"
)

EXIT_CODES_EPILOG = N_(
    'Exit codes: 0 success; 1 the answer is "no" (overdue tickets, policy errors, '
    "a blocked message); 2 trouble (usage, unknown ticket, bad input, store, network)."
)
EXAMPLES = N_("Examples:")


class Epilog(str):
    """A command's epilog as click shows it (English), keeping its parts so that help in
    another language can be put together again from their translations (cli/help_text.py)."""

    note: str
    examples: tuple[str, ...]
    codes: str

    def __new__(cls, note: str, examples: tuple[str, ...], codes: str) -> Epilog:
        made = super().__new__(cls, _join(note, EXAMPLES, examples, codes))
        made.note, made.examples, made.codes = note, examples, codes
        return made


def _join(note: str, title: str, examples: tuple[str, ...], codes: str) -> str:
    # One paragraph per example, so that every typer version in range keeps one example a
    # line (0.24 joins the lines of a paragraph).
    return "\n\n".join([*filter(None, [note]), title, *(f"  {e}" for e in examples), codes])


def epilog(*examples: str, codes: str = EXIT_CODES_EPILOG, note: str = "") -> Epilog:
    """A command's epilog: a note, its examples, then its exit codes. An example's comment
    (after ``  # ``) is translated with the help; the command is shown as typed."""
    return Epilog(note, examples, codes)


def translated_epilog(text: Epilog) -> str:
    """The epilog in the interface's language."""
    examples = []
    for example in text.examples:
        command, sep, comment = example.partition("  # ")
        examples.append(f"{command}{sep}{_(comment.strip())}" if sep else example)
    note = _(text.note) if text.note else ""
    return _join(note, _(EXAMPLES), tuple(examples), _(text.codes))


def _fail(ctx: Any, message: str, details: list[str], code: int) -> None:
    if debugging(ctx):
        traceback.print_exc(file=sys.stderr)
    from wishdesk.render.safe import clean

    # Messages quote user input (ids, paths, values): never let them drive the terminal,
    # and keep a message one readable line however long the quoted value was.
    print(f"wishdesk: {_short(clean(message, one_line=True))}", file=sys.stderr)
    for line in details:
        print(f"  {_short(clean(line, one_line=True))}", file=sys.stderr)
    raise typer.Exit(code)


def _short(line: str, limit: int = 400) -> str:
    """A line kept readable however long a value it quotes."""
    return line if len(line) <= limit else f"{line[: limit - 60]} ... {line[-50:]}"


class WishdeskGroup(TyperGroup):
    """Runs every subcommand and maps expected failures to documented exit codes."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except WishdeskError as exc:
            _fail(ctx, exc.localized(), exc.details, exc.exit_code)
        except BrokenPipeError:
            # The reader went away (`wishdesk list | head`): not an error worth a word.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(0) from None
        except KeyboardInterrupt:
            print(f"wishdesk: {_('interrupted')}", file=sys.stderr)
            raise typer.Exit(130) from None
        except typer.Exit:
            raise
        except typer.Abort:  # typer says "Aborted." (a prompt given up): in the language
            from wishdesk.cli.help_text import localize_framework

            localize_framework()
            raise
        except _CLICK_ERROR as exc:  # click says it (a usage error): in the interface's language
            from wishdesk.cli.help_text import localize_framework

            localize_framework(exc)
            raise
        except Exception as exc:
            known = store_failure(exc)  # the store's error, should one escape its module
            if isinstance(known, WishdeskError):
                _fail(ctx, known.localized(), known.details, known.exit_code)
            # a bug: one line for the user, the traceback with --debug
            text = _("internal error: {error} (run with --debug for the traceback)")
            _fail(ctx, text.format(error=f"{type(exc).__name__}: {exc}"), [], 2)
        finally:
            obj = ctx.find_root().obj
            if obj is not None and hasattr(obj, "close"):
                obj.close()
        return None
