"""Third-party checks through the `plancheck.checks` entry point group, and pyproject config."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from plancheck import Checker, Config, RuleFileError, check
from plancheck.engine.config import load_config

PLUGIN = """
from plancheck import Fail, register_check


@register_check("project-name-has-gongcheng", given="projects")
def name_has_gongcheng(project, index, params):
    if not project.name.endswith("工程"):
        yield Fail(args={"project": project.name}, evidence={"name": project.name})
"""

RULE = """\
code: XY001
name: project-without-gongcheng
family: house-style
severity: warning
title: {zh: 项目名称不以“工程”结尾, en: Project name does not end in 工程}
message: {zh: "项目 {project} 不以“工程”结尾", en: "project {project} does not end in 工程"}
description: House style of one planning office.
rationale: Consistent names make the appendix easy to scan.
given: projects
check: project-name-has-gongcheng
examples:
  pass: [{title: ok, plan: "projects: [{id: a, name: 甲工程}]"}]
  fail: [{title: bad, plan: "projects: [{id: a, name: 甲平台}]", findings: [{key: projects/a}]}]
"""


@pytest.fixture
def installed_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A plugin distribution on sys.path, discoverable by importlib.metadata."""
    site = tmp_path / "site"
    (site / "house_checks.py").parent.mkdir(parents=True)
    (site / "house_checks.py").write_text(PLUGIN, encoding="utf-8")
    info = site / "house_checks-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: house-checks\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[plancheck.checks]\nhouse = house_checks\n")
    monkeypatch.syspath_prepend(str(site))
    rules = tmp_path / "house-rules.yaml"
    rules.write_text(RULE, encoding="utf-8")
    return rules


def test_plugin_named_in_config_provides_a_check(installed_plugin: Path, write_plan: Any) -> None:
    path = write_plan("projects:\n  - {id: a, name: 甲平台}\n  - {id: b, name: 乙工程}\n")
    config = Config(plugins=["house"], rules=[str(installed_plugin)], select=["XY001"])
    findings = check(path, config).findings
    assert [(f.rule, f.subject.key) for f in findings] == [("XY001", "projects/a")]
    assert findings[0].message("zh") == "项目 甲平台 不以“工程”结尾"


def test_plugin_not_named_is_not_imported(installed_plugin: Path) -> None:
    sys.modules.pop("house_checks", None)
    Checker(Config())
    assert "house_checks" not in sys.modules


def test_rule_naming_an_unregistered_check_is_an_error(installed_plugin: Path) -> None:
    rules = installed_plugin.with_name("other-rules.yaml")
    rules.write_text(
        installed_plugin.read_text(encoding="utf-8").replace(
            "check: project-name-has-gongcheng", "check: no-such-check"
        ),
        encoding="utf-8",
    )
    with pytest.raises(RuleFileError, match="not registered"):
        Checker(Config(rules=[str(rules)]))


def test_pyproject_tool_section_is_read(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "plans"\n\n[tool.plancheck]\nignore = ["PC305"]\nlang = "zh"\n',
        encoding="utf-8",
    )
    config = load_config(tmp_path / "sub")
    assert config.ignore == ["PC305"] and config.lang == "zh"


def test_a_configuration_cannot_lift_the_file_limit_without_bound(tmp_path: Path) -> None:
    from plancheck import ConfigError
    from plancheck.engine.config import load_config_file

    config = tmp_path / ".plancheck.yaml"
    config.write_text("max_file_bytes: 99999999999\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="max_file_bytes"):
        load_config_file(config)
