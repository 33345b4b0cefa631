"""The plan cache lives in the user cache directory, is private, atomic and never fatal."""

from __future__ import annotations

import marshal
import os
import stat
import sys
from pathlib import Path

import pytest

from wishdesk.domain.policy import plan as plan_module
from wishdesk.services import plan_cache

POSIX = pytest.mark.skipif(os.name == "nt", reason="POSIX paths and permissions")


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache directory in force and no plan installed (restored afterwards)."""
    directory = tmp_path / "cache" / "wishdesk"
    monkeypatch.setenv("WISHDESK_CACHE_DIR", str(directory))
    monkeypatch.setattr(plan_module, "_installed", None)
    return directory


def _key() -> str:
    return plan_module.cache_key(plan_module.packaged_files())


def _fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """As in a new process: no plan in place."""
    monkeypatch.setattr(plan_module, "_installed", None)


def _no_building(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(files: object) -> None:
        raise AssertionError("the plan was built, not loaded")

    monkeypatch.setattr(plan_module, "build_plan", fail)


@POSIX
def test_the_cache_directory(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("WISHDESK_CACHE_DIR", str(tmp_path / "mine"))
    assert plan_cache.cache_dir() == str(tmp_path / "mine")
    monkeypatch.delenv("WISHDESK_CACHE_DIR")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert plan_cache.cache_dir() == str(tmp_path / "xdg" / "wishdesk")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")  # ignored, as the spec says
    assert plan_cache.cache_dir() == str(tmp_path / "home" / ".cache" / "wishdesk")
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert plan_cache.cache_dir() == str(tmp_path / "home" / ".cache" / "wishdesk")
    monkeypatch.setattr(sys, "platform", "darwin")
    assert plan_cache.cache_dir() == str(tmp_path / "home" / "Library" / "Caches" / "wishdesk")


@POSIX
def test_no_home_means_no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WISHDESK_CACHE_DIR", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(os.path, "expanduser", lambda path: path)  # "~" unresolved
    assert plan_cache.cache_dir() is None


@POSIX
def test_prime_saves_a_private_plan_then_loads_it(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_cache.prime()
    assert plan_module.installed()
    built = plan_module.plan()
    kept = cache / f"{_key()}.marshal"
    assert [p.name for p in cache.iterdir()] == [kept.name]
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert stat.S_IMODE(cache.stat().st_mode) & 0o077 == 0

    _fresh(monkeypatch)
    _no_building(monkeypatch)
    plan_cache.prime()
    assert plan_module.plan() == plan_module.packed(built)  # as kept: rules read on first use


def test_prime_is_cheap_once_a_plan_is_in_place(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_module.plan()  # built in memory, as without prime()
    monkeypatch.setattr(plan_module, "packaged_files", lambda: pytest.fail("files read again"))
    plan_cache.prime()
    assert not cache.exists()


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00garbage", marshal.dumps([1, 2, 3]), marshal.dumps({"key": "other", "plan": {}})],
)
def test_a_damaged_or_foreign_file_is_rebuilt(cache: Path, content: bytes) -> None:
    cache.mkdir(parents=True)
    kept = cache / f"{_key()}.marshal"
    kept.write_bytes(content)
    kept.chmod(0o600)
    plan_cache.prime()
    assert plan_module.plan()["version"] == plan_module.PLAN_VERSION
    assert marshal.loads(kept.read_bytes())["key"] == _key()


def test_a_plan_of_another_version_is_not_installed(cache: Path) -> None:
    cache.mkdir(parents=True)
    kept = cache / f"{_key()}.marshal"
    kept.write_bytes(marshal.dumps({"key": _key(), "plan": {"version": -1}}))
    kept.chmod(0o600)
    plan_cache.prime()
    assert plan_module.plan()["version"] == plan_module.PLAN_VERSION
    with pytest.raises(ValueError):
        plan_module.install({"version": -1})


@POSIX
def test_a_file_others_can_write_is_not_trusted(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_cache.prime()
    kept = cache / f"{_key()}.marshal"
    kept.chmod(0o666)
    _fresh(monkeypatch)
    assert plan_cache.load(str(kept), _key()) is None
    plan_cache.prime()  # rebuilt, and saved again privately
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600


def test_an_unwritable_cache_only_means_building(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("WISHDESK_CACHE_DIR", str(blocker / "wishdesk"))
    monkeypatch.setattr(plan_module, "_installed", None)
    plan_cache.prime()
    assert plan_module.plan()["version"] == plan_module.PLAN_VERSION
    assert blocker.read_text() == "not a directory"


def test_old_plans_are_pruned_but_a_few_kept(cache: Path) -> None:
    cache.mkdir(parents=True)
    for n in range(12):
        old = cache / f"policy-plan-v1-py39-{n:016x}.marshal"
        old.write_bytes(b"old")
        os.utime(old, (1_000_000 + n, 1_000_000 + n))
    dead = cache / "policy-plan-x.123.abcd.tmp"
    dead.write_bytes(b"half")
    os.utime(dead, (1_000_000, 1_000_000))
    (cache / "unrelated.txt").write_text("kept")
    plan_cache.prime()
    names = sorted(p.name for p in cache.iterdir())
    plans = [n for n in names if n.endswith(".marshal")]
    assert len(plans) == plan_cache.KEEP
    assert f"{_key()}.marshal" in plans
    assert "policy-plan-v1-py39-000000000000000b.marshal" in plans  # the newest old ones
    assert "policy-plan-v1-py39-0000000000000000.marshal" not in plans
    assert dead.name not in names
    assert "unrelated.txt" in names
