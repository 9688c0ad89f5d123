"""Nothing lost: plancheck never changes its inputs, and its own writes are atomic.

``write_atomic`` writes a temporary file in the target's folder, fsyncs it and
renames it over the target, so an interrupted write leaves the old file or the
new one, never a mixture; a failure that Python sees removes the temporary file.
"""

from __future__ import annotations

import importlib.util
import os
import random
import signal
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import plancheck._atomic as atomic_module
from plancheck._atomic import write_atomic
from plancheck.outputs import FORMATS
from tests.conftest import CORPUS
from tests.hardening._support import assert_one_error_line, cli, write_plan

Capsys = pytest.CaptureFixture[str]
Snapshot = dict[str, tuple[bytes, int, int]]


def snapshot(folder: Path) -> Snapshot:
    """Every file under ``folder``: its bytes, mtime (ns) and mode."""
    taken = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            status = path.stat()
            taken[path.relative_to(folder).as_posix()] = (
                path.read_bytes(),
                status.st_mtime_ns,
                status.st_mode,
            )
    return taken


def copy_corpus(target: Path) -> Path:
    target.mkdir(parents=True)
    for path in CORPUS.iterdir():
        if path.is_file():
            (target / path.name).write_bytes(path.read_bytes())
    return target


# -- inputs are never modified ------------------------------------------------------


@pytest.mark.parametrize("output_format", FORMATS)
def test_check_never_modifies_its_inputs(here: Path, capsys: Capsys, output_format: str) -> None:
    plans = here / "plans"
    copy_corpus(plans / "baoji")
    write_plan(plans, "projects:\n  - {id: a, name: 甲工程, years: 2019-2022}\n", "single.yaml")
    (here / ".plancheck.yaml").write_text("lang: zh\n", encoding="utf-8")
    before = snapshot(here)
    cli(capsys, "check", "plans", "--format", output_format)
    cli(capsys, "check", "plans/baoji", "plans/single.yaml", "--format", output_format)
    cli(capsys, "check", "plans", "--format", output_format, "--output", "report.out")
    after = snapshot(here)
    assert after.pop("report.out")[0]  # the report was written, and is not empty
    assert after == before


@pytest.mark.parametrize("victim", ["plan.yaml", "agencies.yaml", "source.txt", ".plancheck.yaml"])
def test_output_onto_an_input_file_is_refused(here: Path, capsys: Capsys, victim: str) -> None:
    folder = copy_corpus(here / "baoji")
    (here / ".plancheck.yaml").write_text("lang: en\n", encoding="utf-8")
    target = here / victim if victim == ".plancheck.yaml" else folder / victim
    before = snapshot(here)
    run = cli(capsys, "check", "baoji", "--output", os.path.relpath(target, here))
    assert snapshot(here) == before, f"--output overwrote the input {victim}"
    assert_one_error_line(run, victim)


# -- write_atomic: modes ------------------------------------------------------------


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o644, 0o664, 0o755, 0o444])
def test_write_atomic_keeps_the_permission_bits(tmp_path: Path, mode: int) -> None:
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(mode)
    write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(target.stat().st_mode) == mode


def test_write_atomic_gives_a_new_file_the_umask_mode(tmp_path: Path) -> None:
    previous = os.umask(0o027)
    try:
        write_atomic(tmp_path / "new.json", b"\x00bytes")
    finally:
        os.umask(previous)
    assert (tmp_path / "new.json").read_bytes() == b"\x00bytes"
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o640


# -- write_atomic: interrupted writes -------------------------------------------------


def _fail_fsync(monkeypatch: pytest.MonkeyPatch, error: BaseException) -> None:
    def fsync(fd: int) -> None:
        raise error

    monkeypatch.setattr(atomic_module.os, "fsync", fsync)


def _fail_replace(monkeypatch: pytest.MonkeyPatch, error: BaseException) -> None:
    def replace(self: Path, target: object) -> Path:
        raise error

    monkeypatch.setattr(Path, "replace", replace)


def _fail_chmod(monkeypatch: pytest.MonkeyPatch, error: BaseException) -> None:
    def chmod(self: Path, mode: int, *, follow_symlinks: bool = True) -> None:
        raise error

    monkeypatch.setattr(Path, "chmod", chmod)


def _fail_write(monkeypatch: pytest.MonkeyPatch, error: BaseException) -> None:
    real_fdopen = os.fdopen

    class Failing:
        def __init__(self, stream: object) -> None:
            self.stream = stream

        def __enter__(self) -> Failing:
            return self

        def __exit__(self, *exc: object) -> None:
            self.stream.close()  # type: ignore[attr-defined]

        def write(self, data: bytes) -> int:
            self.stream.write(data[: len(data) // 2])  # type: ignore[attr-defined]
            raise error

    def fdopen(fd: int, *args: object, **kwargs: object) -> Failing:
        return Failing(real_fdopen(fd, *args, **kwargs))  # type: ignore[call-overload]

    monkeypatch.setattr(atomic_module.os, "fdopen", fdopen)


STEPS: dict[str, Callable[[pytest.MonkeyPatch, BaseException], None]] = {
    "write": _fail_write,
    "fsync": _fail_fsync,
    "chmod": _fail_chmod,
    "replace": _fail_replace,
}
ERRORS: dict[str, BaseException] = {
    "oserror": OSError(28, "No space left on device"),
    "keyboard-interrupt": KeyboardInterrupt(),
}


@pytest.mark.parametrize("error", ERRORS, ids=ERRORS.keys())
@pytest.mark.parametrize("step", STEPS, ids=STEPS.keys())
def test_failed_write_keeps_the_old_file_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str, error: str
) -> None:
    target = tmp_path / "report.json"
    target.write_bytes(b"old report")
    target.chmod(0o640)
    STEPS[step](monkeypatch, ERRORS[error])
    with pytest.raises(type(ERRORS[error])):
        write_atomic(target, "new report " * 10_000)
    monkeypatch.undo()
    assert target.read_bytes() == b"old report"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_failed_write_of_a_new_file_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fail_fsync(monkeypatch, OSError(5, "Input/output error"))
    with pytest.raises(OSError):
        write_atomic(tmp_path / "report.json", "new")
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


_WRITER = """\
import importlib.util, sys
spec = importlib.util.spec_from_file_location("atomic", sys.argv[1])
atomic = importlib.util.module_from_spec(spec)
spec.loader.exec_module(atomic)
payloads = [bytes([65 + i]) * int(sys.argv[3]) for i in range(2)]
print("ready", flush=True)
i = 0
while True:
    atomic.write_atomic(sys.argv[2], payloads[i % 2])
    i += 1
"""


def test_killed_writer_leaves_the_old_file_or_the_new_one(tmp_path: Path) -> None:
    """SIGKILL a process looping write_atomic at random moments: never a partial file."""
    source = importlib.util.find_spec("plancheck._atomic")
    assert source is not None and source.origin is not None
    target = tmp_path / "report.json"
    size = 4 * 1024 * 1024
    initial = b"initial report"
    target.write_bytes(initial)
    valid = {initial, b"A" * size, b"B" * size}
    chance = random.Random(20240601)
    for _ in range(12):
        child = subprocess.Popen(
            [sys.executable, "-c", _WRITER, source.origin, str(target), str(size)],
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "ready"
            time.sleep(chance.uniform(0.0, 0.25))
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=30)
            if child.stdout is not None:
                child.stdout.close()
        assert target.read_bytes() in valid
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "report.json"]
    # A killed process cannot clean up; what it leaves is a named temporary, never the target.
    assert all(name.startswith(".report.json.") and name.endswith(".tmp") for name in leftovers)


# -- --output into places that cannot be written ------------------------------------


def test_output_into_a_missing_folder_is_exit_2_with_one_line(here: Path, capsys: Capsys) -> None:
    write_plan(here)
    run = cli(capsys, "check", "plan.yaml", "--output", "missing/report.json")
    line = assert_one_error_line(run, "missing/report.json")
    assert ".tmp" not in line  # the user's path, not a temporary name
    assert not (here / "missing").exists()


def test_output_into_a_read_only_folder_chmod(tmp_path: Path, capsys: Capsys) -> None:
    if os.geteuid() == 0:
        pytest.skip("running as root: a read-only mode does not stop root from writing")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        write_plan(tmp_path)
        run = cli(capsys, "check", str(tmp_path / "plan.yaml"), "--output", str(folder / "r.txt"))
        assert_one_error_line(run, "r.txt")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_output_into_a_read_only_folder(
    here: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The same failure for root: the folder refuses the temporary file.
    write_plan(here)
    (here / "ro").mkdir()
    (here / "ro" / "report.txt").write_text("old report", encoding="utf-8")

    def mkstemp(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied", str(here / "ro" / ".report.txt.x.tmp"))

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    run = cli(capsys, "check", "plan.yaml", "--output", "ro/report.txt")
    assert_one_error_line(run, "Permission denied")
    assert (here / "ro" / "report.txt").read_text(encoding="utf-8") == "old report"


@pytest.mark.parametrize("where", ["file-as-folder", "existing-directory"])
def test_output_onto_an_impossible_path_is_exit_2_with_one_line(
    here: Path, capsys: Capsys, where: str
) -> None:
    write_plan(here)
    (here / "reports").mkdir()
    output = "plan.yaml/report.json" if where == "file-as-folder" else "reports"
    before = snapshot(here)
    run = cli(capsys, "check", "plan.yaml", "--output", output)
    assert_one_error_line(run)
    assert snapshot(here) == before


def test_rules_output_dir_that_is_a_file_is_exit_2_with_one_line(
    here: Path, capsys: Capsys
) -> None:
    (here / "docs").write_text("not a folder", encoding="utf-8")
    run = cli(capsys, "rules", "--format", "markdown", "--output-dir", "docs")
    assert_one_error_line(run, "docs")
    assert (here / "docs").read_text(encoding="utf-8") == "not a folder"


@pytest.mark.parametrize("victim", ["plan.yaml", "projects.yaml", "waivers.yaml"])
def test_write_baseline_never_replaces_an_input(tmp_path: Path, victim: str) -> None:
    from plancheck.cli import main

    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "plancheck: 1\nid: p\ntitle: t\njurisdiction: {name: 示例市, level: city}\n"
        "period: 2021-2025\nparts: [projects.yaml]\n",
        encoding="utf-8",
    )
    (tmp_path / "projects.yaml").write_text(
        "projects:\n  - {id: a, name: 甲工程, years: 2019-2022, funding: 100}\n", encoding="utf-8"
    )
    (tmp_path / "waivers.yaml").write_text("waivers: []\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    code = main(
        [
            "check",
            str(tmp_path),
            "--waivers",
            str(tmp_path / "waivers.yaml"),
            "--write-baseline",
            str(tmp_path / victim),
        ]
    )
    assert code == 2
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_trace_output_never_replaces_a_part_file(tmp_path: Path) -> None:
    from plancheck.cli import main

    (tmp_path / "plan.yaml").write_text(
        "plancheck: 1\nid: p\ntitle: t\njurisdiction: {name: 示例市, level: city}\n"
        "period: 2021-2025\nparts: [projects.yaml]\n",
        encoding="utf-8",
    )
    part = tmp_path / "projects.yaml"
    part.write_text("projects:\n  - {id: a, name: 甲工程, funding: 100}\n", encoding="utf-8")
    before = part.read_bytes()
    assert main(["trace", str(tmp_path), "--output", str(part)]) == 2
    assert part.read_bytes() == before
