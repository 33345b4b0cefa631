"""The Chinese pages: run in Chinese, linked both ways, and the tour the English one is.

Their examples themselves are run by tests/test_docs_examples.py, with ``LANG=zh_CN.UTF-8``.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from test_docs_examples import BLOCKS, CHINESE_PAGES, ROOT, base_env, page_lang

LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
FENCE = re.compile(r"^(```|~~~)")
ENGLISH_PAGES = [ROOT / "README.md", ROOT / "docs/README.md"]


def headings(page: Path) -> set[str]:
    """The anchors GitHub makes for a page's headings (lower case, punctuation dropped,
    spaces as ``-``, CJK kept), code blocks left out."""
    anchors, in_code = set(), False
    for line in page.read_text(encoding="utf-8").splitlines():
        if FENCE.match(line):
            in_code = not in_code
        found = HEADING.match(line)
        if found and not in_code:
            text = re.sub(r"[^\w\- ]", "", found.group(1).replace("`", "").lower())
            anchors.add(text.replace(" ", "-"))
    return anchors


def links(page: Path) -> list[str]:
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.S)
    return [target for target in LINK.findall(text) if "://" not in target]


def name(page: Path) -> str:
    return str(page.relative_to(ROOT))


@pytest.mark.parametrize("page", CHINESE_PAGES + ENGLISH_PAGES, ids=name)
def test_every_link_of_the_page_leads_to_a_page_and_heading(page: Path) -> None:
    broken = []
    for target in links(page):
        path, _, anchor = target.partition("#")
        linked = (page.parent / path).resolve() if path else page
        missing_heading = anchor and linked.suffix == ".md" and anchor not in headings(linked)
        if not linked.exists() or missing_heading:
            broken.append(target)
    assert not broken, f"{name(page)}: {broken}"


@pytest.mark.parametrize(
    ("page", "to"),
    [
        ("README.md", "README.zh-CN.md"),
        ("README.md", "docs/zh-CN/first-day.md"),
        ("docs/README.md", "docs/zh-CN/first-day.md"),
        ("README.zh-CN.md", "README.md"),
        ("README.zh-CN.md", "docs/zh-CN/first-day.md"),
        ("docs/zh-CN/first-day.md", "README.zh-CN.md"),
    ],
)
def test_the_english_and_chinese_pages_link_to_each_other(page: str, to: str) -> None:
    targets = {
        (ROOT / page).parent.joinpath(t.partition("#")[0]).resolve() for t in links(ROOT / page)
    }
    assert (ROOT / to).resolve() in targets


@pytest.mark.parametrize(
    ("page", "lang"),
    [
        ("README.zh-CN.md", "zh"),
        ("docs/zh-CN/first-day.md", "zh"),
        ("README.md", "en"),
        ("docs/sla.md", "en"),
    ],
)
def test_a_page_runs_in_its_language(page: str, lang: str, tmp_path: Path) -> None:
    env = base_env(tmp_path / "home", tmp_path / "bin", page_lang(page))
    done = subprocess.run(
        [sys.executable, "-c", "from wishdesk import i18n; print(i18n.language())"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == lang


def commands(page: str, *, tour: bool) -> list[str]:
    """The commands of a README's ``sh`` blocks (with ``tour``, only the blocks that run),
    comments left out and each text in double quotes as ``TEXT`` (a note may be written in
    the page's language)."""
    return [
        re.sub(r'"[^"]*"', "TEXT", command.code)
        for block in BLOCKS[page]
        if block.info == "sh" and not (tour and block.marker)
        for command in block.commands
    ]


def test_the_chinese_readme_shows_the_english_readmes_commands() -> None:
    assert commands("README.zh-CN.md", tour=True) == commands("README.md", tour=True)
    assert sorted(commands("README.zh-CN.md", tour=False)) == sorted(
        commands("README.md", tour=False)
    )
