"""``REV:PATH`` in a temporary git repository: read from git, the work tree untouched."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from plancheck.cli import main
from plancheck.plan_diff._git import checkout_plan, split_spec
from tests.conftest import CORPUS

from ._revised import revise

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

_ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.invalid",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.invalid",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=repo, env={**os.environ, **_ENV}, capture_output=True, check=True
    )
    return done.stdout.decode()


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A plan-data repository: the corpus committed, then its revision committed on top."""
    repo = tmp_path / "plans-repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    shutil.copytree(CORPUS, repo / "plans" / "baoji")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "as published")
    shutil.rmtree(repo / "plans" / "baoji")
    revise(repo / "plans" / "baoji")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "2013 revision")
    monkeypatch.chdir(repo)
    return repo


def _snapshot(repo: Path) -> dict[str, bytes]:
    return {
        p.relative_to(repo).as_posix(): p.read_bytes()
        for p in sorted(repo.rglob("*"))
        if p.is_file() and ".git" not in p.relative_to(repo).parts
    }


def test_rev_path_of_a_directory_plan_against_the_work_tree(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _snapshot(repository)
    status = _git(repository, "status", "--porcelain")
    code = main(["diff", "HEAD~1:plans/baoji", "plans/baoji", "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    assert code == 0
    assert document["old"] == "HEAD~1:plans/baoji"
    assert [c["key"] for c in document["changes"]] == [
        "indicators/telephone-users/2015",
        "projects/digital-tv",
        "projects/e-commerce-platform",
        "projects/provincial-pilot-zone",
        "totals/grand-total",
        "revisions/2013-mid-term",
    ]
    assert sorted(f["rule"] for f in document["findings"]) == ["PC702", "PC704"]
    assert _snapshot(repository) == before
    assert _git(repository, "status", "--porcelain") == status


def test_both_sides_from_git_and_a_single_file(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", "HEAD:plans/baoji", "HEAD:plans/baoji"]) == 0
    assert "0 changes" in capsys.readouterr().out
    # One file of a directory plan changed between the two commits, read alone from git.
    with checkout_plan("HEAD~1:plans/baoji/plan.yaml") as loaded:
        assert loaded is not None and loaded.plan is not None
        assert loaded.path == "HEAD~1:plans/baoji/plan.yaml"
        assert loaded.plan.revisions == []
    with checkout_plan("HEAD:plans/baoji/plan.yaml") as loaded:
        assert loaded is not None and loaded.plan is not None
        assert [r.id for r in loaded.plan.revisions] == ["2013-mid-term"]


def test_check_against_a_revision_runs_the_revision_rules(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["check", "plans/baoji", "--against", "HEAD~1", "--select", "revision"])
    out = capsys.readouterr().out
    assert code == 0
    assert "PC702 [warning] target weakened from 350万户 to 320万户" in out
    assert "PC704 [info]" in out
    # A plan that did not exist at the revision: checked alone, its revision rules idle.
    shutil.copytree(CORPUS, repository / "plans" / "new-plan")
    code = main(["check", "plans/new-plan", "--against", "HEAD", "--select", "revision"])
    assert code == 0
    assert "PC7" not in capsys.readouterr().out


def test_bad_revisions_and_paths_are_one_line_errors(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", "no-such-rev:plans/baoji", "plans/baoji"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("plancheck: error: no-such-rev:plans/baoji: git rev-parse")
    assert "unknown revision no-such-rev" in err
    assert err.count("\n") == 1
    assert main(["diff", "HEAD:plans/none", "plans/baoji"]) == 2
    assert "no plan at HEAD:plans/none" in capsys.readouterr().err
    assert main(["check", "plans/baoji", "--against", "nope"]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    # A revision that git would read as an option is refused before git runs.
    assert main(["diff", "--", "--output=x:plans/baoji", "plans/baoji"]) == 2
    assert "not a git revision: --output=x" in capsys.readouterr().err
    assert not (repository / "x").exists()


def test_outside_a_repository_rev_path_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    assert main(["diff", "HEAD:plan", str(CORPUS)]) == 2
    assert "git rev-parse" in capsys.readouterr().err


def test_an_existing_path_with_a_colon_is_a_path(tmp_path: Path) -> None:
    odd = tmp_path / "a:b"
    odd.mkdir()
    assert split_spec(str(odd)) is None
    assert split_spec("HEAD~2:plans/x") == ("HEAD~2", "plans/x")
    assert split_spec("HEAD:") == ("HEAD", ".")


@pytest.mark.parametrize("kept", [True, False])
def test_an_absolute_rev_path_is_read_from_its_own_repository(
    repository: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kept: bool
) -> None:
    # Run from a folder that is no repository (a test runner's cwd, an IDE's): the
    # absolute path names the repository. A plan deleted since is still in the revision.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    if not kept:
        shutil.rmtree(repository / "plans")
    with checkout_plan(f"HEAD~1:{repository / 'plans' / 'baoji'}") as loaded:
        assert loaded is not None and loaded.plan is not None
        assert loaded.plan.id == "baoji-2011-2015-informatization"
