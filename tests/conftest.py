"""Shared fixtures: a real store file in a temp dir, the real CLI, a frozen clock."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

NOW = "2026-11-26T07:00:00Z"

# pg_server, pg_url: a PostgreSQL cluster for the run, a fresh database per test
pytest_plugins = ["pgfixtures"]


@pytest.fixture(scope="session", autouse=True)
def plan_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The linter's plan cache lives in a directory of the test run, shared by its tests
    (and by the commands they start), never in the user's own cache."""
    import os

    os.environ["WISHDESK_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="session", autouse=True)
def english_locale() -> None:
    """The suite speaks English whatever the machine's locale (a test asking for Chinese
    sets ``LANG`` or ``ui.language`` itself); ``C.UTF-8`` keeps the terminal in UTF-8."""
    import os

    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        os.environ.pop(name, None)
    os.environ["LANG"] = "C.UTF-8"


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    values = {
        "WISHDESK_DB": str(tmp_path / "store.db"),
        "WISHDESK_HOME": str(tmp_path / "home"),
        "WISHDESK_NOW": NOW,
        "NO_COLOR": "",
        "COLUMNS": "160",
    }
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("WISHDESK_DEBUG", raising=False)
    for key, value in values.items():
        if value:
            monkeypatch.setenv(key, value)
    return values


Run = Callable[..., Result]


@pytest.fixture
def run(env: dict[str, str]) -> Run:
    """Run the real CLI in-process; returns the click Result (stdout and stderr apart)."""
    from wishdesk.cli.app import app

    def invoke(*args: str, input: str | bytes | None = None, **extra_env: str) -> Result:
        runner = CliRunner()
        return runner.invoke(
            app, list(args), input=input, env=extra_env or None, catch_exceptions=False
        )

    return invoke


@pytest.fixture
def db_path(env: dict[str, str]) -> Path:
    return Path(env["WISHDESK_DB"])


@pytest.fixture(params=["sqlite", "postgres"])
def store_on(
    request: pytest.FixtureRequest, env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> str:
    """Each backend in turn for the CLI tests that take it: ``$WISHDESK_DB`` is the test's
    store file on SQLite, a fresh PostgreSQL database (``pg_url``) on PostgreSQL."""
    if request.param == "postgres":
        url = request.getfixturevalue("pg_url")
        monkeypatch.setenv("WISHDESK_DB", url)
        env["WISHDESK_DB"] = url
    return str(request.param)
