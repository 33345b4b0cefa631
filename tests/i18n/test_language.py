"""The interface language: ui.language, else the locale environment; English by default."""

from __future__ import annotations

import pytest

from wishdesk import i18n


@pytest.mark.parametrize(
    ("value", "lang"),
    [
        ("zh_CN.UTF-8", "zh"),
        ("zh_SG", "zh"),
        ("zh_Hans", "zh"),
        ("zh-Hans-CN", "zh"),
        ("zh_TW.UTF-8", "zh"),
        ("zh_HK", "zh"),
        ("zh", "zh"),
        ("en_US.UTF-8", "en"),
        ("de_DE@euro", "en"),
        ("C", "en"),
        ("POSIX", "en"),
        ("C.UTF-8", "en"),
        ("", None),
        ("   ", None),
    ],
)
def test_a_locale_names_the_interface_language(value: str, lang: str | None) -> None:
    assert i18n.from_locale(value) == lang


@pytest.mark.parametrize(
    ("environment", "lang"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, "en"),
        ({"LC_ALL": "zh_TW.UTF-8", "LANG": "C"}, "zh"),
        ({}, "en"),
    ],
)
def test_lc_all_then_lc_messages_then_lang(
    environment: dict[str, str], lang: str, env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in i18n.ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    i18n.reset()
    try:
        assert i18n.language() == lang
    finally:
        i18n.reset()


def test_ui_language_overrides_the_environment(run, env, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert run("config", "set", "ui.language", "en").exit_code == 0
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    i18n.reset()
    try:
        assert i18n.language() == "en"
        assert run("config", "set", "ui.language", "zh").exit_code == 0
        monkeypatch.setenv("LANG", "en_US.UTF-8")
        i18n.reset()
        assert i18n.language() == "zh"
        assert run("config", "set", "ui.language", "").exit_code == 0
        i18n.reset()
        assert i18n.language() == "en"
    finally:
        i18n.reset()


def test_a_bad_ui_language_is_refused(run) -> None:  # type: ignore[no-untyped-def]
    result = run("config", "set", "ui.language", "fr")
    assert result.exit_code == 2
    assert "bad ui.language 'fr'" in result.stderr


def test_a_missing_catalog_means_english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "_catalogs", {"zh": i18n._read("xx")})
    i18n.use("zh")
    try:
        assert i18n._("Options") == "Options"
        assert i18n.ngettext("{n} ticket", "{n} tickets", 2) == "{n} tickets"
    finally:
        i18n.reset()


def test_english_never_reads_a_catalog(run, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(i18n, "_catalogs", {})
    assert run("show", "nosuch").exit_code == 2
    assert i18n._catalogs == {}


def test_a_damaged_settings_file_leaves_the_environment_in_charge(
    env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from pathlib import Path

    home = Path(env["WISHDESK_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text('[ui]\nlanguage = "zh\n', encoding="utf-8")  # unclosed
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    i18n.reset()
    try:
        assert i18n.language() == "zh"
    finally:
        i18n.reset()


def test_language_is_decided_without_the_settings_service() -> None:
    """Deciding the language costs a file read, not the settings service's imports (the
    store, the calendar): every message pays for it."""
    import subprocess
    import sys

    code = (
        "import sys; from wishdesk import i18n; i18n._('x'); "
        "print(sorted(m for m in sys.modules if m.startswith(('wishdesk.services', 'sqlite3'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
