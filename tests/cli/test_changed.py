"""``--changed`` maps each file a result depends on to the plans it can affect."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from plancheck.cli._changed import changed_targets
from tests.conftest import CORPUS, MINIMAL_PLAN


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two plans: a directory plan (the corpus) and a single-file plan with its own
    source document in a shared folder; plus an unrelated YAML file."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(CORPUS, tmp_path / "plans" / "baoji")
    single = tmp_path / "plans" / "single"
    single.mkdir()
    (single / "a.yaml").write_text(
        MINIMAL_PLAN + "source_document: {path: ../docs/a.txt}\n", encoding="utf-8"
    )
    (tmp_path / "plans" / "docs").mkdir()
    (tmp_path / "plans" / "docs" / "a.txt").write_text("正文\n", encoding="utf-8")
    (tmp_path / "notes.yaml").write_text("unrelated: true\n", encoding="utf-8")
    return tmp_path


def targets(*paths: str, **kwargs: object) -> list[str]:
    found = changed_targets(paths, include_staged_deletions=False, **kwargs)  # type: ignore[arg-type]
    return [p.as_posix() for p in found]


BAOJI = "plans/baoji"
SINGLE = "plans/single/a.yaml"


def test_plan_and_part_files(tree: Path) -> None:
    assert targets("plans/baoji/plan.yaml") == [BAOJI]
    assert targets("plans/baoji/projects.yaml") == [BAOJI]
    assert targets(SINGLE) == [SINGLE]


def test_source_documents_map_to_the_plans_that_cite_them(tree: Path) -> None:
    assert targets("plans/baoji/source.txt") == [BAOJI]
    assert targets("plans/docs/a.txt") == [SINGLE]


def test_deleted_part_and_source_files_still_map(tree: Path) -> None:
    (tree / "plans" / "baoji" / "claims.yaml").unlink()
    (tree / "plans" / "docs" / "a.txt").unlink()
    assert targets("plans/baoji/claims.yaml") == [BAOJI]
    assert targets("plans/docs/a.txt") == [SINGLE]


def test_configuration_waivers_and_baseline_recheck_every_plan_they_govern(tree: Path) -> None:
    assert targets(".plancheck.yaml") == [BAOJI, SINGLE]
    assert targets("plans/single/.plancheck.yaml") == [SINGLE]
    assert targets("pyproject.toml") == [BAOJI, SINGLE]
    assert targets("waivers.yaml") == [BAOJI, SINGLE]
    assert targets("ci/accepted.json", run_inputs=["ci/accepted.json"]) == [BAOJI, SINGLE]
    assert targets("ci/accepted.json") == []


def test_unrelated_files_map_to_nothing(tree: Path) -> None:
    assert targets("notes.yaml", "README.md", "plans/baoji/unlisted.txt") == []


def test_staged_deletions_come_from_git(tree: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("needs git")
    from tests.integrations._precommit import git

    git(tree, "init", "-q")
    git(tree, "add", "-A")
    git(tree, "commit", "-qm", "plans")
    git(tree, "rm", "-q", "plans/baoji/claims.yaml")
    found = changed_targets([], include_staged_deletions=True)
    assert [p.as_posix() for p in found] == [BAOJI]
    # A rename is a deletion of the old name (which the plan still lists).
    git(tree, "reset", "-q", "--hard")
    git(tree, "mv", "plans/baoji/boxes.yaml", "plans/baoji/boxes-renamed.yaml")
    found = changed_targets(["plans/baoji/boxes-renamed.yaml"], include_staged_deletions=True)
    assert [p.as_posix() for p in found] == [BAOJI]
