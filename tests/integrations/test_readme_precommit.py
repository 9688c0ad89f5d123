"""The README's pre-commit configurations, run as written through real pre-commit.

Two substitutions only, for what a test machine cannot reach: the repository URL is
replaced by a local snapshot of this working tree tagged with the README's ``rev``, and
the package index is supplemented by a wheel of the same snapshot (``PIP_FIND_LINKS``).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from plancheck._project import REPOSITORY
from tests.conftest import ROOT
from tests.integrations._precommit import commit, git, install_hooks, snapshot
from tests.integrations.test_precommit import BROKEN_PART, CLEAN_PART, PLAN

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTION = README.split("### pre-commit", 1)[1].split("\n### ", 1)[0]
CONFIGS = [b for b in re.findall(r"```yaml\n(.*?)```", SECTION, flags=re.DOTALL) if "repos:" in b]


def test_the_readme_shows_both_forms() -> None:
    remote, local = CONFIGS
    data = YAML(typ="safe").load(remote)
    (entry,) = data["repos"]
    assert entry["repo"] == REPOSITORY and re.fullmatch(r"v\d+\.\d+\.\d+", entry["rev"])
    (hook,) = YAML(typ="safe").load(local)["repos"][0]["hooks"]
    assert any(
        re.fullmatch(r"plancheck==\d+\.\d+\.\d+", d) for d in hook["additional_dependencies"]
    )


PLUGIN_GUIDE = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
(PLUGIN_CONFIG,) = [
    b for b in re.findall(r"```yaml\n(.*?)```", PLUGIN_GUIDE, flags=re.DOTALL) if "repos:" in b
]


@pytest.fixture(scope="module")
def hook_source(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A snapshot tagged as the README pins it, and a folder with its wheel and the
    example plugin's (the package index, for the `additional_dependencies`)."""
    rev = YAML(typ="safe").load(CONFIGS[0])["repos"][0]["rev"]
    source, _ = snapshot(tmp_path_factory.mktemp("hook") / "plancheck", rev)
    wheels = tmp_path_factory.mktemp("wheels")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(source)],
        check=True,
        capture_output=True,
    )
    plugin = source / "tests" / "plugin_example"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(plugin)],
        check=True,
        capture_output=True,
    )
    return source, wheels


@pytest.mark.parametrize("form", ["tag", "local", "plugin"])
def test_readme_configuration_blocks_a_broken_plan(
    tmp_path: Path, hook_source: tuple[Path, Path], form: str
) -> None:
    source, wheels = hook_source
    config = {"tag": CONFIGS[0], "local": CONFIGS[1], "plugin": PLUGIN_CONFIG}[form]
    repo = tmp_path / "plans"
    repo.mkdir()
    (repo / ".pre-commit-config.yaml").write_text(
        config.replace(REPOSITORY, source.as_posix()), encoding="utf-8"
    )
    (repo / "baoji").mkdir()
    (repo / "baoji" / "plan.yaml").write_text(PLAN, encoding="utf-8")
    (repo / "baoji" / "projects.yaml").write_text(CLEAN_PART, encoding="utf-8")
    home = tmp_path / "home"
    links = " ".join(filter(None, [os.environ.get("PIP_FIND_LINKS"), str(wheels)]))
    git(repo, "init", "-q")
    install_hooks(repo, home)
    git(repo, "add", "-A")
    first = commit(repo, home, "clean plan", PIP_FIND_LINKS=links)
    assert first.returncode == 0, first.stdout + first.stderr
    if form == "plugin":
        # The plugin's rule, made an error so that it fails the commit.
        (repo / ".plancheck.yaml").write_text(
            "plugins: [example]\nseverity: {EX001: error}\n", encoding="utf-8"
        )
        (repo / "baoji" / "projects.yaml").write_text(
            CLEAN_PART.replace("甲工程", "甲平台"), encoding="utf-8"
        )
        git(repo, "add", "-A")
        second = commit(repo, home, "plugin rule", PIP_FIND_LINKS=links)
        assert second.returncode != 0
        assert "EX001" in second.stdout + second.stderr
        return
    (repo / "baoji" / "projects.yaml").write_text(BROKEN_PART, encoding="utf-8")
    git(repo, "add", "baoji/projects.yaml")
    second = commit(repo, home, "broken plan", PIP_FIND_LINKS=links)
    assert second.returncode != 0
    assert "PC101" in second.stdout + second.stderr
