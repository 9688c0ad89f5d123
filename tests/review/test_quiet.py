"""``check --quiet`` reviews every plan but renders nothing: its exit code is the one the
rendered run gives, waivers, inline ignores, baselines and --fail-on included."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPUS

from ._helpers import CLEAN, OUTSIDE, SELECT, check, waiver, waivers_file, write

_INLINE = OUTSIDE.replace("- id: edu", "- id: edu  # plancheck: ignore[PC101] 续建项目")


def _codes(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, int]:
    shown = check(capsys, *args)
    quiet = check(capsys, *args, "--quiet")
    assert quiet.out == "" and quiet.err == ""
    return shown.code, quiet.code


@pytest.mark.parametrize(
    ("plan", "waivers", "extra", "expected"),
    [
        (CLEAN, None, [], 0),
        (OUTSIDE, None, [], 1),
        (OUTSIDE, None, ["--fail-on", "error"], 1),
        (OUTSIDE, waivers_file(waiver()), [], 0),
        # An expired waiver suppresses nothing, and is itself reported (PC010).
        (OUTSIDE, waivers_file(waiver(expires="2000-01-01")), [], 1),
        # An unused waiver is reported (PC009), at or above --fail-on info.
        (CLEAN, waivers_file(waiver()), ["--fail-on", "info"], 1),
        (CLEAN, waivers_file(waiver()), [], 0),
        (_INLINE, None, [], 0),
    ],
)
def test_quiet_exits_as_the_rendered_run(
    plan: str,
    waivers: str | None,
    extra: list[str],
    expected: int,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "plan.yaml", plan)
    if waivers is not None:
        write(tmp_path / "waivers.yaml", waivers)
    assert _codes(capsys, "plan.yaml", *SELECT, *extra) == (expected, expected)


def test_quiet_exits_as_the_rendered_run_against_a_baseline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "plan.yaml", OUTSIDE)
    assert check(capsys, "plan.yaml", *SELECT, "--write-baseline", "base.json").code == 0
    assert _codes(capsys, "plan.yaml", *SELECT, "--baseline", "base.json") == (0, 0)


@pytest.mark.parametrize("fail_on", ["error", "warning", "info"])
def test_quiet_exits_as_the_rendered_run_on_baoji(
    fail_on: str, capsys: pytest.CaptureFixture[str]
) -> None:
    shown, quiet = _codes(capsys, str(CORPUS), "--no-cache", "--fail-on", fail_on)
    assert shown == quiet == 1


def test_quiet_renders_nothing() -> None:
    # Not rendered and discarded: the text writer is never imported.
    probe = (
        "import sys\nfrom plancheck.cli import main\n"
        f"code = main(['check', {str(CORPUS)!r}, '--no-cache', '-q'])\n"
        "print(code, 'plancheck.outputs.text_format' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["1", "False"]
