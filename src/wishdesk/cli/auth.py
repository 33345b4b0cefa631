"""``wishdesk auth login|status|refresh|logout``: the private app's tokens for ``sync``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from wishdesk.cli.context import app_context
from wishdesk.cli.errors import epilog
from wishdesk.cli.sync import BaseUrl, Sandbox
from wishdesk.i18n import _
from wishdesk.render.sync import debug_log

commands = typer.Typer()
group = typer.Typer(
    help="Log in to Wish once; sync renews the tokens itself (see docs/sync.md).",
    epilog=epilog("wishdesk auth login --client-id ID --redirect-uri URI", "wishdesk auth status"),
    no_args_is_help=True,
)
commands.add_typer(group, name="auth")

ClientId = Annotated[str, typer.Option("--client-id", help="The private app's client id.")]
RedirectUri = Annotated[
    str, typer.Option("--redirect-uri", help="The private app's redirect URI, as registered.")
]
SecretFile = Annotated[
    Optional[Path],
    typer.Option(
        "--client-secret-file",
        help="File holding the client secret; - reads stdin (else a hidden prompt).",
        show_default=False,
    ),
]
Code = Annotated[
    Optional[str],
    typer.Option(
        "--code",
        help="The code= of the redirect URL (else the authorize URL is printed and asked for).",
        show_default=False,
    ),
]


@group.command(
    epilog=epilog(
        "wishdesk auth login --client-id ID --redirect-uri URI",
        "wishdesk auth login --client-id ID --redirect-uri URI --code CODE",
    )
)
def login(
    ctx: typer.Context,
    client_id: ClientId,
    redirect_uri: RedirectUri,
    client_secret_file: SecretFile = None,
    code: Code = None,
    base_url: BaseUrl = None,
    sandbox: Sandbox = False,
) -> None:
    """Exchange an authorization code for tokens and keep them in the config dir (0600)."""
    from wishdesk.cli.secrets import ask_code, read_secret
    from wishdesk.render import auth as render
    from wishdesk.services import auth
    from wishdesk.services.sync import api_url

    url = api_url(base_url, sandbox)
    secret = read_secret(client_secret_file)
    if code is None:
        code = ask_code(auth.authorize_url(url, client_id))
    app = auth.Login(url, client_id, redirect_uri, secret, "", "")
    log = debug_log if app_context(ctx).debug else None
    render.login_status(auth.sign_in(app, code, log), sys.stdout, _("logged in"))


@group.command(epilog=epilog("wishdesk auth status", "wishdesk auth status --sandbox"))
def status(base_url: BaseUrl = None, sandbox: Sandbox = False) -> None:
    """Merchant id, scopes and expiry of the stored tokens (never the tokens)."""
    from wishdesk.render import auth as render
    from wishdesk.services import auth
    from wishdesk.services.sync import api_url

    render.login_status(auth.stored(api_url(base_url, sandbox)), sys.stdout)


@group.command(epilog=epilog("wishdesk auth refresh", "wishdesk auth refresh --sandbox"))
def refresh(ctx: typer.Context, base_url: BaseUrl = None, sandbox: Sandbox = False) -> None:
    """Renew the tokens now (sync does it by itself before they expire)."""
    from wishdesk.render import auth as render
    from wishdesk.services import auth
    from wishdesk.services.sync import api_url

    log = debug_log if app_context(ctx).debug else None
    said = _("renewed")
    render.login_status(auth.renew(api_url(base_url, sandbox), log), sys.stdout, said)


@group.command(
    epilog=epilog("wishdesk auth logout", "wishdesk auth logout && wishdesk auth status")
)
def logout() -> None:
    """Delete the stored tokens (credentials.json)."""
    from wishdesk.services import auth

    print(_("logged out") if auth.logout() else _("not logged in"))
