"""Many plans: --jobs gives the same report as a serial run; the progress bar is TTY-only."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from plancheck.cli import main
from plancheck.cli._progress import MIN_PLANS, ProgressBar, progress_for
from tests.conftest import MINIMAL_PLAN


def _plans(folder: Path, count: int) -> None:
    for number in range(count):
        years = "2019-2022" if number % 3 == 0 else "2021-2022"
        body = MINIMAL_PLAN.replace("id: fixture", f"id: plan-{number}")
        body += (
            f"projects:\n  - {{id: p{number}, name: 工程{number}, years: {years}, funding: 100}}\n"
        )
        (folder / f"plan-{number:02d}.yaml").write_text(body, encoding="utf-8")


def test_parallel_report_is_identical_to_serial(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _plans(tmp_path, 12)
    assert main(["check", str(tmp_path), "--format", "json", "--select", "PC101"]) == 1
    serial = capsys.readouterr().out
    assert (
        main(["check", str(tmp_path), "--format", "json", "--select", "PC101", "--jobs", "2"]) == 1
    )
    parallel = capsys.readouterr().out
    assert parallel == serial
    assert len(json.loads(serial)["findings"]) == 4  # plans 0, 3, 6, 9


def test_jobs_must_be_positive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path), "--jobs", "0"]) == 2
    assert "--jobs" in capsys.readouterr().err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_with_many_plans() -> None:
    assert progress_for(MIN_PLANS, quiet=False, stream=io.StringIO()) is None
    assert progress_for(MIN_PLANS - 1, quiet=False, stream=_Terminal()) is None
    assert progress_for(MIN_PLANS, quiet=True, stream=_Terminal()) is None
    terminal = _Terminal()
    bar = progress_for(MIN_PLANS, quiet=False, stream=terminal)
    assert isinstance(bar, ProgressBar)
    bar(1, 2)
    bar(2, 2)
    shown = terminal.getvalue()
    assert "1/2 plans" in shown and shown.endswith("2/2 plans\n")
