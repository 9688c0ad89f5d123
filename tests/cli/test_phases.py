"""The status line: only on a terminal, for a large plan or many, cleared before output."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from plancheck.cli import _progress, main
from plancheck.cli._progress import MIN_PLANS, Phases, phases_for
from tests.conftest import MINIMAL_PLAN


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _plan(tmp_path: Path, extra: int = 0) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(MINIMAL_PLAN + "#" * extra + "\n", encoding="utf-8")
    return path


def test_only_on_a_terminal_and_not_when_quiet(tmp_path: Path) -> None:
    large = [_plan(tmp_path, _progress.LARGE_PLAN_BYTES)]
    assert isinstance(phases_for(large, quiet=False, stream=_Terminal()), Phases)
    assert phases_for(large, quiet=False, stream=io.StringIO()) is None
    assert phases_for(large, quiet=True, stream=_Terminal()) is None


def test_a_small_plan_gets_none_many_plans_do(tmp_path: Path) -> None:
    small = _plan(tmp_path)
    assert phases_for([small], quiet=False, stream=_Terminal()) is None
    assert phases_for([small] * MIN_PLANS, quiet=False, stream=_Terminal()) is not None


def test_the_line_is_overwritten_and_cleared() -> None:
    terminal = _Terminal()
    phases = Phases(terminal)
    phases("reading a very long plan name")
    phases("rendering")
    phases.done()
    shown = terminal.getvalue()
    assert shown.endswith("\r")
    assert shown.split("\r")[-2].strip() == ""
    assert "\n" not in shown


def test_a_large_plan_shows_its_phases_and_the_same_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = _plan(tmp_path)
    args = ["check", str(plan), "--no-cache", "--format", "json"]
    main(args)
    plain = capsys.readouterr().out
    terminal = _Terminal()
    monkeypatch.setattr(_progress, "LARGE_PLAN_BYTES", 10)
    monkeypatch.setattr(sys, "stderr", terminal)
    main(args)
    assert capsys.readouterr().out == plain
    status = terminal.getvalue()
    for phase in ("reading", "checking", "reviewing", "rendering"):
        assert f"plancheck: {phase}" in status
    assert status.endswith("\r")
