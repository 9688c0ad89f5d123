"""Plans, waivers and a CLI runner shared by the review tests."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from plancheck.cli import main

BASE = """\
plancheck: 1
id: fixture
title: 示例市“十四五”信息化规划
jurisdiction: {name: 示例市, level: city, parent: 示例省}
period: 2021-2025
"""

# PC101 (years outside 2021-2025) at line 7, where the project starts.
OUTSIDE = (
    BASE
    + """\
projects:
  - id: edu
    name: 教育信息化工程
    years: 2019-2022
    funding: 100
"""
)

CLEAN = (
    BASE
    + """\
projects:
  - {id: edu, name: 教育信息化工程, years: 2021-2022, funding: 100}
"""
)

# Only the rules these tests are about, so new rules elsewhere cannot change the outcome.
SELECT = ["--select", "PC101,PC202,review"]


def waiver(
    rule: str = "PC101",
    subject: str = "projects/edu",
    expires: str = "2099-12-31",
    reason: str | None = "续建项目，经规划处同意 / continuing project",
    **extra: str,
) -> str:
    lines = [f"  - rule: {rule}", f"    subject: {subject}"]
    if reason is not None:
        lines.append(f"    reason: {reason}")
    lines += ["    approved_by: 规划处 张三", f"    expires: {expires}"]
    lines += [f"    {name}: {value}" for name, value in extra.items()]
    return "\n".join(lines) + "\n"


def waivers_file(*entries: str) -> str:
    return "waivers:\n" + "".join(entries)


@dataclass
class Run:
    code: int
    out: str
    err: str

    def lines(self, rule: str) -> list[str]:
        """Finding heads (``file:line:col: CODE …``) of one rule in the text output."""
        return [line for line in self.out.splitlines() if f": {rule} [" in line]


def check(capsys: pytest.CaptureFixture[str], *args: str) -> Run:
    """``plancheck check`` in-process, with output captured."""
    code = main(["check", *args])
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


def check_process(*args: str, cwd: Path) -> Run:
    """``python -m plancheck check`` as a user runs it."""
    done = subprocess.run(
        [sys.executable, "-m", "plancheck", "check", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )
    return Run(done.returncode, done.stdout, done.stderr)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
