"""Every way a commit could change a plan's result without the hook seeing it now fails
the commit: real ``git commit``s through real pre-commit, with the hook definition of
this repository (``.pre-commit-hooks.yaml``) pinned by rev.

The plan is the Baoji corpus with every finding accepted: a waiver for one, the rest in
a baseline, PC304 ignored by the configuration. Each test changes one of the files the
result depends on — and only that file — and the commit must fail.
"""

from __future__ import annotations

import json
import shutil
from contextlib import chdir
from pathlib import Path

import pytest

from plancheck.cli import main
from tests.clients._workspace import WAIVERS
from tests.conftest import CORPUS
from tests.integrations._precommit import commit, git, install_hooks, snapshot

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

CONFIG = "ignore: [PC304]\n"


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    return snapshot(tmp_path_factory.mktemp("hook") / "plancheck", "v0.1.0")


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # One cache for the module: the hook environment is built once, not per test.
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def repo(tmp_path: Path, hook_repo: tuple[Path, str], home: Path) -> Path:
    """A plan repository whose first commit passes the hook."""
    source, rev = hook_repo
    repo = tmp_path / "plans"
    shutil.copytree(CORPUS, repo / "baoji")
    (repo / "waivers.yaml").write_text(WAIVERS, encoding="utf-8")
    (repo / ".plancheck.yaml").write_text(CONFIG, encoding="utf-8")
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {source.as_posix()}\n"
        f"    rev: {rev}\n"
        "    hooks:\n"
        "      - id: plancheck\n"
        "        args: [--baseline, baseline.json]\n",
        encoding="utf-8",
    )
    with chdir(repo):
        assert main(["check", "baoji", "--quiet", "--write-baseline", "baseline.json"]) == 0
    git(repo, "init", "-q")
    install_hooks(repo, home)
    git(repo, "add", "-A")
    first = commit(repo, home, "plans")
    assert first.returncode == 0, first.stdout + first.stderr
    return repo


def _fails(repo: Path, home: Path, *codes: str) -> str:
    result = commit(repo, home, "change")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "plancheck" in output and "Failed" in output, output
    for code in codes:
        assert code in output, output
    # The commit did not happen.
    assert git(repo, "rev-list", "--count", "HEAD").stdout.strip() == "1"
    return output


def test_unrelated_change_commits_and_lists_nothing(repo: Path, home: Path) -> None:
    (repo / "README.md").write_text("notes\n", encoding="utf-8")
    git(repo, "add", "README.md")
    result = commit(repo, home, "notes")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "PC" not in result.stdout


def test_editing_only_the_source_document_fails(repo: Path, home: Path) -> None:
    source = repo / "baoji" / "source.txt"
    source.write_bytes(source.read_bytes() + "补充说明。\n".encode())
    git(repo, "add", "baoji/source.txt")
    _fails(repo, home, "PC008")


def test_deleting_a_part_file_fails(repo: Path, home: Path) -> None:
    git(repo, "rm", "-q", "baoji/claims.yaml")
    _fails(repo, home, "PC005")


def test_shrinking_the_baseline_fails(repo: Path, home: Path) -> None:
    baseline = repo / "baseline.json"
    data = json.loads(baseline.read_text(encoding="utf-8"))
    # An error-level finding (PC403, the missing 专栏4) leaves the baseline.
    data["entries"] = [entry for entry in data["entries"] if entry["rule"] != "PC403"]
    baseline.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    git(repo, "add", "baseline.json")
    _fails(repo, home, "PC403")


def test_removing_a_waiver_fails(repo: Path, home: Path) -> None:
    git(repo, "rm", "-q", "waivers.yaml")
    _fails(repo, home, "PC401")


def test_tightening_the_configuration_fails(repo: Path, home: Path) -> None:
    (repo / ".plancheck.yaml").write_text("ignore: []\n", encoding="utf-8")
    git(repo, "add", ".plancheck.yaml")
    _fails(repo, home, "PC304")


def test_hook_lists_only_what_fails_and_counts_the_rest(repo: Path, home: Path) -> None:
    baseline = repo / "baseline.json"
    data = json.loads(baseline.read_text(encoding="utf-8"))
    data["entries"] = []
    baseline.write_text(json.dumps(data) + "\n", encoding="utf-8")
    git(repo, "add", "baseline.json")
    output = _fails(repo, home, "PC403")
    listed = [line for line in output.splitlines() if ": PC" in line]
    assert listed and all("[error]" in line for line in listed), listed
    assert not any("PC105" in line or "PC305" in line for line in output.splitlines())
    (count,) = [line for line in output.splitlines() if "below --fail-on error" in line]
    assert "warning" in count and "info" in count
