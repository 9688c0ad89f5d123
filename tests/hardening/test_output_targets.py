"""Outputs respect what they replace: devices, FIFOs, descriptors, symlinks and inputs.

Atomic replacement is right for a regular file only. These tests never point plancheck
at the machine's own ``/dev``: devices are made with ``mknod`` in a temporary folder, and
the ``/dev/null``, ``/dev/full`` and ``/dev/stdout`` cases run in a private mount
namespace whose ``/dev`` is a fresh tmpfs, so even a wrong rename could not touch the
real device nodes.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.hardening._support import assert_one_error_line, cli, write_plan

Capsys = pytest.CaptureFixture[str]

ROOT = Path(__file__).resolve().parents[2]
PLANCHECK = (sys.executable, "-m", "plancheck", "check", "plan.yaml", "--format", "json")


def _device(folder: Path, name: str, minor: int) -> Path:
    """A character device node in ``folder`` (1,3 is null; 1,7 is full), or skip."""
    path = folder / name
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, minor))
        with path.open("wb") as probe:
            probe.write(b"")
    except OSError as exc:  # not root, or the device cgroup forbids it
        pytest.skip(f"cannot make or open a device node here: {exc}")
    return path


def test_output_to_a_null_device_writes_through_it(here: Path, capsys: Capsys) -> None:
    write_plan(here)
    null = _device(here, "null", 3)
    run = cli(capsys, "check", "plan.yaml", "--output", "null", "--format", "json")
    assert run.code == 0, run.err
    assert stat.S_ISCHR(null.lstat().st_mode)
    assert {p.name for p in here.iterdir()} == {"plan.yaml", "null"}


def test_output_to_a_full_device_is_one_error_line_and_keeps_the_device(
    here: Path, capsys: Capsys
) -> None:
    write_plan(here)
    full = _device(here, "full", 7)
    run = cli(capsys, "check", "plan.yaml", "--output", "full")
    assert_one_error_line(run, "full")
    assert stat.S_ISCHR(full.lstat().st_mode)
    assert {p.name for p in here.iterdir()} == {"plan.yaml", "full"}


def _reader(fifo: Path, into: list[bytes]) -> threading.Thread:
    def read() -> None:
        with fifo.open("rb") as stream:
            into.append(stream.read())

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread


def test_output_to_a_fifo_is_written_into_it(here: Path, capsys: Capsys) -> None:
    write_plan(here)
    fifo = here / "report.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    thread = _reader(fifo, received)
    # The reader thread may not have opened the FIFO yet: then plancheck refuses, and
    # the run is repeated (any probe of ours would itself end the reader's stream).
    for _ in range(200):
        run = cli(capsys, "check", "plan.yaml", "--output", "report.fifo", "--format", "json")
        if "FIFO" not in run.err:
            break
        threading.Event().wait(0.05)
    thread.join(timeout=30)
    assert run.code == 0, run.err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert received and b'"findings"' in received[0]
    assert {p.name for p in here.iterdir()} == {"plan.yaml", "report.fifo"}


def test_output_to_a_fifo_without_a_reader_is_refused_not_a_hang(
    here: Path, capsys: Capsys
) -> None:
    write_plan(here)
    fifo = here / "report.fifo"
    os.mkfifo(fifo)
    run = cli(capsys, "check", "plan.yaml", "--output", "report.fifo")
    assert_one_error_line(run, "FIFO", "report.fifo")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_output_through_a_symlink_writes_its_target_and_keeps_the_link(
    here: Path, capsys: Capsys
) -> None:
    write_plan(here)
    (here / "reports").mkdir()
    (here / "reports" / "latest.json").write_text("old", encoding="utf-8")
    (here / "report.json").symlink_to("reports/latest.json")
    run = cli(capsys, "check", "plan.yaml", "--output", "report.json", "--format", "json")
    assert run.code == 0, run.err
    assert (here / "report.json").is_symlink()
    assert '"findings"' in (here / "reports" / "latest.json").read_text(encoding="utf-8")


def test_output_through_a_symlink_chain_onto_an_input_is_refused(
    here: Path, capsys: Capsys
) -> None:
    write_plan(here)
    (here / "a").symlink_to("b")
    (here / "b").symlink_to("plan.yaml")
    before = (here / "plan.yaml").read_bytes()
    run = cli(capsys, "check", "plan.yaml", "--output", "a")
    assert_one_error_line(run, "input")
    assert (here / "plan.yaml").read_bytes() == before
    assert (here / "a").is_symlink()


def test_output_to_a_descriptor_path_writes_to_the_stream(tmp_path: Path) -> None:
    """``--output`` naming ``/proc/self/fd/1`` (what ``/dev/stdout`` is) writes to stdout."""
    write_plan(tmp_path)
    (tmp_path / "stdout").symlink_to("/proc/self/fd/1")
    env = {**os.environ, "NO_COLOR": "1"}
    done = subprocess.run(
        [*PLANCHECK, "--output", "stdout"],
        cwd=tmp_path,
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert b'"findings"' in done.stdout
    assert (tmp_path / "stdout").is_symlink()


def test_output_to_stdout_redirected_to_a_file_appends_to_it(tmp_path: Path) -> None:
    write_plan(tmp_path)
    (tmp_path / "stdout").symlink_to("/proc/self/fd/1")
    log = tmp_path / "log.txt"
    with log.open("wb") as stream:
        stream.write(b"before\n")
        stream.flush()
        done = subprocess.run(
            [*PLANCHECK, "--output", "stdout"],
            cwd=tmp_path,
            stdout=stream,
            stderr=subprocess.PIPE,
            timeout=120,
            check=False,
        )
    assert done.returncode == 0, done.stderr
    text = log.read_bytes()
    assert text.startswith(b"before\n") and b'"findings"' in text
    assert (tmp_path / "stdout").is_symlink()


_NAMESPACE_SCRIPT = """\
mount -t tmpfs plancheck-test /dev || exit 99
mknod -m 666 /dev/null c 1 3 && mknod -m 666 /dev/full c 1 7 || exit 99
mknod -m 666 /dev/urandom c 1 9 && mknod -m 666 /dev/zero c 1 5 || exit 99
ln -s /proc/self/fd /dev/fd && ln -s /proc/self/fd/1 /dev/stdout || exit 99
"$PYTHON" -m plancheck check plan.yaml --output /dev/null; echo "null-exit=$?"
"$PYTHON" -m plancheck check plan.yaml --output /dev/full 2>&1; echo "full-exit=$?"
"$PYTHON" -m plancheck check plan.yaml --format json --output /dev/stdout \
  | grep -q '"findings"' && echo stdout-ok
"$PYTHON" -m plancheck check plan.yaml --write-baseline /dev/null 2>/dev/null; echo "base-exit=$?"
"$PYTHON" -m plancheck trace plan.yaml --output /dev/null; echo "trace-exit=$?"
echo "null=$(stat -c %F /dev/null) full=$(stat -c %F /dev/full) stdout=$(stat -c %F /dev/stdout)"
"""


def test_dev_null_full_and_stdout_as_root_in_a_private_namespace(tmp_path: Path) -> None:
    """The review's worst case, as root: ``/dev/null`` must stay a device."""
    unshare = shutil.which("unshare")
    if os.geteuid() != 0 or unshare is None:
        pytest.skip("needs root and unshare(1) for a private mount namespace")
    write_plan(tmp_path)
    env = {**os.environ, "NO_COLOR": "1", "PYTHON": sys.executable}
    done = subprocess.run(
        [unshare, "--mount", "--propagation", "private", "sh", "-c", _NAMESPACE_SCRIPT],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    if done.returncode == 99 or "unshare failed" in done.stderr:
        pytest.skip(f"no private mount namespace here: {done.stderr.strip()}")
    lines = done.stdout.splitlines()
    assert "null-exit=0" in lines, done.stdout + done.stderr
    assert "full-exit=2" in lines, done.stdout + done.stderr
    assert any("No space left" in line and line.startswith("plancheck: error:") for line in lines)
    assert "stdout-ok" in lines  # the JSON report came through the pipe behind /dev/stdout
    assert "base-exit=0" in lines, done.stdout + done.stderr
    assert "trace-exit=0" in lines, done.stdout + done.stderr
    assert (
        "null=character special file full=character special file stdout=symbolic link" in lines
    ), done.stdout
    assert "Traceback" not in done.stdout + done.stderr


# -- every input of the run is refused ---------------------------------------------

# A valid extra rule: the shipped PC012 under another code and name.
_EXTRA_RULE = (
    (ROOT / "rules" / "PC012.yaml")
    .read_text(encoding="utf-8")
    .replace("code: PC012", "code: PC990")
    .replace("name: circular-parent", "name: extra-circular-parent")
)


def _with_extra_rule(folder: Path) -> Path:
    write_plan(folder)
    rule = folder / "extra-rule.yaml"
    rule.write_text(_EXTRA_RULE, encoding="utf-8")
    (folder / ".plancheck.yaml").write_text("rules: [extra-rule.yaml]\n", encoding="utf-8")
    return rule


@pytest.mark.parametrize("option", ["--output", "--write-baseline"])
def test_output_onto_an_extra_rule_file_is_refused(here: Path, capsys: Capsys, option: str) -> None:
    rule = _with_extra_rule(here)
    assert cli(capsys, "check", "plan.yaml").code == 0  # the rule file itself is usable
    run = cli(capsys, "check", "plan.yaml", option, "extra-rule.yaml")
    assert_one_error_line(run, "extra-rule.yaml")
    assert rule.read_text(encoding="utf-8") == _EXTRA_RULE


@pytest.mark.parametrize("victim", [".plancheck.yaml", "extra-rule.yaml"])
def test_trace_output_onto_the_configuration_is_refused(
    here: Path, capsys: Capsys, victim: str
) -> None:
    _with_extra_rule(here)
    before = (here / victim).read_bytes()
    run = cli(capsys, "trace", "plan.yaml", "--output", victim)
    assert_one_error_line(run, victim)
    assert (here / victim).read_bytes() == before


def test_output_onto_a_hard_link_of_an_input_is_refused(here: Path, capsys: Capsys) -> None:
    write_plan(here)
    os.link(here / "plan.yaml", here / "alias.yaml")
    run = cli(capsys, "check", "plan.yaml", "--output", "alias.yaml")
    assert_one_error_line(run, "alias.yaml")
    assert (here / "alias.yaml").samefile(here / "plan.yaml")


def test_rules_output_dir_pages_through_symlinks_keep_the_links(here: Path, capsys: Capsys) -> None:
    (here / "docs").mkdir()
    (here / "kept").mkdir()
    (here / "docs" / "README.md").symlink_to("../kept/index.md")
    run = cli(capsys, "rules", "--format", "markdown", "--output-dir", "docs")
    assert run.code == 0, run.err
    assert (here / "docs" / "README.md").is_symlink()
    assert "PC001" in (here / "kept" / "index.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "command",
    [("check", "sub", "--format", "html", "--output"), ("report", "sub", "--output")],
    ids=["check-html", "report"],
)
@pytest.mark.parametrize("victim", ["sub/.plancheck.yaml", "sub/extra-rule.yaml"])
def test_html_report_onto_a_plans_own_configuration_is_refused(
    here: Path, capsys: Capsys, command: tuple[str, ...], victim: str
) -> None:
    # The configuration is found per plan (in sub/, not the working directory's): it and
    # its rule files are inputs of the run all the same.
    _with_extra_rule(here / "sub")
    before = (here / victim).read_bytes()
    run = cli(capsys, *command, victim)
    assert_one_error_line(run, victim)
    assert (here / victim).read_bytes() == before


def test_report_to_a_null_device_writes_through_it(here: Path, capsys: Capsys) -> None:
    write_plan(here)
    null = _device(here, "null", 3)
    run = cli(capsys, "report", "plan.yaml", "--output", "null")
    assert run.code == 0, run.err
    assert stat.S_ISCHR(null.lstat().st_mode)


def test_job_summary_naming_an_input_is_refused(
    here: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = write_plan(here)
    before = plan.read_bytes()
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(here / "plan.yaml"))
    run = cli(capsys, "check", "plan.yaml", "--format", "github")
    assert_one_error_line(run, "GITHUB_STEP_SUMMARY")
    assert plan.read_bytes() == before


def test_extract_refuses_a_hard_link_of_its_source(here: Path, capsys: Capsys) -> None:
    source = here / "doc.txt"
    source.write_text("某市“十二五”规划\n", encoding="utf-8")
    (here / "out").mkdir()
    os.link(source, here / "out" / "source.txt")
    run = cli(capsys, "extract", "doc.txt", "-o", "out", "--force")
    assert_one_error_line(run, "doc.txt")
    assert source.read_text(encoding="utf-8") == "某市“十二五”规划\n"
