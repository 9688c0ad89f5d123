"""Workspaces where suppressions are in play, and the real client tools that read our output.

Each scenario copies the Baoji corpus into a fresh folder and suppresses findings the
way a user does: a waiver file, an inline ignore comment, a baseline, or all three.
The external clients (SARIF Multitool, check-jsonschema, pre-commit) are looked up on
PATH; ``nox -s clients`` installs them and sets ``PLANCHECK_REQUIRE_CLIENTS=1`` so that
a missing tool fails the run instead of skipping the test.
"""

from __future__ import annotations

import os
import shutil
from contextlib import chdir, redirect_stdout
from io import StringIO
from pathlib import Path

import pytest

from plancheck.cli import main
from tests.conftest import CORPUS

SCENARIOS = ("plain", "waiver", "inline", "baseline", "all")

WAIVERS = """\
waivers:
  - rule: PC401
    subject: projects/education-informatization
    plan: baoji-2011-2015-informatization
    reason: 教育信息化由省教育厅统筹，不单列专栏
    approved_by: 规划处 张三
    expires: 2099-06-30
"""
INLINE_LINE = "    category: 人才培养重点工程\n"
INLINE_IGNORED = "    category: 人才培养重点工程  # plancheck: ignore[PC405] 附件沿用旧名称\n"


def workspace(folder: Path, scenario: str) -> tuple[Path, list[str]]:
    """A copy of the corpus under ``folder`` set up for ``scenario``; returns the
    folder to run in and the extra ``plancheck check`` arguments."""
    plan = folder / "plans" / "baoji"
    shutil.copytree(CORPUS, plan)
    args: list[str] = []
    if scenario in ("waiver", "all"):
        (folder / "waivers.yaml").write_text(WAIVERS, encoding="utf-8")
    if scenario in ("inline", "all"):
        projects = plan / "projects.yaml"
        text = projects.read_text(encoding="utf-8")
        assert text.count(INLINE_LINE) == 1
        projects.write_text(text.replace(INLINE_LINE, INLINE_IGNORED), encoding="utf-8")
    if scenario in ("baseline", "all"):
        baseline = folder / "baseline.json"
        with chdir(folder):
            code = main(["check", "plans", "--quiet", "--write-baseline", str(baseline)])
        assert code in (0, 1)
        args += ["--baseline", "baseline.json"]
    return folder, args


def render(folder: Path, fmt: str, extra: list[str], *more: str) -> str:
    """``plancheck check plans --format fmt`` run in ``folder``; the rendered text."""
    out = StringIO()
    with chdir(folder), redirect_stdout(out):
        code = main(["check", "plans", "--format", fmt, *extra, *more])
    assert code in (0, 1), out.getvalue()
    return out.getvalue()


def client(name: str) -> str:
    """The path of an installed client tool; skipped, or failed under ``nox -s clients``."""
    found = shutil.which(name)
    if found is None:
        if os.environ.get("PLANCHECK_REQUIRE_CLIENTS") == "1":
            pytest.fail(f"{name} is not installed; `nox -s clients` installs it")
        pytest.skip(f"{name} not installed (run `nox -s clients`)")
    return found
