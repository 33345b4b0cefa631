"""The Chinese catalog stays complete as the code grows, and is what the package ships."""

from __future__ import annotations

import re
import string
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

from catalog import CATALOG, extracted, translations  # noqa: E402


def test_every_interface_text_has_a_chinese_translation() -> None:
    texts = extracted()
    done = translations()
    missing = sorted(str(key) for key in texts if key not in done)
    assert not missing, (
        f"{len(missing)} texts have no translation in {CATALOG.relative_to(ROOT)} "
        f"(python tools/catalog.py update, then translate them), e.g. {missing[:5]}"
    )


def test_the_catalog_holds_no_text_the_code_no_longer_has() -> None:
    texts = extracted()
    stale = sorted(str(key) for key in translations() if key not in texts)
    assert not stale, f"no longer in the code (python tools/catalog.py update): {stale[:5]}"


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_translations_fill_the_same_fields_as_the_english() -> None:
    wrong = []
    for key, translated in translations().items():
        english = key if isinstance(key, str) else key[0]
        for text in translated if isinstance(translated, tuple) else (translated,):
            if _fields(text) != _fields(english):
                wrong.append((english, text))
    assert not wrong, wrong[:5]


def test_a_translation_keeps_the_texts_rich_markup_and_commands() -> None:
    """Rich markup (``[bold]``) and backquoted commands are code: the translation has the
    same ones."""
    wrong = []
    for key, translated in translations().items():
        english = key if isinstance(key, str) else key[0]
        text = translated if isinstance(translated, str) else translated[0]
        for pattern in (r"\[/?[a-z ]+\]", r"`[^`]+`"):
            if sorted(re.findall(pattern, english)) != sorted(re.findall(pattern, text)):
                wrong.append((english, text))
    assert not wrong, wrong[:5]


def test_the_installed_catalog_is_the_compiled_po() -> None:
    from gettext import GNUTranslations
    from importlib import resources

    mo = resources.files("wishdesk").joinpath("locale/zh/LC_MESSAGES/wishdesk.mo")
    with mo.open("rb") as stream:
        compiled = GNUTranslations(stream)
    for key, translated in translations().items():
        if isinstance(key, str):
            assert compiled.gettext(key) == translated, (
                f"{key!r}: the installed .mo is older than the .po "
                "(python tools/catalog.py compile, or reinstall)"
            )
