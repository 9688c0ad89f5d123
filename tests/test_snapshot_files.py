"""The snapshot helper itself: a difference fails with a diff, only an update rewrites."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests._snapshots import SnapshotMismatch, Snapshots


def test_equal_output_passes(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("规划\n".encode())
    Snapshots(update=False, root=tmp_path).check("规划\n", "a.txt")


def test_changed_wording_fails_with_a_diff_and_leaves_the_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"line one\nold wording\n")
    with pytest.raises(SnapshotMismatch) as info:
        Snapshots(update=False, root=tmp_path).check("line one\nnew wording\n", "a.txt")
    assert "-old wording" in str(info.value) and "+new wording" in str(info.value)
    assert "--snapshot-update" in str(info.value)
    assert (tmp_path / "a.txt").read_bytes() == b"line one\nold wording\n"


def test_byte_differences_alone_fail(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"x\r\n")
    with pytest.raises(SnapshotMismatch, match="bytes differ"):
        Snapshots(update=False, root=tmp_path).check("x\n", "a.txt")


def test_a_missing_snapshot_fails(tmp_path: Path) -> None:
    with pytest.raises(SnapshotMismatch, match="no snapshot"):
        Snapshots(update=False, root=tmp_path).check("x", "area/new.txt")
    assert not (tmp_path / "area").exists()


def test_update_writes_only_what_changed(tmp_path: Path) -> None:
    snapshots = Snapshots(update=True, root=tmp_path)
    snapshots.check("new\n", "area/b.txt")
    snapshots.check("new\n", "area/b.txt")
    assert (tmp_path / "area" / "b.txt").read_bytes() == b"new\n"
    assert snapshots.written == [tmp_path / "area" / "b.txt"]
