"""Small helpers shared by the loading tests: a plan header and file writers."""

from __future__ import annotations

from pathlib import Path

from plancheck.loading import Diagnostic, LoadResult, load_plan

# Five lines; bodies appended to it start on line 6.
HEAD = """\
plancheck: 1
id: demo
title: 示例县信息化规划
jurisdiction: {name: 示例县, level: county}
period: 2021-2025
"""


def write(path: Path, text: str) -> Path:
    """Write ``text`` as UTF-8 (creating folders) and return ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def write_bytes(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def only_diagnostic(result: LoadResult) -> Diagnostic:
    """The single diagnostic of a load (fails the test if there are more or none).

    A bad cell no longer stops the plan (it is set aside and the rest is checked), so
    the plan may or may not have been built; tests that care assert it themselves.
    """
    assert len(result.diagnostics) == 1, [str(d) for d in result.diagnostics]
    return result.diagnostics[0]


def load_ok(path: Path) -> LoadResult:
    """Load a plan that must load cleanly."""
    result = load_plan(path)
    assert result.diagnostics == [], [str(d) for d in result.diagnostics]
    assert result.plan is not None
    return result
