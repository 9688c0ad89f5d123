"""The pre-commit hook end to end, through `pre-commit try-repo` on a throwaway plan repo."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import MINIMAL_PLAN, ROOT

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

# A plan that passes every rule: its one project is planned in a 专栏 and has an agency.
PLAN = (
    MINIMAL_PLAN
    + """\
parts: [projects.yaml]
boxes:
  - {number: 1, title: 重点工程, kind: projects, items: [{number: 1, name: 甲工程}]}
agencies:
  - {id: miit, name: 示例市工业和信息化局, aliases: [工信局], kind: government}
"""
)
PROJECT = (
    "projects:\n"
    "  - {{id: a, name: 甲工程, implementers: [{{text: 工信局}}], years: {years}, funding: 100}}\n"
)
CLEAN_PART = PROJECT.format(years="2021-2022")
BROKEN_PART = PROJECT.format(years="2019-2022")


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # One cache for the module: the hook environment is built once, not per test.
    return tmp_path_factory.mktemp("pre-commit-home")


def _repo(tmp_path: Path, part: str) -> Path:
    repo = tmp_path / "plans"
    (repo / "baoji").mkdir(parents=True)
    (repo / "baoji" / "plan.yaml").write_text(PLAN, encoding="utf-8")
    (repo / "baoji" / "projects.yaml").write_text(part, encoding="utf-8")
    (repo / "notes.yaml").write_text("unrelated: true\n", encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "ci@example.invalid")
    _git(repo, "config", "user.name", "ci")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "plan")
    return repo


def _try_repo(repo: Path, home: Path, *files: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    selection = ["--files", *files] if files else ["--all-files"]
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "plancheck", *selection],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def test_clean_plan_passes(tmp_path: Path, pre_commit_home: Path) -> None:
    result = _try_repo(_repo(tmp_path, CLEAN_PART), pre_commit_home)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout


def test_broken_plan_fails_and_shows_the_finding(tmp_path: Path, pre_commit_home: Path) -> None:
    result = _try_repo(_repo(tmp_path, BROKEN_PART), pre_commit_home)
    assert result.returncode == 1
    assert "PC101" in result.stdout and "projects.yaml:2:5" in result.stdout


def test_changed_part_file_checks_its_whole_plan(tmp_path: Path, pre_commit_home: Path) -> None:
    # pre-commit hands over only the part file; the hook must still load plan.yaml
    # (the period lives there) to see that the years fall outside it.
    repo = _repo(tmp_path, BROKEN_PART)
    result = _try_repo(repo, pre_commit_home, "baoji/projects.yaml", "notes.yaml")
    assert result.returncode == 1
    assert "PC101" in result.stdout
