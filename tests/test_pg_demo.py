"""`wishdesk demo` on a PostgreSQL store: the same tickets, output and refusals as on a store
file (PostgreSQL keeps its indexes while the demo writes; SQLite drops and rebuilds some)."""

from __future__ import annotations

from pathlib import Path

FLOW = [
    ["demo", "--tickets", "60", "--seed", "3"],
    ["list", "--state", "any", "--format", "jsonl"],
    ["demo", "--tickets", "40", "--seed", "4", "--quiet"],  # a demo store: replaced
    ["overdue", "--format", "tsv"],
    ["stats", "--format", "json"],
]


def test_demo_says_and_writes_the_same_on_both_backends(run, pg_url: str, tmp_path: Path):
    stores = {"sqlite": str(tmp_path / "demo.db"), "postgres": pg_url}
    replaced = ""
    for step in FLOW:
        said = {}
        for name, db in stores.items():
            result = run("--db", db, *step)
            said[name] = (result.exit_code, (result.stdout + result.stderr).replace(db, "STORE"))
        assert said["postgres"] == said["sqlite"], step
        assert said["postgres"][0] in (0, 1), said["postgres"]  # overdue: 1 when some are
        replaced = said["postgres"][1] if step is FLOW[2] else replaced
    assert replaced.startswith("demo store STORE: 40 tickets, ")


def test_demo_never_replaces_real_work_on_postgresql(run, pg_url: str) -> None:
    assert run("--db", pg_url, "demo", "--tickets", "20", "--quiet").exit_code == 0
    listed = run("--db", pg_url, "list", "--format", "tsv").stdout.splitlines()
    ticket = listed[0].split("\t")[0]
    reply = run("--db", pg_url, "reply", ticket, "-m", "We are on it.", "--yes", "--force")
    assert reply.exit_code == 0, reply.stderr
    before = run("--db", pg_url, "outbox", "--format", "json").stdout
    result = run("--db", pg_url, "demo", "--tickets", "20", "--quiet")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and pg_url.split("?")[0] in result.stderr
    assert "demo never replaces them" in result.stderr
    assert run("--db", pg_url, "outbox", "--format", "json").stdout == before
