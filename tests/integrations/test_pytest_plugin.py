"""The pytest plugin (entry point ``pytest11``), run in inner pytest sessions."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from plancheck import Checker
from tests.conftest import CORPUS, ROOT

pytest_plugins = ["pytester"]

# The inner sessions run in this process, and pytester forgets the modules they import;
# building a checker here imports the built-in checks once, for good, so the inner
# sessions do not register them a second time.
Checker()

# A small plan with no finding at all (the example of docs/format.md).
CLEAN = """\
plancheck: 1
id: example
title: 示例县“十四五”信息化规划
jurisdiction: {name: 示例县, level: county, parent: 示例市}
period: 2021-2025
sections:
  - {number: 一、, title: 发展目标}
  - {number: 二、, title: 重点工程}
boxes:
  - number: 1
    title: 信息基础设施重点工程
    section: "2"
    kind: projects
    items:
      - {number: 1, name: 光纤入户工程}
agencies:
  - {id: county-miit, name: 示例县工业和信息化局, aliases: [工信局], kind: government}
projects:
  - id: fibre-to-home
    name: 光纤入户工程
    category: 信息基础设施重点工程
    implementers: [{text: 工信局, agency: county-miit}]
    years: 2021-2023
    funding: "1,200"
totals:
  - {id: grand-total, label: 合计, value: 1200万元}
"""

# The same plan whose 合计 disagrees with the funding: PC201 (error).
BROKEN = CLEAN.replace("value: 1200万元", "value: 1300万元")
BROKEN_LINE = next(n for n, text in enumerate(BROKEN.splitlines(), 1) if "1300" in text)

# A 专栏 item no project traces to: PC402, a warning only.
WARNING_ONLY = CLEAN.replace(
    "      - {number: 1, name: 光纤入户工程}",
    "      - {number: 1, name: 光纤入户工程}\n      - {number: 2, name: 数据中心工程}",
)


def _plans(pytester: pytest.Pytester, **files: str) -> None:
    pytester.makefile(".yaml", **files)


def test_a_clean_plan_passes_a_broken_one_fails_with_file_line_col_code_message(
    pytester: pytest.Pytester,
) -> None:
    _plans(pytester, clean=CLEAN, broken=BROKEN, notes="title: not a plan\n")
    result = pytester.runpytest("--plancheck", "-v")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*broken.yaml::plancheck FAILED*",
            "*clean.yaml::plancheck PASSED*",
            f"broken.yaml:{BROKEN_LINE}:*: PC201 合计 1,300万元 differs from the sum*",
        ]
    )
    result.stdout.no_fnmatch_line("*notes.yaml*")


def test_opt_in_by_option_or_by_pyproject(pytester: pytest.Pytester) -> None:
    _plans(pytester, broken=BROKEN)
    result = pytester.runpytest()
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED
    pytester.makepyprojecttoml("[tool.pytest.ini_options]\nplancheck = true\n")
    pytester.runpytest().assert_outcomes(failed=1)


def test_fail_on_from_the_option_the_ini_or_the_plan_configuration(
    pytester: pytest.Pytester,
) -> None:
    _plans(pytester, plan=WARNING_ONLY)
    pytester.runpytest("--plancheck").assert_outcomes(passed=1)
    strict = pytester.runpytest("--plancheck", "--plancheck-fail-on", "warning")
    strict.assert_outcomes(failed=1)
    strict.stdout.fnmatch_lines(["plan.yaml:*:*: PC402 *"])
    pytester.makepyprojecttoml(
        '[tool.pytest.ini_options]\nplancheck = true\nplancheck_fail_on = "warning"\n'
    )
    pytester.runpytest().assert_outcomes(failed=1)
    pytester.makepyprojecttoml("[tool.pytest.ini_options]\nplancheck = true\n")
    pytester.makefile(".yaml", **{".plancheck": "fail_on: warning\n"})
    pytester.runpytest().assert_outcomes(failed=1)


def test_a_plan_directory_is_one_item(pytester: pytest.Pytester) -> None:
    head, _, rest = BROKEN.partition("projects:\n")
    body, _, tail = rest.partition("totals:\n")
    folder = pytester.mkdir("county")
    (folder / "plan.yaml").write_text(
        head + "parts: [projects.yaml]\ntotals:\n" + tail, encoding="utf-8"
    )
    (folder / "projects.yaml").write_text("projects:\n" + body, encoding="utf-8")
    result = pytester.runpytest("--plancheck", "-v")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        ["*county/plan.yaml::plancheck FAILED*", "county/plan.yaml:*PC201*"]
    )
    result.stdout.no_fnmatch_line("*projects.yaml::plancheck*")


def test_the_repository_configuration_waivers_and_baseline_apply(
    pytester: pytest.Pytester,
) -> None:
    _plans(pytester, plan=BROKEN)
    pytester.runpytest("--plancheck").assert_outcomes(failed=1)
    pytester.makepyprojecttoml("[tool.plancheck]\nignore = ['PC201']\n")
    pytester.runpytest("--plancheck").assert_outcomes(passed=1)
    pytester.makepyprojecttoml("")
    waivers = (
        "waivers:\n  - rule: PC201\n    subject: totals/grand-total\n    reason: 待核实\n"
        "    approved_by: 规划处\n    expires: 2099-12-31\n"
    )
    _plans(pytester, waivers=waivers)
    pytester.runpytest("--plancheck").assert_outcomes(passed=1)
    Path(pytester.path / "waivers.yaml").unlink()
    baseline = pytester.path / "accepted.json"
    assert _cli(pytester.path, "check", "plan.yaml", "--write-baseline", str(baseline)) == 0
    pytester.makepyprojecttoml('[tool.pytest.ini_options]\nplancheck_baseline = "accepted.json"\n')
    pytester.runpytest("--plancheck").assert_outcomes(passed=1)


def _cli(folder: Path, *args: str) -> int:
    from plancheck.cli import main

    here = Path.cwd()
    os.chdir(folder)
    try:
        return main([*args, "--quiet"])
    finally:
        os.chdir(here)


def test_fixtures_and_the_assertion_helper(pytester: pytest.Pytester) -> None:
    _plans(pytester, clean=CLEAN, broken=BROKEN)
    pytester.makepyfile(
        """
        import pytest

        from plancheck.testing import assert_clean, assert_no_new_findings


        def test_load_and_check(plancheck_load, plancheck_check):
            plan = plancheck_load("clean.yaml")
            assert plancheck_check(plan).exit_code == 0
            assert [f.rule for f in plancheck_check("broken.yaml").findings] == ["PC201"]
            assert plancheck_check("broken.yaml", ignore=["PC201"]).findings == []
            assert_no_new_findings(plancheck_check("clean.yaml"), plancheck_check("broken.yaml"))


        def test_helper_fails_readably(plancheck_check):
            assert_clean(plancheck_check("broken.yaml"))
        """
    )
    result = pytester.runpytest()
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        [
            "E*AssertionError: 1 finding(s) at or above error:",
            f"E*broken.yaml:{BROKEN_LINE}:*: PC201 合计 1,300万元 differs*",
        ]
    )


# -- the README's worked example, in a plan-data repository -----------------------------

_ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.invalid",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.invalid",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def _readme_test_file() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.DOTALL)
    return next(block for block in blocks if "plancheck_revision" in block)


def _git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", *args], cwd=folder, env={**os.environ, **_ENV}, check=True, capture_output=True
    )


@pytest.fixture
def plan_repository(pytester: pytest.Pytester) -> Path:
    """A plan-data repository: the Baoji plan committed with a baseline of its findings
    as published, the README's tests/test_plan.py, and a small Hypothesis profile."""
    repo = pytester.path
    shutil.copytree(CORPUS, repo / "plans" / "baoji")
    (repo / "tests").mkdir()
    (repo / "tests" / "test_plan.py").write_text(_readme_test_file(), encoding="utf-8")
    (repo / "tests" / "conftest.py").write_text(
        "from hypothesis import settings\n\n"
        "settings.register_profile('repo', max_examples=5, deadline=None, derandomize=True)\n"
        "settings.load_profile('repo')\n",
        encoding="utf-8",
    )
    assert _cli(repo, "check", "plans", "--write-baseline", "accepted.json") == 0
    (repo / "pyproject.toml").write_text(
        '[tool.pytest.ini_options]\nplancheck_baseline = "accepted.json"\n', encoding="utf-8"
    )
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "plan as published")
    return repo


def _run(pytester: pytest.Pytester) -> pytest.RunResult:
    # A subprocess: the repository's own conftest and Hypothesis profile stay its own.
    return pytester.runpytest_subprocess("--plancheck", "-p", "no:cacheprovider", "-v")


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_plan_repository_passes_clean_and_fails_broken(
    pytester: pytest.Pytester, plan_repository: Path
) -> None:
    clean = _run(pytester)
    clean.assert_outcomes(passed=3)
    clean.stdout.fnmatch_lines(["*plans/baoji/plan.yaml::plancheck PASSED*"])

    # The revision: a target lowered with no reason, and a 合计 that no longer adds up.
    indicators = plan_repository / "plans" / "baoji" / "indicators.yaml"
    text = indicators.read_text(encoding="utf-8")
    indicators.write_text(text.replace("value: 350,", "value: 320,", 1), encoding="utf-8")
    totals = plan_repository / "plans" / "baoji" / "declarations.yaml"
    text = totals.read_text(encoding="utf-8")
    totals.write_text(text.replace('"272,340万元"', '"272,440万元"', 1), encoding="utf-8")

    broken = _run(pytester)
    broken.assert_outcomes(passed=1, failed=2)
    broken.stdout.fnmatch_lines(
        [
            "*plans/baoji/plan.yaml::plancheck FAILED*",
            "*test_plan.py::test_the_revision_since_head_is_recorded FAILED*",
            "*test_plan.py::test_moving_money_between_projects_adds_no_finding PASSED*",
        ]
    )
    broken.stdout.fnmatch_lines(["plans/baoji/declarations.yaml:11:5: PC201 合计 272,440万元*"])
    broken.stdout.fnmatch_lines(["E*plans/baoji/indicators.yaml:17:*: PC702 target weakened*"])
