"""What a run saw of its files: contents by SHA-256, code by size and time."""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

import pytest

from plancheck import _file_state as file_state_module
from plancheck._file_state import code_stamp, file_state


def test_a_file_is_known_by_its_contents(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(b"id: a\n")
    assert file_state(path, 100) == hashlib.sha256(b"id: a\n").hexdigest()
    path.write_bytes(b"id: b\n")
    assert file_state(path, 100) == hashlib.sha256(b"id: b\n").hexdigest()


def test_what_checking_would_not_read_is_known_otherwise(tmp_path: Path) -> None:
    large = tmp_path / "large.yaml"
    large.write_bytes(b"x" * 11)
    assert file_state(large, 10) == "size:11"
    assert file_state(tmp_path, 10) == "mode:16384"
    assert file_state(tmp_path / "missing.yaml", 10) is None
    assert file_state(Path("bad\0name"), 10) is None


def test_the_code_stamp_changes_with_an_extra_module(tmp_path: Path) -> None:
    module = tmp_path / "plugin.py"
    module.write_text("X = 1\n", encoding="utf-8")
    before = code_stamp([str(module)])
    assert [str(module), 6] == before[[row[0] for row in before].index(str(module))][:2]
    module.write_text("X = 22\n", encoding="utf-8")
    assert code_stamp([str(module)]) != before


def test_installing_a_package_changes_the_code_stamp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    installed = tmp_path / "site-packages"
    installed.mkdir()
    monkeypatch.setattr(sys, "path", [*sys.path, str(installed)])
    before = code_stamp()
    assert str(installed) in {row[0] for row in before}
    (installed / "pydantic-9.0.dist-info").mkdir()
    # Folder times are coarse on some file systems: move the time on explicitly.
    info = installed.stat()
    os.utime(installed, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
    assert code_stamp() != before


def test_a_link_is_known_by_where_it_leads(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_bytes(b"id: a\n")
    (tmp_path / "b.yaml").write_bytes(b"id: a\n")
    link = tmp_path / "link.yaml"
    link.symlink_to(tmp_path / "a.yaml")
    through_a = file_state(link, 100)
    link.unlink()
    link.symlink_to(tmp_path / "b.yaml")
    assert file_state(link, 100) != through_a
    assert file_state(tmp_path / "a.yaml", 100) == hashlib.sha256(b"id: a\n").hexdigest()
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop)
    assert file_state(loop, 100) is None


def test_the_code_stamp_covers_every_source_below_the_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "plancheck"
    (package / "engine" / "deeper").mkdir(parents=True)
    (package / "other").mkdir()
    for name in ("__init__.py", "engine/run.py", "engine/deeper/x.py", "other/.hidden.py"):
        (package / name).write_text("X = 1\n", encoding="utf-8")
    (package / "engine" / "notes.txt").write_text("not code\n", encoding="utf-8")
    (package / "engine" / "run.pyc").write_bytes(b"\0")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "linked.py").write_text("X = 1\n", encoding="utf-8")
    (package / "linked").symlink_to(tmp_path / "elsewhere")
    monkeypatch.setattr(file_state_module, "PACKAGE", package)
    monkeypatch.setattr(sys, "path", [])
    stamp = code_stamp()
    expected = {str(path) for path in package.rglob("*.py")}
    expected.add(str(package / "engine" / "shipped_rules.json"))
    assert [row[0] for row in stamp] == sorted(expected)
    assert str(package / "engine" / "deeper" / "x.py") in expected
    (package / "engine" / "deeper" / "x.py").write_text("X = 22\n", encoding="utf-8")
    assert code_stamp() != stamp
