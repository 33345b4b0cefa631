"""Templates: rendering, missing values, braces, languages, user files and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner, Result

from wishdesk.domain.templates import (
    LANGUAGES,
    Template,
    TemplateError,
    builtin_templates,
    pick_language,
    render,
    template_values,
)
from wishdesk.errors import InputError, NotFoundError, UsageError
from wishdesk.services.templates import load_templates

ORDER = {
    "id": "6743a1f09c2b4e0012ab34cd",
    "state": "SHIPPED",
    "product": "Waterproof Hiking Backpack 40L",
    "size": "One size",
    "color": "Forest green",
    "quantity": 2,
    "tracking_number": "YT2433112345678901",
    "carrier": "YunExpress",
    "expected_delivery_at": "2026-12-10T12:00:00Z",
    "expected_ship_at": "2026-11-24T12:00:00Z",
}
REASONS = [
    "remove-item",
    "change-variant",
    "change-address",
    "order-status",
    "shipping-eta",
    "damaged-missing",
    "return-refund",
    "other",
]
PROACTIVE = ["shipping-delay", "shipped", "tracking", "sold-out", "address-confirm"]


def values(
    locale: str = "en-US", order: dict[str, object] | None = ORDER, **extra: str
) -> dict[str, str]:
    return template_values(
        buyer_name="Ana", locale=locale, order=order, merchant_name="Trailhead", extra=extra
    )


def test_builtin_catalog_has_every_template_in_seven_languages() -> None:
    templates = builtin_templates()
    assert templates.names() == PROACTIVE + REASONS
    for name in templates.names():
        assert templates.languages(name) == list(LANGUAGES)
    assert {templates.kind(n) for n in PROACTIVE} == {"proactive"}
    for reason in REASONS:
        assert templates.kind(reason) == "reply"
        assert templates.for_reason(reason) == reason


def test_every_buyer_language_has_the_builtin_templates() -> None:
    from wishdesk.domain import languages

    assert LANGUAGES == languages.LANGUAGES


def test_render_fills_placeholders_from_the_order() -> None:
    text = render(builtin_templates().get("tracking", "en"), values())
    assert "Hi Ana," in text
    assert "YT2433112345678901" in text
    assert "https://www.yuntrack.com/parcelTracking?id=YT2433112345678901" in text
    assert text.endswith("Trailhead")
    assert "{" not in text


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("en", "10 December 2026"),
        ("es-MX", "10 de diciembre de 2026"),
        ("fr-CA", "10 décembre 2026"),
        ("de-AT", "10. Dezember 2026"),
        ("pt-BR", "10 de dezembro de 2026"),
        ("it", "10 dicembre 2026"),
        ("zh-CN", "2026年12月10日"),
        ("zh_CN.UTF-8", "2026年12月10日"),
        ("zh-TW", "2026年12月10日"),
        ("ja-JP", "10 December 2026"),
    ],
)
def test_eta_is_written_in_the_buyers_language(locale: str, expected: str) -> None:
    assert values(locale)["eta"] == expected


def test_values_of_an_order_without_tracking_are_absent() -> None:
    order = {**ORDER, "tracking_number": None, "carrier": "", "expected_ship_at": None}
    got = values(order=order)
    assert {"tracking_number", "tracking_url", "carrier", "ship_by"}.isdisjoint(got)
    assert got["quantity"] == "2" and got["order_id"] == ORDER["id"]


def test_missing_values_are_all_named() -> None:
    order = {**ORDER, "tracking_number": None, "carrier": None}
    with pytest.raises(TemplateError) as caught:
        render(builtin_templates().get("tracking", "en"), values(order=order))
    assert isinstance(caught.value, UsageError) and caught.value.exit_code == 2
    assert caught.value.message == (
        "template 'tracking' needs carrier, tracking_number, tracking_url: "
        "this order has no tracking yet"
    )
    assert caught.value.missing == ["carrier", "tracking_number", "tracking_url"]


def test_missing_variable_says_how_to_pass_it() -> None:
    with pytest.raises(TemplateError, match=r"needs new_date: pass --var new_date=VALUE"):
        render(builtin_templates().get("shipping-delay", "fr"), values("fr"))


def test_no_order_and_no_merchant_name() -> None:
    got = template_values(buyer_name="Ana", locale="en", order=None, merchant_name=None, extra={})
    with pytest.raises(TemplateError) as caught:
        render(builtin_templates().get("return-refund", "en"), got)
    message = caught.value.message
    assert "needs order_id, product, merchant_name" in message
    assert "there is no order" in message and "config set merchant.name" in message


def test_var_overrides_and_iso_dates_are_localised() -> None:
    got = values("de", new_date="2026-12-24", product="Rucksack")
    assert got["new_date"] == "24. Dezember 2026"
    assert got["product"] == "Rucksack"
    text = render(builtin_templates().get("shipping-delay", "de"), got)
    assert "bis zum 24. Dezember 2026" in text and "(Rucksack)" in text
    chinese = values("zh-CN", new_date="2027-01-05T00:00:00Z", product="登山背包")
    assert chinese["new_date"] == "2027年1月5日"
    text = render(builtin_templates().get("shipping-delay", "zh"), chinese)
    assert "预计将于2027年1月5日前送达" in text and "（登山背包）" in text


def test_braces_are_literal_and_values_are_not_reread() -> None:
    template = Template("x", "en", "{{literal}} {name} }} {{")
    assert template.placeholders == ["name"]
    assert render(template, {"name": "{eta}"}) == "{literal} {eta} } {"


@pytest.mark.parametrize("text", ["a { b", "a } b", "{0}", "{name!r}", "{ name }", "{a.b}"])
def test_stray_braces_are_errors(text: str) -> None:
    with pytest.raises(TemplateError, match="stray"):
        render(Template("x", "en", text), {"name": "v", "a": "v"})


@pytest.mark.parametrize(
    ("locale", "lang"),
    [
        ("pt-BR", "pt"),
        ("pt_PT", "pt"),
        ("FR", "fr"),
        ("zh", "zh"),
        ("zh-CN", "zh"),
        ("zh_CN.UTF-8", "zh"),
        ("zh-Hans", "zh"),
        ("zh-Hans-CN", "zh"),
        ("zh-TW", "zh"),
        ("zh-HK", "zh"),
        ("zh-Hant-TW", "zh"),
        ("ja-JP", "en"),
        ("klingon", "en"),
        ("", "en"),
        (None, "en"),
        ("de-CH.UTF-8", "de"),
    ],
)
def test_pick_language(locale: str | None, lang: str) -> None:
    assert pick_language(locale) == lang


def test_get_falls_back_to_english_and_unknown_names_list_the_others() -> None:
    templates = builtin_templates()
    assert templates.get("shipped", "ja").lang == "en"
    assert templates.for_locale("shipped", "pt-BR").lang == "pt"
    with pytest.raises(NotFoundError, match="no template 'nope'; available: shipping-delay"):
        templates.get("nope", "en")


@pytest.fixture
def user_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WISHDESK_HOME", str(tmp_path / "home"))
    folder = tmp_path / "home" / "templates"
    folder.mkdir(parents=True)
    return folder


def test_user_templates_add_and_override(user_dir: Path) -> None:
    (user_dir / "tracking.fr.txt").write_text("Salut {buyer_name} : {tracking_url}\n", "utf-8")
    (user_dir / "thanks.en.txt").write_text("Thanks, {buyer_name}!\n", "utf-8")
    (user_dir / "thanks.nl.txt").write_text("Bedankt, {buyer_name}!\n", "utf-8")
    (user_dir / "notes.md").write_text("ignored", "utf-8")
    templates = load_templates()
    fr = templates.get("tracking", "fr")
    assert fr.text == "Salut {buyer_name} : {tracking_url}" and fr.kind == "proactive"
    assert fr.source.endswith("tracking.fr.txt")
    assert templates.get("tracking", "de").source == "builtin"
    assert templates.kind("thanks") == "custom"
    assert templates.languages("thanks") == ["en", "nl"]
    assert templates.names()[-1] == "thanks"
    assert templates.for_locale("thanks", "nl-BE").text == "Bedankt, {buyer_name}!"
    assert builtin_templates().get("tracking", "fr").source == "builtin"  # cache untouched


@pytest.mark.parametrize(
    ("file_name", "content", "message"),
    [
        ("thanks.en.txt", "Merci \xe0 vous".encode("latin-1"), "not UTF-8"),
        ("Thanks.en.txt", b"Hi", "not a template file name"),
        ("thanks.txt", b"Hi", "not a template file name"),
        ("thanks.en.txt", b"Hi {buyer_name", "stray '{' at line 1, column 4"),
        ("thanks.en.txt", b"  \n", "empty"),
    ],
)
def test_bad_user_file_is_an_error_naming_it(
    user_dir: Path, file_name: str, content: bytes, message: str
) -> None:
    (user_dir / file_name).write_bytes(content)
    with pytest.raises(InputError, match=message) as caught:
        load_templates()
    assert str(user_dir / file_name) in caught.value.message


# --- CLI -----------------------------------------------------------------------------------


@pytest.fixture
def cli(user_dir: Path, monkeypatch: pytest.MonkeyPatch) -> typer.Typer:
    from wishdesk.cli.app import app

    monkeypatch.delenv("WISHDESK_DEBUG", raising=False)
    return app


def invoke(app: typer.Typer, *args: str) -> Result:
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_cli_list_json_and_tsv(cli: typer.Typer, user_dir: Path) -> None:
    (user_dir / "thanks.en.txt").write_text("Thanks, {buyer_name}!", "utf-8")
    result = invoke(cli, "templates", "list", "--json")
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert records[0] == {
        "name": "shipping-delay",
        "kind": "proactive",
        "languages": ["en", "es", "fr", "de", "pt", "it", "zh"],
        "description": records[0]["description"],
    }
    assert records[-1]["name"] == "thanks" and records[-1]["kind"] == "custom"
    assert len(records) == 14
    tsv = invoke(cli, "templates", "list").stdout.splitlines()  # not a TTY: tsv
    assert tsv[1].split("\t")[:3] == ["shipped", "proactive", "en,es,fr,de,pt,it,zh"]
    csv_out = invoke(cli, "templates", "list", "--format", "csv").stdout
    assert csv_out.startswith("name,kind,languages,description\n")


def test_cli_list_table(cli: typer.Typer, monkeypatch: pytest.MonkeyPatch) -> None:
    result = invoke(cli, "templates", "list", "--format", "table")
    assert result.exit_code == 0
    assert "Name" in result.stdout and "damaged-missing" in result.stdout


def test_cli_show_text_and_json(cli: typer.Typer) -> None:
    result = invoke(cli, "templates", "show", "shipped", "--lang", "pt-BR")
    assert result.exit_code == 0
    assert result.stdout.startswith("Olá, {buyer_name}!")
    assert "{tracking_url}" in result.stdout and result.stderr == ""
    data = json.loads(invoke(cli, "templates", "show", "other", "--json").stdout)
    assert data["name"] == "other" and data["kind"] == "reply" and data["lang"] == "en"
    assert data["placeholders"] == ["buyer_name", "merchant_name"]
    assert data["text"] == builtin_templates().get("other", "en").text


def test_cli_show_falls_back_with_a_note(cli: typer.Typer) -> None:
    result = invoke(cli, "templates", "show", "tracking", "--lang", "ja")
    assert result.exit_code == 0
    assert result.stdout.startswith("Hi {buyer_name},")
    assert "no 'ja' text" in result.stderr


@pytest.mark.parametrize("lang", ["zh", "zh-CN", "zh_CN.UTF-8", "zh-Hans", "zh-TW", "zh-HK"])
def test_cli_show_gives_the_chinese_text_to_every_chinese_locale(
    cli: typer.Typer, lang: str
) -> None:
    result = invoke(cli, "templates", "show", "tracking", "--lang", lang)
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout.startswith("亲爱的{buyer_name}，您好！")
    assert "运单号为{tracking_number}" in result.stdout
    data = json.loads(invoke(cli, "templates", "show", "tracking", "--lang", lang, "--json").stdout)
    assert data["lang"] == "zh" and data["text"] == builtin_templates().get("tracking", "zh").text


def test_cli_errors_exit_2(cli: typer.Typer, user_dir: Path) -> None:
    result = invoke(cli, "templates", "show", "nope")
    assert result.exit_code == 2
    assert "no template 'nope'; available:" in result.stderr
    (user_dir / "bad name.en.txt").write_text("x", "utf-8")
    result = invoke(cli, "templates", "list", "--json")
    assert result.exit_code == 2 and "bad name.en.txt" in result.stderr
