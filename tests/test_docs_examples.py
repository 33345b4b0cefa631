"""The examples of README.md, docs/*.md and their Chinese pages work as printed.

Each page is run on its own, in order, in a fresh temp directory holding a copy of a fresh
default demo store (made once by ``python -m wishdesk --db demo.db demo --quiet``: 200
tickets, seed 1), with
``WISHDESK_DB=demo.db``, ``WISHDESK_NOW`` frozen at ``NOW``, ``HOME`` and ``WISHDESK_HOME`` in
the temp directory, ``NO_COLOR=1`` and ``COLUMNS=100``. The Chinese pages (README.zh-CN.md,
docs/zh-CN/*.md) run with ``LANG=zh_CN.UTF-8``, the others with ``LANG=C.UTF-8``; neither
sets ``LC_ALL`` or ``LC_MESSAGES``. Commands run through ``bash -c`` with
``pipefail``, stdin not a terminal (so listings print TSV unless a format is given), and
``wishdesk`` on the PATH as this interpreter's ``python -m wishdesk``.

What is an example (the conventions for writing the pages):

- In a fenced block, a line starting with ``$ `` is a command (a trailing ``\\`` continues it
  on the next line). The lines after it, up to the next ``$ `` line or the end of the block,
  are what it prints: stdout then stderr (or stderr then stdout: either order matches).
- In README.md and README.zh-CN.md, every line of an ``sh`` block is a command, with no
  output shown; comment lines are ignored.
- ``$ echo $?`` shows the exit code of the command before it; ``$ export ...`` sets variables
  for the rest of the page.
- An HTML comment on the line before the opening fence (blank lines between are allowed)
  changes how the block is used:

  - ``<!-- example: illustrative -->``: run, with ids and exit codes checked, but the output is
    not compared: tables, panels and charts for people (being redesigned), kept short.
  - ``<!-- example: file NAME -->``: the block's text is written to NAME in the page's
    directory, for the examples after it (a script, a CSV, a file to import).
  - ``<!-- example: needs ... -->``: cannot run here (a Wish token, an editor, ...); the block
    is reported as skipped with that reason, and only its ids are checked.

The checks, each failure naming the page and line:

(a) ids: every 24-hex id in any fenced block, and every ticket id or prefix given to ``show``,
    ``reply``, ``tag`` or ``--ticket`` and order id given to ``--order``, is in the demo store
    (a prefix: of exactly one ticket), or written by the page (a ``.json``/``.jsonl`` file
    block, an ``echo``/``printf`` command) -- unless the page shows the tool saying it is not
    there: a line with ``not_found``, ``no ticket``, ``no order`` or ``ambiguous``.
(b) the exit code: the one ``$ echo $?`` shows, or ``(exit N)`` in a comment on the command;
    else 0 for a command ending in ``; echo "exit $?"`` (its output shows the code) or one that
    does not call wishdesk (``cat``, ``sh SCRIPT``); else 1 when the output shown has
    ``wishdesk: not sent`` (the linter blocked it) or a ``notify:`` summary with ``blocked``,
    or for ``overdue`` with output shown; 2 for a ``notify:`` summary with ``not_found`` or
    any other ``wishdesk: `` line; else 0.
(c) the output, unless illustrative: the lines shown are the lines printed, where a line ``...``
    stands for any number of lines and ``...`` inside a line for any text; trailing spaces are
    ignored. Nothing shown after a command means nothing is compared.

A pipe into a program that is not installed (``jq`` say) runs only the part before the pipe,
and that command's output is not compared (its exit code still is); a command that starts
with such a program is not run, and a page's script that needs ``jq`` is run without its
output compared.

A page must also hold on the day a reader runs it: the demo's times follow the clock, so a
fixed date in a command (``--var new_date=2026-12-24``, ``--until "2026-12-03 9:00"``) goes
stale. ``WISHDESK_DOCS_NOW=2027-03-15T04:30:00Z`` runs every page at that clock instead, with
ids and exit codes checked and outputs not compared (they show ``NOW``'s times); the
harness's own test of its reports then fails, as it compares outputs.
"""

from __future__ import annotations

import itertools
import os
import re
import shlex
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHINESE_PAGES = [ROOT / "README.zh-CN.md", *sorted((ROOT / "docs/zh-CN").glob("*.md"))]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), *CHINESE_PAGES]
READMES = {"README.md", "README.zh-CN.md"}  # their ``sh`` blocks are commands, line by line
NOW = os.environ.get("WISHDESK_DOCS_NOW", "2026-12-01T09:00:00Z")
COMPARE = "WISHDESK_DOCS_NOW" not in os.environ  # outputs show the times of the usual NOW

HEX_ID = re.compile(r"(?<![0-9A-Za-z/])[0-9a-f]{24}(?![0-9A-Za-z])")  # not in a URL path
MARKER = re.compile(r"<!--\s*example:\s*(.*?)\s*-->")
MARKERS = ("illustrative", "file ", "needs ")
FENCE = re.compile(r"^(```+|~~~+)\s*([\w+-]*)")
NOT_THERE = ("not_found", "no ticket", "no order", "ambiguous")
GLOBAL_OPTIONS_WITH_VALUE = {"--db"}
TICKET_COMMANDS = {"show", "reply", "tag"}
SHELL_BUILTINS = {"export", "cd", "echo", "printf", "set", "test", "true", "false"}
GAP = None


@dataclass
class Command:
    line: int
    text: str
    shown: list[str] = field(default_factory=list)

    @property
    def code(self) -> str:
        """The command without its trailing ``# comment``."""
        return scan(self.text)[1]

    @property
    def comment(self) -> str:
        return self.text[len(self.code) :]


@dataclass
class Block:
    page: str
    line: int  # of the opening fence
    info: str
    marker: str
    body: list[str]
    commands: list[Command]

    @property
    def where(self) -> str:
        return f"{self.page}:{self.line}"

    def __repr__(self) -> str:
        return f"Block({self.where})"


# --- reading the pages ---------------------------------------------------------------------


def parse(name: str, text: str) -> list[Block]:
    """The fenced blocks of a page, with their markers and commands."""
    lines = text.splitlines()
    blocks: list[Block] = []
    marker, marker_line = "", 0
    i = 0
    while i < len(lines):
        line = lines[i]
        found = MARKER.fullmatch(line.strip())
        fence = FENCE.match(line)
        if found:
            marker, marker_line = found.group(1), i + 1
        elif fence:
            closing, info = fence.group(1), fence.group(2)
            start, body = i + 1, []
            i += 1
            while i < len(lines) and not lines[i].startswith(closing):
                body.append(lines[i])
                i += 1
            every_line = name in READMES and info == "sh"
            blocks.append(
                Block(name, start, info, marker, body, commands(body, start + 1, every_line))
            )
            marker = ""
        elif line.strip() and marker:
            raise ValueError(f"{name}:{marker_line}: the example marker is not before a block")
        i += 1
    return blocks


def commands(body: list[str], first: int, every_line: bool) -> list[Command]:
    """``$ `` lines and what follows them; with ``every_line``, each line but comments."""
    found: list[Command] = []
    current: Command | None = None
    continued = False
    for number, line in enumerate(body, first):
        if continued and current is not None:
            current.text += "\n" + line
        elif line.startswith("$ ") or (every_line and line.strip() and line[0] != "#"):
            current = Command(number, line.removeprefix("$ "))
            found.append(current)
        elif current is not None and not every_line:
            current.shown.append(line.rstrip())
        continued = line.endswith("\\")
    for command in found:
        while command.shown and not command.shown[-1]:
            command.shown.pop()
    return found


def scan(text: str, separators: tuple[str, ...] = ()) -> tuple[list[str], str]:
    """A shell line's parts between separators outside quotes (``|`` is not ``||``), and the
    line up to its ``# comment``."""
    parts, start, quote, i = [], 0, "", 0
    while i < len(text):
        c = text[i]
        if quote:
            if c == quote:
                quote = ""
            elif c == "\\" and quote == '"':
                i += 1
        elif c in "'\"":
            quote = c
        elif c == "\\":
            i += 1
        elif c == "#" and (i == 0 or text[i - 1].isspace()):
            break
        else:
            for sep in separators:
                if text.startswith(sep, i) and not text.startswith(sep * 2, i):
                    parts.append(text[start:i])
                    start = i + len(sep)
                    i += len(sep) - 1
                    break
        i += 1
    parts.append(text[start:i])
    return parts, text[:i].rstrip()


def words(segment: str) -> list[str]:
    try:
        return shlex.split(segment.replace("\\\n", " "))
    except ValueError:
        return segment.split()


def wishdesk_calls(command: Command) -> Iterator[list[str]]:
    """The arguments of every ``wishdesk`` call in a command, global options dropped."""
    for segment in scan(command.text, ("|", ";", "&&"))[0]:
        argv = words(segment)
        if "wishdesk" not in argv:
            continue
        args = argv[argv.index("wishdesk") + 1 :]
        while args and args[0].startswith("-"):
            if args.pop(0) in GLOBAL_OPTIONS_WITH_VALUE and args:
                args.pop(0)
        yield args


def ticket_refs(args: list[str]) -> Iterator[str]:
    if len(args) > 1 and args[0] in TICKET_COMMANDS and not args[1].startswith("-"):
        yield args[1]
    yield from (value for option, value in itertools.pairwise(args) if option == "--ticket")


def order_refs(args: list[str]) -> Iterator[str]:
    yield from (value for option, value in itertools.pairwise(args) if option == "--order")


def expected_exit(command: Command, following: Command | None) -> int:
    """The exit code the page implies for a command (rule (b) of the module docstring)."""
    if following is not None and following.code == "echo $?" and following.shown:
        return int(following.shown[0])
    explicit = re.search(r"\(exit (\d+)\)", command.comment)
    if explicit:
        return int(explicit.group(1))
    if re.search(r';\s*echo "exit \$\?"$', command.code):
        return 0
    calls = list(wishdesk_calls(command))
    if not calls:  # cat, sh SCRIPT: what they print is not wishdesk's verdict
        return 0
    shown = [line for line in command.shown if line.strip() != "..."]
    if any(line.startswith("wishdesk: not sent") for line in shown):
        return 1
    if any(line.startswith("wishdesk: ") for line in shown):
        return 2
    summaries = [line for line in shown if line.startswith("notify: ")]
    if summaries:
        return 2 if "not_found" in summaries[-1] else 1 if "blocked" in summaries[-1] else 0
    if shown and any(args[:1] == ["overdue"] for args in calls):
        return 1
    return 0


def pattern(line: str) -> re.Pattern[str] | None:
    if line.strip() == "...":
        return GAP
    return re.compile(".*".join(re.escape(part) for part in line.rstrip().split("...")))


def same_lines(shown: list[str], printed: list[str]) -> bool:
    """Whether the printed lines are the shown ones, ``...`` standing for what is left out."""
    positions = {0}
    for want in map(pattern, shown):
        if want is GAP:
            positions = set(range(min(positions), len(printed) + 1))
        else:
            positions = {
                j + 1 for j in positions if j < len(printed) and want.fullmatch(printed[j])
            }
        if not positions:
            return False
    return len(printed) in positions


# --- the store and the runs ----------------------------------------------------------------


@dataclass
class Known:
    tickets: set[str]
    orders: set[str]


def base_env(home: Path, bin_dir: Path, lang: str = "C.UTF-8") -> dict[str, str]:
    """The environment of every command: nothing of the user's store, token, colours, editor
    or locale; the demo store in the current directory, the frozen clock and ``LANG``."""
    dropped = {"NO_COLOR", "FORCE_COLOR", "VISUAL", "EDITOR", "COLUMNS", "LINES", "PAGER"}
    dropped |= {"LC_ALL", "LC_MESSAGES", "LANGUAGE"}
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("WISHDESK_", "WISH_", "XDG_")) and key not in dropped
    }
    if "WISHDESK_CACHE_DIR" in os.environ:  # the test run's plan cache (conftest.py)
        env["WISHDESK_CACHE_DIR"] = os.environ["WISHDESK_CACHE_DIR"]
    env.update(
        PATH=f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        HOME=str(home),
        WISHDESK_HOME=str(home / "wishdesk"),
        WISHDESK_DB="demo.db",
        WISHDESK_NOW=NOW,
        NO_COLOR="1",
        COLUMNS="100",
        EDITOR="false",
        PYTHONIOENCODING="utf-8",
        TZ="UTC",
        LANG=lang,
    )
    return env


def page_lang(name: str) -> str:
    """``LANG`` for a page's commands: Chinese for the Chinese pages."""
    return "zh_CN.UTF-8" if ROOT / name in CHINESE_PAGES else "C.UTF-8"


def shim(bin_dir: Path) -> None:
    """``wishdesk`` on the PATH: this interpreter's package, installed or not."""
    bin_dir.mkdir(parents=True, exist_ok=True)
    script = bin_dir / "wishdesk"
    script.write_text(f'#!/bin/sh\nexec {shlex.quote(sys.executable)} -m wishdesk "$@"\n')
    script.chmod(0o755)


def id_problems(blocks: list[Block], known: Known) -> dict[int, list[str]]:
    """Ids and prefixes that are neither in the store nor in a file the page writes."""
    defined, absent = set(), set()
    for block in blocks:
        if block.marker.startswith("file ") and block.marker.endswith((".json", ".jsonl")):
            defined.update(HEX_ID.findall("\n".join(block.body)))
        for command in block.commands:
            if command.text.startswith(("echo ", "printf ")):  # writes a file for the page
                defined.update(HEX_ID.findall(command.text))
            if any(word in line for line in command.shown for word in NOT_THERE):
                for args in wishdesk_calls(command):
                    absent.update(ticket_refs(args), order_refs(args))
            for line in command.shown:
                if any(word in line for word in NOT_THERE):
                    absent.update(HEX_ID.findall(line))
    everything = known.tickets | known.orders | defined
    problems: dict[int, list[str]] = {}
    for block in blocks:
        found = problems.setdefault(block.line, [])
        for number, line in enumerate(block.body, block.line + 1):
            for hex_id in HEX_ID.findall(line):
                if hex_id not in everything | absent:
                    found.append(f"{block.page}:{number}: id {hex_id} is not in the demo store")
        for command in block.commands:
            for args in wishdesk_calls(command):
                for ref in ticket_refs(args):
                    hits = [t for t in known.tickets | defined if t.startswith(ref)]
                    if len(hits) != 1 and ref not in absent:
                        found.append(
                            f"{block.page}:{command.line}: ticket {ref!r} matches "
                            f"{len(hits)} tickets of the demo store, not one"
                        )
                for ref in order_refs(args):
                    if ref not in known.orders | defined | absent:
                        found.append(f"{block.page}:{command.line}: no order {ref} in the store")
        if block.marker and not block.marker.startswith(MARKERS):
            found.append(f"{block.where}: unknown example marker {block.marker!r}")
    return problems


def run_page(
    blocks: list[Block], workdir: Path, store: Path, known: Known, lang: str = "C.UTF-8"
) -> dict[int, list[str]]:
    """Run a page's examples in order, on a copy of the store, with ``LANG=lang``; the
    problems found, by the line of their block."""
    problems = id_problems(blocks, known)
    shim(workdir / "bin")
    (workdir / "home").mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{store}{suffix}").exists():
            shutil.copy2(f"{store}{suffix}", workdir / f"demo.db{suffix}")
    env = base_env(workdir / "home", workdir / "bin", lang)
    files: dict[str, str] = {}
    for block in blocks:
        if block.marker.startswith("file "):
            target = workdir / block.marker.removeprefix("file ").strip()
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text("\n".join(block.body) + "\n", encoding="utf-8")
            files[target.name] = "\n".join(block.body)
            continue
        if block.marker not in ("", "illustrative"):
            continue  # needs ... (or a marker reported above)
        for index, command in enumerate(block.commands):
            if command.code == "echo $?":
                continue
            following = block.commands[index + 1] if index + 1 < len(block.commands) else None
            problems[block.line] += run_command(block, command, following, workdir, env, files)
            if command.code.startswith("export "):
                env = exported(command.code, workdir, env)
    return problems


def exported(text: str, workdir: Path, env: dict[str, str]) -> dict[str, str]:
    done = subprocess.run(
        ["bash", "-c", f"{text}\nenv -0"], cwd=workdir, env=env, capture_output=True, check=True
    )
    pairs = (item.split("=", 1) for item in done.stdout.decode().split("\0") if "=" in item)
    return {key: value for key, value in pairs if key not in ("_", "SHLVL", "OLDPWD")}


def run_command(
    block: Block,
    command: Command,
    following: Command | None,
    workdir: Path,
    env: dict[str, str],
    files: dict[str, str],
) -> list[str]:
    where = f"{block.page}:{command.line}"
    text, compare = command.code, COMPARE and block.marker != "illustrative" and bool(command.shown)
    pipeline = scan(text, ("|",))[0]
    missing = [
        i
        for i, argv in enumerate(map(words, pipeline))
        if argv
        and "=" not in argv[0]
        and argv[0] not in SHELL_BUILTINS
        and shutil.which(argv[0], path=env["PATH"]) is None
    ]
    if 0 in missing:
        return []  # a program that is not installed here (jq on a file)
    if missing:  # a pipe into it: run what comes before, compare nothing
        text, compare = pipeline[0], False
    scripts = [body for name, body in files.items() if re.search(rf"\b{re.escape(name)}\b", text)]
    if shutil.which("jq", path=env["PATH"]) is None and any("jq " in s for s in scripts):
        compare = False  # a script of the page needs jq for what it prints
    done = subprocess.run(
        ["bash", "-c", "set -o pipefail\n" + text],
        cwd=workdir,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=120,
    )
    out = [line.rstrip() for line in done.stdout.decode("utf-8", "replace").splitlines()]
    err = [line.rstrip() for line in done.stderr.decode("utf-8", "replace").splitlines()]
    for lines in (out, err):
        while lines and not lines[-1]:
            lines.pop()
    found = []
    want = expected_exit(command, following)
    if done.returncode != want:
        found.append(
            f"{where}: `{text}` exited {done.returncode}, the page implies {want}"
            + "".join(f"\n    {line}" for line in err[-5:])
        )
    if compare and not any(same_lines(command.shown, lines) for lines in (out + err, err + out)):
        found.append(
            f"{where}: `{text}` printed:\n"
            + "".join(f"    {line}\n" for line in out + err)
            + "  but the page shows:\n"
            + "".join(f"    {line}\n" for line in command.shown)
        )
    return found


@dataclass
class Pages:
    root: Path
    store: Path
    known: Known
    results: dict[str, dict[int, list[str]]] = field(default_factory=dict)

    def __repr__(self) -> str:
        return f"Pages({self.root})"

    def run(self, name: str) -> dict[int, list[str]]:
        """A page's problems, by the line of their block; each page runs once, in a
        directory of its own."""
        if name not in self.results:
            workdir = self.root / name.replace("/", "_").removesuffix(".md")
            self.results[name] = run_page(
                BLOCKS[name], workdir, self.store, self.known, page_lang(name)
            )
        return self.results[name]


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Pages:
    """A fresh default demo store, made once by the real CLI; each page runs on a copy."""
    root = tmp_path_factory.mktemp("docs-examples")
    made = root / "store"
    shim(made / "bin")
    subprocess.run(
        [sys.executable, "-m", "wishdesk", "--db", "demo.db", "demo", "--quiet"],
        cwd=made,
        env=base_env(made / "home", made / "bin"),
        check=True,
        capture_output=True,
        timeout=120,
    )
    conn = sqlite3.connect(made / "demo.db")
    try:
        known = Known(
            {row[0] for row in conn.execute("SELECT id FROM tickets")},
            {row[0] for row in conn.execute("SELECT id FROM orders")},
        )
    finally:
        conn.close()
    return Pages(root, made / "demo.db", known)


# --- the tests -----------------------------------------------------------------------------


def page_blocks() -> dict[str, list[Block]]:
    names = {page: str(page.relative_to(ROOT)) for page in PAGES}
    return {name: parse(name, page.read_text(encoding="utf-8")) for page, name in names.items()}


BLOCKS = page_blocks()
CASES = [
    block
    for blocks in BLOCKS.values()
    for block in blocks
    if block.commands or block.marker or HEX_ID.search("\n".join(block.body))
]


def test_the_pages_have_examples() -> None:
    run = [c for b in CASES for c in b.commands if not b.marker.startswith("needs")]
    assert len(run) > 100
    assert any(b.page == "README.md" and b.commands and not b.marker for b in CASES)


# A page runs once, at its first block (``Pages.run``): under pytest-xdist (``--dist
# loadgroup``) every block of a page goes to the same worker, so no page runs twice.
@pytest.mark.parametrize(
    "block",
    [pytest.param(b, id=b.where, marks=pytest.mark.xdist_group(b.page)) for b in CASES],
)
def test_example(block: Block, pages: Pages) -> None:
    problems = pages.run(block.page)[block.line]
    assert not problems, "\n".join(problems)
    if block.marker.startswith("needs"):
        pytest.skip(f"{block.where}: not run: {block.marker}")


def test_a_wrong_id_exit_code_or_output_is_reported(pages: Pages, tmp_path: Path) -> None:
    page = (
        "# A page\n"
        "\n"
        "```console\n"
        "$ wishdesk show 000000000000000000000abc\n"
        "$ wishdesk config get sla.business_days\n"
        "3\n"
        "$ wishdesk list --order 69e724cf9a8a6d076f2269ae | cut -f1\n"
        "69fc3ffeaad9962b532269b2\n"
        "```\n"
    )
    problems = run_page(parse("bad.md", page), tmp_path, pages.store, pages.known)[3]
    text = "\n".join(problems)
    assert "bad.md:4: id 000000000000000000000abc is not in the demo store" in text
    assert "bad.md:4: ticket '000000000000000000000abc' matches 0 tickets" in text
    assert "bad.md:4: `wishdesk show 000000000000000000000abc` exited 2, the page implies 0" in text
    assert "bad.md:5: `wishdesk config get sla.business_days` printed:\n    2\n" in text
    assert "bad.md:7" not in text
    assert len(problems) == 4
