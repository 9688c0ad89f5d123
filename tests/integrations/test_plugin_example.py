"""The plugin guide (docs/plugins.md) against its example package (tests/plugin_example),
pip-installed: the page shows the package's files as they are, and an installed plugin's
rules are listed by ``rules``, documented by ``explain`` and run by ``check``."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.conftest import MINIMAL_PLAN, ROOT

EXAMPLE = ROOT / "tests" / "plugin_example"
PACKAGE = EXAMPLE / "src" / "plancheck_example_checks"
GUIDE = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", GUIDE, flags=re.DOTALL)


def test_the_guide_shows_the_package_as_it_is() -> None:
    assert (EXAMPLE / "pyproject.toml").read_text(encoding="utf-8") in _blocks("toml")
    assert (PACKAGE / "__init__.py").read_text(encoding="utf-8") in _blocks("python")
    assert (PACKAGE / "rules" / "EX001.yaml").read_text(encoding="utf-8") in _blocks("yaml")
    assert "plugins: [example]\n" in _blocks("yaml")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example plugin installed by pip into a folder of its own."""
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(target),
            str(EXAMPLE),
        ],
        check=True,
        capture_output=True,
    )
    return target


def _plancheck(cwd: Path, site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(site), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "plancheck", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / ".plancheck.yaml").write_text("plugins: [example]\n", encoding="utf-8")
    return tmp_path


def test_rules_and_explain_show_the_plugin_rules(project: Path, site: Path) -> None:
    listed = _plancheck(project, site, "rules")
    assert listed.returncode == 0, listed.stderr
    assert re.search(
        r"^EX001\s+warning\s+house-style\s+project-name-without-suffix", listed.stdout, re.M
    )
    explained = _plancheck(project, site, "explain", "EX001")
    assert explained.returncode == 0, explained.stderr
    assert explained.stdout.startswith("# EX001 project-name-without-suffix")
    assert "政务云平台" in explained.stdout  # the failing example, from the rule file


def test_installed_but_not_configured_is_not_loaded(tmp_path: Path, site: Path) -> None:
    assert "EX001" not in _plancheck(tmp_path, site, "rules").stdout
    missing = _plancheck(tmp_path, site, "explain", "EX001")
    assert missing.returncode == 2 and "unknown rule" in missing.stderr
    named = _plancheck(tmp_path, site, "rules", "--config", str(tmp_path / "c.yaml"))
    assert named.returncode == 2  # a named configuration that does not exist


def _examples() -> dict[str, Any]:
    rule = YAML(typ="safe").load((PACKAGE / "rules" / "EX001.yaml").read_text(encoding="utf-8"))
    examples: dict[str, Any] = rule["examples"]
    return examples


@pytest.mark.parametrize("kind", ["pass", "fail"])
def test_check_runs_the_rule_on_its_own_examples(project: Path, site: Path, kind: str) -> None:
    (example,) = _examples()[kind]
    (project / "plan.yaml").write_text(MINIMAL_PLAN + example["plan"], encoding="utf-8")
    run = _plancheck(project, site, "check", "plan.yaml", "--select", "EX001", "--format", "json")
    assert run.returncode == 0, run.stderr  # a warning does not fail the run
    keys = [f["subject"]["key"] for f in json.loads(run.stdout)["findings"]]
    assert keys == [f["key"] for f in example.get("findings", [])]
